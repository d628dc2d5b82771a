//! [`TransportError`]: a request without a complete answer, and how far it got ([`Failure`]).

use core::fmt;
use core::time::Duration;
use std::error::Error as StdError;

use crate::{Advice, ErrorKind, Retry};

/// How far a request got before the transport failed; this decides whether it may be resent.
///
/// ```
/// use errcodes_runtime::Retry;
/// use errcodes_runtime::reqwest::{Failure, TransportError};
///
/// let unbuildable = reqwest::Client::new().get("not a url").build().unwrap_err();
/// let failure = TransportError::new(unbuildable).failure();
/// assert_eq!(failure, Failure::Unbuildable);
/// assert!(!failure.maybe_sent());
/// assert_eq!(failure.retry(), Retry::Never);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Failure {
    /// The request could not be built (bad URL, header): nothing was sent, and the same
    /// request fails the same way.
    Unbuildable,
    /// No connection: refused, DNS failure, connect timeout, TLS handshake. Nothing was sent.
    NotConnected,
    /// Timed out after connecting: the server may be working on it.
    TimedOut,
    /// The connection was closed or reset, or the answer was malformed, before it was
    /// complete: the server may have acted on the request.
    Interrupted,
}

impl Failure {
    /// `InvalidRequest`, `Unavailable`, `Timeout`, `Internal`, in the order of the variants.
    ///
    /// ```
    /// use errcodes_runtime::ErrorKind;
    /// use errcodes_runtime::reqwest::Failure;
    ///
    /// assert_eq!(Failure::NotConnected.kind(), ErrorKind::Unavailable);
    /// assert_eq!(Failure::TimedOut.kind(), ErrorKind::Timeout);
    /// ```
    pub fn kind(self) -> ErrorKind {
        match self {
            Failure::Unbuildable => ErrorKind::InvalidRequest,
            Failure::NotConnected => ErrorKind::Unavailable,
            Failure::TimedOut => ErrorKind::Timeout,
            Failure::Interrupted => ErrorKind::Internal,
        }
    }

    /// `Never` for a request that cannot be built, `Backoff` when nothing was sent,
    /// `VerifyFirst` when the request may have reached the server.
    ///
    /// ```
    /// use errcodes_runtime::Retry;
    /// use errcodes_runtime::reqwest::Failure;
    ///
    /// assert_eq!(Failure::Unbuildable.retry(), Retry::Never);
    /// assert_eq!(Failure::NotConnected.retry(), Retry::Backoff);
    /// assert_eq!(Failure::Interrupted.retry(), Retry::VerifyFirst);
    /// ```
    pub fn retry(self) -> Retry {
        match self {
            Failure::Unbuildable => Retry::Never,
            Failure::NotConnected => Retry::Backoff,
            Failure::TimedOut | Failure::Interrupted => Retry::VerifyFirst,
        }
    }

    /// Whether the server can have received the request.
    ///
    /// ```
    /// use errcodes_runtime::reqwest::Failure;
    ///
    /// assert!(!Failure::NotConnected.maybe_sent());
    /// assert!(Failure::TimedOut.maybe_sent());
    /// assert!(Failure::Interrupted.maybe_sent());
    /// ```
    pub fn maybe_sent(self) -> bool {
        matches!(self, Failure::TimedOut | Failure::Interrupted)
    }

    fn of(error: &::reqwest::Error) -> Failure {
        // Order matters: a connect timeout is both `is_connect` and `is_timeout`, and nothing
        // was sent; every error not known to be pre-send is judged "maybe sent".
        if error.is_builder() {
            Failure::Unbuildable
        } else if error.is_connect() {
            Failure::NotConnected
        } else if error.is_timeout() {
            Failure::TimedOut
        } else {
            Failure::Interrupted
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Failure::Unbuildable => "request could not be built, nothing was sent",
            Failure::NotConnected => "could not connect, nothing was sent",
            Failure::TimedOut => "timed out after connecting, the request may have been received",
            Failure::Interrupted => {
                "connection lost before the answer was complete, the request may have been received"
            }
        })
    }
}

/// A request without a complete answer: reqwest's error and how far the request got.
///
/// ```
/// use errcodes_runtime::reqwest::TransportError;
///
/// let unbuildable = reqwest::Client::new().get("not a url").build().unwrap_err();
/// let error = TransportError::new(unbuildable);
/// assert!(error.to_string().starts_with("request could not be built, nothing was sent: "));
/// ```
#[derive(Debug)]
pub struct TransportError {
    failure: Failure,
    error: ::reqwest::Error,
}

impl TransportError {
    /// Classifies reqwest's `error`.
    ///
    /// ```
    /// use errcodes_runtime::reqwest::{Failure, TransportError};
    ///
    /// let unbuildable = reqwest::Client::new().get("not a url").build().unwrap_err();
    /// assert_eq!(TransportError::new(unbuildable).failure(), Failure::Unbuildable);
    /// ```
    pub fn new(error: ::reqwest::Error) -> TransportError {
        TransportError {
            failure: Failure::of(&error),
            error,
        }
    }

    /// How far the request got.
    ///
    /// ```
    /// use errcodes_runtime::reqwest::{Failure, TransportError};
    ///
    /// let unbuildable = reqwest::Client::new().get("not a url").build().unwrap_err();
    /// let error = TransportError::new(unbuildable);
    /// assert_eq!(error.failure(), Failure::Unbuildable);
    /// assert!(!error.failure().maybe_sent());
    /// ```
    pub fn failure(&self) -> Failure {
        self.failure
    }

    /// [`Failure::kind`].
    ///
    /// ```
    /// use errcodes_runtime::ErrorKind;
    /// use errcodes_runtime::reqwest::TransportError;
    ///
    /// let unbuildable = reqwest::Client::new().get("not a url").build().unwrap_err();
    /// assert_eq!(TransportError::new(unbuildable).kind(), ErrorKind::InvalidRequest);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        self.failure.kind()
    }

    /// [`Failure::retry`].
    ///
    /// ```
    /// use errcodes_runtime::Retry;
    /// use errcodes_runtime::reqwest::TransportError;
    ///
    /// let unbuildable = reqwest::Client::new().get("not a url").build().unwrap_err();
    /// assert_eq!(TransportError::new(unbuildable).retry(), Retry::Never);
    /// ```
    pub fn retry(&self) -> Retry {
        self.failure.retry()
    }

    /// reqwest's error.
    ///
    /// ```
    /// use errcodes_runtime::reqwest::TransportError;
    ///
    /// let unbuildable = reqwest::Client::new().get("not a url").build().unwrap_err();
    /// assert!(TransportError::new(unbuildable).reqwest().is_builder());
    /// ```
    pub fn reqwest(&self) -> &::reqwest::Error {
        &self.error
    }

    /// reqwest's error, owned.
    ///
    /// ```
    /// use errcodes_runtime::reqwest::TransportError;
    ///
    /// let unbuildable = reqwest::Client::new().get("not a url").build().unwrap_err();
    /// let error: reqwest::Error = TransportError::new(unbuildable).into_reqwest();
    /// assert!(error.is_builder());
    /// ```
    pub fn into_reqwest(self) -> ::reqwest::Error {
        self.error
    }
}

/// How far the request got decides; a transport failure carries no wait and no catalog.
///
/// ```
/// use errcodes_runtime::reqwest::TransportError;
/// use errcodes_runtime::{Advice, ErrorKind, Retry};
///
/// let unbuildable = reqwest::Client::new().get("not a url").build().unwrap_err();
/// let error = TransportError::new(unbuildable);
/// assert_eq!(Advice::kind(&error), ErrorKind::InvalidRequest);
/// assert_eq!(Advice::retry(&error), Retry::Never);
/// assert_eq!((error.retry_after(), error.venue()), (None, None));
/// ```
impl Advice for TransportError {
    fn kind(&self) -> ErrorKind {
        TransportError::kind(self)
    }

    fn retry(&self) -> Retry {
        TransportError::retry(self)
    }

    fn retry_after(&self) -> Option<Duration> {
        None
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.failure, self.error)
    }
}

impl StdError for TransportError {
    /// reqwest's cause (the I/O or hyper error); reqwest's own text is in `Display` already.
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.error.source()
    }
}
