//! The bundled catalogs and test fixtures, expanded once for every integration test, and
//! helpers for tests that build scratch crates with a real cargo.
#![deny(warnings)]

errcodes_runtime::errcodes!(
    /// `catalogs/mexc.toml`.
    "../errcodes-catalogs/catalogs/mexc.toml"
);

errcodes_runtime::errcodes!(
    /// `catalogs/mixpay.toml`.
    "../errcodes-catalogs/catalogs/mixpay.toml"
);

errcodes_runtime::errcodes!(
    /// `catalogs/bitfinex.toml`: errors sent as arrays (`envelope.array`) beside WebSocket objects.
    "../errcodes-catalogs/catalogs/bitfinex.toml"
);

errcodes_runtime::errcodes!(
    /// `tests/fixtures/string-codes.toml`: string codes end to end.
    "fixtures/string-codes.toml"
);

errcodes_runtime::errcodes!(
    /// `tests/fixtures/hostile.toml`: catalog text that tries to become code, attributes or doctests.
    "fixtures/hostile.toml"
);

errcodes_runtime::errcodes!(
    /// `tests/fixtures/venue.toml`: refinements, templates, items, `[[http]]` rules, headers and an
    /// API enum.
    "fixtures/venue.toml"
);

errcodes_runtime::errcodes!(
    /// `tests/fixtures/venue-strings.toml`: template codes and lists of string codes.
    "fixtures/venue-strings.toml"
);

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
    errcodes_runtime::errcodes!(
        /// From the MEXC seed (line format).
        "imported/mexc.toml"
    );
    errcodes_runtime::errcodes!(
        /// From the MixPay seed (markdown tables).
        "imported/mixpay.toml"
    );
    errcodes_runtime::errcodes!(
        /// From OKX's error-code page (integer codes, many sections).
        "imported/okx.toml"
    );
    errcodes_runtime::errcodes!(
        /// From Kraken's error page (string codes).
        "imported/kraken.toml"
    );
    errcodes_runtime::errcodes!(
        /// From Stripe's error-code page (string codes).
        "imported/stripe.toml"
    );
}

errcodes_runtime::errcodes!(
    /// `tests/fixtures/nested-envelope.toml`: an envelope with dotted paths (Stripe's shape).
    "fixtures/nested-envelope.toml"
);

errcodes_runtime::errcodes!(
    /// `tests/fixtures/text-ok-code.toml`: integer codes whose success is written `"00000"`.
    "fixtures/text-ok-code.toml"
);

errcodes_runtime::errcodes!(
    /// `tests/fixtures/websocket.toml`: a `[catalog.websocket]` with every frame field.
    "fixtures/websocket.toml"
);
