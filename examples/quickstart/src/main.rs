//! What a trading bot or payment back end does with the codes an API sends back.
#![deny(warnings)]

use errcodes_runtime::{ErrorCode, Retry, errcodes};

// One line per catalog: enums for every section, checked at compile time.
errcodes!("../../catalogs/mexc.toml");
errcodes!("../../catalogs/mixpay.toml");

/// The decision a caller makes, driven by the catalog's classification.
fn decide<E: ErrorCode>(error: E) -> &'static str {
    match error.retry() {
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
        other => format!("{} ({:?})", decide(other), other.kind()),
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

    println!("\nMixPay refund reasons:");
    for code in [40021, 40000, 40008] {
        let reason = MixPayRefundReason::try_from(code).expect("a listed code");
        println!(
            "  {code:>7}  {reason}  [{}] -> {}",
            reason.kind(),
            decide(reason)
        );
    }

    println!(
        "\nCatalog sizes: MexcError {}, MexcSubAccountError {}, MixPayError {}, MixPayRefundReason {}",
        MexcError::ALL.len(),
        MexcSubAccountError::ALL.len(),
        MixPayError::ALL.len(),
        MixPayRefundReason::ALL.len()
    );
}
