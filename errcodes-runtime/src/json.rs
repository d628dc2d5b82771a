//! From an HTTP status, headers and JSON body to a typed result, without an HTTP client
//! dependency (with the `http` feature, also from an `http::Response`).
//!
//! ```
//! # errcodes_runtime::errcodes!("catalogs/mexc.toml");
//! use errcodes_runtime::{json, ErrorKind, Retry};
//!
//! // After any request: status and body bytes in, a typed error out.
//! let body = br#"{"code":700002,"msg":"Signature for this request is not valid."}"#;
//! let error = json::check_response::<MexcError>(400, body).unwrap_err();
//! assert_eq!(error.known(), Some(MexcError::InvalidSignature));
//! assert_eq!(error.message(), "Signature for this request is not valid.");
//!
//! // A proxy's HTML page: no code, but the status and the page are kept.
//! let error = json::error_from_response::<MexcError>(502, b"<html>Bad Gateway</html>");
//! assert_eq!(error.code(), None);
//! assert_eq!(error.kind(), ErrorKind::Unavailable);
//! assert_eq!(error.retry(), Retry::VerifyFirst);
//! assert_eq!(error.message(), "<html>Bad Gateway</html>");
//!
//! // Headers too: a rate limit that says how long to wait.
//! let error = json::error_from_parts::<MexcError>(429, &[("Retry-After", "2")], b"");
//! assert_eq!(error.retry(), Retry::Backoff);
//! assert_eq!(error.retry_after(), Some(core::time::Duration::from_secs(2)));
//! ```

use core::fmt;
use core::marker::PhantomData;

use alloc::string::String;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use crate::serde_support::api_error::{Field, FieldSeed, Position, items_at_root};
use crate::serde_support::skip_scalars;
use crate::{ApiError, BodyProblem, CodeType, Envelope, ErrorCode, Headers};

/// The error a response carries, whatever its body: the catalog's envelope when the body
/// holds one, otherwise an [`ApiError`] without a code that keeps the status and the body's
/// text (invalid UTF-8 replaced, nothing dropped). Never panics.
///
/// ```
/// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
/// let error = errcodes_runtime::json::error_from_response::<MexcError>(504, b"");
/// assert_eq!(error.retry(), errcodes_runtime::Retry::VerifyFirst);
/// ```
pub fn error_from_response<E: ErrorCode>(status: u16, body: &[u8]) -> ApiError<E> {
    error_from_parts(status, &(), body)
}

/// [`error_from_response`] with the response's headers, which can say how long to wait
/// (`Retry-After`, the venue's reset header) and whether to retry at all.
///
/// ```
/// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
/// use core::time::Duration;
///
/// let error = errcodes_runtime::json::error_from_parts::<MexcError>(429, &[("Retry-After", "3")], b"");
/// assert_eq!(error.retry_after(), Some(Duration::from_secs(3)));
/// ```
pub fn error_from_parts<E: ErrorCode>(
    status: u16,
    headers: &(impl Headers + ?Sized),
    body: &[u8],
) -> ApiError<E> {
    let trimmed = body.trim_ascii();
    let error = if trimmed.is_empty() {
        ApiError::without_code(BodyProblem::Empty, "")
    } else {
        match serde_json::from_slice::<ApiError<E>>(trimmed) {
            Ok(error) => error,
            // A body in another encoding (a GBK message, a stray byte) is still JSON once its
            // invalid bytes are replaced: read that, as any person reading the body would.
            Err(error) if error.is_syntax() && core::str::from_utf8(trimmed).is_err() => {
                let text = String::from_utf8_lossy(body);
                serde_json::from_str::<ApiError<E>>(&text)
                    .unwrap_or_else(|_| without_code::<E>(&text, body_problem(&error)))
            }
            Err(error) => without_code::<E>(&String::from_utf8_lossy(body), body_problem(&error)),
        }
    };
    error.with_status(status).with_headers(headers)
}

fn body_problem(error: &serde_json::Error) -> BodyProblem {
    if error.is_data() {
        BodyProblem::NoCode
    } else if error.is_eof() {
        BodyProblem::Truncated
    } else {
        BodyProblem::NotJson
    }
}

/// The error of a body without a usable code. Its text is kept whole; when it is JSON with the
/// envelope's message field (`{"msg":"Service Unavailable."}`), that message is the error's
/// message, so that `[[http]]` rules can match it, and the body is what was read it from.
fn without_code<E: ErrorCode>(text: &str, problem: BodyProblem) -> ApiError<E> {
    let message = (problem == BodyProblem::NoCode)
        .then(|| serde_json::from_str::<serde_json::Value>(text).ok())
        .flatten()
        .and_then(|value| {
            let field = E::ENVELOPE
                .message
                .split('.')
                .try_fold(&value, |at, key| at.get(key))?;
            field.as_str().map(String::from)
        });
    match message {
        Some(message) => ApiError::without_code(problem, &message),
        None => ApiError::without_code(problem, text),
    }
}

/// `Ok(())` for a successful response, the error otherwise: one line after any request.
///
/// A response is an error when its status is not 2xx, or when a 2xx body has, at its top
/// level, the envelope's success flag `false`, a code the envelope does not call a success
/// (`0` unless the catalog lists `ok_codes`, such as `"00000"`), a non-empty list of codes, or
/// an item of its `items` list whose code is not a success (MixPay, OKX, Bybit and Kraken
/// answer errors with HTTP 200). A 2xx body that is not JSON, or JSON without a code, is a
/// success: its content is for the caller to read. A 2xx JSON body cut short is not: the
/// answer was lost, and [`BodyProblem::Truncated`] says to verify before sending again.
///
/// ```
/// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
/// use errcodes_runtime::json::check_response;
///
/// assert!(check_response::<MexcError>(200, br#"{"code":0,"data":[]}"#).is_ok());
/// assert!(check_response::<MexcError>(200, br#"{"code":429,"msg":"Too Many Requests"}"#).is_err());
/// ```
pub fn check_response<E: ErrorCode>(status: u16, body: &[u8]) -> Result<(), ApiError<E>> {
    check_parts(status, &(), body)
}

/// [`check_response`] with the response's headers (see [`error_from_parts`]).
///
/// ```
/// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
/// let result = errcodes_runtime::json::check_parts::<MexcError>(200, &[("x", "y")], b"{}");
/// assert!(result.is_ok());
/// ```
pub fn check_parts<E: ErrorCode>(
    status: u16,
    headers: &(impl Headers + ?Sized),
    body: &[u8],
) -> Result<(), ApiError<E>> {
    let trimmed = body.trim_ascii();
    let failed = !(200..300).contains(&status)
        || match serde_json::from_slice::<Outcome<E>>(trimmed) {
            Ok(outcome) => outcome.failed,
            // JSON cut short: the answer to a request that may have taken effect was lost.
            Err(error) => {
                error.is_eof() && (trimmed.starts_with(b"{") || trimmed.starts_with(b"["))
            }
        };
    if failed {
        Err(error_from_parts(status, headers, body))
    } else {
        Ok(())
    }
}

/// [`check_parts`] for an `http::Response` (feature `http`): what reqwest, hyper, axum and ureq
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
    check_parts(
        response.status().as_u16(),
        response.headers(),
        response.body().as_ref(),
    )
}

#[cfg(feature = "http")]
impl<E: ErrorCode> ApiError<E> {
    /// The error an `http::Response` carries (feature `http`): its status, headers and body,
    /// read like [`error_from_parts`].
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
        error_from_parts(
            response.status().as_u16(),
            response.headers(),
            response.body().as_ref(),
        )
    }
}

/// Whether a 2xx body reports a failure, read without building the error or allocating.
struct Outcome<E> {
    failed: bool,
    marker: PhantomData<E>,
}

impl<'de, E: ErrorCode> de::Deserialize<'de> for Outcome<E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let failed = de::DeserializeSeed::deserialize(
            OutcomeVisitor::<E> {
                at: Position::ROOT,
                marker: PhantomData,
            },
            deserializer,
        )?;
        Ok(Outcome {
            failed,
            marker: PhantomData,
        })
    }
}

/// Whether one level of the body reports a failure, following the envelope's dotted paths.
struct OutcomeVisitor<E> {
    at: Position,
    marker: PhantomData<E>,
}

impl<'de, E: ErrorCode> de::DeserializeSeed<'de> for OutcomeVisitor<E> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, E: ErrorCode> Visitor<'de> for OutcomeVisitor<E> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let envelope = E::ENVELOPE;
        let mut failed = false;
        while let Some(field) = map.next_key_seed(FieldSeed {
            envelope,
            at: self.at,
        })? {
            failed |= match field {
                Field::Success => map.next_value::<Option<bool>>()? == Some(false),
                Field::Code => map.next_value_seed(NotOk { envelope })?,
                Field::Items => map.next_value_seed(AnyItemFails { envelope })?,
                Field::Nested(at) => map.next_value_seed(OutcomeVisitor::<E> {
                    at,
                    marker: PhantomData,
                })?,
                _ => map.next_value::<de::IgnoredAny>().map(|_| false)?,
            };
        }
        Ok(failed)
    }

    /// A body that is a list fails when it is the list of per-item results (`items = "."`)
    /// and one of them fails.
    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<bool, A::Error> {
        let envelope = E::ENVELOPE;
        if self.at.is_root() && items_at_root(&envelope) {
            AnyItemFails { envelope }.visit_seq(seq)
        } else {
            let mut seq = seq;
            while seq.next_element::<de::IgnoredAny>()?.is_some() {}
            Ok(false)
        }
    }

    skip_scalars!(false);
}

/// True for a code the envelope does not call a success; `null` and other types are not a
/// failure.
#[derive(Clone, Copy)]
struct NotOk {
    envelope: Envelope,
}

impl<'de> de::DeserializeSeed<'de> for NotOk {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NotOk {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a code")
    }

    fn visit_i64<Err: de::Error>(self, code: i64) -> Result<bool, Err> {
        Ok(!<i64 as CodeType>::is_ok(code, &self.envelope))
    }

    fn visit_u64<Err: de::Error>(self, code: u64) -> Result<bool, Err> {
        match i64::try_from(code) {
            Ok(code) => self.visit_i64(code),
            Err(_) => Ok(true),
        }
    }

    fn visit_f64<Err: de::Error>(self, code: f64) -> Result<bool, Err> {
        Ok(code != 0.0)
    }

    fn visit_str<Err: de::Error>(self, code: &str) -> Result<bool, Err> {
        Ok(!code.is_empty() && !<str as CodeType>::is_ok(code, &self.envelope))
    }

    fn visit_bool<Err: de::Error>(self, _: bool) -> Result<bool, Err> {
        Ok(false)
    }

    fn visit_unit<Err: de::Error>(self) -> Result<bool, Err> {
        Ok(false)
    }

    fn visit_none<Err: de::Error>(self) -> Result<bool, Err> {
        Ok(false)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map
            .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
            .is_some()
        {}
        Ok(false)
    }

    /// A list of codes (Kraken's `"error":[…]`) reports a failure unless it is empty.
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        let mut any = false;
        while seq.next_element::<de::IgnoredAny>()?.is_some() {
            any = true;
        }
        Ok(any)
    }
}

/// True when an item of the `items` list has a code that is not a success.
#[derive(Clone, Copy)]
struct AnyItemFails {
    envelope: Envelope,
}

impl<'de> de::DeserializeSeed<'de> for AnyItemFails {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for AnyItemFails {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of items")
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        let mut any = false;
        while let Some(fails) = seq.next_element_seed(ItemFails {
            envelope: self.envelope,
        })? {
            any |= fails;
        }
        Ok(any)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map
            .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
            .is_some()
        {}
        Ok(false)
    }

    skip_scalars!(false);
}

/// Whether one item's code is not a success; an item without one is not a failure.
#[derive(Clone, Copy)]
struct ItemFails {
    envelope: Envelope,
}

impl<'de> de::DeserializeSeed<'de> for ItemFails {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ItemFails {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an item")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let mut fails = false;
        while let Some(key) = map.next_key::<alloc::borrow::Cow<'de, str>>()? {
            if Some(&*key) == self.envelope.item_code {
                fails |= map.next_value_seed(NotOk {
                    envelope: self.envelope,
                })?;
            } else {
                map.next_value::<de::IgnoredAny>()?;
            }
        }
        Ok(fails)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(false)
    }

    skip_scalars!(false);
}
