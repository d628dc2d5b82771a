//! What the benchmarks of `errcodes` compare, built side by side from the same catalogs:
//!
//! - [`generated`]: `errcodes!` over the bundled catalogs — what is measured;
//! - [`hand`]: the same enums written out by hand, one `match` per method
//!   (see [`handwritten`]);
//! - [`maps`]: `std::collections::HashMap` tables built once at run time, the way CCXT-style
//!   clients keep their error tables;
//! - [`phf_maps`]: compile-time `phf` maps of the same codes.
//!
//! `benches/runtime.rs` measures them, `benches/expand.rs` measures the engine alone, and
//! `src/bin/build_time.rs` measures what the macro costs a user's build. See BENCHMARKS.md.

use std::collections::HashMap;

use errcodes_runtime::{ErrorCode, ErrorKind};

pub mod handwritten;
pub mod synthetic;

/// The variants of `E` that are catalog entries: what the hand-written twins, the maps and the
/// baselines hold. Refinements (other meanings of an entry's code, chosen by the message) have
/// no twin there, so every measurement compares the same work.
pub fn entries<E: errcodes_runtime::ErrorCode>() -> Vec<E> {
    E::ALL
        .iter()
        .copied()
        .filter(|variant| !variant.is_refinement())
        .collect()
}

/// `errcodes!` over the bundled catalogs.
pub mod generated {
    errcodes_runtime::errcodes!(
        /// `catalogs/mexc.toml`: `MexcError`, `MexcSubAccountError`.
        "../errcodes-catalogs/catalogs/mexc.toml"
    );

    errcodes_runtime::errcodes!(
        /// `catalogs/mixpay.toml`: `MixPayError`, `MixPayRefundReason`.
        "../errcodes-catalogs/catalogs/mixpay.toml"
    );

    errcodes_runtime::errcodes!(
        /// `catalogs/binance_usdm.toml`: Binance USD-M futures, whose responses the whole-response
        /// benchmark reads (refinements, an IP ban with its end in the message, `[[http]]` rules,
        /// batch answers as a list).
        "../errcodes-catalogs/catalogs/binance_usdm.toml"
    );
}

/// The same enums written out by hand (by `build.rs`, with [`handwritten::render`]).
pub mod hand {
    /// `catalogs/mexc.toml`, by hand.
    pub mod mexc {
        include!(concat!(env!("OUT_DIR"), "/handwritten_mexc.rs"));
    }

    /// `catalogs/mixpay.toml`, by hand.
    pub mod mixpay {
        include!(concat!(env!("OUT_DIR"), "/handwritten_mixpay.rs"));
    }
}

/// What a runtime table keeps per code when it is asked for the message and the kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Info {
    /// The documented message.
    pub message: &'static str,
    /// The kind.
    pub kind: ErrorKind,
}

/// `phf` maps of every bundled enum, built by `build.rs` with `phf_codegen`.
pub mod phf_maps {
    include!(concat!(env!("OUT_DIR"), "/phf_maps.rs"));
}

/// Run-time tables as CCXT-style clients build them: a `HashMap` filled once at start-up.
pub struct Maps<E> {
    /// code → variant.
    pub variants: HashMap<i64, E>,
    /// code → message and kind.
    pub infos: HashMap<i64, Info>,
}

/// The std `HashMap` tables (default SipHash hasher) of `E`, built once.
pub fn maps<E: ErrorCode<Code = i64>>() -> Maps<E> {
    Maps {
        variants: entries::<E>().into_iter().map(|e| (e.code(), e)).collect(),
        infos: entries::<E>()
            .iter()
            .map(|&e| {
                let info = Info {
                    message: e.message(),
                    kind: e.kind(),
                };
                (e.code(), info)
            })
            .collect(),
    }
}

/// What people parse an error body into today: a derived struct.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct RawMexcBody {
    /// The code.
    pub code: i64,
    /// The server's message.
    pub msg: String,
}

/// One result of a MEXC batch answer, as a client writes it: a refused order has a code.
#[derive(Debug, serde::Deserialize)]
pub struct MaybeRawMexcBody {
    /// The code of a refused order.
    pub code: Option<i64>,
    /// Its message.
    pub msg: Option<String>,
}

/// The JSON body MEXC sends for `code` with `message`.
pub fn mexc_body(code: i64, message: &str) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({ "code": code, "msg": message }))
        .expect("a JSON object serializes")
}

/// Codes no bundled enum lists, near and far from listed ones: the "miss" case.
pub const UNKNOWN_CODES: &[i64] = &[
    0,
    1,
    2,
    -2,
    -2010,
    27,
    402,
    430,
    501,
    999,
    10_012,
    10_050,
    10_104,
    10_269,
    20_003,
    30_006,
    30_042,
    44_445,
    60_004,
    70_012,
    99_999,
    123_456,
    700_009,
    730_003_000,
    -1_000_000,
    i64::MIN,
    i64::MAX,
    42,
    40_004,
    40_026,
    140_003,
    1_000_001,
];

#[cfg(test)]
mod tests {
    use super::*;
    use errcodes_runtime::ErrorCode;

    /// Every baseline answers what the generated enum answers, so the benchmarks compare equal
    /// work.
    fn baselines_agree<E, H>(phf_variants: &phf::Map<i64, E>, phf_infos: &phf::Map<i64, Info>)
    where
        E: ErrorCode<Code = i64>,
        H: ErrorCode<Code = i64>,
    {
        let maps = maps::<E>();
        let generated = entries::<E>();
        assert_eq!(generated.len(), H::ALL.len());
        for (&e, &h) in generated.iter().zip(H::ALL) {
            let code = e.code();
            assert_eq!(h.code(), code);
            assert_eq!(H::from_code(code), Some(h));
            assert_eq!(E::from_code(code), Some(e));
            assert_eq!(maps.variants.get(&code), Some(&e));
            assert_eq!(phf_variants.get(&code), Some(&e));
            assert_eq!(h.message(), e.message());
            assert_eq!(h.to_string(), e.to_string());
            assert_eq!(h.kind(), e.kind());
            assert_eq!(h.retry(), e.retry());
            assert_eq!(h.name(), e.name());
            assert_eq!(h.description(), e.description());
            let info = Info {
                message: e.message(),
                kind: e.kind(),
            };
            assert_eq!(maps.infos.get(&code), Some(&info));
            assert_eq!(phf_infos.get(&code), Some(&info));
        }
        for &code in UNKNOWN_CODES {
            assert_eq!(E::from_code(code), None, "{code}");
            assert_eq!(H::from_code(code), None, "{code}");
            assert_eq!(phf_variants.get(&code), None, "{code}");
        }
    }

    #[test]
    fn every_baseline_answers_like_the_generated_enum() {
        baselines_agree::<generated::mexc::MexcError, hand::mexc::MexcError>(
            &phf_maps::MEXC_ERROR,
            &phf_maps::MEXC_ERROR_INFO,
        );
        baselines_agree::<generated::mexc::MexcSubAccountError, hand::mexc::MexcSubAccountError>(
            &phf_maps::MEXC_SUB_ACCOUNT_ERROR,
            &phf_maps::MEXC_SUB_ACCOUNT_ERROR_INFO,
        );
        baselines_agree::<generated::mixpay::MixPayError, hand::mixpay::MixPayError>(
            &phf_maps::MIX_PAY_ERROR,
            &phf_maps::MIX_PAY_ERROR_INFO,
        );
        baselines_agree::<generated::mixpay::MixPayRefundReason, hand::mixpay::MixPayRefundReason>(
            &phf_maps::MIX_PAY_REFUND_REASON,
            &phf_maps::MIX_PAY_REFUND_REASON_INFO,
        );
    }
}
