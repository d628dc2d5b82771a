//! What a catalog says about a venue beyond its codes, as one definition for both sides: the
//! engine fills these with owned text while it reads a catalog (`Envelope<String, Vec<Code>>`),
//! and generated code hands them to the runtime as constants (`Envelope`, whose default
//! parameters are `&'static str`).
//!
//! ```
//! use errcodes_core::venue::{Envelope, HttpRule, StatusMatch};
//! use errcodes_core::{ErrorKind, Retry};
//!
//! const BAN: HttpRule = HttpRule {
//!     status: StatusMatch::Exact(418),
//!     name: "IpBanned",
//!     message: None,
//!     kind: ErrorKind::RateLimited,
//!     retry: Retry::Backoff,
//!     retry_after: None,
//!     description: None,
//! };
//! assert_eq!(BAN.name, "IpBanned");
//! let owned: Envelope<String, Vec<String>> = Envelope::DEFAULT.map(str::to_owned, |codes| {
//!     codes.iter().map(|&code| code.to_owned()).collect()
//! });
//! assert_eq!(owned.code, "code");
//! ```

use crate::{ErrorKind, Retry, TimeUnit};

/// Where an API puts the code and the message in its JSON error body (`[catalog] envelope`).
///
/// `S` is the text of a field path and `L` the list of success codes: `&'static str` and
/// `&'static [&'static str]` in generated code.
///
/// ```
/// use errcodes_core::venue::Envelope;
///
/// let own = Envelope { code: "errno", message: "errmsg", ..Envelope::DEFAULT };
/// assert_eq!(own.ok_codes, &["0"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Envelope<S = &'static str, L = &'static [&'static str]> {
    /// The field that holds the code.
    pub code: S,
    /// The field that holds the server's message.
    pub message: S,
    /// The field that tells success from failure, when the API sends one: a boolean that is
    /// `false` on errors, or (with [`failure_text`](Envelope::failure_text)) a text such as
    /// HTX's `"status":"error"`.
    pub success: Option<S>,
    /// The text of the [`success`](Envelope::success) field that marks a failure (HTX's
    /// `"error"`); any other text says nothing, and the code decides.
    pub failure_text: Option<S>,
    /// A second spelling of the code's field, read when the first is absent (Bybit's older
    /// `ret_code` beside `retCode`).
    pub code_also: Option<S>,
    /// A second spelling of the message's field, read when the first is absent (Bybit's
    /// `ret_msg` beside `retMsg`).
    pub message_also: Option<S>,
    /// The codes that mean success.
    pub ok_codes: L,
    /// A list of per-item results whose failing items are the real errors (OKX's `data`), or
    /// [`BODY_ITSELF`] (`.`) when the body itself is the list.
    pub items: Option<S>,
    /// The code inside each item (OKX's `sCode`).
    pub item_code: Option<S>,
    /// The message inside each item (OKX's `sMsg`).
    pub item_message: Option<S>,
    /// A second field whose value refines an entry (Stripe's `error.decline_code`).
    pub detail: Option<S>,
    /// Errors sent as a JSON array rather than an object (Bitfinex's `["error", 10020,
    /// "symbol: invalid"]`): the array's first element marks it, and the code and message are
    /// read by position. An object body is read by the fields above, whatever this says.
    pub array: Option<ArrayError<S>>,
}

/// The value of [`Envelope::items`] that names the body itself as the list of per-item
/// results (`[{…}, {…}]`) rather than a field inside it.
///
/// ```
/// use errcodes_core::venue::{BODY_ITSELF, Envelope};
///
/// let batch: Envelope = Envelope { items: Some(BODY_ITSELF), ..Envelope::DEFAULT };
/// assert_eq!(batch.items, Some("."));
/// ```
pub const BODY_ITSELF: &str = ".";

/// Where an error sent as a JSON array keeps its parts ([`Envelope::array`]): a body that is
/// an array whose first element is the text [`tag`](ArrayError::tag) is a failure, with its
/// code and message at the positions given (counted from 0, the tag's own).
///
/// ```
/// use errcodes_core::venue::{ArrayError, Envelope};
///
/// let bitfinex: Envelope = Envelope {
///     array: Some(ArrayError { tag: "error", code: 1, message: 2 }),
///     ..Envelope::DEFAULT
/// };
/// assert_eq!(bitfinex.array.map(|array| array.code), Some(1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ArrayError<S = &'static str> {
    /// The text of the array's first element that marks an error (`"error"`).
    pub tag: S,
    /// The position of the code.
    pub code: u8,
    /// The position of the message.
    pub message: u8,
}

impl<S> ArrayError<S> {
    /// The same positions with the tag turned by `text`.
    ///
    /// ```
    /// use errcodes_core::venue::ArrayError;
    ///
    /// let owned = ArrayError { tag: "error", code: 1, message: 2 }.map(str::to_owned);
    /// assert_eq!(owned.tag, "error");
    /// ```
    pub fn map<T>(self, text: impl FnOnce(S) -> T) -> ArrayError<T> {
        ArrayError {
            tag: text(self.tag),
            code: self.code,
            message: self.message,
        }
    }
}

impl Envelope {
    /// `{"code": …, "message": …}` with success code `0`: what a catalog without an
    /// `envelope`, or without some of its keys, gets. The one definition of the default.
    ///
    /// ```
    /// use errcodes_core::venue::Envelope;
    ///
    /// assert_eq!((Envelope::DEFAULT.code, Envelope::DEFAULT.message), ("code", "message"));
    /// assert_eq!(Envelope::DEFAULT.ok_codes, &["0"]);
    /// assert_eq!(Envelope::DEFAULT.items, None);
    /// ```
    pub const DEFAULT: Envelope = Envelope {
        code: "code",
        message: "message",
        success: None,
        failure_text: None,
        code_also: None,
        message_also: None,
        ok_codes: &["0"],
        items: None,
        item_code: None,
        item_message: None,
        detail: None,
        array: None,
    };
}

impl Envelope {
    /// Whether `code`, as the server wrote it (a number's digits or a string's text), means
    /// success: equal to one of [`ok_codes`](Envelope::ok_codes), or the same number as one
    /// written as a plain integer (so `"0"` also covers `"00"` sent as a number's text), while a
    /// string code such as `"00000"` must match exactly. The one rule for every code type.
    ///
    /// ```
    /// use errcodes_core::venue::Envelope;
    ///
    /// assert!(Envelope::DEFAULT.is_ok_code("0"));
    /// assert!(!Envelope::DEFAULT.is_ok_code("10008"));
    /// let bitget: Envelope = Envelope { ok_codes: &["00000"], ..Envelope::DEFAULT };
    /// assert!(bitget.is_ok_code("00000"));
    /// assert!(!bitget.is_ok_code("0"));
    /// ```
    pub fn is_ok_code(&self, code: &str) -> bool {
        let number = code.parse::<i64>().ok();
        self.ok_codes.iter().any(|&ok| {
            ok == code || (is_plain_integer(ok) && number.is_some() && ok.parse().ok() == number)
        })
    }

    /// Whether an integer code means success: [`is_ok_code`](Envelope::is_ok_code) on its
    /// decimal text, so that a code sent as `0` and as `"0"` is decided the same way (and
    /// under `ok_codes = ["00000"]` neither is a success).
    ///
    /// ```
    /// use errcodes_core::venue::Envelope;
    ///
    /// assert!(Envelope::DEFAULT.is_ok_int(0));
    /// let bitget: Envelope = Envelope { ok_codes: &["00000"], ..Envelope::DEFAULT };
    /// assert_eq!(bitget.is_ok_int(0), bitget.is_ok_code("0"));
    /// assert!(!bitget.is_ok_int(0));
    /// ```
    pub fn is_ok_int(&self, code: i64) -> bool {
        // An integer's decimal text is a plain integer, so `is_ok_code` on it reduces to this
        // without writing the text out.
        self.ok_codes
            .iter()
            .any(|&ok| is_plain_integer(ok) && ok.parse() == Ok(code))
    }
}

impl<S: AsRef<str>, L> Envelope<S, L> {
    /// Whether `text`, the value of the [`success`](Envelope::success) field, marks a failure:
    /// it is the envelope's [`failure_text`](Envelope::failure_text), byte for byte.
    ///
    /// ```
    /// use errcodes_core::venue::Envelope;
    ///
    /// let htx: Envelope = Envelope { success: Some("status"), failure_text: Some("error"), ..Envelope::DEFAULT };
    /// assert!(htx.is_failure_text("error"));
    /// assert!(!htx.is_failure_text("ok"));
    /// assert!(!Envelope::DEFAULT.is_failure_text("error"));
    /// ```
    pub fn is_failure_text(&self, text: &str) -> bool {
        self.failure_text
            .as_ref()
            .is_some_and(|failure| failure.as_ref() == text)
    }
}

/// `0`, `-12`, `200000`: digits without a leading zero (except `0` itself).
fn is_plain_integer(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
}

impl<S, L> Envelope<S, L> {
    /// The same envelope with each text turned by `text` and the success codes by `list`.
    ///
    /// ```
    /// use errcodes_core::venue::Envelope;
    ///
    /// let lengths = Envelope::DEFAULT.map(str::len, <[&str]>::len);
    /// assert_eq!((lengths.code, lengths.ok_codes), (4, 1));
    /// ```
    pub fn map<T, M>(
        self,
        mut text: impl FnMut(S) -> T,
        list: impl FnOnce(L) -> M,
    ) -> Envelope<T, M> {
        Envelope {
            code: text(self.code),
            message: text(self.message),
            success: self.success.map(&mut text),
            failure_text: self.failure_text.map(&mut text),
            code_also: self.code_also.map(&mut text),
            message_also: self.message_also.map(&mut text),
            ok_codes: list(self.ok_codes),
            items: self.items.map(&mut text),
            item_code: self.item_code.map(&mut text),
            item_message: self.item_message.map(&mut text),
            detail: self.detail.map(&mut text),
            array: self.array.map(|array| array.map(&mut text)),
        }
    }
}

/// Which statuses an [`HttpRule`] covers.
///
/// ```
/// use errcodes_core::venue::StatusMatch;
///
/// assert_ne!(StatusMatch::Exact(500), StatusMatch::Class(5));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusMatch {
    /// One status (`status = 418`).
    Exact(u16),
    /// Every status of a class, by its hundreds digit (`status = "5xx"` is `Class(5)`).
    Class(u16),
}

impl StatusMatch {
    /// Whether `status` is covered.
    ///
    /// ```
    /// use errcodes_core::venue::StatusMatch;
    ///
    /// assert!(StatusMatch::Exact(418).covers(418));
    /// assert!(StatusMatch::Class(5).covers(503));
    /// assert!(!StatusMatch::Class(5).covers(429));
    /// ```
    pub const fn covers(self, status: u16) -> bool {
        match self {
            StatusMatch::Exact(exact) => exact == status,
            StatusMatch::Class(class) => status / 100 == class,
        }
    }
}

/// Where the wait before a retry comes from: a placeholder of the entry's code or message
/// template, read in a [`TimeUnit`] (`retry_after = { from = "until", unit = "unix_seconds" }`).
///
/// ```
/// use errcodes_core::TimeUnit;
/// use errcodes_core::venue::RetryAfterRule;
///
/// let rule = RetryAfterRule { from: "until", unit: TimeUnit::UnixMilliseconds };
/// assert!(rule.unit.is_moment());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RetryAfterRule<S = &'static str> {
    /// The placeholder's name.
    pub from: S,
    /// How to read its value.
    pub unit: TimeUnit,
}

/// What a status means at one venue when the body carries no listed code (`[[http]]`).
///
/// `R` is how the rule's `retry_after` is held: a [`RetryAfterRule`] in generated code, the
/// same with where it is written in the engine. A literal with `retry_after: None` names its
/// type, since nothing else says what `R` is (a re-export as `type HttpRule =
/// errcodes_core::venue::HttpRule;` takes the defaults and needs no annotation).
///
/// ```
/// use errcodes_core::venue::{HttpRule, StatusMatch};
/// use errcodes_core::{ErrorKind, Retry};
///
/// let unknown: HttpRule = HttpRule {
///     status: StatusMatch::Class(5),
///     name: "Unavailable",
///     message: None,
///     kind: ErrorKind::Unavailable,
///     retry: Retry::Backoff,
///     retry_after: None,
///     description: None,
/// };
/// assert_eq!(unknown.status, StatusMatch::Class(5));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HttpRule<S = &'static str, R = RetryAfterRule<S>> {
    /// The status or class it covers.
    pub status: StatusMatch,
    /// A name a caller can match on.
    pub name: S,
    /// A template the server's message must match, when the message decides.
    pub message: Option<S>,
    /// What kind of failure it is.
    pub kind: ErrorKind,
    /// Whether and how to send the request again.
    pub retry: Retry,
    /// Where the wait comes from, when the message carries it.
    pub retry_after: Option<R>,
    /// The catalog's longer explanation.
    pub description: Option<S>,
}

impl HttpRule {
    /// Whether the rule decides for a response with `status` and `message`: the status is
    /// covered and, when the rule names a message, the message matches its template.
    ///
    /// ```
    /// use errcodes_core::venue::{HttpRule, StatusMatch};
    /// use errcodes_core::{ErrorKind, Retry};
    ///
    /// let unknown: HttpRule = HttpRule {
    ///     status: StatusMatch::Exact(503),
    ///     name: "UnknownExecutionStatus",
    ///     message: Some("Unknown error, please check your request or try again later."),
    ///     kind: ErrorKind::Internal,
    ///     retry: Retry::VerifyFirst,
    ///     retry_after: None,
    ///     description: None,
    /// };
    /// assert!(unknown.applies(503, "Unknown error, please check your request or try again later."));
    /// assert!(!unknown.applies(503, "Service Unavailable."));
    /// ```
    pub fn applies(&self, status: u16, message: &str) -> bool {
        self.status.covers(status)
            && self
                .message
                .is_none_or(|template| crate::template::Template::new(template).matches(message))
    }

    /// The first of `rules` that applies.
    ///
    /// ```
    /// assert!(errcodes_core::venue::HttpRule::find(&[], 503, "").is_none());
    /// ```
    pub fn find<'r>(rules: &'r [HttpRule], status: u16, message: &str) -> Option<&'r HttpRule> {
        rules.iter().find(|rule| rule.applies(status, message))
    }
}

/// The venue's own response headers that guide retrying (`[catalog.headers]`).
///
/// ```
/// use errcodes_core::venue::HeaderNames;
///
/// assert_eq!(HeaderNames::NONE, HeaderNames::default());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct HeaderNames<S = &'static str> {
    /// `true`/`false`: whether a retry is safe (Stripe's `Stripe-Should-Retry`).
    pub should_retry: Option<S>,
    /// The moment a limit resets, in Unix milliseconds (Bybit's `X-Bapi-Limit-Reset-Timestamp`).
    pub reset_unix_ms: Option<S>,
}

impl HeaderNames {
    /// No venue headers.
    ///
    /// ```
    /// assert_eq!(errcodes_core::venue::HeaderNames::NONE.should_retry, None);
    /// ```
    pub const NONE: HeaderNames = HeaderNames {
        should_retry: None,
        reset_unix_ms: None,
    };
}
