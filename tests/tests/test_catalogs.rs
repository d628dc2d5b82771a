//! Every entry of every bundled catalog round-trips through the generated API.

use errcodes_runtime::{ErrorCode, ErrorKind, Retry, UnknownCode};
use errcodes_tests::{mexc, mixpay};

/// `entries` variants found by their code, and `refinements` more found by their code and then
/// their message.
fn round_trips<E: ErrorCode<Code = i64>>(entries: usize, refinements: usize) {
    assert_eq!(E::ALL.len(), entries + refinements, "{}", E::ENUM);
    let refined = E::ALL.iter().filter(|error| error.is_refinement()).count();
    assert_eq!(refined, refinements, "{}", E::ENUM);
    for &error in E::ALL {
        let found = E::from_code(error.code());
        if error.is_refinement() {
            let entry = found.expect("a refinement's code is listed");
            assert!(!entry.is_refinement(), "{error:?}");
            assert_eq!(entry.refine(error.message(), None), error, "{error:?}");
        } else {
            assert_eq!(found, Some(error), "{error:?}");
        }
        assert_eq!(error.to_string(), error.message());
        assert_eq!(format!("{error:?}"), error.name());
    }
}

#[test]
fn every_entry_round_trips() {
    round_trips::<mexc::MexcError>(75, 4);
    round_trips::<mexc::MexcSubAccountError>(19, 0);
    round_trips::<mixpay::MixPayError>(28, 0);
    round_trips::<mixpay::MixPayRefundReason>(42, 0);
}

#[test]
fn unlisted_codes_are_not_found() {
    for code in [0, 1, -1, 10_002, 99_999, i64::MIN, i64::MAX] {
        assert_eq!(mexc::MexcError::from_code(code), None, "{code}");
    }
    assert_eq!(mixpay::MixPayError::from_code(-2), None);
    let unknown: UnknownCode<'static, mexc::MexcError> =
        mexc::MexcError::try_from(123_456).unwrap_err();
    assert_eq!(unknown.code(), 123_456);
    assert_eq!(
        unknown.to_string(),
        "code 123456 is not listed in MexcError (catalog `mexc`)"
    );
}

#[test]
fn a_code_can_mean_different_things_in_two_sections() {
    use mexc::{MexcError, MexcSubAccountError};
    assert_eq!(
        MexcError::from_code(730001).unwrap().message(),
        "Pair not found"
    );
    assert_eq!(
        MexcSubAccountError::from_code(730001).unwrap().message(),
        "User information error"
    );
    use mixpay::{MixPayError, MixPayRefundReason};
    assert_ne!(
        MixPayError::from_code(10002).unwrap().message(),
        MixPayRefundReason::from_code(10002).unwrap().message()
    );
}

#[test]
fn the_generated_api_is_what_the_readme_shows() {
    use mexc::MexcError;
    let error = MexcError::try_from(700002).unwrap();
    assert_eq!(error, MexcError::InvalidSignature);
    assert_eq!(error.to_string(), "Signature for this request is not valid");
    assert_eq!(error.kind(), ErrorKind::Authentication);
    assert_eq!(error.retry(), Retry::Never);
    assert_eq!(error.name(), "InvalidSignature");
    assert!(
        error
            .description()
            .unwrap()
            .starts_with("Signature verification failed.")
    );
    assert_eq!(MexcError::CATALOG, "mexc");
    assert_eq!(MexcError::ENVELOPE.message, "msg");
    assert_eq!(mixpay::MixPayError::ENVELOPE.success, Some("success"));
    assert_eq!(mixpay::MixPayError::ServerError.description(), None);
    assert_eq!(format!("[{:>8}]", MexcError::BadSymbol), "[bad symbol]");
    let as_error: &dyn std::error::Error = &MexcError::TooManyRequests;
    assert_eq!(as_error.to_string(), "Too Many Requests");
}

#[test]
fn retry_advice_follows_the_kind_unless_the_catalog_says_otherwise() {
    use mexc::MexcError;
    assert_eq!(MexcError::TooManyRequests.kind(), ErrorKind::RateLimited);
    assert_eq!(MexcError::TooManyRequests.retry(), Retry::Backoff);
    assert_eq!(MexcError::InternalError.retry(), Retry::VerifyFirst);
    // The seed says to query before retrying, though the kind alone would say never.
    assert_eq!(MexcError::UnknownOrder.kind(), ErrorKind::NotFound);
    assert_eq!(MexcError::UnknownOrder.retry(), Retry::VerifyFirst);
}
