use core::fmt;
use core::str::FromStr;

/// Declares a closed set of names as an enum, from one table: each value's rustdoc, its
/// `snake_case` catalog name and its one-line meaning (plus, for kinds, the default retry
/// advice). The engine, the runtime, the command, the importer and the JSON schema all read
/// these, so a name or a meaning cannot differ between them.
macro_rules! named_values {
    (
        $(#[$meta:meta])*
        pub enum $ty:ident ($what:literal) {
            $(
                $(#[doc = $doc:literal])*
                $variant:ident = $name:literal, $meaning:literal $(=> $retry:ident)?;
            )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $ty {
            $($(#[doc = $doc])* $variant,)+
        }

        impl $ty {
            /// Every value, in declaration order (the order generated tables index).
            ///
            /// ```
            #[doc = concat!("assert_eq!(errcodes_core::", stringify!($ty), "::ALL[0].index(), 0);")]
            /// ```
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The `snake_case` name written in catalogs.
            ///
            /// ```
            #[doc = concat!("let value = errcodes_core::", stringify!($ty), "::ALL[0];")]
            /// assert_eq!(value.as_str().parse(), Ok(value));
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }

            /// One line on what the value means, for tables, editor hints and `errcodes docs`.
            ///
            /// ```
            #[doc = concat!("assert!(!errcodes_core::", stringify!($ty), "::ALL[0].meaning().is_empty());")]
            /// ```
            pub const fn meaning(self) -> &'static str {
                match self {
                    $($ty::$variant => $meaning),+
                }
            }

            /// The position in [`ALL`](Self::ALL): what generated code stores per variant.
            ///
            /// ```
            #[doc = concat!("use errcodes_core::", stringify!($ty), ";")]
            #[doc = concat!("for (at, value) in ", stringify!($ty), "::ALL.iter().enumerate() {")]
            ///     assert_eq!(usize::from(value.index()), at);
            /// }
            /// ```
            pub const fn index(self) -> u8 {
                self as u8
            }
        }

        impl fmt::Display for $ty {
            /// The catalog name.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl FromStr for $ty {
            type Err = ParseNameError;

            /// The value whose catalog name is `s`.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($name => Ok($ty::$variant),)+
                    _ => Err(ParseNameError { what: $what }),
                }
            }
        }

        named_values!(@default_retry $ty $($variant $(=> $retry)?;)+);
    };
    (@default_retry $ty:ident $($variant:ident => $retry:ident;)+) => {
        impl $ty {
            /// The advice an entry of this kind gets when its catalog entry gives none: rate
            /// limits and unavailability back off, timeouts and server failures verify first
            /// (the request may have taken effect), everything else never retries.
            ///
            /// ```
            /// use errcodes_core::{ErrorKind, Retry};
            ///
            /// assert_eq!(ErrorKind::Timeout.default_retry(), Retry::VerifyFirst);
            /// assert_eq!(ErrorKind::InvalidOrder.default_retry(), Retry::Never);
            /// ```
            pub const fn default_retry(self) -> Retry {
                match self {
                    $($ty::$variant => Retry::$retry),+
                }
            }
        }
    };
    (@default_retry $ty:ident $($variant:ident;)+) => {};
}

named_values! {
    /// What went wrong, in terms a caller can act on.
    ///
    /// Every catalog entry has exactly one kind, chosen by one rule for one meaning across
    /// catalogs: every "invalid symbol", "bad symbol" or "pair not found" code is
    /// [`InvalidSymbol`](ErrorKind::InvalidSymbol), whichever exchange sent it.
    ///
    /// In a catalog a kind is written in `snake_case` (`kind = "rate_limited"`).
    ///
    /// ```
    /// use errcodes_core::ErrorKind;
    ///
    /// assert_eq!("insufficient_funds".parse(), Ok(ErrorKind::InsufficientFunds));
    /// assert_eq!(ErrorKind::InsufficientFunds.to_string(), "insufficient_funds");
    /// ```
    pub enum ErrorKind ("error kind") {
        /// The API key, signature or other credential is missing or wrong.
        /// Fix the credentials or the signing code; do not retry as is.
        Authentication = "authentication",
            "API key, signature or credential missing or wrong" => Never;
        /// The request timestamp or receive window is out of range.
        /// Synchronise the clock or widen the window, then send a fresh request.
        InvalidTimestamp = "invalid_timestamp",
            "timestamp, recvWindow or request time out of range" => Never;
        /// The credentials are valid but lack a permission: endpoint scope, IP allow-list,
        /// symbol access, a feature not enabled for the account.
        /// Change the key's or the account's permissions; retrying will not help.
        PermissionDenied = "permission_denied",
            "valid key lacking a permission (scope, IP allow-list, symbol)" => Never;
        /// The account or user is banned, frozen, abnormal or held by risk control.
        /// A person has to look at the account.
        AccountRestricted = "account_restricted",
            "account or user banned, frozen, abnormal, under risk control" => Never;
        /// A parameter is missing, malformed or not supported for this operation.
        /// Fix the request.
        InvalidRequest = "invalid_request",
            "missing, malformed or unsupported parameter or operation" => Never;
        /// The symbol, trading pair or currency does not exist or is not tradable here.
        /// Check the symbol against the exchange's list.
        InvalidSymbol = "invalid_symbol",
            "symbol, pair or currency does not exist or is not tradable" => Never;
        /// Not enough balance or position for the operation.
        /// Lower the amount or add funds.
        InsufficientFunds = "insufficient_funds",
            "not enough balance or position" => Never;
        /// The order breaks a trading rule: size, price, precision, order type, open-order limits.
        /// Adjust the order to the symbol's rules.
        InvalidOrder = "invalid_order",
            "order breaks a trading rule (size, price, type, limits)" => Never;
        /// The order, record, user or other resource does not exist.
        /// Check the identifier; it may have been filled, cancelled or removed.
        NotFound = "not_found",
            "order, record, user or resource does not exist" => Never;
        /// The operation is already in progress, already done, or duplicates another.
        /// Query the current state instead of sending it again.
        Conflict = "conflict",
            "already in progress, already done, duplicate" => Never;
        /// Too many requests.
        /// Back off and send again later, at a lower rate.
        RateLimited = "rate_limited",
            "too many requests" => Backoff;
        /// The service or feature is temporarily unavailable (maintenance, suspension, overload).
        /// Back off and send again later.
        Unavailable = "unavailable",
            "service or feature temporarily unavailable, maintenance" => Backoff;
        /// The request timed out; it may or may not have taken effect.
        /// Query the outcome before sending it again.
        Timeout = "timeout",
            "timed out; may or may not have taken effect" => VerifyFirst;
        /// The server failed while handling the request; it may or may not have taken effect.
        /// Query the outcome before sending it again.
        Internal = "internal",
            "server failure; may or may not have taken effect" => VerifyFirst;
        /// None of the other kinds fits.
        Other = "other",
            "nothing else fits" => Never;
    }
}

named_values! {
    /// What to do about sending the same request again.
    ///
    /// ```
    /// use errcodes_core::Retry;
    ///
    /// assert_eq!("verify_first".parse(), Ok(Retry::VerifyFirst));
    /// ```
    pub enum Retry ("retry advice") {
        /// Sending the same request again will fail the same way: fix the request first.
        Never = "never",
            "fix the request first; sending it again unchanged fails the same way";
        /// Safe to send again later, after a pause that grows with each attempt.
        Backoff = "backoff",
            "safe to send again later, after waiting";
        /// The outcome is unknown: query the order, transfer or balance before sending again,
        /// or the operation may happen twice.
        VerifyFirst = "verify_first",
            "the outcome is unknown: query the order, transfer or balance before sending again";
    }
}

named_values! {
    /// How a value that a response carries (a placeholder of a code or message, a header) says
    /// when to try again: a wait, or a moment in Unix time.
    ///
    /// ```
    /// use errcodes_core::TimeUnit;
    ///
    /// assert_eq!("unix_milliseconds".parse(), Ok(TimeUnit::UnixMilliseconds));
    /// ```
    pub enum TimeUnit ("time unit") {
        /// A wait in seconds (`Retry-After: 30`).
        Seconds = "seconds", "a wait in seconds";
        /// A wait in milliseconds.
        Milliseconds = "milliseconds", "a wait in milliseconds";
        /// A moment in seconds since the Unix epoch (Kraken's `EService: Throttled: 1764700000`).
        UnixSeconds = "unix_seconds", "a moment in seconds since the Unix epoch";
        /// A moment in milliseconds since the Unix epoch (Binance's "IP banned until 1659146400000").
        UnixMilliseconds = "unix_milliseconds", "a moment in milliseconds since the Unix epoch";
    }
}

impl TimeUnit {
    /// `value` in milliseconds: a wait, or for a moment the milliseconds since the Unix epoch.
    /// Saturates: a value too large for `u64` milliseconds is the longest wait (or the
    /// latest moment) there is, never an error, so a huge wait is never read as no wait.
    ///
    /// ```
    /// use errcodes_core::TimeUnit;
    ///
    /// assert_eq!(TimeUnit::Seconds.millis(30), 30_000);
    /// assert_eq!(TimeUnit::UnixSeconds.millis(1_700_000_000), 1_700_000_000_000);
    /// assert_eq!(TimeUnit::UnixMilliseconds.millis(5), 5);
    /// assert_eq!(TimeUnit::Seconds.millis(u64::MAX / 10), u64::MAX);
    /// ```
    pub const fn millis(self, value: u64) -> u64 {
        match self {
            TimeUnit::Seconds | TimeUnit::UnixSeconds => value.saturating_mul(1000),
            TimeUnit::Milliseconds | TimeUnit::UnixMilliseconds => value,
        }
    }

    /// True for a moment in Unix time, whose wait depends on the current time.
    ///
    /// ```
    /// assert!(errcodes_core::TimeUnit::UnixSeconds.is_moment());
    /// ```
    pub const fn is_moment(self) -> bool {
        matches!(self, TimeUnit::UnixSeconds | TimeUnit::UnixMilliseconds)
    }
}

impl ErrorKind {
    /// The value written at `index` of [`ErrorKind::ALL`], as generated tables store it.
    ///
    /// ```
    /// use errcodes_core::ErrorKind;
    ///
    /// assert_eq!(ErrorKind::from_index(ErrorKind::Other.index()), Some(ErrorKind::Other));
    /// assert_eq!(ErrorKind::from_index(200), None);
    /// ```
    pub const fn from_index(index: u8) -> Option<ErrorKind> {
        if (index as usize) < ErrorKind::ALL.len() {
            Some(ErrorKind::ALL[index as usize])
        } else {
            None
        }
    }
}

impl Retry {
    /// The value written at `index` of [`Retry::ALL`], as generated tables store it.
    ///
    /// ```
    /// use errcodes_core::Retry;
    ///
    /// assert_eq!(Retry::from_index(2), Some(Retry::VerifyFirst));
    /// ```
    pub const fn from_index(index: u8) -> Option<Retry> {
        if (index as usize) < Retry::ALL.len() {
            Some(Retry::ALL[index as usize])
        } else {
            None
        }
    }

    /// The more cautious of two pieces of advice, for a reply that carries several errors:
    /// verifying first beats never retrying, which beats backing off.
    ///
    /// ```
    /// use errcodes_core::Retry;
    ///
    /// assert_eq!(Retry::Backoff.most_cautious(Retry::Never), Retry::Never);
    /// assert_eq!(Retry::Never.most_cautious(Retry::VerifyFirst), Retry::VerifyFirst);
    /// ```
    pub const fn most_cautious(self, other: Retry) -> Retry {
        const fn caution(retry: Retry) -> u8 {
            match retry {
                Retry::Backoff => 0,
                Retry::Never => 1,
                Retry::VerifyFirst => 2,
            }
        }
        if caution(other) > caution(self) {
            other
        } else {
            self
        }
    }
}

/// A name that is not one of the `snake_case` names of [`ErrorKind`] or [`Retry`].
///
/// ```
/// let error = "slow".parse::<errcodes_core::ErrorKind>().unwrap_err();
/// assert_eq!(error.to_string(), "unknown error kind name");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseNameError {
    what: &'static str,
}

impl fmt::Display for ParseNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} name", self.what)
    }
}

impl core::error::Error for ParseNameError {}
