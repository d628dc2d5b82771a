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
//! # errcodes_runtime::errcodes!("catalogs/mexc.toml");
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
//!
//! Every function here takes any [`Advice`]: [`ApiError`](crate::ApiError),
//! [`RequestError`](crate::reqwest::RequestError), or an error type of your own.

use core::fmt::Display;
use core::future::Future;
use core::time::Duration;

use ::backon::{BackoffBuilder, Retryable};

use crate::{Advice, Retry};

/// True only for [`Retry::Backoff`]: for `backon`'s `when`.
///
/// ```
/// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
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
/// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
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
/// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
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
