//! What `errcodes import` writes compiles with `errcodes!` as it is (the modules of
//! `errcodes_tests::imported`) and every entry round-trips, for integer and string codes.

use errcodes_runtime::ErrorCode;
use errcodes_tests::imported::{kraken, mexc, mixpay, okx, stripe};

/// Every variant's code finds the variant and its `Display` is its message as a sentence (each
/// placeholder `…`); returns the count.
fn round_trip<E: ErrorCode>() -> usize {
    for &error in E::ALL {
        assert_eq!(E::from_code(error.code()), Some(error), "{error:?}");
        let sentence = errcodes_runtime::Template::new(error.message()).sentence();
        assert_eq!(error.to_string(), sentence.to_string());
    }
    E::ALL.len()
}

#[test]
fn every_imported_entry_round_trips() {
    let seeds = round_trip::<mexc::MexcError>()
        + round_trip::<mexc::MexcSection2Error>()
        + round_trip::<mixpay::MixpayBasicError>()
        + round_trip::<mixpay::MixpayReasonForRefundError>();
    assert_eq!(seeds, 94 + 70);

    let okx = [
        round_trip::<okx::OkxPublicGeneralClassError>(),
        round_trip::<okx::OkxPublicApiClassError>(),
        round_trip::<okx::OkxPublicTradeClassError>(),
        round_trip::<okx::OkxPublicDataClassError>(),
        round_trip::<okx::OkxFinanceError>(),
        round_trip::<okx::OkxConvertError>(),
        round_trip::<okx::OkxFuturesError>(),
        round_trip::<okx::OkxFundingError>(),
        round_trip::<okx::OkxAccountError>(),
        round_trip::<okx::OkxBlockTradingAndSpreadOrderbookError>(),
        round_trip::<okx::OkxCopyTradingError>(),
        round_trip::<okx::OkxTradingBotError>(),
        round_trip::<okx::OkxWebSocketPublicGeneralClassError>(),
        round_trip::<okx::OkxWebSocketCloseFrameError>(),
    ];
    assert_eq!(okx.iter().sum::<usize>(), 1026);

    let strings = round_trip::<kraken::KrakenSpotErrorMessagesSomeCommonExamplesError>()
        + round_trip::<kraken::KrakenSpotRestRateLimitsError>()
        + round_trip::<stripe::StripeError>();
    assert_eq!(strings, 42 + 173);
    assert_eq!(
        stripe::StripeError::from_code("card_declined").map(|e| e.code()),
        Some("card_declined")
    );
}

/// The bundled OKX, Kraken and Stripe catalogs are their imports with reviewed kinds, retry
/// advice and names: every section, code, message and description stays as documented.
#[test]
fn reviewed_catalogs_keep_every_documented_entry() {
    use errcodes_codegen::Code;
    use errcodes_codegen::template::Template;

    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for name in ["okx", "kraken", "stripe"] {
        let read = |path: std::path::PathBuf| {
            let text = std::fs::read_to_string(&path).unwrap();
            let checked = errcodes_codegen::check(&text);
            assert!(
                checked.is_valid(),
                "{}: {:?}",
                path.display(),
                checked.diagnostics
            );
            checked.catalog
        };
        let imported = read(root.join(format!("tests/imported/{name}.toml")));
        let reviewed = read(root.join(format!("errcodes-catalogs/catalogs/{name}.toml")));
        // Kraken's catalog ends with four sections of two more pages (sources/kraken_spec.md, its
        // OpenAPI description, and sources/kraken_sdk.md, its SDK guide), which the import of
        // sources/kraken.md does not hold.
        let second_page = if name == "kraken" { 4 } else { 0 };
        assert_eq!(
            imported.enums.len() + second_page,
            reviewed.enums.len(),
            "{name}: sections"
        );
        for (draft, kept) in imported.enums.iter().zip(&reviewed.enums) {
            assert_eq!(
                draft.entries.len(),
                kept.entries.len(),
                "{name}: {}",
                kept.name
            );
            for (a, b) in draft.entries.iter().zip(&kept.entries) {
                // A documented code the review wrote as a template (Kraken's
                // `EService: Throttled: [UNIX timestamp]` as `EService: Throttled: {until}`) is
                // kept when the template matches the documented spelling.
                let same_code = match (&a.code, &b.code) {
                    (Code::Str(documented), Code::Str(kept)) if documented != kept => {
                        let template = Template::new(kept);
                        template.has_placeholders() && template.matches(documented)
                    }
                    (documented, kept) => documented == kept,
                };
                assert!(same_code, "{name}: {} lost code {}", kept.name, a.code);
                // A message keeps the page's words; its placeholders may be renamed (OKX's
                // `{param0}` is `{currency}`), which `same_shape` allows and nothing else.
                assert!(
                    Template::new(&b.message).same_shape(&Template::new(&a.message)),
                    "{name}: {} changed message {:?} to {:?}",
                    kept.name,
                    a.message,
                    b.message
                );
                assert_eq!(
                    (&a.description, a.deprecated),
                    (&b.description, b.deprecated),
                    "{name}: {}",
                    kept.name
                );
            }
        }
    }
}
