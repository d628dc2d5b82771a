//! What a catalog says about a venue beyond its codes, as generated code hands it to the
//! runtime: `[[http]]` rules, `retry_after` declarations and the venue's own headers.

use crate::{ErrorKind, Retry, TimeUnit};

/// Which statuses an [`HttpRule`] covers.
///
/// ```
/// use errcodes_runtime::StatusMatch;
///
/// assert!(StatusMatch::Exact(418).covers(418));
/// assert!(StatusMatch::Class(5).covers(503));
/// assert!(!StatusMatch::Class(5).covers(429));
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
    /// use errcodes_runtime::StatusMatch;
    ///
    /// assert!(StatusMatch::Class(4).covers(404));
    /// assert!(!StatusMatch::Class(4).covers(500));
    /// assert!(!StatusMatch::Exact(418).covers(419));
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
/// use errcodes_runtime::{RetryAfterRule, TimeUnit};
///
/// let rule = RetryAfterRule { from: "until", unit: TimeUnit::UnixMilliseconds };
/// assert!(rule.unit.is_moment());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RetryAfterRule {
    /// The placeholder's name.
    pub from: &'static str,
    /// How to read its value.
    pub unit: TimeUnit,
}

/// What a status means at one venue when the body carries no listed code (`[[http]]`).
///
/// ```
/// use errcodes_runtime::{ErrorKind, HttpRule, Retry, StatusMatch};
///
/// let ban = HttpRule {
///     status: StatusMatch::Exact(418),
///     name: "IpBanned",
///     message: None,
///     kind: ErrorKind::RateLimited,
///     retry: Retry::Backoff,
///     retry_after: None,
///     description: None,
/// };
/// assert!(ban.applies(418, "anything"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HttpRule {
    /// The status or class it covers.
    pub status: StatusMatch,
    /// A name a caller can match on.
    pub name: &'static str,
    /// A template the server's message must match, when the message decides.
    pub message: Option<&'static str>,
    /// What kind of failure it is.
    pub kind: ErrorKind,
    /// Whether and how to send the request again.
    pub retry: Retry,
    /// Where the wait comes from, when the message carries it.
    pub retry_after: Option<RetryAfterRule>,
    /// The catalog's longer explanation.
    pub description: Option<&'static str>,
}

impl HttpRule {
    /// Whether the rule decides for a response with `status` and `message`.
    ///
    /// ```
    /// use errcodes_runtime::{ErrorKind, HttpRule, Retry, StatusMatch};
    ///
    /// let unknown = HttpRule {
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
                .is_none_or(|template| crate::Template::new(template).matches(message))
    }

    /// The first of `rules` that applies.
    ///
    /// ```
    /// assert!(errcodes_runtime::HttpRule::find(&[], 503, "").is_none());
    /// ```
    pub fn find(
        rules: &'static [HttpRule],
        status: u16,
        message: &str,
    ) -> Option<&'static HttpRule> {
        rules.iter().find(|rule| rule.applies(status, message))
    }
}

/// The venue's own response headers that guide retrying (`[catalog.headers]`).
///
/// ```
/// use errcodes_runtime::HeaderNames;
///
/// assert_eq!(HeaderNames::NONE.should_retry, None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct HeaderNames {
    /// `true`/`false`: whether a retry is safe (Stripe's `Stripe-Should-Retry`).
    pub should_retry: Option<&'static str>,
    /// The moment a limit resets, in Unix milliseconds (Bybit's `X-Bapi-Limit-Reset-Timestamp`).
    pub reset_unix_ms: Option<&'static str>,
}

impl HeaderNames {
    /// No venue headers.
    ///
    /// ```
    /// use errcodes_runtime::HeaderNames;
    ///
    /// assert_eq!(HeaderNames::NONE, HeaderNames::default());
    /// assert_eq!(HeaderNames::NONE.reset_unix_ms, None);
    /// ```
    pub const NONE: HeaderNames = HeaderNames {
        should_retry: None,
        reset_unix_ms: None,
    };
}
