//! Ready-made [errcodes](https://docs.rs/errcodes-runtime) catalogs: the error codes of exchange
//! and payment APIs as exhaustive, documented, classified Rust enums, one cargo feature per API.
//!
//! ```toml
//! [dependencies]
//! errcodes-catalogs = { version = "0.1", features = ["mexc"] }
//! ```
//!
#![cfg_attr(feature = "mexc", doc = "```")]
#![cfg_attr(not(feature = "mexc"), doc = "```ignore")]
//! use errcodes_catalogs::mexc::MexcError;
//! use errcodes_catalogs::{ErrorKind, Retry};
//!
//! // The `code` of MEXC's `{"code": 700002, "msg": "…"}` body.
//! let error = MexcError::from_code(700002).expect("a listed code");
//! assert_eq!(error, MexcError::InvalidSignature);
//! assert_eq!(error.to_string(), "Signature for this request is not valid");
//! assert_eq!(error.kind(), ErrorKind::Authentication);
//! assert_eq!(error.retry(), Retry::Never);
//! assert_eq!(MexcError::ENVELOPE.message, "msg");
//!
//! match error {
//!     MexcError::TooManyRequests => { /* back off */ }
//!     MexcError::InvalidSignature => { /* fix the signing code */ }
//!     _ => {}
//! }
//! ```
//!
//! To read a whole answer (status, headers, body) in one call, turn on `json` beside the
//! venues: every module has `Code` (every error its answers can carry) and `Error`
//! (`ApiError<Code>`), and its "Reading an answer" section reads a real answer of that venue.
//!
//! ```toml
//! [dependencies]
//! errcodes-catalogs = { version = "0.1", features = ["binance", "okx", "bybit", "json"] }
//! ```
//!
#![cfg_attr(all(feature = "json", feature = "okx"), doc = "```")]
#![cfg_attr(not(all(feature = "json", feature = "okx")), doc = "```ignore")]
//! use errcodes_catalogs::json::check_response;
//! use errcodes_catalogs::okx::{self, OkxTradeError};
//! use errcodes_catalogs::Retry;
//!
//! // OKX refuses an order inside an HTTP 200 answer.
//! let body = br#"{"code":"1","msg":"All operations failed","data":[{"sCode":"51008","sMsg":"Order failed. Insufficient USDT margin in account "}]}"#;
//! let error: okx::Error = check_response(200, &(), body).unwrap_err();
//! assert!(matches!(error.known(), Some(okx::Code::OkxTradeError(_))));
//! assert_eq!(error.retry(), Retry::Never);
//! ```
//!
//! To send requests with reqwest 0.13 and retry by the catalog's advice, add `errcodes-runtime`
//! with its `reqwest` (and `backon`) features: its
//! [`reqwest`](https://docs.rs/errcodes-runtime/latest/errcodes_runtime/reqwest/) module says
//! what to add beside it. Its functions take any module's `Code` here:
//! `errcodes_runtime::reqwest::send::<okx::Code>(request)`.
//!
//! Each module is what `errcodes_runtime::errcodes!("catalogs/<api>.toml")` generates from the
//! catalog shipped inside this crate; the enums, their methods and the [`ErrorCode`] trait are
//! described in [`errcodes_runtime`]. To keep your own catalog instead, depend on
//! `errcodes-runtime` and call `errcodes!` yourself.
//!
//! # Features
//!
//! | feature | module | enums |
//! |---|---|---|
//! | `mexc` | `mexc` | `MexcError`, `MexcSubAccountError` |
//! | `mixpay` | `mixpay` | `MixPayError`, `MixPayRefundReason` |
//! | `okx` | `okx` | `OkxGeneralError`, `OkxTradeError`, `OkxAccountError`, … (14, one per documentation section) |
//! | `kraken` | `kraken` | `KrakenError`, `KrakenRateLimitError` (string codes) |
//! | `stripe` | `stripe` | `StripeError` (string codes) |
//! | `binance` | `binance` | `BinanceError` (Spot) |
//! | `binance_usdm` | `binance_usdm` | `BinanceUsdmError` (USDⓈ-M Futures) |
//! | `binance_coinm` | `binance_coinm` | `BinanceCoinmError` (COIN-M Futures) |
//! | `binance_options` | `binance_options` | `BinanceOptionsError` (Options) |
//! | `binance_portfolio` | `binance_portfolio` | `BinancePortfolioError` (Portfolio Margin) |
//! | `binance_sapi` | `binance_sapi` | `BinanceSapiError` (SAPI: wallet, margin, sub-account, savings, loans, algo…) |
//! | `bybit` | `bybit` | `BybitUtaError`, `BybitSpotTradeError`, … (20, one per documentation section) |
//! | `mexc_futures` | `mexc_futures` | `MexcFuturesError` |
//! | `htx` | `htx` | `HtxError` (string codes) |
//! | `htx_futures` | `htx_futures` | `HtxFuturesError` (futures and swaps) |
//! | `bitmex` | `bitmex` | `BitmexError` (HTTP statuses) |
//! | `bitfinex` | `bitfinex` | `BitfinexError`, `BitfinexInfoEvent` |
//! | `coinbase` | `coinbase` | `CoinbasePreviewFailureReason` (string codes) |
//! | `all` | every module above | |
//! | `std` | | forwarded to `errcodes-runtime/std` (implies `alloc`) |
//! | `serde` | | forwarded to `errcodes-runtime/serde`: the enums (de)serialize as their code |
//! | `json` | `json` | forwarded to `errcodes-runtime/json`: [`json::check_response`](https://docs.rs/errcodes-runtime/latest/errcodes_runtime/json/fn.check_response.html) reads a whole answer into a module's `Error` (needs `alloc`, not `std`) |
//!
//! **No feature is on by default.** Every catalog is a proc-macro expansion compiled in your
//! build (an enum per section of the API's documentation, a documented variant per code, their
//! lookup tables), so you pay only for the APIs you name. A feature that is off costs nothing:
//! its module is behind `#[cfg(feature = "…")]`, so the macro does not run and the catalog is
//! never read. `all` suits tools that deal with every API; a catalog added in a later release
//! then arrives without a change to your `Cargo.toml`, at the price of its compile time.
//!
//! A module's "Gaps" say what its catalog's header names as missing from every reachable copy of
//! the venue's documentation. The `sources/…` files named in the docs are the saved pages in the
//! [repository](https://github.com/errcodes/errcodes/tree/main/sources), not in this package.
//!
//! The enums are not `#[non_exhaustive]`, on purpose: when a release adds a code to a catalog,
//! a `match` that lists every variant stops compiling, so the new code is handled deliberately.
//!
//! # `no_std`
//!
//! The crate is `#![no_std]` and uses `errcodes-runtime` without its default features, so the
//! enums need neither `std` nor `alloc`; the `std` feature only turns on the runtime's.
//!
//! # Adding a catalog
//!
//! Put the catalog in `catalogs/<api>.toml` and write three lines: the feature (`<api> = []`)
//! and its entry in the `all` list in `Cargo.toml`, and `#[cfg(feature = "<api>")] pub mod
//! <api>;` in `src/lib.rs`, with a row in the feature table above and `src/<api>.rs` holding the
//! module documentation (title, source, envelope, enums, gaps, and a real answer read in one
//! call through the crate's private `one_call!`; copy `src/mixpay.rs`), the `errcodes!` call
//! and its `doc_facts` test. That test checks the documentation against the catalog (the gaps
//! word for word against its header's "What no reachable page lists:") and the generated
//! constants; `tests/features.rs` checks that every catalog has its feature, `all`
//! entry, module and row.
#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]

#[doc(no_inline)]
pub use errcodes_runtime::{Envelope, ErrorCode, ErrorKind, Retry, UnknownCode};

/// Reading a whole response (status, headers, body) into a catalog's `Error` in one call
/// (feature `json`).
#[cfg(feature = "json")]
#[doc(no_inline)]
pub use errcodes_runtime::json;

/// The runtime the generated enums are built on, for everything not re-exported above.
#[doc(no_inline)]
pub use errcodes_runtime;

// Before the venue modules: its macros are in scope by textual order.
#[macro_use]
mod doc_example;

#[cfg(feature = "mexc")]
#[cfg_attr(docsrs, doc(cfg(feature = "mexc")))]
pub mod mexc;

#[cfg(feature = "mixpay")]
#[cfg_attr(docsrs, doc(cfg(feature = "mixpay")))]
pub mod mixpay;

#[cfg(feature = "okx")]
#[cfg_attr(docsrs, doc(cfg(feature = "okx")))]
pub mod okx;

#[cfg(feature = "kraken")]
#[cfg_attr(docsrs, doc(cfg(feature = "kraken")))]
pub mod kraken;

#[cfg(feature = "stripe")]
#[cfg_attr(docsrs, doc(cfg(feature = "stripe")))]
pub mod stripe;

#[cfg(feature = "binance")]
#[cfg_attr(docsrs, doc(cfg(feature = "binance")))]
pub mod binance;

#[cfg(feature = "binance_usdm")]
#[cfg_attr(docsrs, doc(cfg(feature = "binance_usdm")))]
pub mod binance_usdm;

#[cfg(feature = "binance_coinm")]
#[cfg_attr(docsrs, doc(cfg(feature = "binance_coinm")))]
pub mod binance_coinm;

#[cfg(feature = "binance_options")]
#[cfg_attr(docsrs, doc(cfg(feature = "binance_options")))]
pub mod binance_options;

#[cfg(feature = "binance_portfolio")]
#[cfg_attr(docsrs, doc(cfg(feature = "binance_portfolio")))]
pub mod binance_portfolio;

#[cfg(feature = "binance_sapi")]
#[cfg_attr(docsrs, doc(cfg(feature = "binance_sapi")))]
pub mod binance_sapi;

#[cfg(feature = "bybit")]
#[cfg_attr(docsrs, doc(cfg(feature = "bybit")))]
pub mod bybit;
#[cfg(feature = "mexc_futures")]
#[cfg_attr(docsrs, doc(cfg(feature = "mexc_futures")))]
pub mod mexc_futures;

#[cfg(feature = "htx")]
#[cfg_attr(docsrs, doc(cfg(feature = "htx")))]
pub mod htx;

#[cfg(feature = "htx_futures")]
#[cfg_attr(docsrs, doc(cfg(feature = "htx_futures")))]
pub mod htx_futures;

#[cfg(feature = "bitmex")]
#[cfg_attr(docsrs, doc(cfg(feature = "bitmex")))]
pub mod bitmex;

#[cfg(feature = "bitfinex")]
#[cfg_attr(docsrs, doc(cfg(feature = "bitfinex")))]
pub mod bitfinex;

#[cfg(feature = "coinbase")]
#[cfg_attr(docsrs, doc(cfg(feature = "coinbase")))]
pub mod coinbase;

#[cfg(test)]
mod doc_facts;
