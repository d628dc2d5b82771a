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
}

impl CodeType for i64 {
    type Ref<'a> = i64;
}

impl CodeType for str {
    type Ref<'a> = &'a str;
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
