//! A tool that deals with every API: `errcodes-catalogs` with `features = ["all"]`.
#![deny(warnings)]

use errcodes_catalogs::ErrorCode;
use errcodes_catalogs::mexc::{MexcError, MexcSubAccountError};
use errcodes_catalogs::mixpay::{MixPayError, MixPayRefundReason};

/// Generic over every catalog with integer codes.
fn describe<E: ErrorCode<Code = i64>>(code: i64) -> String {
    match E::from_code(code) {
        Some(error) => format!(
            "{}/{} {code} {error:?} {}",
            E::CATALOG,
            E::ENUM,
            error.kind()
        ),
        None => format!("{}/{} {code} unknown", E::CATALOG, E::ENUM),
    }
}

fn refund(reason: MixPayRefundReason) -> &'static str {
    match reason {
        MixPayRefundReason::DoublePayment => "already paid: do not pay again",
        MixPayRefundReason::PaymentTimeout => "pay again",
        _ => "see the reason",
    }
}

fn main() {
    println!("{}", describe::<MexcError>(700002));
    println!("{}", describe::<MexcSubAccountError>(730002));
    println!("{}", describe::<MixPayError>(10010));
    println!("{}", describe::<MixPayRefundReason>(40021));
    println!("{}", describe::<MixPayError>(40021));
    let reason = MixPayRefundReason::from_code(40021).expect("a listed code");
    println!("refund {}: {}", reason.code(), refund(reason));
}
