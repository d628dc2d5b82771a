//! Exhaustive, documented, classified error enums for exchange and payment APIs, generated at
//! compile time from TOML catalogs.
//!
//! ```
//! use errcodes_runtime::{errcodes, ErrorKind, Retry};
//!
//! // Reads `catalogs/mexc.toml` next to this crate's Cargo.toml at compile time.
//! errcodes!("catalogs/mexc.toml");
//!
//! let error = MexcError::from_code(700002).expect("a listed code");
//! assert_eq!(error, MexcError::InvalidSignature);
//! assert_eq!(error.to_string(), "Signature for this request is not valid");
//! assert_eq!(error.kind(), ErrorKind::Authentication);
//! assert_eq!(error.retry(), Retry::Never);
//!
//! match error {
//!     MexcError::TooManyRequests => { /* back off */ }
//!     MexcError::InvalidSignature => { /* fix the signing code */ }
//!     _ => {}
//! }
//! ```
//!
//! Each `[[enum]]` of a catalog becomes a `pub enum` deriving `Debug, Clone, Copy, PartialEq,
//! Eq, PartialOrd, Ord, Hash`, with `Display` (the documented message), `core::error::Error`,
//! `TryFrom` its code type, [`ErrorCode`], and inherent methods of the same names as the
//! trait's. The enums are deliberately not `#[non_exhaustive]`: when a catalog gains a code, a
//! `match` that lists every variant stops compiling, which is the point.
//!
//! Every error type here answers the same three questions through [`Advice`]: what
//! [`kind`](Advice::kind) of failure, whether to [`retry`](Advice::retry), and how long to
//! wait first ([`retry_after`](Advice::retry_after)).
//!
//! The catalog format, every key with an example, is the [`format`] page.
//!
//! # Names
//!
//! `Display` of a variant is its message as a sentence: a templated message prints each
//! placeholder as `…`, while [`message`](ErrorCode::message) keeps the template (what the
//! server's text is matched against, and what [`ApiError::placeholder`] reads values by).
//! The catalog-wide enum (`Code` in the bundled catalogs) matches flat: every variant of its
//! sections is an associated constant of the same name, so `Code::BadSymbol` is
//! `Code::BinanceError(BinanceError::BadSymbol)`. Such a match needs a `_` arm; the nested
//! form stays exhaustive. A name that several sections share has no constant.
//!
//! ```
//! errcodes_runtime::errcodes!("catalogs/binance.toml");
//!
//! let error = BinanceError::WorkingParamRequired;
//! assert_eq!(error.message(), "Working order must include the '{tag}' tag.");
//! assert_eq!(error.to_string(), "Working order must include the '…' tag.");
//!
//! let advice = match binance::Code::from_code(-1121) {
//!     Some(binance::Code::BadSymbol) => "check the symbol",
//!     Some(binance::Code::TooManyRequests) => "back off",
//!     _ => "read the message",
//! };
//! assert_eq!(advice, "check the symbol");
//! ```
//!
//! # Features
//! - `std` (default): implies `alloc`.
//! - `alloc`: owned server messages and string codes in [`ApiError`].
//! - `serde`: generated enums (de)serialize as their code; [`ApiError`] as the catalog's
//!   envelope.
//! - `json`: [`json`], from an HTTP status, headers and body to a typed result, and
//!   [`websocket`], from a WebSocket text frame to an answer (adds `serde_json`).
//! - `http`: [`ApiError::from_http_response`] and [`json::check_http_response`] for the http
//!   1.x `Response` type, and [`Headers`] for its `HeaderMap` (adds `http`).
//! - `reqwest`: [`reqwest`], one call from a reqwest 0.13 request to the body or a typed error,
//!   transport failures included (adds `reqwest` without TLS, and `bytes`).
//! - `backon`: [`backon`], a retry loop that follows [`Retry`] and waits `retry_after()`.
//! - `tracing`: a `tracing` event per failed request and per retry.
//!
//! Without default features the crate and the generated code are `no_std`.
#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod advice;
#[cfg(feature = "json")]
mod almost_json;
#[cfg(feature = "alloc")]
mod api_error;
#[cfg(feature = "backon")]
pub mod backon;
mod code;
pub mod format;
#[cfg(feature = "alloc")]
mod headers;
#[cfg(feature = "json")]
pub mod json;
mod venue;

#[cfg(all(feature = "serde", feature = "alloc"))]
mod reader;
#[cfg(feature = "reqwest")]
pub mod reqwest;
#[cfg(feature = "serde")]
mod serde_support;
#[cfg(feature = "json")]
pub mod websocket;

#[doc(hidden)]
#[allow(missing_docs)]
#[path = "private.rs"]
pub mod __private;

pub use advice::Advice;
#[cfg(feature = "alloc")]
pub use api_error::{ApiError, BodyProblem};
pub use code::{CodeRef, CodeType, ErrorCode, UnknownCode};
pub use errcodes_core::template::{Template, TemplateError};
pub use errcodes_core::{ErrorKind, ParseNameError, Retry, TimeUnit};
pub use errcodes_macros::errcodes;
#[cfg(feature = "alloc")]
pub use headers::Headers;
pub use venue::{
    ArrayError, Envelope, HeaderNames, HttpRule, RetryAfterRule, StatusMatch, WebSocketEnvelope,
};
