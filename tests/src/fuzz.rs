//! The fuzz targets' bodies, shared by `fuzz/` (cargo-fuzz, libFuzzer) and the corpus replay
//! in `tests/tests/test_fuzz_corpus.rs`, which runs on the stable toolchain in CI.

use errcodes_runtime::{ApiError, ErrorCode, http};

use crate::{mexc::MexcError, mixpay::MixPayError, nested::NestedError, strings::StringCodeError};

/// Catalog loading, validation and expansion: must never panic, and a catalog that checks
/// clean must expand to Rust that parses.
pub fn catalog(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let checked = errcodes_codegen::check(text);
    let lines = errcodes_codegen::LineIndex::new(text);
    for diagnostic in &checked.diagnostics {
        let _ = diagnostic.render_plain("fuzz.toml", &lines);
    }
    if checked.is_valid() {
        let tokens = errcodes_codegen::expand(&checked.catalog, None);
        assert!(!tokens.is_empty(), "a valid catalog expands to items");
    }
}

/// Body parsing: the first two bytes choose an HTTP status (or none), the rest is the body.
/// Every enum shape (integer codes, MixPay's envelope, string codes, a nested envelope) must
/// give an error value without panicking, keep what the server sent, and round-trip through
/// serde when the body parses.
pub fn body(data: &[u8]) {
    let (status, body) = match data {
        [high, low, rest @ ..] => (u16::from_be_bytes([*high, *low]) % 700, rest),
        _ => (0, data),
    };
    one::<MexcError>(status, body);
    one::<MixPayError>(status, body);
    one::<StringCodeError>(status, body);
    one::<NestedError>(status, body);
}

fn one<E: ErrorCode>(status: u16, body: &[u8]) {
    let error = http::error_from_response::<E>(status, body);
    let _ = (
        error.kind(),
        error.retry(),
        error.to_string(),
        format!("{error:?}"),
    );
    if error.code().is_none() && !body.trim_ascii().is_empty() {
        assert_eq!(
            error.message(),
            String::from_utf8_lossy(body),
            "the body is kept"
        );
    }
    let _ = http::check_response::<E>(status, body);
    if let Ok(parsed) = serde_json::from_slice::<ApiError<E>>(body) {
        let written = serde_json::to_vec(&parsed).expect("an ApiError serializes");
        let again: ApiError<E> =
            serde_json::from_slice(&written).expect("what it wrote reads back");
        assert_eq!(again.code(), parsed.code());
        assert_eq!(again.message(), parsed.message());
    }
}
