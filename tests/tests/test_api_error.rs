//! Raw error bodies become typed errors: MEXC and MixPay envelopes, numeric-string codes,
//! unknown codes, empty and HTML bodies, malformed JSON.

use errcodes_runtime::{ApiError, BodyProblem, ErrorKind, Retry, json};
use errcodes_tests::mexc::MexcError;
use errcodes_tests::mixpay::MixPayError;
use errcodes_tests::strings::StringCodeError;

fn parse<E: errcodes_runtime::ErrorCode>(body: &str) -> Result<ApiError<E>, String> {
    serde_json::from_str::<ApiError<E>>(body).map_err(|e| e.to_string())
}

/// The global error response example, read from MixPay's page in `sources/` itself.
fn mixpay_seed_envelope() -> String {
    let page = errcodes_tests::sources::source("mixpay.md").page;
    let start = page.find("```json").unwrap() + "```json".len();
    let end = start + page[start..].find("```").unwrap();
    page[start..end].to_owned()
}

#[test]
fn a_mexc_body_becomes_its_variant() {
    let error =
        parse::<MexcError>(r#"{"code":700002,"msg":"Signature for this request is not valid"}"#)
            .unwrap();
    assert_eq!(error.known(), Some(MexcError::InvalidSignature));
    assert_eq!(error.code(), Some(700002));
    assert_eq!(error.message(), "Signature for this request is not valid");
    assert!(!error.message_differs());
    assert_eq!(error.kind(), ErrorKind::Authentication);
    assert_eq!(error.retry(), Retry::Never);
    assert_eq!(
        error.to_string(),
        "mexc 700002: Signature for this request is not valid"
    );
}

#[test]
fn the_mixpay_envelope_from_the_seed_is_read_with_its_own_field_names() {
    let body = mixpay_seed_envelope();
    let error = parse::<MixPayError>(&body).unwrap();
    assert_eq!(error.code(), Some(10008));
    assert_eq!(error.known(), Some(MixPayError::PaymentsSuspended));
    // The server's wording differs from the catalog's: the server's is kept.
    assert!(error.message_differs());
    assert!(
        error
            .message()
            .starts_with("The system is under maintenance")
    );
    assert_eq!(error.kind(), ErrorKind::Unavailable);
    let back: serde_json::Value = serde_json::to_value(&error).unwrap();
    assert_eq!(back["code"], 10008);
    assert_eq!(back["success"], false);
    assert_eq!(back["message"], error.message());
}

#[test]
fn a_numeric_string_code_is_accepted() {
    let error = parse::<MexcError>(r#"{"code":"429","msg":"Too Many Requests"}"#).unwrap();
    assert_eq!(error.known(), Some(MexcError::TooManyRequests));
    assert_eq!(error.retry(), Retry::Backoff);
}

#[test]
fn an_unknown_code_keeps_its_code_and_message() {
    let error = parse::<MexcError>(r#"{"code":123456,"msg":"brand new error"}"#).unwrap();
    assert_eq!(error.known(), None);
    assert_eq!(error.code(), Some(123456));
    assert_eq!(error.message(), "brand new error");
    assert_eq!(error.kind(), ErrorKind::Other);
    assert_eq!(
        error.retry(),
        Retry::VerifyFirst,
        "no status: the outcome is unknown"
    );
    assert_eq!(
        error.to_string(),
        "mexc code 123456 (not in the catalog): brand new error"
    );
    let limited = error.clone().with_status(429);
    assert_eq!(
        (limited.kind(), limited.retry()),
        (ErrorKind::RateLimited, Retry::Backoff)
    );
    let rejected = error.with_status(400);
    assert_eq!(
        (rejected.kind(), rejected.retry()),
        (ErrorKind::InvalidRequest, Retry::Never)
    );
    let back =
        serde_json::to_string(&parse::<MexcError>(r#"{"code":"123456","msg":"x"}"#).unwrap())
            .unwrap();
    assert_eq!(back, r#"{"code":123456,"msg":"x"}"#);
}

#[test]
fn bad_bodies_are_clear_errors_never_panics() {
    let cases = [
        ("", "EOF while parsing"),
        (
            "<html><body>502 Bad Gateway</body></html>",
            "expected value",
        ),
        (r#"{"msg":"no code here"}"#, "missing field `code`"),
        (
            r#"{"code":true,"msg":"x"}"#,
            "invalid type: boolean `true`, expected a code of MexcError",
        ),
        (
            r#"{"code":1.5}"#,
            "invalid type: floating point `1.5`, expected a code of MexcError",
        ),
        (
            r#"{"code":"abc"}"#,
            r#"code "abc" is not an integer, and MexcError codes are integers"#,
        ),
        (
            r#"{"code":18446744073709551615}"#,
            "out of range for MexcError",
        ),
        // MEXC's batch endpoint answers a list of results; a list without any failed result
        // carries no error.
        (r#"[700002]"#, "missing field `code`"),
        (r#"{"code":700002,"msg":"x""#, "EOF while parsing"),
        (
            r#"{"code":700002,"msg":17}"#,
            "invalid type: integer `17`, expected a string",
        ),
    ];
    for (body, expected) in cases {
        let error = parse::<MexcError>(body).expect_err(body);
        assert!(
            error.contains(expected),
            "{body:?} gave {error:?}, expected {expected:?}"
        );
    }
}

#[test]
fn http_turns_any_response_into_an_error_value() {
    let empty = json::error_from_response::<MexcError>(504, &(), b"");
    assert_eq!(empty.code(), None);
    assert_eq!(empty.body_problem(), Some(BodyProblem::Empty));
    assert_eq!(
        (empty.kind(), empty.retry()),
        (ErrorKind::Timeout, Retry::VerifyFirst)
    );
    assert_eq!(
        empty.to_string(),
        "mexc error without a code (empty body) (GatewayTimeout) [HTTP 504]"
    );

    let html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    let proxy = json::error_from_response::<MexcError>(502, &(), html.as_bytes());
    assert_eq!(proxy.body_problem(), Some(BodyProblem::NotJson));
    assert_eq!(proxy.message(), html, "the whole page is kept");
    assert_eq!(proxy.status(), Some(502));
    assert_eq!(proxy.kind(), ErrorKind::Unavailable);

    let no_code = json::error_from_response::<MexcError>(500, &(), br#"{"error":"boom"}"#);
    assert_eq!(no_code.body_problem(), Some(BodyProblem::NoCode));
    assert_eq!(no_code.message(), r#"{"error":"boom"}"#);

    let invalid_utf8 = json::error_from_response::<MexcError>(500, &(), b"\xff\xfe oops");
    assert_eq!(invalid_utf8.message(), "\u{fffd}\u{fffd} oops");

    let long = "x".repeat(1000);
    let shown = json::error_from_response::<MexcError>(503, &(), long.as_bytes()).to_string();
    assert!(shown.contains("… (800 more bytes)"), "{shown}");

    let listed = json::error_from_response::<MexcError>(
        429,
        &(),
        br#"{"code":429,"msg":"Too Many Requests"}"#,
    );
    assert_eq!(listed.known(), Some(MexcError::TooManyRequests));
    assert_eq!(listed.status(), Some(429));
}

#[test]
fn check_response_separates_success_from_failure() {
    assert_eq!(
        json::check_response::<MexcError>(200, &(), br#"{"symbol":"BTCUSDT"}"#),
        Ok(())
    );
    assert_eq!(json::check_response::<MexcError>(200, &(), b"[]"), Ok(()));
    assert_eq!(json::check_response::<MexcError>(204, &(), b""), Ok(()));
    let mixpay_ok = br#"{"code":0,"success":true,"message":"","data":{}}"#;
    assert_eq!(
        json::check_response::<MixPayError>(200, &(), mixpay_ok),
        Ok(())
    );

    // MixPay answers errors with HTTP 200 and success = false.
    let body = mixpay_seed_envelope();
    let error = json::check_response::<MixPayError>(200, &(), body.as_bytes()).unwrap_err();
    assert_eq!(error.code(), Some(10008));
    let string_zero = json::check_response::<MixPayError>(200, &(), br#"{"code":"0"}"#);
    assert_eq!(string_zero, Ok(()));
    let nonzero = json::check_response::<MixPayError>(200, &(), br#"{"code":"1017"}"#).unwrap_err();
    assert_eq!(nonzero.known(), Some(MixPayError::ParameterError));

    let error = json::check_response::<MexcError>(
        400,
        &(),
        br#"{"code":700003,"msg":"Timestamp for this request is outside of the recvWindow"}"#,
    )
    .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidTimestamp);
    assert!(json::check_response::<MexcError>(502, &(), b"<html></html>").is_err());
}

#[test]
fn generated_enums_serialize_as_their_code() {
    assert_eq!(
        serde_json::to_string(&MexcError::BadSymbol).unwrap(),
        "10007"
    );
    assert_eq!(
        serde_json::from_str::<MexcError>("10007").unwrap(),
        MexcError::BadSymbol
    );
    assert_eq!(
        serde_json::from_str::<MexcError>("\"10007\"").unwrap(),
        MexcError::BadSymbol
    );
    let unknown = serde_json::from_str::<MexcError>("123")
        .unwrap_err()
        .to_string();
    assert_eq!(unknown, "unknown code 123 for MexcError (catalog `mexc`)");
}

#[test]
fn string_codes_work_end_to_end() {
    use StringCodeError as S;
    assert_eq!(
        S::from_code("EOrder:Insufficient funds"),
        Some(S::InsufficientFunds)
    );
    assert_eq!(S::InsufficientFunds.code(), "EOrder:Insufficient funds");
    assert_eq!(
        S::from_code("EOrder:insufficient funds"),
        None,
        "codes are exact"
    );
    assert_eq!(S::try_from("card_declined"), Ok(S::CardDeclined));
    let unknown = S::try_from("card_expired").unwrap_err();
    assert_eq!(unknown.code(), "card_expired");
    assert_eq!(S::CardDeclined.to_string(), "The card has been declined.");

    assert_eq!(
        serde_json::to_string(&S::InvalidSignature).unwrap(),
        r#""EAPI:Invalid signature""#
    );
    assert_eq!(
        serde_json::from_str::<S>(r#""card_declined""#).unwrap(),
        S::CardDeclined
    );
    // A number sent for a string-coded enum means its decimal text.
    assert_eq!(serde_json::from_str::<S>("429").unwrap(), S::NumericLooking);

    let error = parse::<S>(r#"{"error":"EAPI:Invalid signature","message":"bad sig"}"#).unwrap();
    assert_eq!(error.known(), Some(S::InvalidSignature));
    assert_eq!(error.message(), "bad sig");
    let unknown = parse::<S>(r#"{"error":"EGeneral:Something new"}"#).unwrap();
    assert_eq!(unknown.code(), Some("EGeneral:Something new"));
    assert_eq!(
        serde_json::to_string(&unknown).unwrap(),
        r#"{"error":"EGeneral:Something new","message":""}"#
    );
    let from_http = json::error_from_response::<S>(402, &(), br#"{"error":"card_declined"}"#);
    assert_eq!(from_http.known(), Some(S::CardDeclined));
}

#[test]
fn a_list_of_codes_keeps_every_code_the_first_one_first() {
    use StringCodeError as S;
    // Kraken's shape: {"error":["…"],"result":{}}; the fixture's code field is `error`.
    let body = r#"{"error":["EAPI:Invalid signature","EGeneral:Other"],"result":{}}"#;
    let parsed = parse::<S>(body).unwrap();
    assert_eq!(parsed.known(), Some(S::InvalidSignature));
    let codes: Vec<_> = parsed.errors().map(|error| error.code()).collect();
    assert_eq!(
        codes,
        [Some("EAPI:Invalid signature"), Some("EGeneral:Other")]
    );
    let error = json::check_response::<S>(200, &(), body.as_bytes()).unwrap_err();
    assert_eq!(error.known(), Some(S::InvalidSignature));
    assert_eq!(
        json::check_response::<S>(200, &(), br#"{"error":[],"result":{"ok":1}}"#),
        Ok(())
    );
    let empty = parse::<S>(r#"{"error":[]}"#).unwrap_err();
    assert!(
        empty.contains("invalid length 0, expected at least one code"),
        "{empty}"
    );
}

#[test]
fn dotted_envelope_paths_reach_into_nested_objects() {
    use errcodes_tests::nested::NestedError as N;
    let body = r#"{"error":{"type":"card_error","code":"card_declined","message":"Your card was declined.","param":""}}"#;
    let error = parse::<N>(body).unwrap();
    assert_eq!(error.known(), Some(N::CardDeclined));
    assert_eq!(error.message(), "Your card was declined.");
    assert_eq!(
        serde_json::to_string(&error).unwrap(),
        r#"{"error":{"code":"card_declined","message":"Your card was declined."}}"#
    );
    let from_http = json::error_from_response::<N>(429, &(), br#"{"error":{"code":"rate_limit"}}"#);
    assert_eq!(from_http.known(), Some(N::RateLimit));
    let missing = parse::<N>(r#"{"error":"card_declined"}"#).unwrap_err();
    assert!(missing.contains("missing field `error.code`"), "{missing}");
    let no_code = json::error_from_response::<N>(400, &(), br#"{"error":{"message":"no code"}}"#);
    assert_eq!(no_code.body_problem(), Some(BodyProblem::NoCode));
}
