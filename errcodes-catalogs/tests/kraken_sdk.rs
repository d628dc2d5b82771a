//! The error strings of Kraken's SDK guide (`sources/kraken_sdk.md`) reach their entries as Kraken
//! sends them: a general rate-limit string with its `: <timestamp>` suffix, any `EAuth:` string,
//! and the strings the docs' examples table lacks. Before these sections, every one was unlisted.

use errcodes_catalogs::ErrorKind;
use errcodes_catalogs::kraken::{
    Code, KrakenError, KrakenSdkAuthError, KrakenSdkError, KrakenSdkRateLimitError,
};

#[test]
fn a_general_rate_limit_string_matches_by_prefix() {
    let code = Code::from_code("EService:Throttled: 1764700000").expect("a listed prefix");
    assert_eq!(
        code,
        Code::KrakenSdkRateLimitError(KrakenSdkRateLimitError::EServiceThrottled)
    );
    assert_eq!(code.kind(), ErrorKind::RateLimited);
    let code = Code::from_code("EGeneral:Too many requests").expect("the bare string too");
    assert_eq!(code.kind(), ErrorKind::RateLimited);
}

#[test]
fn any_eauth_string_is_a_credential_failure_unless_listed() {
    let code = Code::from_code("EAuth:Invalid credentials").expect("the EAuth:* row");
    assert_eq!(code, Code::KrakenSdkAuthError(KrakenSdkAuthError::EAuth));
    assert_eq!(code.kind(), ErrorKind::Authentication);
    // The docs' examples table answers first for the EAuth strings it lists.
    let code = Code::from_code("EAuth:Account unconfirmed").expect("a documented example");
    assert_eq!(
        code,
        Code::KrakenError(KrakenError::EAuthAccountUnconfirmed)
    );
}

#[test]
fn the_strings_the_examples_table_lacks() {
    for (wire, kind) in [
        ("EQuery:Unknown asset pair", ErrorKind::InvalidSymbol),
        ("EOrder:Invalid order", ErrorKind::NotFound),
        ("EAPI:Invalid token", ErrorKind::Authentication),
        ("ESession:Invalid session", ErrorKind::Authentication),
    ] {
        let code = Code::from_code(wire).unwrap_or_else(|| panic!("{wire} is listed"));
        assert_eq!(code.kind(), kind, "{wire}");
    }
    assert_eq!(
        Code::from_code("EQuery:Unknown asset pair"),
        Some(Code::KrakenSdkError(KrakenSdkError::EQueryUnknownAssetPair))
    );
}
