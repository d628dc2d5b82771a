use core::fmt::{self, Debug, Display};
use core::hash::Hash;

use crate::{ErrorKind, Retry};

/// The type of the codes of one enum: [`i64`] for numeric codes (MEXC's `700002`),
/// [`str`] for string codes (Kraken's `EOrder:Insufficient funds`).
///
/// Sealed: the engine only generates these two.
///
/// Generic code names a catalog's code type as `E::Code`:
///
/// ```
/// # errcodes_runtime::errcodes!("catalogs/kraken.toml");
/// use errcodes_runtime::{CodeType, ErrorCode};
///
/// // Keeps the code of any catalog's error, whatever its type.
/// fn owned_code<E: ErrorCode>(error: E) -> <E::Code as CodeType>::Owned {
///     E::Code::to_owned_code(error.code())
/// }
///
/// let code: Box<str> = owned_code(KrakenError::EOrderInsufficientFunds);
/// assert_eq!(&*code, "EOrder:Insufficient funds");
/// ```
pub trait CodeType: private::Sealed + 'static {
    /// How a code is passed around: `i64` by value, `&'a str` by reference.
    ///
    /// ```
    /// use errcodes_runtime::CodeType;
    ///
    /// let numeric: <i64 as CodeType>::Ref<'_> = 700002;
    /// let text: <str as CodeType>::Ref<'_> = "EOrder:Insufficient funds";
    /// assert_eq!(numeric.to_string(), "700002");
    /// assert_eq!(text.len(), 25);
    /// ```
    type Ref<'a>: Copy + Eq + Ord + Hash + Debug + Display;

    /// How an [`ApiError`](crate::ApiError) keeps a code it does not know: `i64`, or a
    /// `Box<str>` (the only allocation an unknown string code costs).
    ///
    /// ```
    /// use errcodes_runtime::CodeType;
    ///
    /// let owned: <str as CodeType>::Owned = "EGeneral:Unknown".into();
    /// assert_eq!(owned, Box::<str>::from("EGeneral:Unknown"));
    /// ```
    #[cfg(feature = "alloc")]
    type Owned: Clone + Eq + Ord + Hash + Debug + Display + Send + Sync + 'static;

    /// Copies a borrowed code.
    ///
    /// ```
    /// use errcodes_runtime::CodeType;
    ///
    /// assert_eq!(<i64 as CodeType>::to_owned_code(700002), 700002);
    /// let owned = <str as CodeType>::to_owned_code("EOrder:Insufficient funds");
    /// assert_eq!(&*owned, "EOrder:Insufficient funds");
    /// ```
    #[cfg(feature = "alloc")]
    fn to_owned_code(code: Self::Ref<'_>) -> Self::Owned;

    /// Borrows an owned code.
    ///
    /// ```
    /// use errcodes_runtime::CodeType;
    ///
    /// let owned = <str as CodeType>::to_owned_code("EOrder:Insufficient funds");
    /// assert_eq!(<str as CodeType>::borrow_code(&owned), "EOrder:Insufficient funds");
    /// assert_eq!(<i64 as CodeType>::borrow_code(&700002), 700002);
    /// ```
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
}

mod private {
    pub trait Sealed {}
    impl Sealed for i64 {}
    impl Sealed for str {}
}

/// A code of enum `E`, borrowed for `'a`: `i64` or `&'a str`.
///
/// ```
/// mod mexc {
///     errcodes_runtime::errcodes!("catalogs/mexc.toml");
/// }
/// mod kraken {
///     errcodes_runtime::errcodes!("catalogs/kraken.toml");
/// }
/// use errcodes_runtime::CodeRef;
/// use kraken::KrakenError;
/// use mexc::MexcError;
///
/// let numeric: CodeRef<'_, MexcError> = 700002;
/// let text: CodeRef<'_, KrakenError> = "EOrder:Insufficient funds";
/// assert_eq!(MexcError::from_code(numeric), Some(MexcError::InvalidSignature));
/// assert_eq!(KrakenError::from_code(text), Some(KrakenError::EOrderInsufficientFunds));
/// ```
pub type CodeRef<'a, E> = <<E as ErrorCode>::Code as CodeType>::Ref<'a>;

/// Implemented by every enum that [`errcodes!`](crate::errcodes) generates, so code can be
/// generic over catalogs.
///
/// Each generated enum also has inherent methods of the same names, so calling them needs no
/// `use` of this trait.
///
/// ```
/// mod mexc {
///     errcodes_runtime::errcodes!("catalogs/mexc.toml");
/// }
/// mod kraken {
///     errcodes_runtime::errcodes!("catalogs/kraken.toml");
/// }
/// use errcodes_runtime::ErrorCode;
///
/// // One log line for an error of any catalog.
/// fn describe<E: ErrorCode>(error: E) -> String {
///     format!("{} {} ({}): {}", E::CATALOG, error.code(), error.kind(), error.message())
/// }
///
/// assert_eq!(
///     describe(mexc::MexcError::InvalidSignature),
///     "mexc 700002 (authentication): Signature for this request is not valid"
/// );
/// assert_eq!(
///     describe(kraken::KrakenError::EOrderInsufficientFunds),
///     "kraken EOrder:Insufficient funds (insufficient_funds): Client does not have the necessary funds"
/// );
/// ```
pub trait ErrorCode:
    Copy + Eq + Ord + Hash + Debug + Display + core::error::Error + Send + Sync + 'static
{
    /// [`i64`] or [`str`].
    ///
    /// ```
    /// use core::any::TypeId;
    /// use errcodes_runtime::ErrorCode;
    ///
    /// mod mexc {
    ///     errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// }
    /// mod kraken {
    ///     errcodes_runtime::errcodes!("catalogs/kraken.toml");
    /// }
    ///
    /// fn code_type<E: ErrorCode>() -> TypeId {
    ///     TypeId::of::<E::Code>()
    /// }
    ///
    /// assert_eq!(code_type::<mexc::MexcError>(), TypeId::of::<i64>());
    /// assert_eq!(code_type::<kraken::KrakenError>(), TypeId::of::<str>());
    /// ```
    type Code: ?Sized + CodeType;

    /// Every variant, in catalog order.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::ErrorCode;
    ///
    /// assert_eq!(<MexcError as ErrorCode>::ALL[0], MexcError::UnknownOrder);
    /// assert!(<MexcError as ErrorCode>::ALL.contains(&MexcError::InvalidSignature));
    /// ```
    const ALL: &'static [Self];

    /// The `name` of the catalog the enum comes from, e.g. `"mexc"`.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::ErrorCode;
    ///
    /// assert_eq!(<MexcError as ErrorCode>::CATALOG, "mexc");
    /// ```
    const CATALOG: &'static str;

    /// The enum's own name, e.g. `"MexcError"`.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::ErrorCode;
    ///
    /// assert_eq!(<MexcError as ErrorCode>::ENUM, "MexcError");
    /// ```
    const ENUM: &'static str;

    /// The field names of the API's JSON error body.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::ErrorCode;
    ///
    /// let envelope = <MexcError as ErrorCode>::ENVELOPE;
    /// assert_eq!((envelope.code, envelope.message), ("code", "msg"));
    /// assert_eq!(envelope.ok_codes, &["0", "200"]);
    /// ```
    const ENVELOPE: crate::Envelope;

    /// The code the API sends for this error.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::code(MexcError::InvalidSignature), 700002);
    /// ```
    fn code(self) -> CodeRef<'static, Self>;

    /// The variant for `code`, or `None` when the catalog does not list it.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::ErrorCode;
    ///
    /// assert_eq!(<MexcError as ErrorCode>::from_code(700002), Some(MexcError::InvalidSignature));
    /// assert_eq!(<MexcError as ErrorCode>::from_code(1), None);
    /// ```
    fn from_code(code: CodeRef<'_, Self>) -> Option<Self>;

    /// The variant a WebSocket answer's `code` names: the catalog's WebSocket-only sections
    /// (`websocket = true`) first, then the others, as [`from_code`](ErrorCode::from_code)
    /// finds them. A venue can give a code one meaning on its order-entry socket and another
    /// in REST bodies: Bybit's 10003 is "too many sessions" on the socket and "API key is
    /// invalid" over REST. [`read_frame`](crate::websocket::read_frame) looks codes up with it.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/bybit.toml");
    /// use errcodes_runtime::{ErrorCode, ErrorKind};
    ///
    /// let rest = <bybit::Code as ErrorCode>::from_code(10003).map(ErrorCode::kind);
    /// let socket = <bybit::Code as ErrorCode>::from_frame_code(10003).map(ErrorCode::kind);
    /// assert_eq!(rest, Some(ErrorKind::Authentication));
    /// assert_eq!(socket, Some(ErrorKind::RateLimited));
    /// ```
    #[inline]
    fn from_frame_code(code: CodeRef<'_, Self>) -> Option<Self> {
        Self::from_code(code)
    }

    /// The documented message, byte for byte (also what `Display` prints).
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::ErrorCode;
    ///
    /// let error = MexcError::InvalidSignature;
    /// assert_eq!(ErrorCode::message(error), "Signature for this request is not valid");
    /// assert_eq!(error.to_string(), ErrorCode::message(error));
    /// ```
    fn message(self) -> &'static str;

    /// The catalog's longer explanation or remedy, when it has one.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::ErrorCode;
    ///
    /// let description = ErrorCode::description(MexcError::InvalidSignature).unwrap();
    /// assert!(description.starts_with("Signature verification failed."));
    /// assert_eq!(ErrorCode::description(MexcError::SignatureRequired), None);
    /// ```
    fn description(self) -> Option<&'static str>;

    /// The variant's name, e.g. `"InvalidSignature"`.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::name(MexcError::InvalidSignature), "InvalidSignature");
    /// ```
    fn name(self) -> &'static str;

    /// What kind of failure this is.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::ErrorCode;
    ///
    /// use errcodes_runtime::ErrorKind;
    ///
    /// assert_eq!(ErrorCode::kind(MexcError::InvalidSignature), ErrorKind::Authentication);
    /// assert_eq!(ErrorCode::kind(MexcError::TooManyRequests), ErrorKind::RateLimited);
    /// ```
    fn kind(self) -> ErrorKind;

    /// Whether and how to send the request again.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::ErrorCode;
    ///
    /// use errcodes_runtime::Retry;
    ///
    /// assert_eq!(ErrorCode::retry(MexcError::InvalidSignature), Retry::Never);
    /// assert_eq!(ErrorCode::retry(MexcError::TooManyRequests), Retry::Backoff);
    /// assert_eq!(ErrorCode::retry(MexcError::UnknownOrder), Retry::VerifyFirst);
    /// ```
    fn retry(self) -> Retry;

    /// What a status means at this venue when the body carries no listed code (the catalog's
    /// `[[http]]` rules, in order).
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::ErrorCode;
    ///
    /// use errcodes_runtime::{HttpRule, Retry};
    ///
    /// let rule = HttpRule::find(<MexcError as ErrorCode>::HTTP, 504, "").unwrap();
    /// assert_eq!(rule.name, "GatewayTimeout");
    /// assert_eq!(rule.retry, Retry::VerifyFirst);
    /// assert!(HttpRule::find(<MexcError as ErrorCode>::HTTP, 502, "").is_none());
    /// ```
    const HTTP: &'static [crate::HttpRule] = &[];

    /// The venue's own headers that guide retrying (`[catalog.headers]`).
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/stripe.toml");
    /// use errcodes_runtime::ErrorCode;
    ///
    /// assert_eq!(<StripeError as ErrorCode>::HEADERS.should_retry, Some("Stripe-Should-Retry"));
    /// assert_eq!(<StripeError as ErrorCode>::HEADERS.reset_unix_ms, None);
    /// ```
    const HEADERS: crate::HeaderNames = crate::HeaderNames::NONE;

    /// How the venue's WebSocket API writes its answers (`[catalog.websocket]`); a catalog
    /// without one reads frames with its REST envelope and no frame fields.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::ErrorCode;
    ///
    /// let frames = <MexcError as ErrorCode>::WEBSOCKET;
    /// assert_eq!(frames.id, None);
    /// assert_eq!(frames.envelope, <MexcError as ErrorCode>::ENVELOPE);
    /// ```
    const WEBSOCKET: crate::WebSocketEnvelope = crate::WebSocketEnvelope {
        envelope: Self::ENVELOPE,
        ..crate::WebSocketEnvelope::NONE
    };

    /// The variant that the server's `message` (or the envelope's `detail` field) selects among
    /// this code's documented meanings (`[[enum.error.refine]]`); `self` when none matches or
    /// the code has one meaning.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::ErrorCode;
    ///
    /// let signature =
    ///     "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.";
    /// let refined = ErrorCode::refine(MexcError::OrderIdRequired, signature, None);
    /// assert_eq!(refined, MexcError::SignatureRequired);
    /// let unchanged = ErrorCode::refine(MexcError::OrderIdRequired, "orderId is empty", None);
    /// assert_eq!(unchanged, MexcError::OrderIdRequired);
    /// ```
    fn refine(self, message: &str, detail: Option<&str>) -> Self {
        let _ = (message, detail);
        self
    }

    /// True for a variant that refines another one's code by its message or detail.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::ErrorCode;
    ///
    /// assert!(ErrorCode::is_refinement(MexcError::SignatureRequired));
    /// assert!(!ErrorCode::is_refinement(MexcError::OrderIdRequired));
    /// ```
    fn is_refinement(self) -> bool {
        false
    }

    /// Where the wait before a retry comes from, when the catalog declares it.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/kraken.toml");
    /// use errcodes_runtime::ErrorCode;
    ///
    /// use errcodes_runtime::TimeUnit;
    ///
    /// // Kraken sends `EService: Throttled: 1700000000`: the code says until when.
    /// let throttled = KrakenRateLimitError::EServiceThrottledUnixTimestamp;
    /// let rule = ErrorCode::retry_after_rule(throttled).unwrap();
    /// assert_eq!((rule.from, rule.unit), ("until", TimeUnit::UnixSeconds));
    /// assert_eq!(ErrorCode::retry_after_rule(KrakenError::EOrderInsufficientFunds), None);
    /// ```
    fn retry_after_rule(self) -> Option<crate::RetryAfterRule> {
        None
    }
}

/// A code that enum `E` does not list: the error of `TryFrom` on a generated enum.
///
/// Carries the code itself, so nothing the server said is lost.
///
/// ```
/// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
/// let unknown = MexcError::try_from(1).unwrap_err();
/// assert_eq!(unknown.code(), 1);
/// assert_eq!(unknown.to_string(), "code 1 is not listed in MexcError (catalog `mexc`)");
/// ```
pub struct UnknownCode<'a, E: ErrorCode> {
    code: CodeRef<'a, E>,
}

impl<'a, E: ErrorCode> UnknownCode<'a, E> {
    /// Wraps a code that `E` does not list.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/mexc.toml");
    /// use errcodes_runtime::UnknownCode;
    ///
    /// let unknown = UnknownCode::<MexcError>::new(1);
    /// assert_eq!(unknown, MexcError::try_from(1).unwrap_err());
    /// ```
    pub fn new(code: CodeRef<'a, E>) -> Self {
        UnknownCode { code }
    }

    /// The code that was not found.
    ///
    /// ```
    /// # errcodes_runtime::errcodes!("catalogs/kraken.toml");
    /// let unknown = KrakenError::try_from("EGeneral:Something new").unwrap_err();
    /// assert_eq!(unknown.code(), "EGeneral:Something new");
    /// ```
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
