//! A trading bot's view of errcodes: a real HTTP client against a fake MEXC/MixPay server on
//! loopback. Every answer becomes a typed result in one line, and the catalog's retry advice
//! decides between backing off, verifying first and stopping.
//!
//! The scenario runner is a library function so that the integration test runs exactly what
//! `cargo run -p trading-bot` shows.
#![deny(warnings)]

pub mod bot;
pub mod scenarios;
pub mod server;

// One line per catalog, relative to this crate's Cargo.toml: MexcError, MexcSubAccountError,
// MixPayError, MixPayRefundReason.
errcodes_runtime::errcodes!("../../catalogs/mexc.toml");
errcodes_runtime::errcodes!("../../catalogs/mixpay.toml");
