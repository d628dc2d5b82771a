use core::fmt::{self, Debug, Display};
use core::hash::Hash;

use crate::{ErrorKind, Retry};

/// The type of the codes of one enum: [`i64`] for numeric codes (MEXC's `700002`),
/// [`str`] for string codes (Kraken's `EOrder:Insufficient funds`).
///
/// Sealed: the engine only generates these two.
pub trait CodeType: private::Sealed + 'static {
    /// How a code is passed around: `i64` by value, `&'a str` by reference.
    type Ref<'a>: Copy + Eq + Ord + Hash + Debug + Display;

    /// How an [`ApiError`](crate::ApiError) keeps a code it does not know: `i64`, or a
    /// `Box<str>` (the only allocation an unknown string code costs).
    #[cfg(feature = "alloc")]
    type Owned: Clone + Eq + Ord + Hash + Debug + Display + Send + Sync + 'static;

    /// Copies a borrowed code.
    #[cfg(feature = "alloc")]
    fn to_owned_code(code: Self::Ref<'_>) -> Self::Owned;

    /// Borrows an owned code.
    #[cfg(feature = "alloc")]
    fn borrow_code(code: &Self::Owned) -> Self::Ref<'_>;

    /// Shortens the lifetime of a code (a generic associated type is not covariant by itself).
    #[doc(hidden)]
    fn reborrow<'a>(code: Self::Ref<'static>) -> Self::Ref<'a>;

    /// Calls `f` with a code that arrived as a JSON number.
    #[doc(hidden)]
    fn with_int<R>(code: i64, f: impl FnOnce(Self::Ref<'_>) -> R) -> R;

    /// Calls `f` with a code that arrived as a JSON string; `None` when the string cannot be a
    /// code of this type (a non-numeric string for integer codes).
    #[doc(hidden)]
    fn with_str<R>(code: &str, f: impl FnOnce(Self::Ref<'_>) -> R) -> Option<R>;

    /// Serializes a code as a JSON number or string.
    #[cfg(feature = "serde")]
    #[doc(hidden)]
    fn serialize_code<S: serde::Serializer>(
        code: Self::Ref<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error>;

    /// The value of placeholder `name` of a template code in the code as sent (string codes
    /// only: integer codes have no templates).
    #[doc(hidden)]
    fn capture<'a>(
        template: Self::Ref<'static>,
        sent: Self::Ref<'a>,
        name: &str,
    ) -> Option<&'a str>;

    /// Whether the envelope calls `code` a success.
    #[doc(hidden)]
    fn is_ok(code: Self::Ref<'_>, envelope: &crate::Envelope) -> bool;
}

impl CodeType for i64 {
    type Ref<'a> = i64;
    #[cfg(feature = "alloc")]
    type Owned = i64;

    #[cfg(feature = "alloc")]
    fn to_owned_code(code: i64) -> i64 {
        code
    }

    #[cfg(feature = "alloc")]
    fn borrow_code(code: &i64) -> i64 {
        *code
    }

    fn reborrow<'a>(code: Self::Ref<'static>) -> Self::Ref<'a> {
        code
    }

    fn with_int<R>(code: i64, f: impl FnOnce(i64) -> R) -> R {
        f(code)
    }

    /// Integer codes also arrive as numeric strings (`"code":"429"`).
    fn with_str<R>(code: &str, f: impl FnOnce(i64) -> R) -> Option<R> {
        code.parse().ok().map(f)
    }

    #[cfg(feature = "serde")]
    fn serialize_code<S: serde::Serializer>(code: i64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(code)
    }

    fn capture<'a>(_: Self::Ref<'static>, _: Self::Ref<'a>, _: &str) -> Option<&'a str> {
        None
    }

    fn is_ok(code: i64, envelope: &crate::Envelope) -> bool {
        envelope
            .ok_codes
            .iter()
            .any(|ok| ok.parse::<i64>().ok() == Some(code))
    }
}

impl CodeType for str {
    type Ref<'a> = &'a str;
    #[cfg(feature = "alloc")]
    type Owned = alloc::boxed::Box<str>;

    #[cfg(feature = "alloc")]
    fn to_owned_code(code: &str) -> alloc::boxed::Box<str> {
        code.into()
    }

    #[cfg(feature = "alloc")]
    fn borrow_code(code: &alloc::boxed::Box<str>) -> &str {
        code
    }

    fn reborrow<'a>(code: Self::Ref<'static>) -> Self::Ref<'a> {
        code
    }

    /// A string-coded API that sends a number still means the code's decimal text.
    fn with_int<R>(code: i64, f: impl FnOnce(&str) -> R) -> R {
        let mut buffer = [0u8; 20];
        let mut at = buffer.len();
        let mut rest = code.unsigned_abs();
        loop {
            at -= 1;
            buffer[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        let digits = core::str::from_utf8(&buffer[at..]).unwrap_or_default();
        if code < 0 {
            let mut signed = [0u8; 21];
            signed[0] = b'-';
            signed[1..=digits.len()].copy_from_slice(digits.as_bytes());
            f(core::str::from_utf8(&signed[..=digits.len()]).unwrap_or_default())
        } else {
            f(digits)
        }
    }

    fn with_str<R>(code: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
        Some(f(code))
    }

    #[cfg(feature = "serde")]
    fn serialize_code<S: serde::Serializer>(code: &str, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(code)
    }

    fn capture<'a>(
        template: Self::Ref<'static>,
        sent: Self::Ref<'a>,
        name: &str,
    ) -> Option<&'a str> {
        crate::Template::new(template).capture(sent, name)
    }

    fn is_ok(code: &str, envelope: &crate::Envelope) -> bool {
        envelope.is_ok_code(code)
    }
}

mod private {
    pub trait Sealed {}
    impl Sealed for i64 {}
    impl Sealed for str {}
}

/// A code of enum `E`, borrowed for `'a`: `i64` or `&'a str`.
pub type CodeRef<'a, E> = <<E as ErrorCode>::Code as CodeType>::Ref<'a>;

/// Implemented by every enum that [`errcodes!`](crate::errcodes) generates, so code can be
/// generic over catalogs.
///
/// Each generated enum also has inherent methods of the same names, so calling them needs no
/// `use` of this trait.
pub trait ErrorCode:
    Copy + Eq + Ord + Hash + Debug + Display + core::error::Error + Send + Sync + 'static
{
    /// [`i64`] or [`str`].
    type Code: ?Sized + CodeType;

    /// Every variant, in catalog order.
    const ALL: &'static [Self];

    /// The `name` of the catalog the enum comes from, e.g. `"mexc"`.
    const CATALOG: &'static str;

    /// The enum's own name, e.g. `"MexcError"`.
    const ENUM: &'static str;

    /// The field names of the API's JSON error body.
    const ENVELOPE: crate::Envelope;

    /// The code the API sends for this error.
    fn code(self) -> CodeRef<'static, Self>;

    /// The variant for `code`, or `None` when the catalog does not list it.
    fn from_code(code: CodeRef<'_, Self>) -> Option<Self>;

    /// The documented message, byte for byte (also what `Display` prints).
    fn message(self) -> &'static str;

    /// The catalog's longer explanation or remedy, when it has one.
    fn description(self) -> Option<&'static str>;

    /// The variant's name, e.g. `"InvalidSignature"`.
    fn name(self) -> &'static str;

    /// What kind of failure this is.
    fn kind(self) -> ErrorKind;

    /// Whether and how to send the request again.
    fn retry(self) -> Retry;

    /// What a status means at this venue when the body carries no listed code (the catalog's
    /// `[[http]]` rules, in order).
    const HTTP: &'static [crate::HttpRule] = &[];

    /// The venue's own headers that guide retrying (`[catalog.headers]`).
    const HEADERS: crate::HeaderNames = crate::HeaderNames::NONE;

    /// The variant that the server's `message` (or the envelope's `detail` field) selects among
    /// this code's documented meanings (`[[enum.error.refine]]`); `self` when none matches or
    /// the code has one meaning.
    fn refine(self, message: &str, detail: Option<&str>) -> Self {
        let _ = (message, detail);
        self
    }

    /// True for a variant that refines another one's code by its message or detail.
    fn is_refinement(self) -> bool {
        false
    }

    /// Where the wait before a retry comes from, when the catalog declares it.
    fn retry_after_rule(self) -> Option<crate::RetryAfterRule> {
        None
    }
}

/// A code that enum `E` does not list: the error of `TryFrom` on a generated enum.
///
/// Carries the code itself, so nothing the server said is lost.
pub struct UnknownCode<'a, E: ErrorCode> {
    code: CodeRef<'a, E>,
}

impl<'a, E: ErrorCode> UnknownCode<'a, E> {
    /// Wraps a code that `E` does not list.
    pub fn new(code: CodeRef<'a, E>) -> Self {
        UnknownCode { code }
    }

    /// The code that was not found.
    pub fn code(&self) -> CodeRef<'a, E> {
        self.code
    }
}

impl<E: ErrorCode> Clone for UnknownCode<'_, E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E: ErrorCode> Copy for UnknownCode<'_, E> {}

impl<E: ErrorCode> PartialEq for UnknownCode<'_, E> {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

impl<E: ErrorCode> Eq for UnknownCode<'_, E> {}

impl<E: ErrorCode> Debug for UnknownCode<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UnknownCode")
            .field("enum", &E::ENUM)
            .field("code", &self.code)
            .finish()
    }
}

impl<E: ErrorCode> Display for UnknownCode<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "code {:?} is not listed in {} (catalog `{}`)",
            self.code,
            E::ENUM,
            E::CATALOG
        )
    }
}

impl<E: ErrorCode> core::error::Error for UnknownCode<'_, E> {}
