//! A tokio bot's view of errcodes over a WebSocket API: it places orders on a fake exchange
//! (tokio-tungstenite, on 127.0.0.1) that answers like Binance's WebSocket API, reads every
//! frame with one call (`errcodes_runtime::websocket::read_frame`), and follows the answer's
//! advice: stop on a rejected order, wait out a rate limit's `retryAfter`, and verify before
//! resending when the connection drops mid-request.
//!
//! The scenarios are a library so that the test runs exactly what `cargo run -p ws-bot` shows.
#![deny(warnings)]

pub mod bot;
pub mod exchange;
pub mod scenarios;
