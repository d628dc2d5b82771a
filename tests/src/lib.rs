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

/// `tests/fixtures/venue.toml`: refinements, templates, items, `[[http]]` rules, headers and an
/// API enum.
pub mod venue {
    errcodes_runtime::errcodes!("fixtures/venue.toml");
}

/// `tests/fixtures/venue-strings.toml`: template codes and lists of string codes.
pub mod venue_strings {
    errcodes_runtime::errcodes!("fixtures/venue-strings.toml");
}

/// The README's Rust examples that are not marked `ignore`, compiled and run as doctests of
/// this crate (whose manifest directory resolves their catalog paths like the README says).
#[doc = include_str!("../../README.md")]
pub mod readme {}

pub mod agree;
pub mod fuzz;
pub mod scratch;
pub mod sources;

/// `tests/imported/`: what `errcodes import` wrote for each documentation page, compiled
/// as it is (import → check → compile). `errcodes-cli/tests/golden.rs` keeps them current.
pub mod imported {
    /// From the MEXC seed (line format).
    pub mod mexc {
        errcodes_runtime::errcodes!("imported/mexc.toml");
    }
    /// From the MixPay seed (markdown tables).
    pub mod mixpay {
        errcodes_runtime::errcodes!("imported/mixpay.toml");
    }
    /// From OKX's error-code page (integer codes, many sections).
    pub mod okx {
        errcodes_runtime::errcodes!("imported/okx.toml");
    }
    /// From Kraken's error page (string codes).
    pub mod kraken {
        errcodes_runtime::errcodes!("imported/kraken.toml");
    }
    /// From Stripe's error-code page (string codes).
    pub mod stripe {
        errcodes_runtime::errcodes!("imported/stripe.toml");
    }
}

/// `tests/fixtures/nested-envelope.toml`: an envelope with dotted paths (Stripe's shape).
pub mod nested {
    errcodes_runtime::errcodes!("fixtures/nested-envelope.toml");
}

/// `tests/fixtures/text-ok-code.toml`: integer codes whose success is written `"00000"`.
pub mod text_ok {
    errcodes_runtime::errcodes!("fixtures/text-ok-code.toml");
}
