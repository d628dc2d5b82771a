//! What a catalog says about a venue beyond its codes, as generated code hands it to the
//! runtime: the envelope, `[[http]]` rules, `retry_after` declarations and the venue's own
//! headers. The types and their rules are `errcodes_core::venue`'s, the one definition the
//! engine fills in while it reads a catalog; these aliases fix their text to `&'static str`.

/// Where an API puts the code and the message in its JSON error body.
///
/// Declared in the catalog: `[catalog] envelope = { code = "code", message = "msg" }`.
/// MEXC sends `{"code":700002,"msg":"…"}`; MixPay sends
/// `{"code":10008,"success":false,"message":"…"}`.
///
/// ```
/// # errcodes_runtime::errcodes!("catalogs/mixpay.toml");
/// use errcodes_runtime::{Envelope, ErrorCode};
///
/// let mixpay = <MixPayError as ErrorCode>::ENVELOPE;
/// assert_eq!((mixpay.code, mixpay.message, mixpay.success), ("code", "message", Some("success")));
///
/// // An envelope of your own, for a venue without a catalog: `{"errno": 3, "errmsg": "…"}`.
/// let own = Envelope { code: "errno", message: "errmsg", ..Envelope::DEFAULT };
/// assert!(own.is_ok_code("0"));
/// assert!(own.is_ok_int(0));
/// ```
pub type Envelope = errcodes_core::venue::Envelope;

/// Where an error sent as a JSON array keeps its code and message ([`Envelope::array`]).
///
/// Declared in the catalog: `envelope = { …, array = { tag = "error", code = 1, message = 2 } }`
/// for Bitfinex's `["error", 10020, "symbol: invalid"]`.
///
/// ```
/// use errcodes_runtime::{ArrayError, Envelope};
///
/// let bitfinex = Envelope {
///     array: Some(ArrayError { tag: "error", code: 1, message: 2 }),
///     ..Envelope::DEFAULT
/// };
/// assert_eq!(bitfinex.array.map(|array| array.tag), Some("error"));
/// ```
pub type ArrayError = errcodes_core::venue::ArrayError;

/// Which statuses an [`HttpRule`] covers.
///
/// ```
/// use errcodes_runtime::StatusMatch;
///
/// assert!(StatusMatch::Exact(418).covers(418));
/// assert!(StatusMatch::Class(5).covers(503));
/// assert!(!StatusMatch::Class(5).covers(429));
/// ```
pub type StatusMatch = errcodes_core::venue::StatusMatch;

/// Where the wait before a retry comes from: a placeholder of the entry's code or message
/// template, read in a [`TimeUnit`](crate::TimeUnit)
/// (`retry_after = { from = "until", unit = "unix_seconds" }`).
///
/// ```
/// use errcodes_runtime::{RetryAfterRule, TimeUnit};
///
/// let rule = RetryAfterRule { from: "until", unit: TimeUnit::UnixMilliseconds };
/// assert!(rule.unit.is_moment());
/// ```
pub type RetryAfterRule = errcodes_core::venue::RetryAfterRule;

/// What a status means at one venue when the body carries no listed code (`[[http]]`).
///
/// ```
/// use errcodes_runtime::{ErrorKind, HttpRule, Retry, StatusMatch};
///
/// let ban = HttpRule {
///     status: StatusMatch::Exact(418),
///     name: "IpBanned",
///     message: None,
///     kind: ErrorKind::RateLimited,
///     retry: Retry::Backoff,
///     retry_after: None,
///     description: None,
/// };
/// assert!(ban.applies(418, "anything"));
/// assert_eq!(HttpRule::find(&[ban], 418, "").map(|rule| rule.name), Some("IpBanned"));
/// ```
pub type HttpRule = errcodes_core::venue::HttpRule;

/// The venue's own response headers that guide retrying (`[catalog.headers]`).
///
/// ```
/// use errcodes_runtime::HeaderNames;
///
/// assert_eq!(HeaderNames::NONE, HeaderNames::default());
/// assert_eq!(HeaderNames::NONE.reset_unix_ms, None);
/// ```
pub type HeaderNames = errcodes_core::venue::HeaderNames;

/// How a venue's WebSocket API writes its answers (`[catalog.websocket]`): the envelope of a
/// frame and where the request id, an in-frame status, a rate limit's wait and the mark of an
/// answer sit. Read by [`websocket::read_frame`](crate::websocket::read_frame).
///
/// ```
/// use errcodes_runtime::{Envelope, WebSocketEnvelope};
///
/// // Bybit: {"reqId":"…","retCode":10404,"retMsg":"…","op":"order.create"}
/// let bybit = WebSocketEnvelope {
///     envelope: Envelope { code: "retCode", message: "retMsg", ..Envelope::DEFAULT },
///     id: Some("reqId"),
///     answer: Some("op"),
///     ..WebSocketEnvelope::NONE
/// };
/// assert_eq!(bybit.status, None);
/// ```
pub type WebSocketEnvelope = errcodes_core::websocket::WebSocketEnvelope;
