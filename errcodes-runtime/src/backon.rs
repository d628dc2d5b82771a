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
pub trait Advice {
    /// The catalog's (or transport's) advice.
    fn retry(&self) -> Retry;
    /// The least time to wait before sending again, when the server said.
    fn retry_after(&self) -> Option<Duration>;
    /// For logs.
    fn kind(&self) -> ErrorKind;
    /// The catalog's name, for logs.
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
pub fn should_retry<A: Advice>(error: &A) -> bool {
    error.retry() == Retry::Backoff
}

/// The backoff's `planned` delay, raised to the server's `Retry-After`; `None` (stop) when
/// the backoff has given up: for `backon`'s `adjust`.
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
