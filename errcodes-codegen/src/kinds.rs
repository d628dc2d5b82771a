//! The names of `errcodes_runtime::ErrorKind` and `Retry`, in the runtime's declaration order
//! (generated code indexes `ErrorKind::ALL` and `Retry::ALL` with these positions;
//! `tests/tests/test_engine_runtime_agree.rs` proves the orders agree).

/// An `ErrorKind`, as its position in [`KIND_NAMES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Kind(pub u8);

/// A `Retry`, as its position in [`RETRY_NAMES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RetryAdvice(pub u8);

/// Every kind's catalog name, in the runtime's order.
pub const KIND_NAMES: &[&str] = &[
    "authentication",
    "invalid_timestamp",
    "permission_denied",
    "account_restricted",
    "invalid_request",
    "invalid_symbol",
    "insufficient_funds",
    "invalid_order",
    "not_found",
    "conflict",
    "rate_limited",
    "unavailable",
    "timeout",
    "internal",
    "other",
];

/// One line on what each kind means, in the order of [`KIND_NAMES`] (the README's table).
const KIND_MEANINGS: [&str; 15] = [
    "API key, signature or credential missing or wrong",
    "timestamp, recvWindow or request time out of range",
    "valid key lacking a permission (scope, IP allow-list, symbol)",
    "account or user banned, frozen, abnormal, under risk control",
    "missing, malformed or unsupported parameter or operation",
    "symbol, pair or currency does not exist or is not tradable",
    "not enough balance or position",
    "order breaks a trading rule (size, price, type, limits)",
    "order, record, user or resource does not exist",
    "already in progress, already done, duplicate",
    "too many requests",
    "service or feature temporarily unavailable, maintenance",
    "timed out; may or may not have taken effect",
    "server failure; may or may not have taken effect",
    "nothing else fits",
];

/// Every retry advice's catalog name, in the runtime's order.
pub const RETRY_NAMES: &[&str] = &["never", "backoff", "verify_first"];

/// What each retry advice tells the caller to do, in the order of [`RETRY_NAMES`].
const RETRY_MEANINGS: [&str; 3] = [
    "fix the request first; sending it again unchanged fails the same way",
    "safe to send again later, after waiting",
    "the outcome is unknown: query the order, transfer or balance before sending again",
];

impl Kind {
    /// The kind named `name` in a catalog.
    pub fn from_name(name: &str) -> Option<Kind> {
        KIND_NAMES
            .iter()
            .position(|&known| known == name)
            .map(|at| Kind(at as u8))
    }

    /// The catalog name.
    pub fn name(self) -> &'static str {
        KIND_NAMES[self.0 as usize]
    }

    /// One line on what the kind means.
    pub fn meaning(self) -> &'static str {
        KIND_MEANINGS[self.0 as usize]
    }

    /// The advice an entry of this kind gets when it gives none.
    pub fn default_retry(self) -> RetryAdvice {
        match self.name() {
            "rate_limited" | "unavailable" => RetryAdvice::BACKOFF,
            "timeout" | "internal" => RetryAdvice::VERIFY_FIRST,
            _ => RetryAdvice::NEVER,
        }
    }

    /// `other`: the kind an importer leaves when it is unsure.
    pub const OTHER: Kind = Kind(14);
}

impl RetryAdvice {
    /// Fix the request first.
    pub const NEVER: RetryAdvice = RetryAdvice(0);
    /// Safe to send again later.
    pub const BACKOFF: RetryAdvice = RetryAdvice(1);
    /// Query the outcome before sending again.
    pub const VERIFY_FIRST: RetryAdvice = RetryAdvice(2);

    /// The advice named `name` in a catalog.
    pub fn from_name(name: &str) -> Option<RetryAdvice> {
        RETRY_NAMES
            .iter()
            .position(|&known| known == name)
            .map(|at| RetryAdvice(at as u8))
    }

    /// The catalog name.
    pub fn name(self) -> &'static str {
        RETRY_NAMES[self.0 as usize]
    }

    /// What the advice tells the caller to do.
    pub fn meaning(self) -> &'static str {
        RETRY_MEANINGS[self.0 as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_has_a_meaning() {
        assert_eq!(KIND_NAMES.len(), KIND_MEANINGS.len());
        assert_eq!(RETRY_NAMES.len(), RETRY_MEANINGS.len());
        assert_eq!(Kind::OTHER.name(), "other");
    }
}
