//! From an HTTP status, headers and JSON body to a typed result, without an HTTP client
//! dependency (with the `http` feature, also from an `http::Response`).
//!
//! Two calls, one reading: [`check_response`] (`Ok(())` or the error) and
//! [`error_from_response`] (the error, whatever the response). Both walk the body once with
//! the same reader and always agree on whether it failed: `check_response` is `Err` exactly
//! when the response failed, and then holds the error `error_from_response` gives. Headers are
//! anything that implements [`Headers`]; pass `&()` for none.
//!
//! ```
//! # errcodes_runtime::errcodes!("catalogs/mexc.toml");
//! use errcodes_runtime::{json, ErrorKind, Retry};
//!
//! // After any request: status and body bytes in, a typed error out.
//! let body = br#"{"code":700002,"msg":"Signature for this request is not valid."}"#;
//! let error = json::check_response::<MexcError>(400, &(), body).unwrap_err();
//! assert_eq!(error.known(), Some(MexcError::InvalidSignature));
//! assert_eq!(error.message(), "Signature for this request is not valid.");
//!
//! // A proxy's HTML page: no code, but the status and the page are kept.
//! let error = json::error_from_response::<MexcError>(502, &(), b"<html>Bad Gateway</html>");
//! assert_eq!(error.code(), None);
//! assert_eq!(error.kind(), ErrorKind::Unavailable);
//! assert_eq!(error.retry(), Retry::VerifyFirst);
//! assert_eq!(error.message(), "<html>Bad Gateway</html>");
//!
//! // Headers too (`&()` above is "no headers"): a rate limit that says how long to wait.
//! let error = json::error_from_response::<MexcError>(429, &[("Retry-After", "2")], b"");
//! assert_eq!(error.retry(), Retry::Backoff);
//! assert_eq!(error.retry_after(), Some(core::time::Duration::from_secs(2)));
//! ```

use crate::almost_json;
use crate::api_error::Lookup;
use crate::reader::{Found, Reading};
use crate::{ApiError, BodyProblem, ErrorCode, Headers};

/// The error a response carries, whatever its status and body: the catalog's envelope when
/// the body holds one, otherwise an [`ApiError`] without a code that keeps the status and the
/// body's text (invalid UTF-8 replaced, nothing dropped). `headers` can say how long to wait
/// (`Retry-After`, the venue's reset header) and whether to retry at all; pass `&()` when you
/// have none. Never panics.
///
/// ```
/// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
/// use core::time::Duration;
/// use errcodes_runtime::{json, Retry};
///
/// let error = json::error_from_response::<MexcError>(504, &(), b"");
/// assert_eq!(error.retry(), Retry::VerifyFirst);
///
/// let error = json::error_from_response::<MexcError>(429, &[("Retry-After", "3")], b"");
/// assert_eq!(error.retry_after(), Some(Duration::from_secs(3)));
/// ```
pub fn error_from_response<E: ErrorCode>(
    status: u16,
    headers: &(impl Headers + ?Sized),
    body: &[u8],
) -> ApiError<E> {
    match respond(status, body, true) {
        Some(error) => error.with_headers(headers),
        // `respond` gives an error whenever it is asked to.
        None => ApiError::without_code(BodyProblem::NoCode, "").with_status(status),
    }
}

/// `Ok(())` for a successful response, the error otherwise: one line after any request.
/// `headers` as for [`error_from_response`] (`&()` for none).
///
/// A response is an error when its status is not 2xx, or when a 2xx body has, at its top
/// level, the envelope's success flag `false`, a code the envelope does not call a success
/// (`0` unless the catalog lists `ok_codes`, such as `"00000"`; [`Envelope::is_ok_code`](crate::Envelope::is_ok_code)
/// decides for numbers and strings alike) or a value that cannot be a code, a non-empty list
/// of codes, or an item of its `items` list whose code is not a success (MixPay, OKX, Bybit and
/// Kraken answer errors with HTTP 200). A 2xx body that is not JSON, or JSON without a code, is
/// a success: its content is for the caller to read. A 2xx JSON body cut short is not: the
/// answer was lost, and [`BodyProblem::Truncated`] says to verify before sending again.
///
/// The body is walked once, with no recursion on its depth: the reader descends only along the
/// envelope's paths (their segments, plus two levels for batch items) and skips everything
/// else with `serde_json`'s iterative skip, so a body nested a million levels deep is read in
/// constant stack, and a code beside the deep part still counts.
///
/// Almost-JSON is read as JSON, so that a failure in it is not taken for a success: a UTF-8 BOM,
/// invalid UTF-8 (replaced), raw control characters inside strings, `NaN` and `Infinity`
/// (read as `null`), and bytes after the first complete value (ignored).
///
/// ```
/// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
/// use errcodes_runtime::json::check_response;
///
/// assert!(check_response::<MexcError>(200, &(), br#"{"code":0,"data":[]}"#).is_ok());
/// assert!(check_response::<MexcError>(200, &(), br#"{"code":429,"msg":"Too Many Requests"}"#).is_err());
/// assert!(check_response::<MexcError>(200, &[("x", "y")], b"{}").is_ok());
/// ```
pub fn check_response<E: ErrorCode>(
    status: u16,
    headers: &(impl Headers + ?Sized),
    body: &[u8],
) -> Result<(), ApiError<E>> {
    match respond(status, body, false) {
        Some(error) => Err(error.with_headers(headers)),
        None => Ok(()),
    }
}

/// The one decision of both calls: the error when the response failed, or when `always`;
/// `None` for a success.
fn respond<E: ErrorCode>(status: u16, body: &[u8], always: bool) -> Option<ApiError<E>> {
    let success_status = (200..300).contains(&status);
    let json = almost_json::strip_bom(body).trim_ascii();
    let error = if json.is_empty() {
        (always || !success_status).then(|| ApiError::without_code(BodyProblem::Empty, ""))
    } else {
        let read = read(Reading::lenient::<E>(), json, |found| {
            let failed = !success_status || found.failed(&E::ENVELOPE);
            (failed || always).then(|| {
                found
                    .into_error::<E>(Lookup::Rest)
                    .unwrap_or_else(|message| {
                        // An empty message says less than the body it came in: keep the body.
                        let text = message
                            .filter(|message| !message.is_empty())
                            .unwrap_or_else(|| almost_json::text(body));
                        ApiError::without_code(BodyProblem::NoCode, &text)
                    })
            })
        });
        match read {
            Ok(error) => error,
            // Not JSON at all (an HTML page) is content at 2xx; JSON cut short lost its answer.
            Err(problem) => (always || !success_status || problem != BodyProblem::NotJson)
                .then(|| ApiError::without_code(problem, &almost_json::text(body))),
        }
    };
    error.map(|error| error.with_status(status))
}

/// Walks `json` once and hands what was found to `then`. Only when that walk stops at a
/// syntax error is the body repaired as almost-JSON ([`almost_json::repair`]) and the repaired
/// copy walked instead; a body that is JSON is never read twice. When even that stops at a
/// syntax error, what was read before it still counts if it reports a failure (a code, then
/// something no repair makes JSON): a failure is never lost to a broken tail.
fn read<R>(
    reading: Reading,
    json: &[u8],
    then: impl FnOnce(Found<'_>) -> R,
) -> Result<R, BodyProblem> {
    let (found, error) = match walk(reading, json) {
        (found, Ok(())) => return Ok(then(found)),
        (found, Err(error)) => (found, error),
    };
    match problem(json, &error) {
        BodyProblem::NotJson => {}
        other => return Err(other),
    }
    // Only what opens like JSON can be almost-JSON: an HTML page is not scanned for repairs.
    let opens_like_json = json.starts_with(b"{") || json.starts_with(b"[");
    let Some(repaired) = opens_like_json.then(|| almost_json::repair(json)).flatten() else {
        return partly(reading, found, then);
    };
    match walk(reading, &repaired) {
        (found, Ok(())) => Ok(then(found)),
        (found, Err(error)) => match problem(&repaired, &error) {
            BodyProblem::NotJson => partly(reading, found, then),
            other => Err(other),
        },
    }
}

/// What a walk read before a syntax error: the body's reading when it reports a failure, else
/// the body is not JSON.
fn partly<R>(
    reading: Reading,
    found: Found<'_>,
    then: impl FnOnce(Found<'_>) -> R,
) -> Result<R, BodyProblem> {
    if found.failed(reading.envelope) {
        Ok(then(found))
    } else {
        Err(BodyProblem::NotJson)
    }
}

/// One walk of the reader over a JSON text, with what it found even when it stopped at an
/// error. Bytes after the first complete value are not read (`Deserializer::end` is not
/// called): the value decides.
pub(crate) fn walk<'de>(
    reading: Reading,
    json: &'de [u8],
) -> (Found<'de>, Result<(), serde_json::Error>) {
    let mut deserializer = serde_json::Deserializer::from_slice(json);
    Found::read_partly(reading, &mut deserializer)
}

/// Why a walk over `json` failed.
fn problem(json: &[u8], error: &serde_json::Error) -> BodyProblem {
    let object = json.starts_with(b"{") || json.starts_with(b"[");
    if error.is_eof() && object {
        BodyProblem::Truncated
    } else if error.is_data() {
        BodyProblem::NoCode
    } else {
        BodyProblem::NotJson
    }
}

/// [`check_response`] for an `http::Response` (feature `http`): what reqwest, hyper, axum and ureq
/// convert their responses to.
///
/// ```
/// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
/// let response = http::Response::builder().status(429).header("Retry-After", "1").body(Vec::new()).unwrap();
/// let error = errcodes_runtime::json::check_http_response::<MexcError, _>(&response).unwrap_err();
/// assert_eq!(error.status(), Some(429));
/// ```
#[cfg(feature = "http")]
pub fn check_http_response<E: ErrorCode, B: AsRef<[u8]>>(
    response: &http::Response<B>,
) -> Result<(), ApiError<E>> {
    check_response(
        response.status().as_u16(),
        response.headers(),
        response.body().as_ref(),
    )
}

#[cfg(feature = "http")]
impl<E: ErrorCode> ApiError<E> {
    /// The error an `http::Response` carries (feature `http`): its status, headers and body,
    /// read like [`error_from_response`].
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::ApiError;
    ///
    /// let response = http::Response::builder()
    ///     .status(400)
    ///     .body(r#"{"code":700002,"msg":"Signature for this request is not valid."}"#)
    ///     .unwrap();
    /// let error = ApiError::<MexcError>::from_http_response(&response);
    /// assert_eq!(error.known(), Some(MexcError::InvalidSignature));
    /// ```
    pub fn from_http_response<B: AsRef<[u8]>>(response: &http::Response<B>) -> Self {
        error_from_response(
            response.status().as_u16(),
            response.headers(),
            response.body().as_ref(),
        )
    }
}
