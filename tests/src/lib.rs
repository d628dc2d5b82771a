//! The bundled catalogs and test fixtures, expanded once for every integration test, and
//! helpers for tests that build scratch crates with a real cargo.
#![deny(warnings)]

/// `catalogs/mexc.toml`.
pub mod mexc {
    errcodes_runtime::errcodes!("../catalogs/mexc.toml");
}

/// `catalogs/mixpay.toml`.
pub mod mixpay {
    errcodes_runtime::errcodes!("../catalogs/mixpay.toml");
}

/// `tests/fixtures/string-codes.toml`: string codes end to end.
pub mod strings {
    errcodes_runtime::errcodes!("fixtures/string-codes.toml");
}

/// `tests/fixtures/hostile.toml`: catalog text that tries to become code, attributes or doctests.
pub mod hostile {
    errcodes_runtime::errcodes!("fixtures/hostile.toml");
}

pub mod scratch;
