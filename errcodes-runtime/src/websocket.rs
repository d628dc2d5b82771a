//! From a WebSocket text frame to an answer, in one call: [`read_frame`] tells an error answer
//! (the same [`ApiError`] as REST: kind, retry, `retry_after()`, `errors()`), a success
//! answer, and a frame that answers nothing (a market-data push), each with the request id
//! the frame echoes. The catalog's `[catalog.websocket]` says where a frame keeps what
//! ([`WebSocketEnvelope`](crate::WebSocketEnvelope)); the frame is walked once by the same
//! reader as a REST body.
//!
//! ```
//! # errcodes_runtime::errcodes!("catalogs/binance.toml");
//! use core::time::Duration;
//! use errcodes_runtime::websocket::{Frame, RequestId, read_frame};
//! use errcodes_runtime::{ErrorKind, Retry};
//!
//! let frame = r#"{"id":"7","status":429,"error":{"code":-1003,"msg":"Too much request weight used; current limit is 6000 request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.","data":{"serverTime":1700000000000,"retryAfter":1700000030000}}}"#;
//! let Frame::Error { id, error } = read_frame::<binance::Code>(frame) else { panic!() };
//! assert_eq!(id, Some(RequestId::Text("7".into())));
//! assert_eq!(error.kind(), ErrorKind::RateLimited);
//! assert_eq!(error.retry(), Retry::Backoff);
//! assert_eq!(error.retry_after_at(1_700_000_000_000), Some(Duration::from_secs(30)));
//!
//! let accepted = r#"{"id":"8","status":200,"result":{"orderId":12569099453}}"#;
//! assert!(matches!(read_frame::<binance::Code>(accepted), Frame::Success { .. }));
//! ```

use alloc::borrow::Cow;
use core::fmt;

use errcodes_core::websocket::FrameField;

use crate::api_error::Lookup;
use crate::headers::Wait;
use crate::json::walk;
use crate::reader::{CodeSlot, Reading};
use crate::{ApiError, BodyProblem, ErrorCode};

/// What one text frame is.
///
/// ```
/// # errcodes_runtime::errcodes!("catalogs/kraken.toml");
/// use errcodes_runtime::websocket::{Frame, read_frame};
///
/// let push = r#"{"channel":"ticker","type":"update","data":[{"symbol":"BTC/USD","last":26500.4}]}"#;
/// assert!(matches!(read_frame::<kraken::Code>(push), Frame::NotAnAnswer));
/// ```
#[derive(Debug)]
pub enum Frame<'a, E: ErrorCode> {
    /// An answer that reports a failure, with the id of the request it answers, if it says.
    Error {
        /// The request id the frame echoes.
        id: Option<RequestId<'a>>,
        /// The error, as a REST response's would be.
        error: ApiError<E>,
    },
    /// An answer that reports success.
    Success {
        /// The request id the frame echoes.
        id: Option<RequestId<'a>>,
    },
    /// A frame that answers no request: a market-data or account push, a heartbeat, text that
    /// is not JSON (OKX's `pong`).
    NotAnAnswer,
}

impl<'a, E: ErrorCode> Frame<'a, E> {
    /// The request id of an answer.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/kraken.toml");
    /// use errcodes_runtime::websocket::{RequestId, read_frame};
    ///
    /// let frame = r#"{"method":"add_order","req_id":7,"result":{"order_id":"O1"},"success":true}"#;
    /// assert_eq!(read_frame::<kraken::Code>(frame).id(), Some(&RequestId::Int(7)));
    /// ```
    pub fn id(&self) -> Option<&RequestId<'a>> {
        match self {
            Frame::Error { id, .. } | Frame::Success { id } => id.as_ref(),
            Frame::NotAnAnswer => None,
        }
    }
}

/// A request id as the frame wrote it: borrowed from the frame, copied only when it holds
/// escapes.
///
/// ```
/// use errcodes_runtime::websocket::RequestId;
///
/// assert_eq!(RequestId::Int(7).to_string(), "7");
/// assert_eq!(RequestId::Text("order-1".into()).to_string(), "order-1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RequestId<'a> {
    /// A number (Kraken's `req_id`).
    Int(i64),
    /// A string (Binance, OKX, Bybit).
    Text(Cow<'a, str>),
}

impl fmt::Display for RequestId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestId::Int(id) => fmt::Display::fmt(id, f),
            RequestId::Text(id) => f.pad(id),
        }
    }
}

/// Reads one text frame of the venue's WebSocket API with `E`'s `[catalog.websocket]` (its
/// REST envelope when it has none). Never panics; allocates nothing for a listed code whose
/// message is the catalog's and an id without escapes.
///
/// - An error answer: the status field (when the catalog names one) is not 2xx, or the frame
///   has the success flag `false`, a code that is not a success, or a failed batch item, as a
///   REST body would. The status then counts as the HTTP status, and the frame's wait field
///   as a `Retry-After`.
/// - A success answer: otherwise, when the frame has the id, the status, the answer field, a
///   code or a success flag.
/// - Not an answer: anything else, and text that is not JSON or breaks off before it says it
///   failed.
///
/// ```
/// # errcodes_runtime::errcodes!("catalogs/bybit.toml");
/// use errcodes_runtime::websocket::{Frame, read_frame};
/// use errcodes_runtime::ErrorKind;
///
/// let frame = r#"{"reqId":"r1","retCode":170131,"retMsg":"Insufficient balance.","op":"order.create","data":{}}"#;
/// let Frame::Error { error, .. } = read_frame::<bybit::Code>(frame) else { panic!() };
/// assert_eq!(error.kind(), ErrorKind::InsufficientFunds);
/// ```
pub fn read_frame<E: ErrorCode>(text: &str) -> Frame<'_, E> {
    let frames = &E::WEBSOCKET;
    let envelope = &frames.envelope;
    let reading = Reading {
        envelope,
        strict: None,
        frame: FrameField::ALL.map(|field| frames.path(field).copied()),
    };
    let json = text.trim_ascii();
    let (mut found, walked) = walk(reading, json.as_bytes());
    let [id, status, wait, answer] = core::mem::take(&mut found.frame);
    let status = status.as_ref().and_then(status_of);
    let failed =
        status.is_some_and(|status| !(200..300).contains(&status)) || found.failed(envelope);
    // A frame that breaks off keeps what it said before only when that was a failure.
    if walked.is_err() && !failed {
        return Frame::NotAnAnswer;
    }
    let id = id.and_then(request_id);
    if !failed {
        let answered = id.is_some() || status.is_some() || answer.is_some() || found.answers();
        return if answered {
            Frame::Success { id }
        } else {
            Frame::NotAnAnswer
        };
    }
    let mut error = found
        .into_error::<E>(Lookup::Frame)
        .unwrap_or_else(|message| {
            let message = message.as_deref().filter(|message| !message.is_empty());
            ApiError::without_code(BodyProblem::NoCode, message.unwrap_or(json))
        });
    if let Some(status) = status {
        error = error.with_status(status);
    }
    if let (Some(rule), Some(value)) = (frames.retry_after, wait.as_ref().and_then(count_of)) {
        error = error.with_wait(Wait::of_count(value, rule.unit));
    }
    Frame::Error { id, error }
}

/// An HTTP-style status written as a number or its digits.
fn status_of(value: &CodeSlot<'_>) -> Option<u16> {
    let status = match value {
        CodeSlot::Int(status) => u16::try_from(*status).ok()?,
        CodeSlot::Text(status) => status.trim().parse().ok()?,
        CodeSlot::Unusable => return None,
    };
    (100..=599).contains(&status).then_some(status)
}

/// A wait written as a non-negative number or its digits (Bybit writes its reset time as text).
fn count_of(value: &CodeSlot<'_>) -> Option<u64> {
    match value {
        CodeSlot::Int(count) => u64::try_from(*count).ok(),
        CodeSlot::Text(count) => count.trim().parse().ok(),
        CodeSlot::Unusable => None,
    }
}

fn request_id(value: CodeSlot<'_>) -> Option<RequestId<'_>> {
    match value {
        CodeSlot::Int(id) => Some(RequestId::Int(id)),
        CodeSlot::Text(id) => Some(RequestId::Text(id)),
        CodeSlot::Unusable => None,
    }
}
