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
//! - the server answered with an error ([`RequestError::api`]): a non-2xx status, or a 2xx body
//!   whose envelope reports a failure (MixPay, OKX, Kraken); advice from the catalog, else from
//!   the status;
//! - there is no complete answer ([`RequestError::transport`]): the advice depends on whether
//!   the request can have reached the server ([`Failure`]). Refused connection, DNS failure,
//!   connect timeout: nothing was sent, back off. Timeout after connecting, connection closed
//!   or reset before the answer was complete: the server may have acted on it, verify first.
//!
//! Set [`ClientBuilder::connect_timeout`](::reqwest::ClientBuilder::connect_timeout) below
//! [`timeout`](::reqwest::ClientBuilder::timeout): a connect timeout is then known to have sent
//! nothing; a total timeout that fires while connecting cannot be told apart from one that
//! fires while the server works, so it is judged "maybe sent".
//!
//! # What to add beside it
//!
//! The functions take and return reqwest **0.13** types, so your own `reqwest` must be 0.13
//! (with 0.12 the compiler says your `RequestBuilder` is "a different type"). The runtime
//! depends on reqwest without its default features: it forces no TLS stack, no HTTP/2 and no
//! system proxy lookup on you. You choose them on your own `reqwest` line, and cargo merges
//! the features:
//!
//! ```toml
//! [dependencies]
//! errcodes-runtime = { version = "0.1", features = ["reqwest", "backon"] } # "tracing" for events
//! # TLS: "rustls" (reqwest's default: rustls with aws-lc-rs, needs a C compiler) or
//! # "native-tls" (the system's TLS: OpenSSL on Linux, Secure Transport, SChannel).
//! # Plain http:// only (a local test server) needs neither.
//! # Add "query", "form" or "json" for the `RequestBuilder` methods of those names,
//! # which reqwest 0.13 no longer enables by default; "http2" for HTTP/2.
//! reqwest = { version = "0.13", default-features = false, features = ["rustls"] }
//! tokio = { version = "1", features = ["macros", "rt-multi-thread"] }
//! # Only with the `backon` feature, to name a backoff (`backon::ExponentialBuilder`); the
//! # runtime's retry loop sleeps with tokio ("tokio-sleep", enabled by the runtime).
//! backon = { version = "1", default-features = false }
//! ```
//!
//! `reqwest = "0.13"` with its default features works too (it brings rustls, HTTP/2, the
//! charset decoder and the system proxy). [`send`] and [`read`] run on the tokio runtime that
//! reqwest needs anyway; [`backon::retry`](crate::backon::retry) also needs its timer, which
//! `#[tokio::main]` enables.

use core::fmt;
use core::time::Duration;
use std::boxed::Box;
use std::error::Error as StdError;

use ::reqwest::header::HeaderMap;
use ::reqwest::{RequestBuilder, Response};
use bytes::Bytes;

use crate::{Advice, ApiError, ErrorCode, ErrorKind, Retry};

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
        Err(error) => Err(logged(RequestError::from(error))),
    }
}

/// Reads `response` to the end: the body when the status is 2xx and the body does not report
/// a failure in the catalog's envelope, the typed error otherwise.
///
/// A body cut short (connection closed or reset, timeout) is a transport failure whose advice
/// is [`Retry::VerifyFirst`]: the server answered, so it received the request.
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
        .map_err(|error| logged(RequestError::from(error)))?;
    match api_check::<E>(status, &headers, &body) {
        Ok(()) => Ok(body),
        Err(error) => Err(logged(RequestError::answered(error, body))),
    }
}

fn api_check<E: ErrorCode>(
    status: u16,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<(), ApiError<E>> {
    crate::json::check_parts::<E>(status, headers, body)
}

/// Why a request did not produce a success body: the server said no
/// ([`api`](RequestError::api)), or did not answer ([`transport`](RequestError::transport)).
///
/// One pointer wide, like reqwest's own error, so a `Result<Bytes, RequestError<E>>` stays
/// small on the success path. Everything it knows about waiting is the [`ApiError`]'s, so no
/// conversion loses it.
///
/// `Display` says what happened once: the API error (with the wait, when the server gave
/// one), or how far the request got and reqwest's message. [`source`](StdError::source) never
/// repeats it: it is `None` for an API error, and reqwest's cause (the I/O or hyper error) for
/// a transport failure, so a chain printer (`{:#}` of anyhow, eyre) shows each text once.
///
/// ```
/// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
/// use errcodes_runtime::reqwest::{Reason, RequestError};
///
/// fn log_line(error: &RequestError<MexcError>) -> String {
///     match error.reason() {
///         Reason::Api(api) => format!("refused: {}", api.message()),
///         Reason::Transport(transport) => format!("no answer: {}", transport.failure()),
///     }
/// }
///
/// let refused = RequestError::from(errcodes_runtime::ApiError::new(MexcError::InvalidSignature));
/// assert_eq!(log_line(&refused), "refused: Signature for this request is not valid");
///
/// let unbuildable = reqwest::Client::new().get("not a url").build().unwrap_err();
/// let lost = RequestError::<MexcError>::from(unbuildable);
/// assert_eq!(log_line(&lost), "no answer: request could not be built, nothing was sent");
/// ```
#[derive(Debug)]
pub struct RequestError<E: ErrorCode>(Box<Failed<E>>);

/// What a [`RequestError`] is, for a `match`: the server's error or a transport failure.
///
/// ```
/// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
/// use errcodes_runtime::ApiError;
/// use errcodes_runtime::reqwest::{Reason, RequestError};
///
/// let error = RequestError::from(ApiError::new(MexcError::InvalidSignature));
/// match error.reason() {
///     Reason::Api(api) => assert_eq!(api.known(), Some(MexcError::InvalidSignature)),
///     Reason::Transport(transport) => panic!("not a transport failure: {transport}"),
/// }
/// ```
#[derive(Debug, Clone, Copy)]
pub enum Reason<'a, E: ErrorCode> {
    /// The server answered, with an error: a non-2xx status, or a 2xx body whose envelope
    /// reports a failure.
    Api(&'a ApiError<E>),
    /// No complete answer: the connection, the timeout or the protocol failed.
    Transport(&'a TransportError),
}

#[derive(Debug)]
enum Failed<E: ErrorCode> {
    /// The server answered, with an error; `body` is the whole body, for fields the envelope
    /// does not cover (OKX's per-order `data`).
    Api { error: ApiError<E>, body: Bytes },
    /// No complete answer: the connection, the timeout or the protocol failed.
    Transport(TransportError),
}

impl<E: ErrorCode> RequestError<E> {
    /// The server's answer `error`, with the body it came in.
    fn answered(error: ApiError<E>, body: Bytes) -> Self {
        RequestError(Box::new(Failed::Api { error, body }))
    }

    /// The server's error or the transport failure, for a `match`.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
    /// use errcodes_runtime::reqwest::{Failure, Reason, RequestError};
    ///
    /// let unbuildable = reqwest::Client::new().get("not a url").build().unwrap_err();
    /// let error = RequestError::<MexcError>::from(unbuildable);
    /// let Reason::Transport(transport) = error.reason() else { panic!("{error}") };
    /// assert_eq!(transport.failure(), Failure::Unbuildable);
    /// ```
    pub fn reason(&self) -> Reason<'_, E> {
        match &*self.0 {
            Failed::Api { error, .. } => Reason::Api(error),
            Failed::Transport(transport) => Reason::Transport(transport),
        }
    }

    /// The API's kind, or for a transport failure [`Failure::kind`].
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
    /// use errcodes_runtime::reqwest::RequestError;
    /// use errcodes_runtime::{ApiError, ErrorKind};
    ///
    /// let refused = RequestError::from(ApiError::new(MexcError::InvalidSignature));
    /// assert_eq!(refused.kind(), ErrorKind::Authentication);
    /// let unbuildable = reqwest::Client::new().get("not a url").build().unwrap_err();
    /// let lost = RequestError::<MexcError>::from(unbuildable);
    /// assert_eq!(lost.kind(), ErrorKind::InvalidRequest);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        match &*self.0 {
            Failed::Api { error, .. } => error.kind(),
            Failed::Transport(transport) => transport.kind(),
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
        match &*self.0 {
            Failed::Api { error, .. } => error.retry(),
            Failed::Transport(transport) => transport.retry(),
        }
    }

    /// The least time to wait before sending again, when the server said: the API error's
    /// [`retry_after`](ApiError::retry_after) (the rule is [`Advice::retry_after`]'s); `None`
    /// for a transport failure.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
    /// use std::time::Duration;
    /// use errcodes_runtime::json::error_from_parts;
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
    /// // An `ApiError` read some other way keeps its wait when converted.
    /// let api_error = error_from_parts::<MexcError>(429, &[("Retry-After", "10")], b"");
    /// let converted = RequestError::from(api_error);
    /// assert_eq!(converted.retry_after(), Some(Duration::from_secs(10)));
    /// # }
    /// ```
    pub fn retry_after(&self) -> Option<Duration> {
        self.api().and_then(ApiError::retry_after)
    }

    /// The HTTP status of the answer; `None` for a transport failure.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
    /// use errcodes_runtime::ApiError;
    /// use errcodes_runtime::reqwest::RequestError;
    ///
    /// let api_error = ApiError::<MexcError>::from_code(700002, None).with_status(400);
    /// let answered = RequestError::from(api_error);
    /// assert_eq!(answered.status(), Some(400));
    /// let unbuildable = reqwest::Client::new().get("not a url").build().unwrap_err();
    /// let lost = RequestError::<MexcError>::from(unbuildable);
    /// assert_eq!(lost.status(), None);
    /// ```
    pub fn status(&self) -> Option<u16> {
        self.api().and_then(ApiError::status)
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
        match &*self.0 {
            Failed::Api { error, .. } => Some(error),
            Failed::Transport(_) => None,
        }
    }

    /// The whole body of the server's error answer, for fields the envelope does not cover
    /// (OKX's per-order `data`); empty for an [`ApiError`] converted without one, `None` for
    /// a transport failure.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
    /// use errcodes_runtime::reqwest::{RequestError, read};
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let body = r#"{"code":700002,"msg":"Signature for this request is not valid.","extra":1}"#;
    /// let response = http::Response::builder().status(400).body(body).unwrap();
    /// let error = read::<MexcError>(reqwest::Response::from(response)).await.unwrap_err();
    /// assert_eq!(error.body().map(|kept| &kept[..]), Some(body.as_bytes()));
    ///
    /// let unbuildable = reqwest::Client::new().get("not a url").build().unwrap_err();
    /// assert_eq!(RequestError::<MexcError>::from(unbuildable).body(), None);
    /// # }
    /// ```
    pub fn body(&self) -> Option<&Bytes> {
        match &*self.0 {
            Failed::Api { body, .. } => Some(body),
            Failed::Transport(_) => None,
        }
    }

    /// The transport failure, when there was no complete answer.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
    /// use errcodes_runtime::reqwest::{Failure, RequestError, TransportError};
    ///
    /// let unbuildable = reqwest::Client::new().get("not a url").build().unwrap_err();
    /// let error = RequestError::<MexcError>::from(unbuildable);
    /// assert_eq!(error.transport().map(TransportError::failure), Some(Failure::Unbuildable));
    /// assert!(error.api().is_none());
    /// ```
    pub fn transport(&self) -> Option<&TransportError> {
        match &*self.0 {
            Failed::Api { .. } => None,
            Failed::Transport(transport) => Some(transport),
        }
    }
}

impl<E: ErrorCode> From<ApiError<E>> for RequestError<E> {
    /// An API error read some other way: no body, everything else (the wait included) kept.
    fn from(error: ApiError<E>) -> Self {
        RequestError::answered(error, Bytes::new())
    }
}

impl<E: ErrorCode> From<TransportError> for RequestError<E> {
    /// A request without a complete answer.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
    /// use errcodes_runtime::reqwest::{RequestError, TransportError};
    ///
    /// let unbuildable = reqwest::Client::new().get("not a url").build().unwrap_err();
    /// let error = RequestError::<MexcError>::from(TransportError::new(unbuildable));
    /// assert!(error.transport().is_some());
    /// ```
    fn from(transport: TransportError) -> Self {
        RequestError(Box::new(Failed::Transport(transport)))
    }
}

impl<E: ErrorCode> From<::reqwest::Error> for RequestError<E> {
    /// reqwest's error, classified by [`TransportError::new`]: `?` on a reqwest call works in
    /// a function that returns `RequestError`.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
    /// use errcodes_runtime::reqwest::{Failure, RequestError};
    ///
    /// fn build(client: &reqwest::Client) -> Result<reqwest::Request, RequestError<MexcError>> {
    ///     Ok(client.get("not a url").build()?)
    /// }
    ///
    /// let error = build(&reqwest::Client::new()).unwrap_err();
    /// assert_eq!(error.transport().map(|t| t.failure()), Some(Failure::Unbuildable));
    /// ```
    fn from(error: ::reqwest::Error) -> Self {
        RequestError::from(TransportError::new(error))
    }
}

impl<E: ErrorCode> fmt::Display for RequestError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.0 {
            Failed::Api { error, .. } => {
                fmt::Display::fmt(error, f)?;
                if let Some(wait) = error.retry_after() {
                    write!(f, " (retry after {}s)", wait.as_secs_f64())?;
                }
                Ok(())
            }
            Failed::Transport(transport) => fmt::Display::fmt(transport, f),
        }
    }
}

impl<E: ErrorCode> StdError for RequestError<E> {
    /// `None` for an API error, whose `Display` says everything; reqwest's cause for a
    /// transport failure, whose `Display` already holds reqwest's own text.
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match &*self.0 {
            Failed::Api { .. } => None,
            Failed::Transport(transport) => transport.source(),
        }
    }
}

impl<E: ErrorCode> Advice for RequestError<E> {
    fn kind(&self) -> ErrorKind {
        RequestError::kind(self)
    }

    fn retry(&self) -> Retry {
        RequestError::retry(self)
    }

    fn retry_after(&self) -> Option<Duration> {
        RequestError::retry_after(self)
    }

    fn venue(&self) -> Option<&'static str> {
        Some(E::CATALOG)
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
