//! A catalog after loading: every value checked for type and range, with the span it came from.

use crate::diagnostic::Span;
use errcodes_core::{ErrorKind, Retry};

/// One catalog file.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    /// `[catalog] name`: the lower-case id.
    pub name: String,
    /// `[catalog] title`.
    pub title: Option<String>,
    /// `[catalog] source`: where the codes come from.
    pub source: Option<String>,
    /// `[catalog] envelope`: field names of the API's JSON error body.
    pub envelope: Envelope,
    /// Each `[[enum]]`, in file order.
    pub enums: Vec<EnumDef>,
}

/// Field names of the API's JSON error body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// The field holding the code.
    pub code: String,
    /// The field holding the message.
    pub message: String,
    /// A boolean field that is false on errors, if the API has one.
    pub success: Option<String>,
}

impl Default for Envelope {
    fn default() -> Self {
        Envelope {
            code: "code".to_owned(),
            message: "message".to_owned(),
            success: None,
        }
    }
}

/// One `[[enum]]`: one generated Rust enum.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumDef {
    /// The Rust type name.
    pub name: String,
    /// Where the name is written (or the `[[enum]]` header when it is missing).
    pub name_span: Span,
    /// Rustdoc for the enum.
    pub doc: Option<String>,
    /// Each `[[enum.error]]`, in file order.
    pub entries: Vec<Entry>,
}

/// A code: every code of one enum is of one type.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    /// `code = 700002`
    Int(i64),
    /// `code = "EOrder:Insufficient funds"`
    Str(String),
}

impl Code {
    /// `"integer"` or `"string"`, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Code::Int(_) => "integer",
            Code::Str(_) => "string",
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Code::Int(code) => write!(f, "{code}"),
            Code::Str(code) => write!(f, "{code:?}"),
        }
    }
}

/// One `[[enum.error]]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The code the API sends.
    pub code: Code,
    /// Where the code is written.
    pub code_span: Span,
    /// The variant name, explicit or derived from the message.
    pub name: String,
    /// Where the name is written, or the message it was derived from.
    pub name_span: Span,
    /// True when `name` was derived from the message.
    pub name_derived: bool,
    /// The `Display` text, byte for byte.
    pub message: String,
    /// What kind of failure it is.
    pub kind: ErrorKind,
    /// Where the kind is written.
    pub kind_span: Span,
    /// The entry's retry advice: explicit, or the kind's default.
    pub retry: Retry,
    /// The longer explanation.
    pub description: Option<String>,
    /// The documentation strikes this code through.
    pub deprecated: bool,
}
