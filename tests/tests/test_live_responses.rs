//! What a live venue sends, read through the fixtures `venue.toml` and `venue-strings.toml`:
//! one code with several meanings, templates with values, a wait in the message, per-item
//! errors inside HTTP 200, lists of codes, success codes, the venue's HTTP rules and headers,
//! and one API enum over several sections.

use std::time::Duration;

use errcodes_runtime::{ApiError, ErrorKind, Retry, json};
use errcodes_tests::venue::{
    VenueAccountError, VenueApiError, VenueCloseCode, VenueCode, VenueError,
};
use errcodes_tests::venue_strings::{VenueStringApiError, VenueStringError};

fn read(status: u16, headers: &[(&str, &str)], body: &str) -> VenueApiError {
    json::error_from_response::<VenueCode>(status, headers, body.as_bytes())
}

#[test]
fn the_message_picks_among_a_codes_meanings() {
    let insufficient = read(
        400,
        &[],
        r#"{"code":-2010,"msg":"Account has insufficient balance for requested action."}"#,
    );
    assert_eq!(
        insufficient.known(),
        Some(VenueCode::VenueError(VenueError::InsufficientBalance))
    );
    assert!(insufficient.is_refined());
    assert_eq!(insufficient.kind(), ErrorKind::InsufficientFunds);
    assert!(!insufficient.message_differs());

    let closed = read(400, &[], r#"{"code":-2010,"msg":"Market is closed."}"#);
    assert_eq!(closed.kind(), ErrorKind::Unavailable);
    assert_eq!(closed.retry(), Retry::Backoff);

    let filter = read(
        400,
        &[],
        r#"{"code":-2010,"msg":"Filter failure: LOT_SIZE"}"#,
    );
    assert_eq!(
        filter.known(),
        Some(VenueCode::VenueError(VenueError::FilterFailure))
    );
    assert_eq!(filter.placeholder("filter"), Some("LOT_SIZE"));

    // A message the catalog does not document keeps the code's own meaning.
    let other = read(400, &[], r#"{"code":-2010,"msg":"Something new."}"#);
    assert_eq!(
        other.known(),
        Some(VenueCode::VenueError(VenueError::NewOrderRejected))
    );
    assert!(!other.is_refined());
    assert!(other.message_differs());
    assert_eq!(other.message(), "Something new.");
}

#[test]
fn a_detail_field_picks_a_meaning_too() {
    let declined = read(
        402,
        &[],
        r#"{"code":402,"msg":"Your card has insufficient funds.","detail":"insufficient_funds"}"#,
    );
    assert_eq!(
        declined.known(),
        Some(VenueCode::VenueError(
            VenueError::CardDeclinedInsufficientFunds
        ))
    );
    assert_eq!(declined.kind(), ErrorKind::InsufficientFunds);
    assert_eq!(declined.message(), "Your card has insufficient funds.");
}

#[test]
fn message_templates_match_the_values_the_server_fills_in() {
    let error = read(
        200,
        &[],
        r#"{"code":51008,"msg":"Order failed. Insufficient USDT balance in account."}"#,
    );
    assert_eq!(error.kind(), ErrorKind::InsufficientFunds);
    assert!(
        !error.message_differs(),
        "a match of the template is the catalog's message"
    );
    assert_eq!(error.placeholder("currency"), Some("USDT"));
}

#[test]
fn a_wait_in_the_message_becomes_retry_after() {
    let banned = read(
        400,
        &[],
        r#"{"code":-1003,"msg":"Way too many requests; IP banned until 1700000060000."}"#,
    );
    assert_eq!(
        banned.known(),
        Some(VenueCode::VenueError(VenueError::Banned))
    );
    assert_eq!(banned.retry(), Retry::Backoff);
    assert_eq!(
        banned.retry_after_at(1_700_000_000_000),
        Some(Duration::from_secs(60))
    );
    assert_eq!(
        banned.retry_after_at(1_800_000_000_000),
        Some(Duration::ZERO)
    );
}

#[test]
fn per_item_errors_inside_http_200_are_read_and_kept() {
    let body = r#"{"code":"1","msg":"All operations failed","data":[
        {"ordId":"","sCode":"51008","sMsg":"Order failed. Insufficient USDT balance in account."},
        {"ordId":"12","sCode":"0","sMsg":""},
        {"ordId":"","sCode":"-1007","sMsg":"Timeout waiting for response from backend server. Send status unknown; execution status unknown."}
    ]}"#;
    let error = json::check_response::<VenueCode>(200, &(), body.as_bytes()).unwrap_err();
    assert_eq!(
        error.known(),
        Some(VenueCode::VenueError(
            VenueError::InsufficientCurrencyBalance
        ))
    );
    assert_eq!(error.kind(), ErrorKind::InsufficientFunds);
    assert_eq!(
        error.errors().count(),
        2,
        "the successful item is not an error"
    );
    // One item timed out: the batch as a whole must be verified before anything is resent.
    assert_eq!(error.retry(), Retry::VerifyFirst);
    let envelope = error.envelope_error().expect("the envelope is kept");
    assert_eq!(envelope.code(), Some(1));
    assert_eq!(envelope.message(), "All operations failed");
    assert!(error.to_string().contains("(and 1 more)"), "{error}");
}

#[test]
fn success_codes_are_not_failures() {
    for body in [
        r#"{"code":0,"data":[{"sCode":"0"}]}"#,
        r#"{"code":200,"msg":"success"}"#,
        r#"{"code":"200","data":[]}"#,
    ] {
        assert!(
            json::check_response::<VenueCode>(200, &(), body.as_bytes()).is_ok(),
            "{body}"
        );
    }
    assert!(
        json::check_response::<VenueCode>(200, &(), br#"{"code":0,"data":[{"sCode":"51008"}]}"#)
            .is_err()
    );
}

#[test]
fn the_venues_http_rules_decide_when_no_code_is_listed() {
    let unknown = read(
        503,
        &[],
        r#"{"code":-1,"msg":"Unknown error, please check your request or try again later."}"#,
    );
    assert_eq!(
        unknown.http_rule().map(|rule| rule.name),
        Some("UnknownExecutionStatus")
    );
    assert_eq!(unknown.retry(), Retry::VerifyFirst);

    let unavailable = read(503, &[], r#"{"code":-1,"msg":"Service Unavailable."}"#);
    assert_eq!(
        unavailable.http_rule().map(|rule| rule.name),
        Some("ServiceUnavailable")
    );
    assert_eq!(unavailable.retry(), Retry::Backoff);

    let banned = read(
        418,
        &[],
        "Way too many requests; IP banned until 1700000060000.",
    );
    assert_eq!(banned.http_rule().map(|rule| rule.name), Some("IpBanned"));
    assert_eq!(banned.kind(), ErrorKind::RateLimited);
    assert_eq!(
        banned.retry_after_at(1_700_000_000_000),
        Some(Duration::from_secs(60))
    );

    let gateway = read(502, &[], "<html>Bad Gateway</html>");
    assert_eq!(
        gateway.http_rule().map(|rule| rule.name),
        Some("ServerError")
    );
    assert_eq!(gateway.retry(), Retry::VerifyFirst);

    // A listed code wins over the rules.
    let listed = read(
        503,
        &[],
        r#"{"code":-1007,"msg":"Timeout waiting for response from backend server. Send status unknown; execution status unknown."}"#,
    );
    assert!(listed.http_rule().is_none());
    assert_eq!(listed.kind(), ErrorKind::Timeout);
}

#[test]
fn headers_say_how_long_to_wait_and_whether_to_retry() {
    let limited = read(429, &[("Retry-After", "7")], "");
    assert_eq!(limited.retry_after_at(0), Some(Duration::from_secs(7)));
    let dated = read(429, &[("retry-after", "Thu, 01 Jan 1970 00:01:00 GMT")], "");
    assert_eq!(dated.retry_after_at(30_000), Some(Duration::from_secs(30)));
    let reset = read(
        200,
        &[("X-Venue-Reset-Ms", "1700000005000")],
        r#"{"code":-1003,"msg":"Too many requests; current limit is 1200 requests per minute."}"#,
    );
    assert_eq!(
        reset.retry_after_at(1_700_000_000_000),
        Some(Duration::from_secs(5))
    );
    assert_eq!(reset.retry(), Retry::Backoff);

    let told_not_to = read(500, &[("Venue-Should-Retry", "false")], "");
    assert_eq!(told_not_to.retry(), Retry::Never);
    let told_to = read(409, &[("Venue-Should-Retry", "true")], "");
    assert_eq!(told_to.retry(), Retry::Backoff);
}

#[test]
fn the_api_enum_joins_the_responding_sections_only() {
    assert_eq!(
        VenueCode::from_code(51008),
        Some(VenueCode::VenueError(
            VenueError::InsufficientCurrencyBalance
        )),
        "the first section answers for a code two sections list"
    );
    assert_eq!(
        VenueCode::from_code(60001),
        Some(VenueCode::VenueAccountError(
            VenueAccountError::AccountFrozen
        ))
    );
    assert_eq!(
        VenueCode::from_code(4001),
        None,
        "close codes are not responses"
    );
    assert_eq!(
        VenueCloseCode::from_code(4001),
        Some(VenueCloseCode::LoginFailed)
    );
    let total = VenueError::ALL.len() + VenueAccountError::ALL.len();
    assert_eq!(VenueCode::ALL.len(), total);
    let sections: Vec<VenueCode> = VenueError::ALL
        .iter()
        .map(|&error| VenueCode::from(error))
        .chain(
            VenueAccountError::ALL
                .iter()
                .map(|&error| VenueCode::from(error)),
        )
        .collect();
    assert_eq!(VenueCode::ALL, sections.as_slice());
    for code in sections {
        assert_eq!(
            VenueCode::from_code(code.code()).map(|c| c.code()),
            Some(code.code())
        );
    }
    // Matching stays exhaustive, section by section.
    let describe = |code: VenueCode| match code {
        VenueCode::VenueError(_) => "general",
        VenueCode::VenueAccountError(_) => "account",
    };
    assert_eq!(describe(VenueCode::from_code(60001).unwrap()), "account");
}

#[test]
fn template_codes_and_lists_of_codes() {
    let throttled = json::error_from_response::<VenueStringError>(
        200,
        &(),
        br#"{"error":["EService: Throttled: 1700000030"],"result":{}}"#,
    );
    assert_eq!(throttled.known(), Some(VenueStringError::Throttled));
    assert_eq!(
        throttled.code(),
        Some("EService: Throttled: 1700000030"),
        "the code as sent is kept"
    );
    assert_eq!(throttled.placeholder("until"), Some("1700000030"));
    assert_eq!(
        throttled.retry_after_at(1_700_000_000_000),
        Some(Duration::from_secs(30))
    );

    let exact = VenueStringError::from_code("EGeneral:Invalid arguments");
    assert_eq!(
        exact,
        Some(VenueStringError::InvalidArguments),
        "an exact code beats a template"
    );
    assert_eq!(
        VenueStringError::from_code("EGeneral:Invalid arguments:volume"),
        Some(VenueStringError::InvalidArgument)
    );
    assert_eq!(
        VenueStringError::from_code("EGeneral:Internal error"),
        Some(VenueStringError::InternalError)
    );
    assert_eq!(
        VenueStringError::from_code("EGeneral:Internal error:502"),
        Some(VenueStringError::InternalError)
    );

    let several: VenueStringApiError = json::error_from_response(
        200,
        &(),
        br#"{"error":["EOrder:Insufficient funds","EGeneral:Internal error:x"],"result":{}}"#,
    );
    assert_eq!(several.kind(), ErrorKind::InsufficientFunds);
    assert_eq!(several.errors().count(), 2);
    assert_eq!(
        several.retry(),
        Retry::VerifyFirst,
        "one of them may have taken effect"
    );
}

#[test]
fn a_listed_code_with_the_catalogs_message_allocates_nothing_new() {
    let error: ApiError<VenueCode> =
        ApiError::from_code(-1007, Some(VenueError::Timeout.message()));
    assert!(!error.message_differs());
    assert_eq!(error.retry(), Retry::VerifyFirst);
}

#[test]
fn every_error_of_a_batch_is_judged_by_the_venues_rules() {
    // The second failed item has a code the catalog does not list: the 503 rule that matches
    // its message decides its advice, as it would for the first.
    let body = r#"{"code":"1","msg":"All operations failed","data":[
        {"sCode":"51008","sMsg":"Order failed. Insufficient USDT balance in account."},
        {"sCode":"-77","sMsg":"Unknown error, please check your request or try again later."}
    ]}"#;
    let error = read(503, &[], body);
    let second = error.errors().nth(1).expect("two failed items");
    assert_eq!(
        second.http_rule().map(|rule| rule.name),
        Some("UnknownExecutionStatus")
    );
    assert_eq!(second.retry(), Retry::VerifyFirst);
    assert_eq!(error.retry(), Retry::VerifyFirst);
}
