//! What a trading bot or payment back end does with what an API sends back: the documented
//! codes as enums, and raw responses read into typed errors with retry advice.
#![deny(warnings)]

use errcodes_runtime::{ErrorCode, Retry, json};

// One line per catalog: an enum per section, checked at compile time. Each catalog also names
// one type over all its sections (`Code`) and the error type that reads its responses
// (`Error`), so each goes in a module of its own.
mod mexc {
    errcodes_runtime::errcodes!("../../catalogs/mexc.toml");
}
mod mixpay {
    errcodes_runtime::errcodes!("../../catalogs/mixpay.toml");
}

use mexc::MexcError;
use mixpay::MixPayRefundReason;

/// The decision a caller makes, driven by the catalog's classification.
fn decide(retry: Retry) -> &'static str {
    match retry {
        Retry::Never => "stop: fix the request",
        Retry::Backoff => "back off, then send again",
        Retry::VerifyFirst => "query the outcome before sending again",
    }
}

/// Exhaustive handling of the codes this bot cares about; the compiler checks the names.
fn on_order_error(error: MexcError) -> String {
    match error {
        MexcError::InvalidSignature | MexcError::SignatureVerificationFailed => {
            "re-check the API secret and signing".to_owned()
        }
        MexcError::TooManyRequests => "slow down".to_owned(),
        MexcError::InsufficientBalance | MexcError::Oversold => "resize the order".to_owned(),
        other => format!("{} ({})", decide(other.retry()), other.kind()),
    }
}

fn main() {
    println!("MEXC codes a bot received:");
    for code in [700002, 429, 10101, 504, 30014, -2011, 123_456] {
        match MexcError::from_code(code) {
            Some(error) => println!(
                "  {code:>7}  {:<30} {:<18} -> {}",
                error.name(),
                error.kind().to_string(),
                on_order_error(error)
            ),
            None => {
                println!("  {code:>7}  not in the catalog: keep the code and the server's message")
            }
        }
    }

    println!("\nRaw MEXC responses, one call each (`json::check_response::<mexc::Code>`):");
    // (status, headers, body) as the server sent them.
    type Response = (u16, &'static [(&'static str, &'static str)], &'static str);
    let responses: [Response; 5] = [
        (
            400,
            &[],
            r#"{"code":700002,"msg":"Signature for this request is not valid."}"#,
        ),
        (
            429,
            &[("Retry-After", "2")],
            r#"{"code":429,"msg":"Too Many Requests"}"#,
        ),
        (504, &[], ""),
        (502, &[], "<html><body>502 Bad Gateway</body></html>"),
        (
            200,
            &[],
            r#"{"code":0,"msg":"success","data":{"orderId":"C02__1"}}"#,
        ),
    ];
    for (status, headers, body) in responses {
        match json::check_response::<mexc::Code>(status, headers, body.as_bytes()) {
            Ok(()) => println!("  HTTP {status}: success"),
            Err(error) => {
                let error: mexc::Error = error;
                let wait = error
                    .retry_after()
                    .map_or(String::new(), |wait| format!(", wait {wait:?}"));
                println!(
                    "  HTTP {status}: {:<18} -> {}{wait}\n           {error}",
                    error.kind().to_string(),
                    decide(error.retry())
                );
            }
        }
    }

    println!("\nMixPay refund reasons (a section that is not an error response):");
    for code in [40021, 40000, 40008] {
        let reason = MixPayRefundReason::try_from(code).expect("a listed code");
        println!(
            "  {code:>7}  {reason}  [{}] -> {}",
            reason.kind(),
            decide(reason.retry())
        );
    }

    println!(
        "\nCatalog sizes: MexcError {}, MexcSubAccountError {}, MixPayError {}, MixPayRefundReason {}",
        MexcError::ALL.len(),
        mexc::MexcSubAccountError::ALL.len(),
        mixpay::MixPayError::ALL.len(),
        <MixPayRefundReason as ErrorCode>::ALL.len()
    );
}
