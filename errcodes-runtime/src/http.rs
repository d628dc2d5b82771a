//! From an HTTP status and body to a typed result, without an HTTP client dependency.
//!
//! ```
//! # errcodes_runtime::errcodes!("../catalogs/mexc.toml");
//! use errcodes_runtime::{http, ErrorKind, Retry};
//!
//! // After any request: status and body bytes in, a typed error out.
//! let body = br#"{"code":700002,"msg":"Signature for this request is not valid."}"#;
//! let error = http::check_response::<MexcError>(400, body).unwrap_err();
//! assert_eq!(error.known(), Some(MexcError::InvalidSignature));
//! assert_eq!(error.message(), "Signature for this request is not valid.");
//!
//! // A proxy's HTML page: no code, but the status and the page are kept.
//! let error = http::error_from_response::<MexcError>(502, b"<html>Bad Gateway</html>");
//! assert_eq!(error.code(), None);
//! assert_eq!(error.kind(), ErrorKind::Unavailable);
//! assert_eq!(error.retry(), Retry::VerifyFirst);
//! assert_eq!(error.message(), "<html>Bad Gateway</html>");
//! ```

use core::fmt;
use core::marker::PhantomData;

use alloc::string::String;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use crate::serde_support::api_error::{Field, FieldSeed, Position};
use crate::{ApiError, BodyProblem, ErrorCode};

/// The error a response carries, whatever its body: the catalog's envelope when the body
/// holds one, otherwise an [`ApiError`] without a code that keeps the status and the body's
/// text (invalid UTF-8 replaced, nothing dropped). Never panics.
pub fn error_from_response<E: ErrorCode>(status: u16, body: &[u8]) -> ApiError<E> {
    let trimmed = body.trim_ascii();
    if trimmed.is_empty() {
        return ApiError::without_code(BodyProblem::Empty, "").with_status(status);
    }
    match serde_json::from_slice::<ApiError<E>>(trimmed) {
        Ok(error) => error.with_status(status),
        Err(error) => {
            let problem = if error.is_data() {
                BodyProblem::NoCode
            } else {
                BodyProblem::NotJson
            };
            ApiError::without_code(problem, &String::from_utf8_lossy(body)).with_status(status)
        }
    }
}

/// `Ok(())` for a successful response, the error otherwise: one line after any request.
///
/// A response is an error when its status is not 2xx, or when a 2xx body has, at its top
/// level, the envelope's success flag `false`, a code other than `0`/`"0"`, or a non-empty
/// list of codes (MixPay, OKX and Kraken answer errors with HTTP 200). A 2xx body that is not
/// JSON, or JSON without a code, is a success: its content is for the caller to read.
pub fn check_response<E: ErrorCode>(status: u16, body: &[u8]) -> Result<(), ApiError<E>> {
    let failed = !(200..300).contains(&status)
        || serde_json::from_slice::<Outcome<E>>(body.trim_ascii())
            .is_ok_and(|outcome| outcome.failed);
    if failed {
        Err(error_from_response(status, body))
    } else {
        Ok(())
    }
}

/// Whether a 2xx body reports a failure, read without building the error or allocating.
struct Outcome<E> {
    failed: bool,
    marker: PhantomData<E>,
}

impl<'de, E: ErrorCode> de::Deserialize<'de> for Outcome<E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(OutcomeVisitor(PhantomData))
    }
}

struct OutcomeVisitor<E>(PhantomData<E>);

impl<'de, E: ErrorCode> Visitor<'de> for OutcomeVisitor<E> {
    type Value = Outcome<E>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let at = Position::ROOT;
        let mut failed = false;
        while let Some(field) = map.next_key_seed(FieldSeed {
            envelope: E::ENVELOPE,
            at,
        })? {
            failed |= match field {
                Field::Success => map.next_value::<Option<bool>>()? == Some(false),
                Field::Code => map.next_value::<NonZeroCode>()?.0,
                _ => map.next_value::<de::IgnoredAny>().map(|_| false)?,
            };
        }
        Ok(Outcome {
            failed,
            marker: PhantomData,
        })
    }
}

/// True for a code other than `0` or `"0"`; `null` and other types are not a failure.
struct NonZeroCode(bool);

impl<'de> de::Deserialize<'de> for NonZeroCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NonZeroCodeVisitor)
    }
}

struct NonZeroCodeVisitor;

impl<'de> Visitor<'de> for NonZeroCodeVisitor {
    type Value = NonZeroCode;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a code")
    }

    fn visit_i64<Err: de::Error>(self, code: i64) -> Result<NonZeroCode, Err> {
        Ok(NonZeroCode(code != 0))
    }

    fn visit_u64<Err: de::Error>(self, code: u64) -> Result<NonZeroCode, Err> {
        Ok(NonZeroCode(code != 0))
    }

    fn visit_f64<Err: de::Error>(self, code: f64) -> Result<NonZeroCode, Err> {
        Ok(NonZeroCode(code != 0.0))
    }

    fn visit_str<Err: de::Error>(self, code: &str) -> Result<NonZeroCode, Err> {
        Ok(NonZeroCode(!code.is_empty() && code != "0"))
    }

    fn visit_bool<Err: de::Error>(self, _: bool) -> Result<NonZeroCode, Err> {
        Ok(NonZeroCode(false))
    }

    fn visit_unit<Err: de::Error>(self) -> Result<NonZeroCode, Err> {
        Ok(NonZeroCode(false))
    }

    fn visit_none<Err: de::Error>(self) -> Result<NonZeroCode, Err> {
        Ok(NonZeroCode(false))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NonZeroCode, A::Error> {
        while map
            .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
            .is_some()
        {}
        Ok(NonZeroCode(false))
    }

    /// A list of codes (Kraken's `"error":[…]`) reports a failure unless it is empty.
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<NonZeroCode, A::Error> {
        let mut any = false;
        while seq.next_element::<de::IgnoredAny>()?.is_some() {
            any = true;
        }
        Ok(NonZeroCode(any))
    }
}
