//! The rules that errcodes applies both when it expands a catalog and when it reads a response,
//! defined once: the [`ErrorKind`]s and [`Retry`] advice with their catalog names and meanings,
//! the hash behind `from_code` ([`lookup`]), the [`template`] syntax for codes and messages
//! that carry values, and the shapes of what a catalog says about a venue ([`venue`]: the
//! envelope and its default, `[[http]]` rules, `retry_after`, the venue's headers) and of its
//! WebSocket answers ([`websocket`]).
//!
//! Users depend on `errcodes-runtime`, which re-exports what they need from here; the engine
//! (`errcodes-codegen`) and the `errcodes` command use this crate directly, so a kind, a hash or a
//! placeholder means the same thing at compile time and at run time.
//!
//! ```
//! use errcodes_core::{ErrorKind, Retry};
//!
//! let kind: ErrorKind = "rate_limited".parse().unwrap();
//! assert_eq!(kind, ErrorKind::RateLimited);
//! assert_eq!(kind.default_retry(), Retry::Backoff);
//! assert_eq!(kind.meaning(), "too many requests");
//! ```
#![no_std]
#![warn(missing_docs)]

mod kind;
pub mod lookup;
pub mod template;
pub mod venue;
pub mod websocket;

pub use kind::{ErrorKind, ParseNameError, Retry, TimeUnit};
