//! The one body reader: `json::check_response` and `json::error_from_response` read every
//! body the same way, whatever its status, and a failure written in an odd body (invalid
//! UTF-8, an odd batch item, almost-JSON, deep nesting) is never taken for a success.

use errcodes_catalogs as cat;
use errcodes_runtime::{ApiError, BodyProblem, ErrorCode, ErrorKind, Retry, json};
use errcodes_tests::mexc::MexcError;
use errcodes_tests::text_ok::TextOkError;
use errcodes_tests::venue::VenueCode;
use proptest::prelude::*;

/// Every bundled venue's API enum, for a generic body of code.
macro_rules! each_venue {
    ($f:ident $(, $arg:expr)*) => {{
        $f::<cat::mexc::Code>(stringify!(mexc) $(, $arg)*);
        $f::<cat::mixpay::Code>(stringify!(mixpay) $(, $arg)*);
        $f::<cat::okx::Code>(stringify!(okx) $(, $arg)*);
        $f::<cat::kraken::Code>(stringify!(kraken) $(, $arg)*);
        $f::<cat::stripe::Code>(stringify!(stripe) $(, $arg)*);
        $f::<cat::binance::Code>(stringify!(binance) $(, $arg)*);
        $f::<cat::binance_usdm::Code>(stringify!(binance_usdm) $(, $arg)*);
        $f::<cat::binance_coinm::Code>(stringify!(binance_coinm) $(, $arg)*);
        $f::<cat::binance_options::Code>(stringify!(binance_options) $(, $arg)*);
        $f::<cat::binance_portfolio::Code>(stringify!(binance_portfolio) $(, $arg)*);
        $f::<cat::bybit::Code>(stringify!(bybit) $(, $arg)*);
        $f::<cat::mexc_futures::Code>(stringify!(mexc_futures) $(, $arg)*);
        $f::<cat::htx::Code>(stringify!(htx) $(, $arg)*);
        $f::<cat::bitmex::Code>(stringify!(bitmex) $(, $arg)*);
        $f::<cat::bitfinex::Code>(stringify!(bitfinex) $(, $arg)*);
        $f::<cat::coinbase::Code>(stringify!(coinbase) $(, $arg)*);
    }};
}

/// `"value"` at the envelope's dotted `path`: `a.b` → `{"a":{"b":value}}`, without the braces
/// of the outermost object so that other keys can be put beside it.
fn at_path(path: &str, value: &str) -> String {
    let mut parts = path.split('.').rev();
    let mut json = format!("{:?}:{value}", parts.next().unwrap_or(path));
    for part in parts {
        json = format!("{part:?}:{{{json}}}");
    }
    json
}

/// The first listed code of `E` that its envelope does not call a success, as JSON.
fn failing_code<E: ErrorCode>() -> (String, String) {
    let entry = E::ALL
        .iter()
        .find(|entry| {
            let text = entry.code().to_string();
            !E::ENVELOPE.is_ok_code(&text) && !text.contains('{')
        })
        .expect("a failing listed code");
    let code = entry.code().to_string();
    let json = match code.parse::<i64>() {
        Ok(_) if std::any::TypeId::of::<E::Code>() == std::any::TypeId::of::<i64>() => code.clone(),
        _ => format!("{code:?}"),
    };
    (code, json)
}

fn invalid_utf8_key_is_a_failure<E: ErrorCode>(venue: &str) {
    let (code, json) = failing_code::<E>();
    let field = at_path(E::ENVELOPE.code, &json);
    for body in [
        format!("{{{field},\"m\u{1}g\":\"User information error\"}}"),
        format!("{{\"m\u{1}g\":\"User information error\",{field}}}"),
    ] {
        // The invalid byte 0xFF where the placeholder \u{1} is.
        let body: Vec<u8> = body
            .bytes()
            .map(|b| if b == 1 { 0xFF } else { b })
            .collect();
        let error = json::check_response::<E>(200, &(), &body).unwrap_err();
        assert_eq!(
            error.code().map(|code| code.to_string()),
            Some(code.clone()),
            "{venue}: {}",
            String::from_utf8_lossy(&body)
        );
    }
}

#[test]
fn a_2xx_body_with_invalid_utf8_in_a_key_fails_at_every_venue() {
    let body = b"{\"code\":730001,\"m\xffg\":\"User information error\"}";
    let error = json::check_response::<MexcError>(200, &(), body).unwrap_err();
    assert_eq!(error.code(), Some(730001));
    each_venue!(invalid_utf8_key_is_a_failure);
}

#[test]
fn an_odd_batch_item_is_kept_and_the_others_still_count() {
    for odd in [
        "null",
        "1.5",
        "true",
        "{}",
        "[]",
        "18446744073709551616",
        "9223372036854775808",
        "\"not a number\"",
    ] {
        let body = format!(
            r#"{{"code":"1","msg":"All operations failed","data":[{{"ordId":"","sCode":{odd},"sMsg":"?"}},{{"ordId":"","sCode":"51149","sMsg":"Order timed out."}}]}}"#
        );
        let checked =
            json::check_response::<cat::okx::Code>(200, &(), body.as_bytes()).expect_err(&body);
        let read = json::error_from_response::<cat::okx::Code>(200, &(), body.as_bytes());
        assert_eq!(checked, read, "{body}");
        assert_eq!(read.code(), Some(51149), "{body}");
        assert_eq!(read.kind(), ErrorKind::Timeout, "{body}");
        assert_eq!(read.retry(), Retry::VerifyFirst, "{body}");
        let errors: Vec<_> = read.errors().collect();
        assert_eq!(errors.len(), 2, "{body}");
        assert_eq!(errors[1].code(), None, "the odd item is kept: {body}");
        assert_eq!(errors[1].body_problem(), Some(BodyProblem::NoCode));
        assert_eq!(errors[1].message(), "?");
        assert_eq!(read.envelope_error().and_then(ApiError::code), Some(1));
    }
}

#[test]
fn almost_json_at_2xx_keeps_its_failure() {
    for body in [
        &b"{\"code\":730001,\"msg\":\"User\tinformation error\"}"[..],
        b"\xEF\xBB\xBF{\"code\":730001,\"msg\":\"User information error\"}",
        b"{\"code\":730001,\"msg\":\"User information error\"} trailing",
        b"{\"code\":730001,\"msg\":\"User information error\"}{\"code\":0}",
        b"{\"code\":730001,\"msg\":\"User information error\",\"price\":NaN}",
        b"{\"price\":-Infinity,\"code\":730001}",
        b"{\"m\xffg\":\"\t\",\"price\":NaN,\"code\":730001}",
        // Broken past repair after the code: what was read before still counts.
        b"{\"code\":730001,\"data\":{\"a\":}}",
        b"{\"code\":730001,\"msg\":'single quotes'}",
    ] {
        let shown = String::from_utf8_lossy(body);
        let checked = json::check_response::<MexcError>(200, &(), body).expect_err(&shown);
        assert_eq!(checked.code(), Some(730001), "{shown}");
        assert_eq!(
            checked,
            json::error_from_response::<MexcError>(200, &(), body),
            "{shown}"
        );
    }
    let tab = json::error_from_response::<MexcError>(
        400,
        &(),
        b"{\"code\":730001,\"msg\":\"User\tinformation error\"}",
    );
    assert_eq!(tab.message(), "User\tinformation error");
    // What is not JSON at all is still content at 2xx, and a success stays one.
    assert_eq!(
        json::check_response::<MexcError>(200, &(), b"<html>ok</html>"),
        Ok(())
    );
    assert_eq!(
        json::check_response::<MexcError>(200, &(), b"\xEF\xBB\xBF{\"code\":0,\"data\":NaN}"),
        Ok(())
    );
}

#[test]
fn any_depth_is_read_without_recursion_and_a_code_beside_it_counts() {
    let deep = |open: &str, close: &str, levels: usize| {
        format!(
            "{{\"code\":730001,\"data\":{}1{}}}",
            open.repeat(levels),
            close.repeat(levels)
        )
    };
    for levels in [126, 200, 1_000_000] {
        for body in [deep("[", "]", levels), deep("{\"a\":", "}", levels)] {
            let error = json::check_response::<MexcError>(200, &(), body.as_bytes()).unwrap_err();
            assert_eq!(error.code(), Some(730001), "{levels}");
            assert_eq!(
                error,
                json::error_from_response::<MexcError>(200, &(), body.as_bytes())
            );
        }
    }
    // Cut short a million levels down: the answer is lost, never a success.
    let cut = "[".repeat(1_000_000);
    let error = json::check_response::<MexcError>(200, &(), cut.as_bytes()).unwrap_err();
    assert_eq!(error.body_problem(), Some(BodyProblem::Truncated));
    assert_eq!(error.retry(), Retry::VerifyFirst);
}

#[test]
fn one_success_rule_for_numbers_strings_and_floats() {
    // `ok_codes = ["00000"]`: only the text "00000" is a success.
    for body in [r#"{"code":0}"#, r#"{"code":"0"}"#, r#"{"code":0.0}"#] {
        assert!(
            json::check_response::<TextOkError>(200, &(), body.as_bytes()).is_err(),
            "{body}"
        );
    }
    assert_eq!(
        json::check_response::<TextOkError>(200, &(), br#"{"code":"00000","data":{}}"#),
        Ok(())
    );
    // The default rule: `0` in any form is a success, and an integral float is its integer.
    for body in [r#"{"code":0}"#, r#"{"code":"0"}"#, r#"{"code":0.0}"#] {
        assert_eq!(
            json::check_response::<MexcError>(200, &(), body.as_bytes()),
            Ok(()),
            "{body}"
        );
    }
    let float = json::check_response::<MexcError>(200, &(), br#"{"code":730001.0}"#).unwrap_err();
    assert_eq!(float.code(), Some(730001));
    let fraction = json::check_response::<MexcError>(200, &(), br#"{"code":0.5}"#).unwrap_err();
    assert_eq!(fraction.code(), None);
}

#[test]
fn an_api_error_does_not_depend_on_the_order_of_its_builder_calls() {
    let message = "Unknown error, please check your request or try again later.";
    let message_first = ApiError::<VenueCode>::from_code(-1, None)
        .with_message(Some(message))
        .with_status(503);
    let status_first = ApiError::<VenueCode>::from_code(-1, None)
        .with_status(503)
        .with_message(Some(message));
    for error in [&message_first, &status_first] {
        assert_eq!(
            error.http_rule().map(|rule| rule.name),
            Some("UnknownExecutionStatus")
        );
        assert_eq!(error.retry(), Retry::VerifyFirst);
    }
    assert_eq!(message_first.kind(), status_first.kind());

    // A second message picks the meaning from the code's own entry, not from the first pick.
    let signature = "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.";
    let twice = ApiError::<MexcError>::from_code(700004, Some(signature))
        .with_message(Some("orderId is empty"));
    let once = ApiError::<MexcError>::from_code(700004, Some("orderId is empty"));
    assert_eq!(twice.known(), Some(MexcError::OrderIdRequired));
    assert_eq!(twice, once);
    assert_eq!(twice.kind(), once.kind());
}

/// HTX marks failure with `"status":"error"` at HTTP 200 (`success = "status", failure_text =
/// "error"`): such a body fails even when its code is in a spelling the catalog does not read,
/// and `"status":"ok"` says nothing on its own.
#[test]
fn a_failure_text_marks_a_failure() {
    // The futures/swap envelope sent to the spot catalog: no `err-code`, but `status` says it.
    let swap = br#"{"status":"error","err_code":1047,"err_msg":"Insufficient margin available.","ts":1643802672652}"#;
    let error = json::check_response::<cat::htx::Code>(200, &(), swap).unwrap_err();
    assert_eq!(error.code(), None);
    // Its own catalog reads the code.
    let error = json::check_response::<cat::htx_futures::Code>(200, &(), swap).unwrap_err();
    assert_eq!(
        error.code().map(|code| code.to_string()),
        Some("1047".into())
    );
    assert_eq!(error.kind(), ErrorKind::InsufficientFunds);
    // An escaped text is the same text.
    let escaped = br#"{"status":"err\u006fr","err-msg":"busy"}"#;
    let error = json::check_response::<cat::htx::Code>(200, &(), escaped).unwrap_err();
    assert_eq!(error.message(), "busy");
    // Other texts, and other types, say nothing: the code decides.
    for body in [
        &br#"{"status":"ok","data":"59378"}"#[..],
        br#"{"status":"Error","data":null}"#,
        br#"{"status":{"error":"error"},"data":null}"#,
        br#"{"status":["error"]}"#,
    ] {
        assert!(
            json::check_response::<cat::htx::Code>(200, &(), body).is_ok(),
            "{}",
            String::from_utf8_lossy(body)
        );
    }
    let batch = br#"{"status":"ok","data":{"success":[],"failed":[{"err-code":"base-record-invalid","err-msg":"record invalid"}]}}"#;
    assert!(json::check_response::<cat::htx::Code>(200, &(), batch).is_err());
    // `false` still marks a failure where the field is a text one.
    let flag = br#"{"status":false}"#;
    assert!(json::check_response::<cat::htx::Code>(200, &(), flag).is_err());
}

/// Where the status says one thing and a documented body another, the body's entry decides:
/// a listed code under 500 keeps its kind and retry, not the 5xx default.
#[test]
fn a_documented_body_wins_over_the_status() {
    let body = br#"{"status":"error","err-code":"login-required","err-msg":"Signature is missing, or user not find (key and uid not match).","data":null}"#;
    for status in [200, 429, 500, 503] {
        let error = json::error_from_response::<cat::htx::Code>(status, &(), body);
        assert_eq!(error.kind(), ErrorKind::Authentication, "{status}");
        assert_eq!(error.retry(), Retry::Never, "{status}");
        assert_eq!(error.http_rule(), None, "{status}");
    }
}

/// Bybit's older endpoints spell the envelope `ret_code` / `ret_msg` (`code_also`,
/// `message_also`); the current spelling wins when both are there, unless it is `null`.
#[test]
fn a_second_spelling_of_the_fields_is_read() {
    let old =
        br#"{"ret_code":10001,"ret_msg":"Request parameter error","ext_code":"","result":null}"#;
    let error = json::check_response::<cat::bybit::Code>(200, &(), old).unwrap_err();
    assert_eq!(
        error.code().map(|code| code.to_string()),
        Some("10001".into())
    );
    assert_eq!(error.kind(), ErrorKind::InvalidRequest);
    assert_eq!(error.message(), "Request parameter error");
    for body in [
        &br#"{"retCode":0,"retMsg":"OK","ret_code":10001,"ret_msg":"x"}"#[..],
        br#"{"ret_code":10001,"ret_msg":"x","retCode":0,"retMsg":"OK"}"#,
        br#"{"ret_code":0,"ret_msg":"OK","result":{}}"#,
    ] {
        assert!(
            json::check_response::<cat::bybit::Code>(200, &(), body).is_ok(),
            "{}",
            String::from_utf8_lossy(body)
        );
    }
    let null_first = br#"{"retCode":null,"retMsg":null,"ret_code":10001,"ret_msg":"old"}"#;
    let error = json::check_response::<cat::bybit::Code>(200, &(), null_first).unwrap_err();
    assert_eq!(
        error.code().map(|code| code.to_string()),
        Some("10001".into())
    );
    assert_eq!(error.message(), "old");
    // The current spelling's message stays with the current spelling's code.
    let both = br#"{"ret_msg":"old","retCode":10001,"retMsg":"new"}"#;
    let error = json::check_response::<cat::bybit::Code>(200, &(), both).unwrap_err();
    assert_eq!(error.message(), "new");
    // A key written twice keeps its last value, in either spelling, as `serde_json::Value`
    // does (body fuzz finding `regressions/body/body-second-spelling-written-twice`).
    let twice = br#"{"ret_msg":"first","ret_code":10001,"ret_msg":"second"}"#;
    let error = json::check_response::<cat::bybit::Code>(200, &(), twice).unwrap_err();
    assert_eq!(error.message(), "second");
    let twice = br#"{"retMsg":"first","retCode":10001,"retMsg":"second"}"#;
    let error = json::check_response::<cat::bybit::Code>(200, &(), twice).unwrap_err();
    assert_eq!(error.message(), "second");
    // The strict reading (`Deserialize`) takes the same path.
    let strict: ApiError<cat::bybit::Code> = serde_json::from_slice(old).unwrap();
    assert_eq!(
        strict.code().map(|code| code.to_string()),
        Some("10001".into())
    );
}

/// Bitfinex answers REST errors as arrays (`array = { tag = "error", code = 1, message = 2 }`):
/// the tag marks the failure whatever the status, the code and message are read by position,
/// and every other array (a ticker, an order notification, a list of lists) is no failure.
#[test]
fn an_error_sent_as_an_array_is_read_by_position() {
    let body = br#"["error",10020,"symbol: invalid"]"#;
    for status in [200, 400, 500] {
        let error = json::check_response::<cat::bitfinex::Code>(status, &(), body).unwrap_err();
        assert_eq!(error.code().map(|c| c.to_string()), Some("10020".into()));
        assert_eq!(error.message(), "symbol: invalid");
        assert_eq!(error.kind(), ErrorKind::InvalidSymbol, "{status}");
        assert_eq!(error.retry(), Retry::Never, "{status}");
    }
    // More elements than the positions read, and escapes in the message.
    let longer = br#"["error",10114,"nonce: \u0073mall",null,{"x":[1]}]"#;
    let error = json::error_from_response::<cat::bitfinex::Code>(500, &(), longer);
    assert_eq!(error.kind(), ErrorKind::InvalidTimestamp);
    assert_eq!(error.message(), "nonce: small");
    // The tag alone is a failure without a code; the body is kept.
    let bare = br#"["error"]"#;
    let error = json::check_response::<cat::bitfinex::Code>(200, &(), bare).unwrap_err();
    assert_eq!(error.code(), None);
    assert_eq!(error.message(), r#"["error"]"#);
    // A code the enum cannot hold keeps the body whole, as in an object.
    let odd = br#"["error",{"code":1},"x"]"#;
    let error = json::check_response::<cat::bitfinex::Code>(200, &(), odd).unwrap_err();
    assert_eq!(error.code(), None);
    assert_eq!(error.message(), "x");
    for success in [
        &b"[10645,73.93,10646,75.22,-20,-0.0019,10646,1072.46,10950,10558]"[..],
        br#"[1568110144859,"on-req",null,null,[[1185815098]],null,"SUCCESS","Submitting 1 orders."]"#,
        br#"[["tBTCUSD",10645,73.9]]"#,
        br#"["Error",10020,"symbol: invalid"]"#,
        b"[]",
    ] {
        assert!(
            json::check_response::<cat::bitfinex::Code>(200, &(), success).is_ok(),
            "{}",
            String::from_utf8_lossy(success)
        );
    }
    // The strict reading (`Deserialize`) reads the same error, and refuses any other array.
    let strict: ApiError<cat::bitfinex::Code> = serde_json::from_slice(body).unwrap();
    assert_eq!(strict.code().map(|c| c.to_string()), Some("10020".into()));
    assert!(serde_json::from_slice::<ApiError<cat::bitfinex::Code>>(b"[1,2,3]").is_err());
    // An envelope without `array` reads no array as an error.
    assert!(json::check_response::<cat::mexc::Code>(200, &(), body).is_ok());
}

/// A JSON value for one field of a generated body.
fn value<E: ErrorCode>() -> impl Strategy<Value = String> {
    let listed: Vec<String> = E::ALL
        .iter()
        .map(|entry| entry.code().to_string())
        .collect();
    let ok: Vec<String> = E::ENVELOPE.ok_codes.iter().map(|s| s.to_string()).collect();
    prop_oneof![
        proptest::sample::select(listed.clone()).prop_map(|code| code),
        proptest::sample::select(listed).prop_map(|code| format!("{code:?}")),
        proptest::sample::select(ok.clone()).prop_map(|code| format!("{code:?}")),
        proptest::sample::select(ok),
        Just("null".to_owned()),
        Just("true".to_owned()),
        Just("false".to_owned()),
        Just("1.5".to_owned()),
        Just("0.0".to_owned()),
        Just("{}".to_owned()),
        Just("[]".to_owned()),
        Just("18446744073709551616".to_owned()),
        "[a-z ]{0,12}".prop_map(|text| format!("{text:?}")),
        any::<i64>().prop_map(|n| n.to_string()),
    ]
}

/// A body in the shape of `E`'s envelope: its fields (code, message, success, detail, items
/// with item codes) with generated values, among other fields, then possibly damaged.
fn body<E: ErrorCode>() -> impl Strategy<Value = Vec<u8>> {
    let envelope = E::ENVELOPE;
    let mut paths = vec![envelope.code, envelope.message, "other"];
    paths.extend(envelope.success);
    paths.extend(envelope.detail);
    let item_fields: Vec<&'static str> = envelope
        .item_code
        .into_iter()
        .chain(envelope.item_message)
        .chain(["ordId"])
        .collect();
    let item =
        proptest::collection::vec((proptest::sample::select(item_fields), value::<E>()), 0..3)
            .prop_map(|fields| {
                let fields: Vec<String> = fields
                    .iter()
                    .map(|(key, value)| format!("{key:?}:{value}"))
                    .collect();
                format!("{{{}}}", fields.join(","))
            });
    let items = proptest::collection::vec(item, 0..3).prop_map(|items| items.join(","));
    let fields = proptest::collection::vec((proptest::sample::select(paths), value::<E>()), 0..4);
    // An array body for an envelope that reads errors by position: the tag or something else
    // first, then generated values.
    let tag = envelope.array.map_or("\"error\"", |array| array.tag);
    let first = proptest::sample::select(vec![
        format!("{tag:?}"),
        format!("{:?}", tag.to_uppercase()),
        "1568110144859".to_owned(),
        "null".to_owned(),
        "[]".to_owned(),
    ]);
    let array = (first, proptest::collection::vec(value::<E>(), 0..4)).prop_map(|(first, rest)| {
        format!(
            "[{first}{}]",
            rest.iter().map(|v| format!(",{v}")).collect::<String>()
        )
    });
    (fields, items, any::<bool>(), 0u8..8, any::<u16>(), array).prop_map(
        move |(fields, items, with_items, damage, at, array)| {
            let mut parts: Vec<String> = fields
                .iter()
                .map(|(path, value)| at_path(path, value))
                .collect();
            let body = match envelope.items {
                _ if envelope.array.is_some() && with_items => array,
                Some(".") if with_items => format!("[{items}]"),
                Some(path) if with_items => {
                    parts.push(at_path(path, &format!("[{items}]")));
                    format!("{{{}}}", parts.join(","))
                }
                _ => format!("{{{}}}", parts.join(",")),
            };
            let mut bytes = body.into_bytes();
            let at = usize::from(at) % (bytes.len() + 1);
            match damage {
                0 => bytes.insert(at, 0xFF),
                1 => bytes.truncate(at),
                2 => bytes.splice(0..0, *b"\xEF\xBB\xBF").for_each(drop),
                3 => bytes.extend_from_slice(b" trailing"),
                4 => bytes.insert(at, b'\t'),
                _ => {}
            }
            bytes
        },
    )
}

fn agree_on_generated_bodies<E: ErrorCode>(venue: &str) {
    let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config {
        cases: 96,
        failure_persistence: None,
        ..Default::default()
    });
    let statuses = proptest::sample::select(vec![200u16, 201, 204, 400, 418, 429, 503]);
    runner
        .run(&(statuses, body::<E>()), |(status, body)| {
            errcodes_tests::agree::check::<E>(status, &(), &body)
                .map_err(|why| TestCaseError::fail(format!("{venue}: {why}")))
        })
        .unwrap();
}

#[test]
fn both_entry_points_agree_on_generated_bodies_for_every_bundled_catalog() {
    each_venue!(agree_on_generated_bodies);
}

/// Fuzz finding `regressions/body/body-unparsed-code-loses-the-body`: a code the catalog's
/// type cannot hold, beside no message or an empty one, left an error with an empty message.
#[test]
fn a_code_of_the_wrong_type_keeps_the_body() {
    for body in [
        &br#"{"code":"1N0101","msg":""}"#[..],
        br#"{"code":"abc"}"#,
        br#"{"code":"1N0101","message":""}"#,
    ] {
        let text = std::str::from_utf8(body).unwrap();
        let mixpay = json::error_from_response::<cat::mixpay::Code>(400, &(), body);
        let mexc = json::check_response::<cat::mexc::Code>(400, &(), body).unwrap_err();
        for (venue, error) in [("mixpay", mixpay.message()), ("mexc", mexc.message())] {
            assert_eq!(error, text, "{venue}: the body is kept");
        }
        assert_eq!(mixpay.code(), None);
        assert_eq!(mixpay.body_problem(), Some(BodyProblem::NoCode));
    }
    // A message the server did write is still what the error says.
    let error =
        json::error_from_response::<cat::mixpay::Code>(400, &(), br#"{"code":"x","message":"m"}"#);
    assert_eq!(error.message(), "m");
}
