//! `errcodes_runtime::Advice`: one trait, the same answers from a generated enum, the API
//! enum, `ApiError` and `RequestError`.
#![deny(warnings)]

use std::time::Duration;

use errcodes_runtime::json::error_from_response;
use errcodes_runtime::reqwest::RequestError;
use errcodes_runtime::{Advice, ApiError, ErrorKind, Retry};

// Expands to `pub mod mexc`, with the section enum `MexcError` re-exported here.
errcodes_runtime::errcodes!("catalogs/mexc.toml");

/// Generic over the trait only, as a retry policy of a user's would be.
fn advice(error: &impl Advice) -> (ErrorKind, Retry, Option<Duration>, Option<&'static str>) {
    (
        error.kind(),
        error.retry(),
        error.retry_after(),
        error.venue(),
    )
}

#[test]
fn every_error_type_gives_the_same_advice_through_the_trait() {
    let expected = (ErrorKind::RateLimited, Retry::Backoff, None, Some("mexc"));
    assert_eq!(advice(&MexcError::TooManyRequests), expected);
    let api_enum = mexc::Code::from(MexcError::TooManyRequests);
    assert_eq!(advice(&api_enum), expected);
    assert_eq!(advice(&ApiError::new(MexcError::TooManyRequests)), expected);
    assert_eq!(
        advice(&RequestError::from(ApiError::new(
            MexcError::TooManyRequests
        ))),
        expected
    );
}

#[test]
fn the_wait_comes_through_the_trait_for_the_response_types() {
    let api = error_from_response::<MexcError>(429, &[("Retry-After", "3")], b"");
    let wait = Some(Duration::from_secs(3));
    assert_eq!(advice(&api).2, wait);
    assert_eq!(advice(&RequestError::from(api)).2, wait);
}
