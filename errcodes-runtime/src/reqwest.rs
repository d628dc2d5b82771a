//! From a `reqwest` request to the success body or a typed [`RequestError`], in one call
//! (feature `reqwest`).
//!
//! ```no_run
//! # errcodes_runtime::errcodes!("catalogs/mexc.toml");
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

use ::reqwest::header::HeaderMap;
use ::reqwest::{RequestBuilder, Response};
use bytes::Bytes;

use crate::{ApiError, ErrorCode};

mod request_error;
mod transport;

pub use request_error::{Reason, RequestError};
pub use transport::{Failure, TransportError};

/// Sends `request` and reads the answer: the success body, or why there is none.
///
/// The same as [`read`] on the response, with a failure to send classified as well.
///
/// ```
/// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
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
/// is [`Retry::VerifyFirst`](crate::Retry::VerifyFirst): the server answered, so it received
/// the request.
///
/// ```
/// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
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
    crate::json::check_response::<E>(status, headers, body)
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
