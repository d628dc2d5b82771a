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

/// The variant that refines variant `at`: its `counts[at]` refinements follow it, chosen by
/// the detail field first, then by an exact message, then by a message template. `at` when
/// none matches. `details` is empty when no refinement of the enum is chosen by detail.
#[inline]
pub fn refine(
    at: usize,
    counts: &[u8],
    messages: &[&str],
    details: &[&str],
    message: &str,
    detail: Option<&str>,
) -> usize {
    let count = counts.get(at).copied().unwrap_or(0) as usize;
    if count == 0 {
        return at;
    }
    let range = at + 1..=at + count;
    let detail_of = |i: usize| details.get(i).copied().unwrap_or("");
    if let Some(detail) = detail.filter(|d| !d.is_empty())
        && let Some(i) = range.clone().find(|&i| detail_of(i) == detail)
    {
        return i;
    }
    let by_message = || range.clone().filter(|&i| detail_of(i).is_empty());
    by_message()
        .find(|&i| messages[i] == message)
        .or_else(|| by_message().find(|&i| crate::Template::new(messages[i]).matches(message)))
        .unwrap_or(at)
}

/// The variant whose template code matches `code`, among the variants at `templates`.
#[inline]
pub fn template_code(code: &str, templates: &[usize], codes: &[&str]) -> Option<usize> {
    errcodes_core::template::first_template_match(
        code,
        templates
            .iter()
            .filter_map(|&i| codes.get(i).map(|&template| (i, template))),
    )
}

/// `pub type Error = ApiError<Code>;`: written only when the runtime has `alloc`, where
/// `ApiError` exists.
#[cfg(feature = "alloc")]
#[macro_export]
#[doc(hidden)]
macro_rules! __errcodes_api_error {
    ($(#[$meta:meta])* $name:ident = $ty:ty) => {
        $(#[$meta])*
        pub type $name = $crate::ApiError<$ty>;
    };
}

/// Without `alloc` there is no `ApiError`, so no alias.
#[cfg(not(feature = "alloc"))]
#[macro_export]
#[doc(hidden)]
macro_rules! __errcodes_api_error {
    ($($tt:tt)*) => {};
}

pub use crate::__errcodes_api_error as api_error;
