//! What generated code calls. Not a public API: it changes without notice.

pub use errcodes_core::lookup::{Lookup, int_key, str_key};

/// Without the `serde` feature, generated enums get no serde impls.
#[cfg(not(feature = "serde"))]
#[macro_export]
#[doc(hidden)]
macro_rules! __errcodes_serde_impls {
    ($($tt:tt)*) => {};
}

#[cfg(feature = "serde")]
pub use crate::serde_support::{deserialize_code, serde};

/// With the `serde` feature, generated enums serialize as their code.
#[cfg(feature = "serde")]
#[macro_export]
#[doc(hidden)]
macro_rules! __errcodes_serde_impls {
    ($ty:ty) => {
        impl $crate::__private::serde::Serialize for $ty {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::__private::serde::Serialize::serialize(
                    &$crate::ErrorCode::code(*self),
                    serializer,
                )
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $ty {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::__private::deserialize_code::<$ty, D>(deserializer)
            }
        }
    };
}

pub use crate::__errcodes_serde_impls as serde_impls;
