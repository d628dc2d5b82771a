//! A catalog after loading: every value checked for type and range, with the span it came from.

use crate::diagnostic::Span;
use errcodes_core::{ErrorKind, Retry, TimeUnit};

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
    /// `[catalog] api_enum` and `api_error`: the one type over every responding section.
    pub api: Api,
    /// `[catalog.headers]`: the venue's own response headers that guide retrying.
    pub headers: Headers,
    /// Each `[[http]]`: what a status means at this venue when no listed code was sent.
    pub http: Vec<HttpRule>,
    /// Each `[[enum]]`, in file order.
    pub enums: Vec<EnumDef>,
}

/// `[catalog] api_enum` and `api_error`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Api {
    /// The enum with one variant per responding section, and where it is named.
    pub enum_name: Option<(String, Span)>,
    /// The `ApiError<…>` alias, and where it is named.
    pub error_name: Option<(String, Span)>,
}

/// `[catalog.headers]`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Headers {
    /// A header saying `true`/`false` whether a retry is safe (Stripe-Should-Retry).
    pub should_retry: Option<String>,
    /// A header giving the moment a limit resets, in Unix milliseconds.
    pub reset_unix_ms: Option<String>,
}

/// Which statuses an `[[http]]` rule covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// One status: `status = 418`.
    Exact(u16),
    /// A class: `status = "5xx"` (the hundreds digit).
    Class(u16),
}

/// One `[[http]]` rule.
#[derive(Debug, Clone, PartialEq)]
pub struct HttpRule {
    /// The status or class it applies to.
    pub status: Status,
    /// A name a caller can match on.
    pub name: String,
    /// Where the rule starts.
    pub span: Span,
    /// A template the server's message must match for the rule to apply.
    pub message: Option<String>,
    /// What kind of failure the status means.
    pub kind: ErrorKind,
    /// Its retry advice: explicit, or the kind's default.
    pub retry: Retry,
    /// Where the wait comes from, if the message says.
    pub retry_after: Option<RetryAfter>,
    /// The longer explanation.
    pub description: Option<String>,
}

/// `retry_after = { from = "until", unit = "unix_seconds" }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryAfter {
    /// The placeholder whose value is the wait or the moment.
    pub from: String,
    /// How to read the value.
    pub unit: TimeUnit,
    /// Where `retry_after` is written.
    pub span: Span,
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
    /// Codes that mean success (`0` when none are given).
    pub ok_codes: Vec<Code>,
    /// A list of per-item results (OKX `data`).
    pub items: Option<String>,
    /// The code inside each item.
    pub item_code: Option<String>,
    /// The message inside each item.
    pub item_message: Option<String>,
    /// A second field whose value refines an entry (Stripe's `error.decline_code`).
    pub detail: Option<String>,
}

impl Default for Envelope {
    fn default() -> Self {
        Envelope {
            code: "code".to_owned(),
            message: "message".to_owned(),
            success: None,
            ok_codes: Vec::new(),
            items: None,
            item_code: None,
            item_message: None,
            detail: None,
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
    /// False for a section that is not an error response (refund reasons, close codes): it is
    /// left out of the API enum and never read from a body.
    pub responses: bool,
}

impl EnumDef {
    /// Every variant in declaration order: each entry followed by its refinements.
    pub fn variants(&self) -> impl Iterator<Item = &Entry> {
        self.entries
            .iter()
            .flat_map(|entry| std::iter::once(entry).chain(&entry.refinements))
    }

    /// True when the enum's codes are strings.
    pub fn string_codes(&self) -> bool {
        matches!(self.entries.first().map(|e| &e.code), Some(Code::Str(_)))
    }
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
    /// Where the wait comes from, when the code or message carries it.
    pub retry_after: Option<RetryAfter>,
    /// For a refinement: the value of the envelope's `detail` field that selects it (when
    /// absent, its message is the template the server's message must match).
    pub detail: Option<String>,
    /// Where the message is written.
    pub message_span: Span,
    /// `[[enum.error.refine]]`: other meanings of the same code, told apart by the message.
    /// Each is a variant of its own, with this entry's code.
    pub refinements: Vec<Entry>,
}
