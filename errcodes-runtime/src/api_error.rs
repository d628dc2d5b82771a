use alloc::boxed::Box;
use core::fmt::{self, Debug, Display};

use crate::{CodeRef, CodeType, ErrorCode, ErrorKind, Retry};

/// An API error as the server sent it, for any generated enum `E`.
///
/// A listed code becomes its variant ([`known`](ApiError::known)); a code the catalog does not
/// list is kept as it came, with the server's message ([`code`](ApiError::code)); a response
/// without a usable code (an empty body, a proxy's HTML page, JSON without the code field)
/// keeps its status and its text. Nothing the server said is dropped.
///
/// Allocation: a listed code whose message is the catalog's, or none, costs nothing; a server
/// message that differs from the catalog's is kept in one `Box<str>`, and so is an unknown
/// string code.
pub struct ApiError<E: ErrorCode> {
    code: Code<E>,
    message: Message,
    status: Option<u16>,
    problem: Option<BodyProblem>,
}

enum Code<E: ErrorCode> {
    Known(E),
    Unknown(<E::Code as CodeType>::Owned),
    Missing,
}

#[derive(Clone, PartialEq, Eq)]
enum Message {
    /// The server sent none, or exactly the catalog's text.
    Catalog,
    Server(Box<str>),
}

/// Why a response could not be read as the catalog's error envelope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BodyProblem {
    /// The body was empty (or only white space).
    Empty,
    /// The body was not JSON, e.g. an HTML error page from a proxy.
    NotJson,
    /// The body was JSON but had no code field (or a code of the wrong type).
    NoCode,
}

impl Display for BodyProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            BodyProblem::Empty => "empty body",
            BodyProblem::NotJson => "body is not JSON",
            BodyProblem::NoCode => "body has no usable error code",
        })
    }
}

impl<E: ErrorCode> ApiError<E> {
    /// A listed error with the catalog's message.
    pub fn new(known: E) -> Self {
        ApiError {
            code: Code::Known(known),
            message: Message::Catalog,
            status: None,
            problem: None,
        }
    }

    /// The error for `code` as the server sent it, with the server's message if any.
    pub fn from_code(code: CodeRef<'_, E>, message: Option<&str>) -> Self {
        match E::from_code(code) {
            Some(known) => ApiError::new(known).with_message(message),
            None => ApiError {
                code: Code::Unknown(E::Code::to_owned_code(code)),
                message: Message::Catalog,
                status: None,
                problem: None,
            }
            .with_message(message),
        }
    }

    /// A response that carried no usable code: its text is kept as the message.
    pub fn without_code(problem: BodyProblem, text: &str) -> Self {
        ApiError {
            code: Code::Missing,
            message: Message::Catalog,
            status: None,
            problem: Some(problem),
        }
        .with_message(Some(text))
    }

    /// Records the HTTP status the error came with; it guides [`kind`](ApiError::kind) and
    /// [`retry`](ApiError::retry) for codes the catalog does not list.
    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// Keeps `message` unless it is absent or exactly the catalog's text.
    pub fn with_message(mut self, message: Option<&str>) -> Self {
        self.message = match message {
            Some(text) if !text.is_empty() && Some(text) != self.known().map(E::message) => {
                Message::Server(text.into())
            }
            _ => Message::Catalog,
        };
        self
    }

    /// The variant, when the catalog lists the code.
    pub fn known(&self) -> Option<E> {
        match self.code {
            Code::Known(known) => Some(known),
            _ => None,
        }
    }

    /// The code the server sent, listed or not; `None` when the response had no usable code.
    pub fn code(&self) -> Option<CodeRef<'_, E>> {
        match &self.code {
            Code::Known(known) => Some(E::Code::reborrow(known.code())),
            Code::Unknown(code) => Some(E::Code::borrow_code(code)),
            Code::Missing => None,
        }
    }

    /// The server's message; the catalog's when the server sent none (or the same text).
    /// For a response without a code this is its body; empty when the server sent nothing.
    pub fn message(&self) -> &str {
        match (&self.message, self.known()) {
            (Message::Server(text), _) => text,
            (Message::Catalog, Some(known)) => known.message(),
            (Message::Catalog, None) => "",
        }
    }

    /// True when the server's message differs from the catalog's.
    pub fn message_differs(&self) -> bool {
        self.known().is_some() && matches!(self.message, Message::Server(_))
    }

    /// The HTTP status, when one was given.
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// Why the body could not be read as an error envelope, if it could not.
    pub fn body_problem(&self) -> Option<BodyProblem> {
        self.problem
    }

    /// The catalog's kind for a listed code; otherwise judged from the HTTP status:
    ///
    /// | status | kind |
    /// |---|---|
    /// | 401 | `Authentication` |
    /// | 403 | `PermissionDenied` |
    /// | 404 | `NotFound` |
    /// | 408, 504 | `Timeout` |
    /// | 409 | `Conflict` |
    /// | 429 | `RateLimited` |
    /// | 502, 503 | `Unavailable` |
    /// | other 4xx | `InvalidRequest` |
    /// | other 5xx | `Internal` |
    /// | none or other | `Other` |
    pub fn kind(&self) -> ErrorKind {
        if let Some(known) = self.known() {
            return known.kind();
        }
        match self.status {
            Some(401) => ErrorKind::Authentication,
            Some(403) => ErrorKind::PermissionDenied,
            Some(404) => ErrorKind::NotFound,
            Some(408 | 504) => ErrorKind::Timeout,
            Some(409) => ErrorKind::Conflict,
            Some(429) => ErrorKind::RateLimited,
            Some(502 | 503) => ErrorKind::Unavailable,
            Some(400..=499) => ErrorKind::InvalidRequest,
            Some(500..=599) => ErrorKind::Internal,
            _ => ErrorKind::Other,
        }
    }

    /// The catalog's advice for a listed code; otherwise judged from the HTTP status:
    /// 429 backs off; every 5xx and 408 verify first (a gateway may have forwarded the request
    /// before failing, so the outcome is unknown); other 4xx never retry; without a status the
    /// outcome is unknown, so verify first.
    pub fn retry(&self) -> Retry {
        if let Some(known) = self.known() {
            return known.retry();
        }
        match self.status {
            Some(429) => Retry::Backoff,
            Some(408 | 500..=599) | None => Retry::VerifyFirst,
            Some(_) => Retry::Never,
        }
    }
}

/// How much of a body without a code `Display` shows; [`ApiError::message`] has all of it.
const DISPLAY_BODY_LIMIT: usize = 200;

impl<E: ErrorCode> Display for ApiError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.code {
            Code::Known(known) => write!(f, "{} {}: {}", E::ENUM, known.code(), self.message())?,
            Code::Unknown(code) => {
                write!(f, "{} code {code} (not in the catalog)", E::ENUM)?;
                if !self.message().is_empty() {
                    write!(f, ": {}", self.message())?;
                }
            }
            Code::Missing => {
                let problem = self.problem.unwrap_or(BodyProblem::NoCode);
                write!(f, "{} error without a code ({problem})", E::ENUM)?;
                let text = self.message().trim();
                if !text.is_empty() {
                    let shown = match text.char_indices().nth(DISPLAY_BODY_LIMIT) {
                        Some((end, _)) => &text[..end],
                        None => text,
                    };
                    write!(f, ": {shown}")?;
                    if shown.len() < text.len() {
                        write!(f, "… ({} more bytes)", text.len() - shown.len())?;
                    }
                }
            }
        }
        if let Some(status) = self.status {
            write!(f, " [HTTP {status}]")?;
        }
        Ok(())
    }
}

impl<E: ErrorCode> Debug for ApiError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut debug = f.debug_struct("ApiError");
        match &self.code {
            Code::Known(known) => debug.field("known", known),
            Code::Unknown(code) => debug.field("unknown_code", code),
            Code::Missing => debug.field("code", &None::<()>),
        };
        debug
            .field("message", &self.message())
            .field("status", &self.status)
            .field("body_problem", &self.problem)
            .finish()
    }
}

impl<E: ErrorCode> Clone for ApiError<E> {
    fn clone(&self) -> Self {
        ApiError {
            code: match &self.code {
                Code::Known(known) => Code::Known(*known),
                Code::Unknown(code) => Code::Unknown(code.clone()),
                Code::Missing => Code::Missing,
            },
            message: self.message.clone(),
            status: self.status,
            problem: self.problem,
        }
    }
}

impl<E: ErrorCode> PartialEq for ApiError<E> {
    fn eq(&self, other: &Self) -> bool {
        self.code() == other.code()
            && self.message() == other.message()
            && self.status == other.status
            && self.problem == other.problem
    }
}

impl<E: ErrorCode> Eq for ApiError<E> {}

impl<E: ErrorCode> From<E> for ApiError<E> {
    fn from(known: E) -> Self {
        ApiError::new(known)
    }
}

impl<E: ErrorCode> core::error::Error for ApiError<E> {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match &self.code {
            Code::Known(known) => Some(known),
            _ => None,
        }
    }
}
