//! From a `reqwest` request to the success body or a typed [`RequestError`], in one call
//! (feature `reqwest`).
//!
//! ```no_run
//! # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
//! use errcodes_runtime::Retry;
//! use errcodes_runtime::reqwest::{RequestError, send};
//!
//! # async fn place(client: reqwest::Client) -> Result<(), RequestError<MexcError>> {
//! let request = client.post("http://127.0.0.1:8080/api/v3/order");
//! match send::<MexcError>(request).await {
//!     Ok(body) => { /* the success body, 2xx and no error inside it */ }
//!     Err(error) => match error.retry() {
//!         Retry::Backoff => { /* wait at least error.retry_after(), then send again */ }
//!         Retry::VerifyFirst => { /* query the order before anything else */ }
//!         Retry::Never => return Err(error),
//!     },
//! }
//! # Ok(()) }
//! ```
//!
//! A request fails in one of two ways, and [`RequestError`] holds either, with one
//! [`kind`](RequestError::kind) and one [`retry`](RequestError::retry):
//!
//! - the server answered with an error ([`RequestError::Api`]): a non-2xx status, or a 2xx body
//!   whose envelope reports a failure (MixPay, OKX, Kraken); advice from the catalog, else from
//!   the status;
//! - there is no complete answer ([`RequestError::Transport`]): the advice depends on whether
//!   the request can have reached the server ([`Failure`]). Refused connection, DNS failure,
//!   connect timeout: nothing was sent, back off. Timeout after connecting, connection closed
//!   or reset before the answer was complete: the server may have acted on it, verify first.
//!
//! Set [`ClientBuilder::connect_timeout`](::reqwest::ClientBuilder::connect_timeout) below
//! [`timeout`](::reqwest::ClientBuilder::timeout): a connect timeout is then known to have sent
//! nothing; a total timeout that fires while connecting cannot be told apart from one that
//! fires while the server works, so it is judged "maybe sent".

use core::fmt;
use core::time::Duration;
use std::error::Error as StdError;

use ::reqwest::header::HeaderMap;
use ::reqwest::{RequestBuilder, Response};
use bytes::Bytes;

use crate::{ApiError, ErrorCode, ErrorKind, Retry};

/// Sends `request` and reads the answer: the success body, or why there is none.
///
/// The same as [`read`] on the response, with a failure to send classified as well.
///
/// ```
/// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
/// use errcodes_runtime::Retry;
/// use errcodes_runtime::reqwest::{Failure, send};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// // A URL that does not parse fails before anything is sent, so this runs offline.
/// let request = reqwest::Client::new().get("not a url");
/// let error = send::<MexcError>(request).await.unwrap_err();
/// assert_eq!(error.transport().map(|transport| transport.failure()), Some(Failure::Unbuildable));
/// assert_eq!(error.retry(), Retry::Never);
/// # }
/// ```
pub async fn send<E: ErrorCode>(request: RequestBuilder) -> Result<Bytes, RequestError<E>> {
    match request.send().await {
        Ok(response) => read(response).await,
        Err(error) => Err(logged(RequestError::Transport(TransportError::new(error)))),
    }
}

/// Reads `response` to the end: the body when the status is 2xx and the body does not report
/// a failure in the catalog's envelope, the typed error otherwise.
///
/// A body cut short (connection closed or reset, timeout) is a [`RequestError::Transport`]
/// whose advice is [`Retry::VerifyFirst`]: the server answered, so it received the request.
///
/// ```
/// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
/// use std::time::Duration;
/// use errcodes_runtime::reqwest::read;
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// // A response built in memory; `client.post(…).send().await?` gives the same type.
/// let response = http::Response::builder()
///     .status(429)
///     .header("Retry-After", "10")
///     .body(r#"{"code":429,"msg":"Too Many Requests"}"#)
///     .unwrap();
/// let error = read::<MexcError>(reqwest::Response::from(response)).await.unwrap_err();
/// assert_eq!(error.api().and_then(|api| api.known()), Some(MexcError::TooManyRequests));
/// assert_eq!(error.retry_after(), Some(Duration::from_secs(10)));
///
/// let response = http::Response::builder().status(200).body(r#"{"code":0,"data":[]}"#).unwrap();
/// let body = read::<MexcError>(reqwest::Response::from(response)).await.unwrap();
/// assert_eq!(&body[..], br#"{"code":0,"data":[]}"#);
/// # }
/// ```
pub async fn read<E: ErrorCode>(response: Response) -> Result<Bytes, RequestError<E>> {
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response
        .bytes()
        .await
        .map_err(|error| logged(RequestError::Transport(TransportError::new(error))))?;
    match api_check::<E>(status, &headers, &body) {
        Ok(()) => Ok(body),
        Err(error) => {
            let retry_after = api_retry_after(&error, &headers);
            Err(logged(RequestError::Api {
                error,
                retry_after,
                body,
            }))
        }
    }
}

fn api_check<E: ErrorCode>(
    status: u16,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<(), ApiError<E>> {
    crate::json::check_response::<E>(status, headers, body)
}

/// The wait the error asks for, read once when the response arrives (the catalog's
/// declaration, `Retry-After`, the venue's reset header).
fn api_retry_after<E: ErrorCode>(error: &ApiError<E>, _headers: &HeaderMap) -> Option<Duration> {
    error.retry_after()
}

/// Why a request did not produce a success body: the server said no, or did not answer.
///
/// ```
/// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
/// use errcodes_runtime::reqwest::{RequestError, TransportError};
///
/// fn log_line(error: &RequestError<MexcError>) -> String {
///     match error {
///         RequestError::Api { error, .. } => format!("refused: {}", error.message()),
///         RequestError::Transport(transport) => format!("no answer: {}", transport.failure()),
///     }
/// }
///
/// let refused = RequestError::from(errcodes_runtime::ApiError::new(MexcError::InvalidSignature));
/// assert_eq!(log_line(&refused), "refused: Signature for this request is not valid");
///
/// let unbuildable = reqwest::Client::new().get("not a url").build().unwrap_err();
/// let lost = RequestError::<MexcError>::Transport(TransportError::new(unbuildable));
/// assert_eq!(log_line(&lost), "no answer: request could not be built, nothing was sent");
/// ```
#[derive(Debug)]
pub enum RequestError<E: ErrorCode> {
    /// The server answered, with an error.
    #[non_exhaustive]
    Api {
        /// The error as the server sent it.
        error: ApiError<E>,
        /// How long the server asked to wait (`Retry-After`), if it did.
        retry_after: Option<Duration>,
        /// The whole body, for fields the envelope does not cover (OKX's per-order `data`).
        body: Bytes,
    },
    /// No complete answer: the connection, the timeout or the protocol failed.
    Transport(TransportError),
}

impl<E: ErrorCode> RequestError<E> {
    /// The API's kind, or for a transport failure [`Failure::kind`].
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
    /// use errcodes_runtime::reqwest::{RequestError, TransportError};
    /// use errcodes_runtime::{ApiError, ErrorKind};
    ///
    /// let refused = RequestError::from(ApiError::new(MexcError::InvalidSignature));
    /// assert_eq!(refused.kind(), ErrorKind::Authentication);
    /// let unbuildable = reqwest::Client::new().get("not a url").build().unwrap_err();
    /// let lost = RequestError::<MexcError>::Transport(TransportError::new(unbuildable));
    /// assert_eq!(lost.kind(), ErrorKind::InvalidRequest);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        match self {
            RequestError::Api { error, .. } => error.kind(),
            RequestError::Transport(transport) => transport.kind(),
        }
    }

    /// What to do next: [`Retry::Backoff`] (send again later), [`Retry::VerifyFirst`] (the
    /// request may have taken effect: check before resending) or [`Retry::Never`].
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
    /// use errcodes_runtime::reqwest::RequestError;
    /// use errcodes_runtime::{ApiError, Retry};
    ///
    /// let limited = RequestError::from(ApiError::new(MexcError::TooManyRequests));
    /// assert_eq!(limited.retry(), Retry::Backoff);
    /// let unknown = RequestError::from(ApiError::new(MexcError::UnknownOrder));
    /// assert_eq!(unknown.retry(), Retry::VerifyFirst);
    /// ```
    pub fn retry(&self) -> Retry {
        match self {
            RequestError::Api { error, .. } => error.retry(),
            RequestError::Transport(transport) => transport.retry(),
        }
    }

    /// The least time to wait before sending again, when the server said (`Retry-After`).
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
    /// use std::time::Duration;
    /// use errcodes_runtime::reqwest::{RequestError, read};
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let response = http::Response::builder()
    ///     .status(429)
    ///     .header("Retry-After", "10")
    ///     .body("")
    ///     .unwrap();
    /// let error = read::<MexcError>(reqwest::Response::from(response)).await.unwrap_err();
    /// assert_eq!(error.retry_after(), Some(Duration::from_secs(10)));
    ///
    /// // An error converted from an `ApiError` has no headers to read.
    /// let api_error = errcodes_runtime::ApiError::new(MexcError::TooManyRequests);
    /// let converted = RequestError::from(api_error);
    /// assert_eq!(converted.retry_after(), None);
    /// # }
    /// ```
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            RequestError::Api { retry_after, .. } => *retry_after,
            RequestError::Transport(_) => None,
        }
    }

    /// The HTTP status of the answer; `None` for a transport failure.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
    /// use errcodes_runtime::ApiError;
    /// use errcodes_runtime::reqwest::{RequestError, TransportError};
    ///
    /// let api_error = ApiError::<MexcError>::from_code(700002, None).with_status(400);
    /// let answered = RequestError::from(api_error);
    /// assert_eq!(answered.status(), Some(400));
    /// let unbuildable = reqwest::Client::new().get("not a url").build().unwrap_err();
    /// let lost = RequestError::<MexcError>::Transport(TransportError::new(unbuildable));
    /// assert_eq!(lost.status(), None);
    /// ```
    pub fn status(&self) -> Option<u16> {
        match self {
            RequestError::Api { error, .. } => error.status(),
            RequestError::Transport(_) => None,
        }
    }

    /// The API's error, when the server answered with one.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
    /// use errcodes_runtime::ApiError;
    /// use errcodes_runtime::reqwest::RequestError;
    ///
    /// let error = RequestError::from(ApiError::<MexcError>::from_code(700002, None));
    /// assert_eq!(error.api().and_then(ApiError::known), Some(MexcError::InvalidSignature));
    /// assert!(error.transport().is_none());
    /// ```
    pub fn api(&self) -> Option<&ApiError<E>> {
        match self {
            RequestError::Api { error, .. } => Some(error),
            RequestError::Transport(_) => None,
        }
    }

    /// The transport failure, when there was no complete answer.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
    /// use errcodes_runtime::reqwest::{Failure, RequestError, TransportError};
    ///
    /// let unbuildable = reqwest::Client::new().get("not a url").build().unwrap_err();
    /// let error = RequestError::<MexcError>::Transport(TransportError::new(unbuildable));
    /// assert_eq!(error.transport().map(TransportError::failure), Some(Failure::Unbuildable));
    /// assert!(error.api().is_none());
    /// ```
    pub fn transport(&self) -> Option<&TransportError> {
        match self {
            RequestError::Api { .. } => None,
            RequestError::Transport(transport) => Some(transport),
        }
    }
}

impl<E: ErrorCode> From<ApiError<E>> for RequestError<E> {
    /// An API error read some other way, without `Retry-After` or body.
    fn from(error: ApiError<E>) -> Self {
        RequestError::Api {
            error,
            retry_after: None,
            body: Bytes::new(),
        }
    }
}

impl<E: ErrorCode> fmt::Display for RequestError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestError::Api {
                error, retry_after, ..
            } => {
                fmt::Display::fmt(error, f)?;
                if let Some(wait) = retry_after {
                    write!(f, " (retry after {}s)", wait.as_secs_f64())?;
                }
                Ok(())
            }
            RequestError::Transport(transport) => fmt::Display::fmt(transport, f),
        }
    }
}

impl<E: ErrorCode + 'static> StdError for RequestError<E> {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            RequestError::Api { error, .. } => Some(error),
            RequestError::Transport(transport) => transport.source(),
        }
    }
}

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

/// One `tracing` event per failed request (feature `tracing`), with the fields a log search
/// filters on; the `backon` module's retry events carry the same fields.
fn logged<E: ErrorCode>(error: RequestError<E>) -> RequestError<E> {
    #[cfg(feature = "tracing")]
    tracing::warn!(
        venue = E::CATALOG,
        code = error.api().and_then(ApiError::code).map(tracing::field::display),
        kind = %error.kind(),
        retry = %error.retry(),
        status = error.status(),
        retry_after_ms = error.retry_after().map(|wait| wait.as_millis() as u64),
        "request failed: {error}"
    );
    error
}
