//! Retry loops with the `backon` crate that follow the catalog's advice (feature `backon`).
//!
//! Retry crates know "transient or permanent"; an exchange has a third answer, "the request
//! may have taken effect: check before sending it again". [`retry`] keeps all three apart:
//!
//! - [`Retry::Backoff`]: sent again, after the backoff's delay or the server's `Retry-After`,
//!   whichever is longer, until the backoff gives up;
//! - [`Retry::VerifyFirst`]: returned at once, never resent: the caller queries the order;
//! - [`Retry::Never`]: returned at once.
//!
//! ```no_run
//! # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
//! use std::time::Duration;
//! use backon::ExponentialBuilder;
//! use errcodes_runtime::Retry;
//! use errcodes_runtime::reqwest::{RequestError, send};
//!
//! # async fn place(client: reqwest::Client) -> Result<(), RequestError<MexcError>> {
//! let backoff = ExponentialBuilder::default().with_max_times(3);
//! let sent = errcodes_runtime::backon::retry(backoff, || {
//!     send::<MexcError>(client.post("http://127.0.0.1:8080/api/v3/order"))
//! })
//! .await;
//! match sent {
//!     Ok(body) => { /* accepted */ }
//!     Err(error) if error.retry() == Retry::VerifyFirst => { /* query the order */ }
//!     Err(error) => return Err(error), // refused, or still refused after backing off
//! }
//! # Ok(()) }
//! ```
//!
//! The delay is a minimum: a `Retry-After` of an hour is waited out. Bound the whole call
//! with `tokio::time::timeout` if that is too long for you. Users of `backon`'s own builder
//! can pass [`should_retry`] to `when` and [`wait`] to `adjust`.

use core::fmt::Display;
use core::future::Future;
use core::time::Duration;

use ::backon::{BackoffBuilder, Retryable};

use crate::{ApiError, ErrorCode, ErrorKind, Retry};

/// What a retry loop needs to know about an error.
///
/// ```
/// use std::fmt;
/// use std::time::Duration;
/// use errcodes_runtime::backon::{Advice, should_retry};
/// use errcodes_runtime::{ErrorKind, Retry};
///
/// // Your own error type can take part in retry loops too.
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
///     fn retry(&self) -> Retry {
///         Retry::Backoff
///     }
///     fn retry_after(&self) -> Option<Duration> {
///         Some(Duration::from_secs(self.minutes * 60))
///     }
///     fn kind(&self) -> ErrorKind {
///         ErrorKind::Unavailable
///     }
///     fn venue(&self) -> &'static str {
///         "my-venue"
///     }
/// }
///
/// assert!(should_retry(&Maintenance { minutes: 5 }));
/// ```
pub trait Advice {
    /// The catalog's (or transport's) advice.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
    /// use errcodes_runtime::backon::Advice;
    /// use errcodes_runtime::{ApiError, Retry};
    ///
    /// let error = ApiError::new(MexcError::TooManyRequests);
    /// assert_eq!(Advice::retry(&error), Retry::Backoff);
    /// ```
    fn retry(&self) -> Retry;
    /// The least time to wait before sending again, when the server said.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
    /// use std::time::Duration;
    /// use errcodes_runtime::backon::Advice;
    /// use errcodes_runtime::json::error_from_response;
    ///
    /// let error = error_from_response::<MexcError>(429, &[("Retry-After", "2")], b"");
    /// assert_eq!(Advice::retry_after(&error), Some(Duration::from_secs(2)));
    /// ```
    fn retry_after(&self) -> Option<Duration>;
    /// For logs.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
    /// use errcodes_runtime::backon::Advice;
    /// use errcodes_runtime::{ApiError, ErrorKind};
    ///
    /// let error = ApiError::new(MexcError::TooManyRequests);
    /// assert_eq!(Advice::kind(&error), ErrorKind::RateLimited);
    /// ```
    fn kind(&self) -> ErrorKind;
    /// The catalog's name, for logs.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
    /// use errcodes_runtime::backon::Advice;
    /// use errcodes_runtime::ApiError;
    ///
    /// assert_eq!(ApiError::new(MexcError::TooManyRequests).venue(), "mexc");
    /// ```
    fn venue(&self) -> &'static str;
}

impl<E: ErrorCode> Advice for ApiError<E> {
    fn retry(&self) -> Retry {
        ApiError::retry(self)
    }

    fn retry_after(&self) -> Option<Duration> {
        ApiError::retry_after(self)
    }

    fn kind(&self) -> ErrorKind {
        ApiError::kind(self)
    }

    fn venue(&self) -> &'static str {
        E::CATALOG
    }
}

#[cfg(feature = "reqwest")]
impl<E: ErrorCode> Advice for crate::reqwest::RequestError<E> {
    fn retry(&self) -> Retry {
        crate::reqwest::RequestError::retry(self)
    }

    fn retry_after(&self) -> Option<Duration> {
        crate::reqwest::RequestError::retry_after(self)
    }

    fn kind(&self) -> ErrorKind {
        crate::reqwest::RequestError::kind(self)
    }

    fn venue(&self) -> &'static str {
        E::CATALOG
    }
}

/// True only for [`Retry::Backoff`]: for `backon`'s `when`.
///
/// ```
/// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
/// use errcodes_runtime::ApiError;
/// use errcodes_runtime::backon::should_retry;
///
/// assert!(should_retry(&ApiError::new(MexcError::TooManyRequests)));
/// assert!(!should_retry(&ApiError::new(MexcError::InvalidSignature))); // Retry::Never
/// assert!(!should_retry(&ApiError::new(MexcError::UnknownOrder))); // Retry::VerifyFirst
/// ```
pub fn should_retry<A: Advice>(error: &A) -> bool {
    error.retry() == Retry::Backoff
}

/// The backoff's `planned` delay, raised to the server's `Retry-After`; `None` (stop) when
/// the backoff has given up: for `backon`'s `adjust`.
///
/// ```
/// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
/// use std::time::Duration;
/// use errcodes_runtime::backon::wait;
/// use errcodes_runtime::json::error_from_response;
///
/// let error = error_from_response::<MexcError>(429, &[("Retry-After", "2")], b"");
/// assert_eq!(wait(&error, Some(Duration::from_secs(1))), Some(Duration::from_secs(2)));
/// assert_eq!(wait(&error, Some(Duration::from_secs(5))), Some(Duration::from_secs(5)));
/// assert_eq!(wait(&error, None), None);
/// ```
pub fn wait<A: Advice>(error: &A, planned: Option<Duration>) -> Option<Duration> {
    let planned = planned?;
    Some(
        error
            .retry_after()
            .map_or(planned, |least| least.max(planned)),
    )
}

/// Calls `request` until it succeeds, fails with advice other than [`Retry::Backoff`], or
/// `backoff` gives up; returns the last result. Sleeps with tokio.
///
/// ```
/// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
/// use std::cell::Cell;
/// use std::time::Duration;
/// use backon::ConstantBuilder;
/// use errcodes_runtime::json::error_from_response;
/// use errcodes_runtime::{ApiError, Retry};
///
/// # #[tokio::main(flavor = "current_thread", start_paused = true)]
/// # async fn main() {
/// let backoff = ConstantBuilder::default()
///     .with_delay(Duration::from_millis(100))
///     .with_max_times(3);
///
/// // Rate limited once, with `Retry-After: 30`: sent again after 30 s, not 100 ms.
/// // (This example runs on tokio's paused clock, so the 30 s pass at once.)
/// let attempts = &Cell::new(0);
/// let start = tokio::time::Instant::now();
/// let placed = errcodes_runtime::backon::retry(backoff, move || async move {
///     attempts.set(attempts.get() + 1);
///     match attempts.get() {
///         1 => Err(error_from_response::<MexcError>(429, &[("Retry-After", "30")], b"")),
///         _ => Ok("placed"),
///     }
/// })
/// .await;
/// assert_eq!(placed.unwrap(), "placed");
/// assert_eq!(attempts.get(), 2);
/// assert!(start.elapsed() >= Duration::from_secs(30));
///
/// // The outcome is unknown: handed back at once, never resent.
/// let attempts = &Cell::new(0);
/// let unknown: Result<(), _> = errcodes_runtime::backon::retry(backoff, move || async move {
///     attempts.set(attempts.get() + 1);
///     Err(ApiError::new(MexcError::UnknownOrder))
/// })
/// .await;
/// assert_eq!(unknown.unwrap_err().retry(), Retry::VerifyFirst);
/// assert_eq!(attempts.get(), 1);
/// # }
/// ```
pub async fn retry<A, T, F, Fut, B>(backoff: B, request: F) -> Result<T, A>
where
    A: Advice + Display,
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, A>>,
    B: BackoffBuilder,
{
    request
        .retry(backoff)
        .when(should_retry)
        .adjust(wait)
        .notify(notify)
        .await
}

#[cfg(feature = "tracing")]
fn notify<A: Advice + Display>(error: &A, delay: Duration) {
    tracing::info!(
        venue = error.venue(),
        kind = %error.kind(),
        retry = %error.retry(),
        delay_ms = delay.as_millis() as u64,
        "retrying after: {error}"
    );
}

#[cfg(not(feature = "tracing"))]
fn notify<A: Advice + Display>(_: &A, _: Duration) {}
