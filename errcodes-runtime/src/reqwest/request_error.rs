//! [`RequestError`]: the server's error or a transport failure, behind one pointer.

use core::fmt;
use core::time::Duration;
use std::boxed::Box;
use std::error::Error as StdError;

use bytes::Bytes;

use super::TransportError;
use crate::{Advice, ApiError, ErrorCode, ErrorKind, Retry};

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
/// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
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
/// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
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
    pub(super) fn answered(error: ApiError<E>, body: Bytes) -> Self {
        RequestError(Box::new(Failed::Api { error, body }))
    }

    /// The server's error or the transport failure, for a `match`.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
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

    /// The API's kind, or for a transport failure [`Failure::kind`](super::Failure::kind).
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
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
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
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
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use std::time::Duration;
    /// use errcodes_runtime::json::error_from_response;
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
    /// let api_error = error_from_response::<MexcError>(429, &[("Retry-After", "10")], b"");
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
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
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
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
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
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
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
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
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
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
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
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
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
