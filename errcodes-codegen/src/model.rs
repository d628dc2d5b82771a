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
    /// `[catalog] api_enum` and `api_error`: the one type over every responding section.
    pub api: Api,
    /// `[catalog.headers]`: the venue's own response headers that guide retrying.
    pub headers: Headers,
    /// `[catalog.websocket]`: how the venue's WebSocket answers look, when the catalog says.
    pub websocket: Option<WebSocket>,
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

/// `[catalog.headers]`: the venue's header names (`errcodes_core`'s shape, with owned text).
pub type Headers = errcodes_core::venue::HeaderNames<String>;

/// `[catalog.websocket]` (`errcodes_core`'s shape, with owned text; its envelope is the
/// catalog's when the table names none).
pub type WebSocket = errcodes_core::websocket::WebSocketEnvelope<String, Vec<Code>>;

/// Which statuses an `[[http]]` rule covers: `status = 418` or `status = "5xx"`.
pub use errcodes_core::venue::StatusMatch as Status;

/// A value and where its table is written in the catalog; reads as the value itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At<T> {
    /// The value.
    pub value: T,
    /// Where it is written.
    pub span: Span,
}

impl<T> std::ops::Deref for At<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

/// One `[[http]]` rule (`errcodes_core`'s shape, with owned text), and where it starts.
pub type HttpRule = At<errcodes_core::venue::HttpRule<String, RetryAfter>>;

/// `retry_after = { from = "until", unit = "unix_seconds" }`, and where it is written.
pub type RetryAfter = At<errcodes_core::venue::RetryAfterRule<String>>;

/// Field names of the API's JSON error body (`errcodes_core`'s shape, with owned text and the
/// success codes as written).
pub type Envelope = errcodes_core::venue::Envelope<String, Vec<Code>>;

/// The envelope of a catalog that names none: [`errcodes_core::venue::Envelope::DEFAULT`].
///
/// ```
/// let envelope = errcodes_codegen::model::default_envelope();
/// assert_eq!((envelope.code.as_str(), envelope.message.as_str()), ("code", "message"));
/// assert_eq!(envelope.ok_codes, [errcodes_codegen::Code::Int(0)]);
/// ```
pub fn default_envelope() -> Envelope {
    errcodes_core::venue::Envelope::DEFAULT.map(str::to_owned, |codes| {
        codes.iter().map(|&code| Code::parse(code)).collect()
    })
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
    /// True for a section whose codes only WebSocket answers carry (`websocket = true`): it
    /// joins the API enum, a frame's code is looked up in it first, and a REST body's never.
    pub websocket: bool,
    /// The codes of entries the loader left out for another mistake: only the duplicate-code
    /// check reads them, so that a catalog's every mistake shows in one build.
    pub rejected_codes: Vec<(Code, Span)>,
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
    /// A code written as text: an integer when it is one (`"0"`), a string otherwise.
    ///
    /// ```
    /// use errcodes_codegen::Code;
    ///
    /// assert_eq!(Code::parse("200"), Code::Int(200));
    /// assert_eq!(Code::parse("00000"), Code::Str("00000".to_owned()));
    /// ```
    pub fn parse(text: &str) -> Code {
        match text.parse::<i64>() {
            Ok(code) if code.to_string() == text => Code::Int(code),
            _ => Code::Str(text.to_owned()),
        }
    }

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
