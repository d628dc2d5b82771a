//! A tokio + reqwest trading bot's view of errcodes, against a fake exchange (axum) on
//! 127.0.0.1: every answer, and every missing answer, becomes a typed error in one call, and a
//! backon retry loop follows its advice: back off, wait out a ban, verify before resending,
//! or stop.
//!
//! The scenarios are a library so that the test runs exactly what `cargo run -p async-bot`
//! shows.
#![deny(warnings)]

pub mod bot;
pub mod scenarios;
pub mod server;
