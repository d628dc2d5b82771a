//! Catalogs expand side by side: two, or every bundled one, in one module, next to the user's
//! own `Error`, `Result` and `Code`; and a catalog whose variants and sections are named like the
//! associated items of the traits the expansion implements still compiles, warning-free.
#![deny(warnings)]

mod two {
    #![allow(dead_code)]
    use std::error::Error;
    type Result<T> = core::result::Result<T, Box<dyn Error>>;

    errcodes_runtime::errcodes!("../errcodes-catalogs/catalogs/mexc.toml");
    errcodes_runtime::errcodes!("../errcodes-catalogs/catalogs/mixpay.toml");

    /// The user's own `Error` and `Result` still mean what they imported.
    pub fn boxed() -> Result<()> {
        Err(Box::new(MexcError::TooManyRequests))
    }
}

mod every_bundled_catalog {
    #![allow(dead_code, unused_imports)]
    use std::error::Error;
    type Result<T> = core::result::Result<T, Box<dyn Error>>;
    struct Code;

    errcodes_runtime::errcodes!("../errcodes-catalogs/catalogs/binance.toml");
    errcodes_runtime::errcodes!("../errcodes-catalogs/catalogs/binance_coinm.toml");
    errcodes_runtime::errcodes!("../errcodes-catalogs/catalogs/binance_options.toml");
    errcodes_runtime::errcodes!("../errcodes-catalogs/catalogs/binance_portfolio.toml");
    errcodes_runtime::errcodes!("../errcodes-catalogs/catalogs/binance_sapi.toml");
    errcodes_runtime::errcodes!("../errcodes-catalogs/catalogs/binance_usdm.toml");
    errcodes_runtime::errcodes!("../errcodes-catalogs/catalogs/bitfinex.toml");
    errcodes_runtime::errcodes!("../errcodes-catalogs/catalogs/bitmex.toml");
    errcodes_runtime::errcodes!("../errcodes-catalogs/catalogs/bybit.toml");
    errcodes_runtime::errcodes!("../errcodes-catalogs/catalogs/coinbase.toml");
    errcodes_runtime::errcodes!("../errcodes-catalogs/catalogs/htx.toml");
    errcodes_runtime::errcodes!("../errcodes-catalogs/catalogs/htx_futures.toml");
    errcodes_runtime::errcodes!("../errcodes-catalogs/catalogs/kraken.toml");
    errcodes_runtime::errcodes!("../errcodes-catalogs/catalogs/mexc.toml");
    errcodes_runtime::errcodes!("../errcodes-catalogs/catalogs/mexc_futures.toml");
    errcodes_runtime::errcodes!("../errcodes-catalogs/catalogs/mixpay.toml");
    errcodes_runtime::errcodes!("../errcodes-catalogs/catalogs/okx.toml");
    errcodes_runtime::errcodes!("../errcodes-catalogs/catalogs/stripe.toml");
}

mod associated {
    errcodes_runtime::errcodes!("fixtures/associated-names.toml");
}

use errcodes_runtime::{ErrorCode, ErrorKind, Retry};

#[test]
fn two_catalogs_share_a_module_with_the_users_error_and_result() {
    use two::{mexc, mixpay};
    assert_eq!(
        mexc::Code::from_code(700002),
        Some(mexc::Code::MexcError(two::MexcError::InvalidSignature))
    );
    assert_eq!(
        mixpay::Code::from_code(10002).map(|code| code.kind()),
        two::MixPayError::from_code(10002).map(|code| code.kind())
    );
    let error: mexc::Error = mexc::Error::from_code(429, None);
    assert_eq!(error.retry(), Retry::Backoff);
    let error: mixpay::Error = mixpay::Error::from_code(10002, None);
    assert!(error.known().is_some());
    assert_eq!(two::boxed().unwrap_err().to_string(), "Too Many Requests");
}

#[test]
fn every_bundled_catalog_shares_one_module() {
    use every_bundled_catalog as all;
    let catalogs = [
        all::binance::Code::CATALOG,
        all::binance_coinm::Code::CATALOG,
        all::binance_options::Code::CATALOG,
        all::binance_portfolio::Code::CATALOG,
        all::binance_sapi::Code::CATALOG,
        all::binance_usdm::Code::CATALOG,
        all::bitfinex::Code::CATALOG,
        all::bitmex::Code::CATALOG,
        all::bybit::Code::CATALOG,
        all::coinbase::Code::CATALOG,
        all::htx::Code::CATALOG,
        all::htx_futures::Code::CATALOG,
        all::kraken::Code::CATALOG,
        all::mexc::Code::CATALOG,
        all::mexc_futures::Code::CATALOG,
        all::mixpay::Code::CATALOG,
        all::okx::Code::CATALOG,
        all::stripe::Code::CATALOG,
    ];
    let mut unique = catalogs.to_vec();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), catalogs.len(), "{catalogs:?}");
    // A catalog added to the bundle must be added here too.
    let bundled = std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../errcodes-catalogs/catalogs"
    ))
    .expect("the bundled catalogs' folder")
    .filter(|entry| {
        entry
            .as_ref()
            .is_ok_and(|entry| entry.path().extension().is_some_and(|ext| ext == "toml"))
    })
    .count();
    assert_eq!(
        catalogs.len(),
        bundled,
        "expand every bundled catalog above"
    );
    assert_eq!(
        all::MexcError::from_code(429),
        Some(all::MexcError::TooManyRequests)
    );
}

#[test]
fn variants_named_like_associated_items_work() {
    use associated::{Item, Output, associated_names};
    assert_eq!(Output::from_code(1), Some(Output::Error));
    assert_eq!(Output::try_from(2), Ok(Output::Err));
    assert!(Output::try_from(99).is_err());
    assert_eq!(Output::Code.kind(), ErrorKind::Internal);
    assert_eq!(Output::Err.retry(), Retry::Backoff);
    assert_eq!(
        Output::Message.refine("Refined by hand", None),
        Output::Display
    );
    assert_eq!(<Output as ErrorCode>::ALL.len(), 19);
    assert_eq!(Item::from_code("Error"), Some(Item::Error));
    assert_eq!(Item::try_from("E42"), Ok(Item::Err));
    assert_eq!(
        associated_names::Code::from_code(3),
        Some(associated_names::Code::Output(Output::Code))
    );
    let error = associated_names::Error::from_code(18, Some("Refined by hand"));
    assert_eq!(error.kind(), ErrorKind::Timeout);
    assert_eq!(Output::Error.to_string(), "An error");
    assert_eq!(format!("{:?}", Output::HEADERS), "HEADERS");
    assert_eq!(Output::Display.to_string(), "Refined by …");
}

/// The API enum's flat names, even those of associated items, match under `#![deny(warnings)]`.
#[test]
fn flat_names_match_warning_free() {
    use associated::{Output, associated_names::Code};
    assert_eq!(Code::Error, Code::Output(Output::Error));
    assert_eq!(Code::Some, Code::Output(Output::Some));
    let what = |code: Code| match code {
        Code::Code => "code",
        Code::HTTP | Code::HEADERS => "trait constants",
        Code::Output(_) => "nested",
    };
    assert_eq!(what(Code::Code), "code");
    assert_eq!(what(Code::HTTP), "trait constants");
    assert_eq!(what(Code::Output(Output::Key)), "nested");
    // The flat constant shadows nothing a generic caller reaches through the trait.
    assert!(<Code as ErrorCode>::HTTP.is_empty());
}
