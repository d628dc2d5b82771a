use alloc::boxed::Box;
use alloc::vec::Vec;
use core::fmt::{self, Debug, Display};
use core::time::Duration;

use crate::headers::{Headers, Wait};
use crate::{CodeRef, CodeType, ErrorCode, ErrorKind, HttpRule, Retry, Template};

/// Where a code was read: a REST body ([`ErrorCode::from_code`]) or a WebSocket answer
/// ([`ErrorCode::from_frame_code`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lookup {
    Rest,
    /// Only `websocket::read_frame` reads frames, and it needs the `json` feature.
    #[cfg(feature = "json")]
    Frame,
}

/// An API error as the server sent it, for any generated enum `E` (a section's enum, or the
/// catalog's API enum that joins them).
///
/// - A listed code becomes its variant ([`known`](ApiError::known)); when the catalog documents
///   several meanings for it, the server's message (or detail field) picks the refinement.
/// - A code the catalog does not list is kept as it came, with the server's message
///   ([`code`](ApiError::code)), and the venue's `[[http]]` rules or the HTTP status say what
///   it means.
/// - A response without a usable code (an empty body, a proxy's HTML page, JSON without the
///   code field) keeps its status and its text.
/// - A reply with several errors (a batch, a list of codes) keeps them all
///   ([`errors`](ApiError::errors)); the first is this one.
///
/// Nothing the server said is dropped. Allocation: a listed code whose message is the
/// catalog's, or none, costs nothing; a server message that differs from the catalog's is kept
/// in one `Box<str>`, and so is an unknown string code.
///
/// ```
/// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
/// use errcodes_runtime::{ApiError, ErrorKind, Retry};
///
/// let error = ApiError::<MexcError>::from_code(700002, Some("Signature for this request is not valid."));
/// assert_eq!(error.known(), Some(MexcError::InvalidSignature));
/// assert_eq!(error.kind(), ErrorKind::Authentication);
/// assert_eq!(error.retry(), Retry::Never);
/// ```
///
/// Every answer depends only on what the server sent, never on the order of the builder calls:
/// `with_status(429).with_message(m)` and `with_message(m).with_status(429)` are the same error.
pub struct ApiError<E: ErrorCode> {
    code: Code<E>,
    message: Message,
    status: Option<u16>,
    problem: Option<BodyProblem>,
    /// Derived from `code`, `message` and `status` by [`ApiError::settle`] after every change
    /// of one of them; kept so that `kind()` and `retry()` do not match templates again.
    rule: Option<&'static HttpRule>,
    wait: Wait,
    should_retry: Option<bool>,
    batch: Option<Box<Batch<E>>>,
}

enum Code<E: ErrorCode> {
    /// A listed code: `entry` is the code's own variant, `error` the variant the message (or
    /// detail) refined it to, always computed from `entry`; `sent` holds the code as sent when
    /// a template code matched it.
    Known {
        entry: E,
        error: E,
        sent: Option<<E::Code as CodeType>::Owned>,
    },
    Unknown(<E::Code as CodeType>::Owned),
    Missing,
}

#[derive(Clone, PartialEq, Eq)]
enum Message {
    /// The server sent none, or exactly the catalog's text.
    Catalog,
    Server(Box<str>),
}

/// What else a reply with several errors carried.
struct Batch<E: ErrorCode> {
    /// The envelope around the items (OKX's `{"code":"1","msg":"All operations failed"}`).
    outer: Option<ApiError<E>>,
    /// The errors after the first.
    others: Vec<ApiError<E>>,
}

/// Why a response could not be read as the catalog's error envelope.
///
/// ```
/// assert_eq!(errcodes_runtime::BodyProblem::NotJson.to_string(), "body is not JSON");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BodyProblem {
    /// The body was empty (or only white space).
    Empty,
    /// The body was not JSON, e.g. an HTML error page from a proxy.
    NotJson,
    /// The body was JSON but had no code field (or a code of the wrong type).
    NoCode,
    /// The body was JSON cut short. On a success status whatever it said is lost and the
    /// request may have taken effect, so [`retry`](ApiError::retry) says to verify first; on an
    /// error status the status decides.
    Truncated,
}

impl Display for BodyProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            BodyProblem::Empty => "empty body",
            BodyProblem::NotJson => "body is not JSON",
            BodyProblem::NoCode => "body has no usable error code",
            BodyProblem::Truncated => "body is JSON cut short",
        })
    }
}

impl<E: ErrorCode> ApiError<E> {
    fn with_code(code: Code<E>) -> Self {
        ApiError {
            code,
            message: Message::Catalog,
            status: None,
            problem: None,
            rule: None,
            wait: Wait::NONE,
            should_retry: None,
            batch: None,
        }
    }

    /// A listed error with the catalog's message.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// let error = errcodes_runtime::ApiError::new(MexcError::TooManyRequests);
    /// assert_eq!(error.message(), "Too Many Requests");
    /// ```
    pub fn new(known: E) -> Self {
        ApiError::with_code(Code::Known {
            entry: known,
            error: known,
            sent: None,
        })
    }

    /// The error for `code` as the server sent it, with the server's message if any; the
    /// message picks among the code's documented meanings.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// let error = errcodes_runtime::ApiError::<MexcError>::from_code(123456789, Some("new"));
    /// assert_eq!(error.known(), None);
    /// assert_eq!(error.code(), Some(123456789));
    /// assert_eq!(error.message(), "new");
    /// ```
    pub fn from_code(code: CodeRef<'_, E>, message: Option<&str>) -> Self {
        ApiError::from_code_and_detail(code, Lookup::Rest, message, None)
    }

    /// [`from_code`](ApiError::from_code) with the envelope's detail field, in one step, the
    /// code looked up as a REST body's or a WebSocket answer's.
    pub(crate) fn from_code_and_detail(
        code: CodeRef<'_, E>,
        lookup: Lookup,
        message: Option<&str>,
        detail: Option<&str>,
    ) -> Self {
        let known = match lookup {
            Lookup::Rest => E::from_code(code),
            #[cfg(feature = "json")]
            Lookup::Frame => E::from_frame_code(code),
        };
        let error = match known {
            Some(known) => {
                let sent = (!same_code::<E>(known, code)).then(|| E::Code::to_owned_code(code));
                ApiError::with_code(Code::Known {
                    entry: known,
                    error: known,
                    sent,
                })
            }
            None => ApiError::with_code(Code::Unknown(E::Code::to_owned_code(code))),
        };
        error.with_message_and_detail(message, detail)
    }

    /// A response that carried no usable code: its text is kept as the message.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::{ApiError, BodyProblem};
    ///
    /// let error = ApiError::<MexcError>::without_code(BodyProblem::NotJson, "<html>502</html>");
    /// assert_eq!(error.body_problem(), Some(BodyProblem::NotJson));
    /// ```
    pub fn without_code(problem: BodyProblem, text: &str) -> Self {
        let mut error = ApiError::with_code(Code::Missing);
        error.problem = Some(problem);
        error.with_message(Some(text))
    }

    /// Records the HTTP status the error came with. When the catalog does not list the code,
    /// the venue's `[[http]]` rules (by status, and by message where a rule says) and then the
    /// status itself decide [`kind`](ApiError::kind) and [`retry`](ApiError::retry).
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::{ApiError, BodyProblem, Retry};
    ///
    /// let error = ApiError::<MexcError>::without_code(BodyProblem::Empty, "").with_status(504);
    /// assert_eq!(error.retry(), Retry::VerifyFirst);
    /// ```
    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self.settle();
        self
    }

    /// Recomputes what is derived from the stored facts, after any of them changed: the
    /// `[[http]]` rule (from the code, the status and the message), and for every other error
    /// of the reply (a batch's items, the envelope around them) the status and its rule, so an
    /// unlisted code among a batch's items is judged by the venue's rules like the first.
    fn settle(&mut self) {
        self.rule = match (&self.code, self.status) {
            (Code::Known { .. }, _) | (_, None) => None,
            (_, Some(status)) => HttpRule::find(E::HTTP, status, self.message()),
        };
        if let Some(batch) = &mut self.batch {
            for other in batch.others.iter_mut().chain(&mut batch.outer) {
                if other.status != self.status {
                    other.status = self.status;
                    other.settle();
                }
            }
        }
    }

    /// Reads the response headers that guide retrying: `Retry-After` (seconds or an HTTP
    /// date) and the venue's own (`[catalog.headers]`: a should-retry flag, a reset time).
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use core::time::Duration;
    /// use errcodes_runtime::{ApiError, BodyProblem};
    ///
    /// let error = ApiError::<MexcError>::without_code(BodyProblem::Empty, "")
    ///     .with_status(429)
    ///     .with_headers(&[("retry-after", "30")]);
    /// assert_eq!(error.retry_after_at(0), Some(Duration::from_secs(30)));
    /// ```
    pub fn with_headers<H: Headers + ?Sized>(mut self, headers: &H) -> Self {
        let venue = E::HEADERS;
        self.wait = Wait::from_headers(headers, venue);
        self.should_retry = venue
            .should_retry
            .and_then(|name| headers.header(name))
            .and_then(|value| match value.trim() {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            });
        self
    }

    /// Adds a wait the answer asked for outside any header (a WebSocket frame's field).
    #[cfg(feature = "json")]
    pub(crate) fn with_wait(mut self, wait: Wait) -> Self {
        self.wait = self.wait.and(wait);
        self
    }

    /// Keeps `message` unless it is absent or exactly the catalog's text, and lets it pick
    /// among the code's documented meanings.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// let error = errcodes_runtime::ApiError::new(MexcError::TooManyRequests).with_message(Some("slow down"));
    /// assert!(error.message_differs());
    /// ```
    pub fn with_message(self, message: Option<&str>) -> Self {
        self.with_message_and_detail(message, None)
    }

    /// [`with_message`](ApiError::with_message), where the envelope's detail field (Stripe's
    /// `decline_code`) may pick the meaning too.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// let error = errcodes_runtime::ApiError::new(MexcError::TooManyRequests)
    ///     .with_message_and_detail(None, Some("anything"));
    /// assert_eq!(error.known(), Some(MexcError::TooManyRequests));
    /// ```
    pub fn with_message_and_detail(mut self, message: Option<&str>, detail: Option<&str>) -> Self {
        let text = message.filter(|text| !text.is_empty());
        if let Code::Known { entry, error, .. } = &mut self.code {
            // Always from the code's own entry: a second message may pick another meaning.
            *error = match (text, detail) {
                (None, None) => *entry,
                _ => entry.refine(text.unwrap_or(""), detail),
            };
        }
        self.message = match text {
            Some(text) if Some(text) != self.known().map(E::message) => {
                Message::Server(text.into())
            }
            _ => Message::Catalog,
        };
        self.settle();
        self
    }

    /// Adds the errors after this one, of a reply that carried several, and the envelope
    /// around them, if any.
    #[cfg(feature = "serde")]
    pub(crate) fn with_batch(
        mut self,
        outer: Option<ApiError<E>>,
        others: Vec<ApiError<E>>,
    ) -> Self {
        if outer.is_some() || !others.is_empty() {
            self.batch = Some(Box::new(Batch { outer, others }));
            self.settle();
        }
        self
    }

    /// The variant, when the catalog lists the code; a refinement when the message selected one.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// let error = errcodes_runtime::ApiError::<MexcError>::from_code(429, None);
    /// assert_eq!(error.known(), Some(MexcError::TooManyRequests));
    /// ```
    pub fn known(&self) -> Option<E> {
        match self.code {
            Code::Known { error, .. } => Some(error),
            _ => None,
        }
    }

    /// True when the server's message (or detail) selected one of the code's documented
    /// meanings other than the entry itself.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// assert!(!errcodes_runtime::ApiError::<MexcError>::from_code(429, None).is_refined());
    /// ```
    pub fn is_refined(&self) -> bool {
        self.known().is_some_and(E::is_refinement)
    }

    /// The code the server sent, listed or not; `None` when the response had no usable code.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// assert_eq!(errcodes_runtime::ApiError::<MexcError>::from_code(429, None).code(), Some(429));
    /// ```
    pub fn code(&self) -> Option<CodeRef<'_, E>> {
        match &self.code {
            Code::Known {
                sent: Some(sent), ..
            } => Some(E::Code::borrow_code(sent)),
            Code::Known {
                error, sent: None, ..
            } => Some(E::Code::reborrow(error.code())),
            Code::Unknown(code) => Some(E::Code::borrow_code(code)),
            Code::Missing => None,
        }
    }

    /// The server's message; the catalog's when the server sent none (or the same text).
    /// For a response without a code this is its body; empty when the server sent nothing.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// let error = errcodes_runtime::ApiError::<MexcError>::from_code(429, None);
    /// assert_eq!(error.message(), "Too Many Requests");
    /// ```
    pub fn message(&self) -> &str {
        match (&self.message, self.known()) {
            (Message::Server(text), _) => text,
            (Message::Catalog, Some(known)) => known.message(),
            (Message::Catalog, None) => "",
        }
    }

    /// True when the server's message is neither the catalog's text nor a match of its
    /// template (`Insufficient {currency} balance` matches "Insufficient USDT balance").
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// let error = errcodes_runtime::ApiError::<MexcError>::from_code(429, Some("Too Many Requests"));
    /// assert!(!error.message_differs());
    /// ```
    pub fn message_differs(&self) -> bool {
        match (&self.message, self.known()) {
            (Message::Server(text), Some(known)) => !Template::new(known.message()).matches(text),
            _ => false,
        }
    }

    /// The value a placeholder of the catalog's code or message template stood for in what
    /// the server sent (`{currency}` → `"USDT"`).
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// let error = errcodes_runtime::ApiError::<MexcError>::from_code(429, None);
    /// assert_eq!(error.placeholder("currency"), None);
    /// ```
    pub fn placeholder(&self, name: &str) -> Option<&str> {
        if let Code::Known {
            error,
            sent: Some(sent),
            ..
        } = &self.code
            && let Some(value) = E::Code::capture(error.code(), E::Code::borrow_code(sent), name)
        {
            return Some(value);
        }
        let template = match (self.known(), self.rule) {
            (Some(known), _) => known.message(),
            (None, Some(rule)) => rule.message?,
            (None, None) => return None,
        };
        Template::new(template).capture(self.message(), name)
    }

    /// The HTTP status, when one was given.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// let error = errcodes_runtime::ApiError::<MexcError>::from_code(429, None).with_status(429);
    /// assert_eq!(error.status(), Some(429));
    /// ```
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// Why the body could not be read as an error envelope, if it could not.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// assert_eq!(errcodes_runtime::ApiError::<MexcError>::from_code(429, None).body_problem(), None);
    /// ```
    pub fn body_problem(&self) -> Option<BodyProblem> {
        self.problem
    }

    /// The venue's `[[http]]` rule that decided, for a code the catalog does not list.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// assert!(errcodes_runtime::ApiError::<MexcError>::from_code(429, None).http_rule().is_none());
    /// ```
    pub fn http_rule(&self) -> Option<&'static HttpRule> {
        self.rule
    }

    /// Every error the reply carried, this one first (a batch's failed items, a list of codes).
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// assert_eq!(errcodes_runtime::ApiError::<MexcError>::from_code(429, None).errors().count(), 1);
    /// ```
    pub fn errors(&self) -> impl Iterator<Item = &ApiError<E>> {
        core::iter::once(self).chain(self.batch.iter().flat_map(|batch| &batch.others))
    }

    /// The envelope around a batch's items (OKX's `{"code":"1","msg":"All operations failed"}`),
    /// when the real errors were inside them.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// assert!(errcodes_runtime::ApiError::<MexcError>::from_code(429, None).envelope_error().is_none());
    /// ```
    pub fn envelope_error(&self) -> Option<&ApiError<E>> {
        self.batch.as_ref()?.outer.as_ref()
    }

    /// What kind of failure this is: the listed code's kind (its refinement's, when the
    /// message selected one); otherwise the venue's `[[http]]` rule; otherwise the status:
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
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::{ApiError, ErrorKind};
    ///
    /// let error = ApiError::<MexcError>::from_code(1, None).with_status(404);
    /// assert_eq!(error.kind(), ErrorKind::NotFound);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        if let Some(known) = self.known() {
            return known.kind();
        }
        if let Some(rule) = self.rule {
            return rule.kind;
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

    /// Whether and how to send the request again: the most cautious advice of every error the
    /// reply carried (verify first, then never, then back off), each the listed code's advice,
    /// else the venue's `[[http]]` rule, else the status (429 backs off; 408, every 5xx and a
    /// missing status verify first, since the request may have taken effect; other 4xx never).
    /// A venue header that says whether to retry (`Stripe-Should-Retry`) has the last word.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::{ApiError, Retry};
    ///
    /// assert_eq!(ApiError::<MexcError>::from_code(1, None).with_status(429).retry(), Retry::Backoff);
    /// ```
    pub fn retry(&self) -> Retry {
        match self.should_retry {
            Some(true) => return Retry::Backoff,
            Some(false) => return Retry::Never,
            None => {}
        }
        self.errors()
            .map(ApiError::own_retry)
            .reduce(Retry::most_cautious)
            .unwrap_or(Retry::VerifyFirst)
    }

    fn own_retry(&self) -> Retry {
        if let Some(known) = self.known() {
            return known.retry();
        }
        // A success answer cut short lost what it said: the request may have taken effect. A
        // 4xx cut short still said "refused", and its status decides below.
        if self.problem == Some(BodyProblem::Truncated)
            && self
                .status
                .is_none_or(|status| (200..300).contains(&status))
        {
            return Retry::VerifyFirst;
        }
        if let Some(rule) = self.rule {
            return rule.retry;
        }
        match self.status {
            Some(429) => Retry::Backoff,
            Some(408 | 500..=599) | None => Retry::VerifyFirst,
            Some(_) => Retry::Never,
        }
    }

    /// How long to wait before sending again, given the current Unix time in milliseconds:
    /// the longest of a wait the catalog reads from the code or message (`banned until
    /// {until}`), `Retry-After` and the venue's reset header, so a moment already past never
    /// shortens a relative wait (the rule is [`Advice::retry_after`](crate::Advice::retry_after)'s).
    /// `None` when the response says nothing. Without `std` this is the way to ask; with it,
    /// [`retry_after`](ApiError::retry_after) reads the clock.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// assert_eq!(errcodes_runtime::ApiError::<MexcError>::from_code(429, None).retry_after_at(0), None);
    /// ```
    pub fn retry_after_at(&self, now_unix_ms: u64) -> Option<Duration> {
        let declared = self
            .known()
            .and_then(E::retry_after_rule)
            .or_else(|| self.rule.and_then(|rule| rule.retry_after))
            .and_then(|rule| Some(Wait::in_unit(self.placeholder(rule.from)?, rule.unit)));
        self.wait
            .and(declared.unwrap_or(Wait::NONE))
            .wait_ms(now_unix_ms)
            .map(Duration::from_millis)
    }

    /// [`retry_after_at`](ApiError::retry_after_at) the current time.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// assert_eq!(errcodes_runtime::ApiError::<MexcError>::from_code(429, None).retry_after(), None);
    /// ```
    #[cfg(feature = "std")]
    pub fn retry_after(&self) -> Option<Duration> {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_millis() as u64);
        self.retry_after_at(now)
    }
}

/// True when the code as sent is the listed code itself (not a match of a template code).
fn same_code<E: ErrorCode>(known: E, sent: CodeRef<'_, E>) -> bool {
    E::Code::reborrow(known.code()) == sent
}

/// How much of a body without a code `Display` shows; [`ApiError::message`] has all of it.
const DISPLAY_BODY_LIMIT: usize = 200;

impl<E: ErrorCode> Display for ApiError<E> {
    /// `mexc 700002: Signature for this request is not valid [HTTP 400]`: the catalog, the
    /// code, the message and the status, once. [`source`](core::error::Error::source) is
    /// `None`, so an error chain does not print the message twice.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.code, self.code()) {
            (Code::Known { .. }, Some(code)) => {
                write!(f, "{} {code}: {}", E::CATALOG, self.message())?
            }
            (Code::Unknown(_), Some(code)) => {
                write!(f, "{} code {code} (not in the catalog)", E::CATALOG)?;
                if !self.message().is_empty() {
                    write!(f, ": {}", self.message())?;
                }
            }
            _ => {
                let problem = self.problem.unwrap_or(BodyProblem::NoCode);
                write!(f, "{} error without a code ({problem})", E::CATALOG)?;
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
        if let Some(rule) = self.rule {
            write!(f, " ({})", rule.name)?;
        }
        if let Some(status) = self.status {
            write!(f, " [HTTP {status}]")?;
        }
        let more = self.errors().count() - 1;
        if more > 0 {
            write!(f, " (and {more} more)")?;
        }
        Ok(())
    }
}

impl<E: ErrorCode> Debug for ApiError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut debug = f.debug_struct("ApiError");
        match &self.code {
            Code::Known { error, .. } => debug.field("known", error),
            Code::Unknown(code) => debug.field("unknown_code", code),
            Code::Missing => debug.field("code", &None::<()>),
        };
        debug
            .field("message", &self.message())
            .field("status", &self.status)
            .field("body_problem", &self.problem)
            .field("http_rule", &self.rule.map(|rule| rule.name));
        if let Some(batch) = &self.batch {
            debug.field("more", &batch.others);
            if let Some(outer) = &batch.outer {
                debug.field("envelope", outer);
            }
        }
        debug.finish()
    }
}

impl<E: ErrorCode> Clone for ApiError<E> {
    fn clone(&self) -> Self {
        ApiError {
            code: match &self.code {
                Code::Known { entry, error, sent } => Code::Known {
                    entry: *entry,
                    error: *error,
                    sent: sent.clone(),
                },
                Code::Unknown(code) => Code::Unknown(code.clone()),
                Code::Missing => Code::Missing,
            },
            message: self.message.clone(),
            status: self.status,
            problem: self.problem,
            rule: self.rule,
            wait: self.wait,
            should_retry: self.should_retry,
            batch: self.batch.as_ref().map(|batch| {
                Box::new(Batch {
                    outer: batch.outer.clone(),
                    others: batch.others.clone(),
                })
            }),
        }
    }
}

impl<E: ErrorCode> PartialEq for ApiError<E> {
    fn eq(&self, other: &Self) -> bool {
        self.known() == other.known()
            && self.code() == other.code()
            && self.message() == other.message()
            && self.status == other.status
            && self.problem == other.problem
            && self.errors().count() == other.errors().count()
            && self
                .errors()
                .skip(1)
                .zip(other.errors().skip(1))
                .all(|(a, b)| a == b)
    }
}

impl<E: ErrorCode> Eq for ApiError<E> {}

impl<E: ErrorCode> From<E> for ApiError<E> {
    fn from(known: E) -> Self {
        ApiError::new(known)
    }
}

/// `source()` is `None`: `Display` already says everything, and a chain printer (anyhow,
/// eyre) would otherwise print the documented message a second time.
impl<E: ErrorCode> core::error::Error for ApiError<E> {}
