//! A `no_std` library using `errcodes!`. `::std` is not in scope here, so this builds only if
//! neither the runtime (without its `std` feature) nor the generated code needs std.
//!
//! Built alone (`cargo build -p no-std-user`) so that cargo does not unify the runtime's
//! features with other workspace members that enable `std`.
#![no_std]
#![deny(warnings)]

errcodes_runtime::errcodes!("../../errcodes-catalogs/catalogs/mexc.toml");

/// Whether a bot should send the request again after `code`.
pub fn should_retry(code: i64) -> bool {
    MexcError::from_code(code).is_some_and(|error| error.retry() != errcodes_runtime::Retry::Never)
}
