//! The one question every error of this crate answers: what kind of failure, and what to do
//! next.

use core::time::Duration;

use crate::{ErrorCode, ErrorKind, Retry};

/// What to do about an error: its [`kind`](Advice::kind), whether to send the request again
/// ([`retry`](Advice::retry)) and after how long ([`retry_after`](Advice::retry_after)).
///
/// Implemented by every enum that [`errcodes!`](crate::errcodes) generates, by
/// [`ApiError`](crate::ApiError) (with `std`), and with the `reqwest` feature by
/// [`RequestError`](crate::reqwest::RequestError) and
/// [`TransportError`](crate::reqwest::TransportError), so code that decides about retries can
/// take any of them; the [`backon`](crate::backon) helpers take any `Advice`.
/// Those types also have inherent methods of the same names, so calling them needs no `use`.
///
/// ```
/// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
/// use std::time::Duration;
/// use errcodes_runtime::{Advice, ApiError, ErrorKind, Retry};
///
/// // One log line for any error, from any catalog.
/// fn advice_line(error: &impl Advice) -> String {
///     let wait = error.retry_after().map_or(String::new(), |wait| format!(" in {wait:?}"));
///     format!("{}: {}{wait}", error.kind(), error.retry())
/// }
///
/// assert_eq!(advice_line(&MexcError::InvalidSignature), "authentication: never");
/// let limited = errcodes_runtime::json::error_from_response::<MexcError>(
///     429,
///     &[("Retry-After", "2")],
///     b"",
/// );
/// assert_eq!(advice_line(&limited), "rate_limited: backoff in 2s");
/// ```
///
/// Your own error type can take part in the same retry loops:
///
/// ```
/// use std::fmt;
/// use std::time::Duration;
/// use errcodes_runtime::backon::should_retry;
/// use errcodes_runtime::{Advice, ErrorKind, Retry};
///
/// #[derive(Debug)]
/// struct Maintenance {
///     minutes: u64,
/// }
///
/// impl fmt::Display for Maintenance {
///     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
///         write!(f, "down for maintenance, {} minutes", self.minutes)
///     }
/// }
///
/// impl Advice for Maintenance {
///     fn kind(&self) -> ErrorKind {
///         ErrorKind::Unavailable
///     }
///     fn retry(&self) -> Retry {
///         Retry::Backoff
///     }
///     fn retry_after(&self) -> Option<Duration> {
///         Some(Duration::from_secs(self.minutes * 60))
///     }
/// }
///
/// assert!(should_retry(&Maintenance { minutes: 5 }));
/// assert_eq!(Maintenance { minutes: 5 }.venue(), None);
/// ```
pub trait Advice {
    /// What kind of failure this is.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::{Advice, ApiError, ErrorKind};
    ///
    /// assert_eq!(Advice::kind(&MexcError::TooManyRequests), ErrorKind::RateLimited);
    /// assert_eq!(Advice::kind(&ApiError::new(MexcError::TooManyRequests)), ErrorKind::RateLimited);
    /// ```
    fn kind(&self) -> ErrorKind;

    /// Whether and how to send the request again: [`Retry::Backoff`] (later),
    /// [`Retry::VerifyFirst`] (the request may have taken effect: check before resending) or
    /// [`Retry::Never`].
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::{Advice, ApiError, Retry};
    ///
    /// assert_eq!(Advice::retry(&MexcError::UnknownOrder), Retry::VerifyFirst);
    /// assert_eq!(Advice::retry(&ApiError::new(MexcError::TooManyRequests)), Retry::Backoff);
    /// ```
    fn retry(&self) -> Retry;

    /// The least time to wait before sending again, when the response said; `None` when it
    /// said nothing (a generated enum alone never knows: the wait is in the response).
    ///
    /// A response can give a wait in several ways: a relative wait (`Retry-After: 60`, a
    /// placeholder the catalog reads in `seconds` or `milliseconds`) and a moment (an HTTP
    /// date in `Retry-After`, a ban "until" in the message, the venue's reset header). The
    /// wait is the **longest** of them, each moment measured against the local clock; a
    /// moment already past counts as no wait, so a relative wait always stands, whatever the
    /// clock says. Values too large to represent saturate to a very long wait, never to none:
    /// a server that asks for 10³⁰ seconds is not retried at once.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use std::time::Duration;
    /// use errcodes_runtime::Advice;
    /// use errcodes_runtime::json::error_from_response;
    ///
    /// let error = error_from_response::<MexcError>(429, &[("Retry-After", "2")], b"");
    /// assert_eq!(Advice::retry_after(&error), Some(Duration::from_secs(2)));
    /// assert_eq!(Advice::retry_after(&MexcError::TooManyRequests), None);
    ///
    /// let huge = error_from_response::<MexcError>(429, &[("Retry-After", "1e30")], b"");
    /// assert!(Advice::retry_after(&huge) > Some(Duration::from_secs(100 * 365 * 86_400)));
    ///
    /// // An IP ban: `Retry-After: 60` and "banned until" a moment the local clock (running
    /// // two minutes ahead) already sees as past. The server's 60 seconds stand.
    /// errcodes_runtime::errcodes!("catalogs/binance.toml");
    /// let body = br#"{"code":-1003,"msg":"Way too much request weight used; IP banned until 1700000060000. Please use WebSocket Streams for live updates to avoid bans."}"#;
    /// let banned = error_from_response::<binance::Code>(418, &[("Retry-After", "60")], body);
    /// assert_eq!(banned.retry_after_at(1_700_000_120_000), Some(Duration::from_secs(60)));
    /// ```
    fn retry_after(&self) -> Option<Duration>;

    /// The catalog's name (`"mexc"`), for logs; `None` for an error that comes from no
    /// catalog.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::{Advice, ApiError};
    ///
    /// assert_eq!(MexcError::TooManyRequests.venue(), Some("mexc"));
    /// assert_eq!(ApiError::new(MexcError::TooManyRequests).venue(), Some("mexc"));
    /// ```
    fn venue(&self) -> Option<&'static str> {
        None
    }
}

/// A listed error alone: the catalog's kind and advice, and no wait (the wait, if any, is in
/// the response, which [`ApiError`](crate::ApiError) keeps).
impl<E: ErrorCode> Advice for E {
    fn kind(&self) -> ErrorKind {
        ErrorCode::kind(*self)
    }

    fn retry(&self) -> Retry {
        ErrorCode::retry(*self)
    }

    fn retry_after(&self) -> Option<Duration> {
        None
    }

    fn venue(&self) -> Option<&'static str> {
        Some(E::CATALOG)
    }
}

#[cfg(feature = "std")]
impl<E: ErrorCode> Advice for crate::ApiError<E> {
    fn kind(&self) -> ErrorKind {
        crate::ApiError::kind(self)
    }

    fn retry(&self) -> Retry {
        crate::ApiError::retry(self)
    }

    fn retry_after(&self) -> Option<Duration> {
        crate::ApiError::retry_after(self)
    }

    fn venue(&self) -> Option<&'static str> {
        Some(E::CATALOG)
    }
}
