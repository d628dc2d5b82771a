//! The one place where the command reads the engine's list of kinds and retry advice.
//!
//! The engine's `kinds::Kind` is about to become a shared `ErrorKind`; everything else in this
//! crate goes through these re-exports and functions, so the switch touches only this file.

pub use errcodes_codegen::kinds::{Kind, RetryAdvice};

/// Every kind's catalog name, what it means and its default retry advice, in the runtime's
/// order.
pub fn all_kinds() -> Vec<(&'static str, &'static str, &'static str)> {
    errcodes_codegen::kinds::KIND_NAMES
        .iter()
        .map(|name| {
            let kind = Kind::from_name(name).expect("a listed kind name");
            (kind.name(), kind.meaning(), kind.default_retry().name())
        })
        .collect()
}

/// Every retry advice's catalog name and what it tells the caller, in the runtime's order.
pub fn all_retries() -> Vec<(&'static str, &'static str)> {
    errcodes_codegen::kinds::RETRY_NAMES
        .iter()
        .map(|name| {
            let retry = RetryAdvice::from_name(name).expect("a listed retry name");
            (retry.name(), retry.meaning())
        })
        .collect()
}
