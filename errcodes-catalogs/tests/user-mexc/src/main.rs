//! A bot that only talks to MEXC: `errcodes-catalogs` with `features = ["mexc"]`.
#![deny(warnings)]

use errcodes_catalogs::mexc::MexcError;

fn advice(error: MexcError) -> &'static str {
    match error {
        MexcError::InvalidSignature | MexcError::SignatureVerificationFailed => {
            "fix the signing code"
        }
        MexcError::TooManyRequests => "slow down",
        MexcError::InsufficientBalance => "resize the order",
        _ => "see the docs",
    }
}

/// The `mixpay` feature is off, so the module does not exist.
#[cfg(feature = "try-mixpay")]
fn mixpay_codes() -> usize {
    errcodes_catalogs::mixpay::MixPayError::ALL.len()
}

fn main() {
    #[cfg(feature = "try-mixpay")]
    println!("{}", mixpay_codes());
    for code in [700002, 429, 10101, 123_456] {
        match MexcError::from_code(code) {
            Some(error) => println!(
                "{code} {} {} {}: {}",
                error.name(),
                error.kind(),
                error.retry(),
                advice(error)
            ),
            None => println!("{code} unknown"),
        }
    }
}
