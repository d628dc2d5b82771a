//! Where a venue's WebSocket API answers keep what the REST envelope does not need
//! (`[catalog.websocket]`): the request id a frame answers, a status written inside the frame
//! (there is no HTTP status), the wait a rate limit asks for, and a field that marks a frame as
//! an answer rather than a market-data push. The code, message and batch items are an
//! [`Envelope`], the same type and rules as REST bodies.
//!
//! ```
//! use errcodes_core::TimeUnit;
//! use errcodes_core::venue::{Envelope, RetryAfterRule};
//! use errcodes_core::websocket::WebSocketEnvelope;
//!
//! // Binance: {"id":"…","status":429,"error":{"code":-1003,"msg":"…","data":{"retryAfter":…}}}
//! const BINANCE: WebSocketEnvelope = WebSocketEnvelope {
//!     envelope: Envelope { code: "error.code", message: "error.msg", ..Envelope::DEFAULT },
//!     id: Some("id"),
//!     status: Some("status"),
//!     retry_after: Some(RetryAfterRule { from: "error.data.retryAfter", unit: TimeUnit::UnixMilliseconds }),
//!     answer: None,
//! };
//! assert_eq!(BINANCE.fields().count(), 3);
//! ```

use crate::venue::{Envelope, RetryAfterRule};

/// How a venue's WebSocket API writes its answers (`[catalog.websocket]`).
///
/// `S` is the text of a field path and `L` the list of success codes, as in [`Envelope`]:
/// `&'static str` and `&'static [&'static str]` in generated code.
///
/// ```
/// use errcodes_core::venue::Envelope;
/// use errcodes_core::websocket::WebSocketEnvelope;
///
/// // Kraken v2: {"method":"add_order","error":"EOrder:Insufficient funds","success":false,"req_id":7}
/// let kraken = WebSocketEnvelope {
///     envelope: Envelope { code: "error", message: "error", success: Some("success"), ..Envelope::DEFAULT },
///     id: Some("req_id"),
///     answer: Some("method"),
///     ..WebSocketEnvelope::NONE
/// };
/// assert_eq!(kraken.status, None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WebSocketEnvelope<S = &'static str, L = &'static [&'static str]> {
    /// Where the code, message, success flag and batch items sit in a frame.
    pub envelope: Envelope<S, L>,
    /// The field echoing the request's id (Binance and OKX `id`, Bybit `reqId`, Kraken `req_id`).
    pub id: Option<S>,
    /// A field holding an HTTP-style status (Binance `status`): a frame whose status is not 2xx
    /// failed, and an unlisted code is judged by the status and the `[[http]]` rules.
    pub status: Option<S>,
    /// A field holding the wait a rate limit asks for, read in a unit (Binance
    /// `error.data.retryAfter` in Unix milliseconds, Bybit's `header.X-Bapi-Limit-Reset-Timestamp`).
    /// `from` is a dotted path into the frame, not a placeholder.
    pub retry_after: Option<RetryAfterRule<S>>,
    /// A field that answers have and pushes lack (Kraken `method`, Bybit `op`, OKX and Bitfinex
    /// `event`): a frame with it is an answer even without an id or a code.
    pub answer: Option<S>,
}

impl WebSocketEnvelope {
    /// The REST default envelope and no frame fields: what a catalog without
    /// `[catalog.websocket]` reads frames with.
    ///
    /// ```
    /// use errcodes_core::websocket::WebSocketEnvelope;
    ///
    /// assert_eq!(WebSocketEnvelope::NONE.envelope.code, "code");
    /// assert_eq!(WebSocketEnvelope::NONE.fields().count(), 0);
    /// ```
    pub const NONE: WebSocketEnvelope = WebSocketEnvelope {
        envelope: Envelope::DEFAULT,
        id: None,
        status: None,
        retry_after: None,
        answer: None,
    };
}

/// Which frame field a path of [`WebSocketEnvelope::fields`] is.
///
/// ```
/// use errcodes_core::websocket::FrameField;
///
/// assert_ne!(FrameField::Id, FrameField::Status);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FrameField {
    /// [`WebSocketEnvelope::id`].
    Id,
    /// [`WebSocketEnvelope::status`].
    Status,
    /// [`WebSocketEnvelope::retry_after`]'s `from`.
    RetryAfter,
    /// [`WebSocketEnvelope::answer`].
    Answer,
}

impl FrameField {
    /// Every frame field, in the order of [`WebSocketEnvelope::fields`].
    ///
    /// ```
    /// assert_eq!(errcodes_core::websocket::FrameField::ALL.len(), 4);
    /// ```
    pub const ALL: [FrameField; 4] = [
        FrameField::Id,
        FrameField::Status,
        FrameField::RetryAfter,
        FrameField::Answer,
    ];

    /// The field's key in `[catalog.websocket]` (`retry_after` for its `from`).
    ///
    /// ```
    /// assert_eq!(errcodes_core::websocket::FrameField::Id.key(), "id");
    /// ```
    pub const fn key(self) -> &'static str {
        match self {
            FrameField::Id => "id",
            FrameField::Status => "status",
            FrameField::RetryAfter => "retry_after",
            FrameField::Answer => "answer",
        }
    }
}

impl<S, L> WebSocketEnvelope<S, L> {
    /// The path of `field`, when the catalog names it.
    ///
    /// ```
    /// use errcodes_core::websocket::{FrameField, WebSocketEnvelope};
    ///
    /// let bybit = WebSocketEnvelope { id: Some("reqId"), ..WebSocketEnvelope::NONE };
    /// assert_eq!(bybit.path(FrameField::Id), Some(&"reqId"));
    /// ```
    pub fn path(&self, field: FrameField) -> Option<&S> {
        match field {
            FrameField::Id => self.id.as_ref(),
            FrameField::Status => self.status.as_ref(),
            FrameField::RetryAfter => self.retry_after.as_ref().map(|rule| &rule.from),
            FrameField::Answer => self.answer.as_ref(),
        }
    }

    /// Every frame field the catalog names, with its path: the one list both the engine's
    /// checks and the run-time reader walk.
    ///
    /// ```
    /// use errcodes_core::websocket::{FrameField, WebSocketEnvelope};
    ///
    /// let okx = WebSocketEnvelope { id: Some("id"), answer: Some("event"), ..WebSocketEnvelope::NONE };
    /// let fields: Vec<_> = okx.fields().collect();
    /// assert_eq!(fields, [(FrameField::Id, &"id"), (FrameField::Answer, &"event")]);
    /// ```
    pub fn fields(&self) -> impl Iterator<Item = (FrameField, &S)> + '_ {
        FrameField::ALL
            .into_iter()
            .filter_map(|field| Some((field, self.path(field)?)))
    }
}
