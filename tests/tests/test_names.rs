//! Names a user reads (issue 18): `Display` of a templated entry is a sentence, and an API
//! enum's variants match flat, as `Code::Variant`.

use errcodes_catalogs::{binance, okx};

/// A templated message prints each placeholder as `…`; `message()` keeps the template, and the
/// value the server sent is still read back by its name.
#[test]
fn display_of_a_templated_entry_reads_as_a_sentence() {
    let error = okx::OkxTradeError::OrderFailedInsufficientBalanceAccount;
    assert_eq!(
        error.message(),
        "Order failed. Insufficient {currency} balance in account"
    );
    assert_eq!(
        error.to_string(),
        "Order failed. Insufficient … balance in account"
    );
    // The API enum prints what its section prints, padding included.
    let code = okx::Code::OkxTradeError(error);
    assert_eq!(code.to_string(), error.to_string());
    assert_eq!(
        format!("{:>3}", binance::BinanceError::WorkingParamRequired),
        "Working order must include the '…' tag."
    );
    assert_eq!(
        format!("[{:<10}]", okx::OkxGeneralError::OperationFailed),
        "[Operation failed.]"
    );

    let body = br#"{"code":"1","msg":"","data":[{"sCode":"51008","sMsg":"Order failed. Insufficient USDT balance in account"}]}"#;
    let read: okx::Error = errcodes_runtime::json::check_response(200, &(), body).unwrap_err();
    assert_eq!(read.known(), Some(code));
    assert_eq!(read.placeholder("currency"), Some("USDT"));
}

/// An entry without placeholders prints its message as it is, `{` and all.
#[test]
fn display_of_a_plain_entry_is_its_message() {
    for &error in okx::Code::ALL {
        let sentence = errcodes_runtime::Template::new(error.message())
            .sentence()
            .to_string();
        assert_eq!(error.to_string(), sentence, "{error:?}");
    }
    let ban = binance::BinanceError::ALL
        .iter()
        .find(|error| error.message().starts_with("Way too {volume}"))
        .expect("-1003's ban template");
    assert_eq!(ban.to_string(), "Way too …; IP… banned until …. …");
}

/// `known()` matches without naming the section, and a flat name is the nested variant.
#[test]
fn api_enum_variants_match_flat() {
    fn advice(error: &okx::Error) -> &'static str {
        match error.known() {
            Some(okx::Code::OrderFailedInsufficientBalanceAccount) => "top up",
            Some(okx::Code::Success) => "done",
            Some(_) => "read the message",
            None => "unlisted",
        }
    }
    let body =
        br#"{"code":"51008","msg":"Order failed. Insufficient BTC balance in account","data":[]}"#;
    let error: okx::Error = errcodes_runtime::json::check_response(200, &(), body).unwrap_err();
    assert_eq!(advice(&error), "top up");
    assert_eq!(
        okx::Code::OrderFailedInsufficientBalanceAccount,
        okx::Code::OkxTradeError(okx::OkxTradeError::OrderFailedInsufficientBalanceAccount)
    );
    // One section: every variant has its flat name.
    assert_eq!(
        binance::Code::WorkingParamRequired,
        binance::Code::BinanceError(binance::BinanceError::WorkingParamRequired)
    );
}
