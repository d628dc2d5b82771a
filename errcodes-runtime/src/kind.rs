use core::fmt;
use core::str::FromStr;

/// What went wrong, in terms a caller can act on.
///
/// Every catalog entry has exactly one kind, chosen by one rule for one meaning across
/// catalogs: every "invalid symbol", "bad symbol" or "pair not found" code is
/// [`InvalidSymbol`](ErrorKind::InvalidSymbol), whichever exchange sent it.
///
/// In a catalog a kind is written in `snake_case` (`kind = "rate_limited"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ErrorKind {
    /// The API key, signature or other credential is missing or wrong.
    /// Fix the credentials or the signing code; do not retry as is.
    Authentication,
    /// The request timestamp or receive window is out of range.
    /// Synchronise the clock or widen the window, then send a fresh request.
    InvalidTimestamp,
    /// The credentials are valid but lack a permission: endpoint scope, IP allow-list, symbol access.
    /// Change the key's permissions; retrying will not help.
    PermissionDenied,
    /// The account or user is banned, frozen, abnormal or held by risk control.
    /// A person has to look at the account.
    AccountRestricted,
    /// A parameter is missing, malformed or not supported for this operation.
    /// Fix the request.
    InvalidRequest,
    /// The symbol, trading pair or currency does not exist or is not tradable here.
    /// Check the symbol against the exchange's list.
    InvalidSymbol,
    /// Not enough balance or position for the operation.
    /// Lower the amount or add funds.
    InsufficientFunds,
    /// The order breaks a trading rule: size, price, precision, order type, open-order limits.
    /// Adjust the order to the symbol's rules.
    InvalidOrder,
    /// The order, record, user or other resource does not exist.
    /// Check the identifier; it may have been filled, cancelled or removed.
    NotFound,
    /// The operation is already in progress, already done, or duplicates another.
    /// Query the current state instead of sending it again.
    Conflict,
    /// Too many requests.
    /// Back off and send again later, at a lower rate.
    RateLimited,
    /// The service or feature is temporarily unavailable (maintenance, suspension, overload).
    /// Back off and send again later.
    Unavailable,
    /// The request timed out; it may or may not have taken effect.
    /// Query the outcome before sending it again.
    Timeout,
    /// The server failed while handling the request; it may or may not have taken effect.
    /// Query the outcome before sending it again.
    Internal,
    /// None of the other kinds fits.
    Other,
}

/// What to do about sending the same request again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Retry {
    /// Sending the same request again will fail the same way: fix the request first.
    Never,
    /// Safe to send again later, after a pause that grows with each attempt.
    Backoff,
    /// The outcome is unknown: query the order, transfer or balance before sending again,
    /// or the operation may happen twice.
    VerifyFirst,
}

macro_rules! snake_case_names {
    ($ty:ident, $what:literal, $($variant:ident = $name:literal),+ $(,)?) => {
        impl $ty {
            /// Every value, in declaration order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The `snake_case` name used in catalogs.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl FromStr for $ty {
            type Err = ParseNameError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($name => Ok($ty::$variant),)+
                    _ => Err(ParseNameError { what: $what }),
                }
            }
        }
    };
}

snake_case_names!(
    ErrorKind,
    "error kind",
    Authentication = "authentication",
    InvalidTimestamp = "invalid_timestamp",
    PermissionDenied = "permission_denied",
    AccountRestricted = "account_restricted",
    InvalidRequest = "invalid_request",
    InvalidSymbol = "invalid_symbol",
    InsufficientFunds = "insufficient_funds",
    InvalidOrder = "invalid_order",
    NotFound = "not_found",
    Conflict = "conflict",
    RateLimited = "rate_limited",
    Unavailable = "unavailable",
    Timeout = "timeout",
    Internal = "internal",
    Other = "other",
);

snake_case_names!(
    Retry,
    "retry advice",
    Never = "never",
    Backoff = "backoff",
    VerifyFirst = "verify_first",
);

impl ErrorKind {
    /// The advice for a kind when the catalog entry gives none:
    /// [`RateLimited`](ErrorKind::RateLimited) and [`Unavailable`](ErrorKind::Unavailable)
    /// back off, [`Timeout`](ErrorKind::Timeout) and [`Internal`](ErrorKind::Internal)
    /// verify first, every other kind never retries.
    pub const fn default_retry(self) -> Retry {
        match self {
            ErrorKind::RateLimited | ErrorKind::Unavailable => Retry::Backoff,
            ErrorKind::Timeout | ErrorKind::Internal => Retry::VerifyFirst,
            _ => Retry::Never,
        }
    }
}

/// A name that is not one of the `snake_case` names of [`ErrorKind`] or [`Retry`].
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
