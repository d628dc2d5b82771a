//! Suggests an entry's kind (and, rarely, retry advice) from its words, for `errcodes import`.
//!
//! The rules are data: an ordered table, first match wins, so a more specific rule sits before
//! a broader one ("insufficient permissions" is a permission problem, not missing funds). The
//! suggestions are a starting point for a person to review, which is why the importer says so
//! in the file it writes.
//!
//! Text is normalized before matching: lower-cased, every character that is not an ASCII letter
//! or digit becomes a space (`Request-Time` → `request time`, `doesn't` → `doesn t`). A phrase
//! matches whole words, except that `*` at its end lets the last word be a prefix
//! (`insufficien*` matches `insufficient` and `insufficiency`) and `*` at its start lets the
//! first word end another one (`*authoriz*` matches `unauthorized`).

use errcodes_codegen::{ErrorKind, Retry};

/// One rule: `kind` applies when, for each group of `all_of`, the text contains one of the
/// group's phrases, and it contains none of `none_of`.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// The kind's catalog name.
    pub kind: &'static str,
    /// Groups of alternative phrases; every group must match.
    pub all_of: &'static [&'static [&'static str]],
    /// Phrases that keep the rule from applying (a word used in another sense).
    pub none_of: &'static [&'static str],
}

const fn any(kind: &'static str, phrases: &'static [&'static [&'static str]]) -> Rule {
    Rule {
        kind,
        all_of: phrases,
        none_of: &[],
    }
}

impl Rule {
    const fn except(self, none_of: &'static [&'static str]) -> Rule {
        Rule { none_of, ..self }
    }
}

/// Words naming the size or value of an order, for the invalid-order rules.
const ORDER_VALUES: &[&str] = &[
    "order*",
    "price*",
    "quantity",
    "qty",
    "amount*",
    "volume",
    "size",
    "position*",
    "lot*",
    "notional",
    "withdraw*",
    "transfer*",
];

/// The kind rules, most specific first; the first rule that matches gives the kind.
pub const RULES: &[Rule] = &[
    // First: a throttled request often names what it was doing ("Bulk login requests too
    // frequent", "Throttled: [UNIX timestamp]"), and being throttled is what the caller acts on.
    any(
        "rate_limited",
        &[&[
            "too many requests",
            "too many request",
            "rate limit*",
            "frequency",
            "frequent*",
            "throttl*",
        ]],
    ),
    // A key that works but may not do this: a permission, before any API-key rule.
    any(
        "permission_denied",
        &[
            &["api key*", "apikey*", "key"],
            &["read only", "permission*", "not permitted"],
        ],
    )
    .except(&[
        "permission does not exist",
        "permission not exist",
        "invalid permission*",
    ]),
    // "Too many orders. Try again later.": a count that waiting resets is a rate limit.
    any(
        "rate_limited",
        &[
            &["too many"],
            &["try again later", "retry later", "slow down", "wait"],
        ],
    ),
    any(
        "authentication",
        &[&[
            "signature*",
            "sign",
            "*authoriz*",
            "authenticat*",
            "token expired",
            "passphrase",
            "credential*",
            "no authority",
            "login*",
            "log in",
            "invalid key",
        ]],
    )
    // A multi-signature wallet group is not a request signature.
    .except(&["multi signature*", "multisig*"]),
    // An API key is often the subject of a management endpoint ("API KEY remarks cannot be
    // null"); only a key that is missing or wrong is an authentication failure.
    any(
        "authentication",
        &[
            &["api key*", "apikey*", "access key*"],
            &[
                "invalid",
                "required",
                "missing",
                "format",
                "incorrect",
                "expired",
                "wrong",
                "not valid",
                "does not exist",
                "doesn t exist",
                "not exist",
                "not exists",
                "not found",
                "not match",
                "mismatch",
            ],
        ],
    ),
    // The request collides with the state of orders or positions: a conflict, whatever word
    // forbids it ("Operation forbidden with pending orders", "You have BTC open orders").
    any(
        "conflict",
        &[&[
            "pending order*",
            "open order*",
            "open position*",
            "pending close order*",
            "has been triggered",
            "partially triggered",
            "has been canceled",
            "has been cancelled",
            "has been completed",
            "has been filled",
            "already filled",
            "already canceled",
            "already cancelled",
            "cancel these orders",
            "close these positions",
            "cancel all pending",
        ]],
    )
    // A cap on how many orders may be open is a trading rule; missing orders are not found.
    .except(&[
        "insufficien*",
        "exceed*",
        "more than",
        "limit",
        "limits",
        "don t have",
        "do not have",
        "does not exist",
        "not exist",
        "at the same time",
    ]),
    // A recvWindow above its maximum is a value to make smaller, not a clock to fix (the rule
    // every catalog's rules block states since issue 17); only a time outside it is a timestamp.
    any(
        "invalid_request",
        &[
            &["recvwindow", "recv window"],
            &["less than", "too large", "too big", "maximum", "exceed*"],
        ],
    )
    .except(&["timestamp*", "outside"]),
    any(
        "invalid_timestamp",
        &[&[
            "timestamp*",
            "recvwindow",
            "recv window",
            "request time",
            "nonce",
            "expired request",
            "request expired",
        ]],
    ),
    any(
        "permission_denied",
        &[&[
            "permission*",
            "not allowed to access",
            "whitelist*",
            "white list",
            "allowlist*",
            "allow list",
            "ip",
            "ips",
            "access denied",
            "forbidden",
            "prohibit*",
            "ineligible",
            "not eligible",
            "not permitted",
            "read only",
        ]],
    ),
    any(
        "account_restricted",
        &[&[
            "frozen",
            "freeze",
            "suspended account",
            "account suspended",
            "account is suspended",
            "banned",
            "ban",
            "blocked",
            "restricted account",
            "account restricted",
            "account is restricted",
            "restricted from",
            "kyc",
            "identity verification",
            "verify your identity",
            "compliance",
            "risk control",
            "account is abnormal",
            "detected abnormal",
            "account status",
            "user status",
            "account temporary disabled",
            "account disabled",
        ]],
    ),
    any(
        "account_restricted",
        &[
            &["account", "accounts", "user", "users"],
            &[
                "locked",
                "lock",
                "closed",
                "deactivated",
                "unconfirmed",
                "unverified",
                "not verified",
                "suspended",
            ],
        ],
    )
    .except(&["sub account does not", "position*", "bank account"]),
    any(
        "insufficient_funds",
        &[&[
            "insufficien*",
            "not enough balance",
            "balance is not enough",
            "balance not enough",
            "not enough funds",
            "oversold",
        ]],
    ),
    // A limit on orders names the market it applies to ("Too many orders in one currency
    // pair", "The total amount per order for this pair has reached the upper limit"): the
    // limit decides, so these come before the symbol rules.
    any(
        "invalid_order",
        &[
            ORDER_VALUES,
            &[
                "too many",
                "upper limit",
                "lower limit",
                "limit exceeded",
                "limit reached",
                "reached the limit",
                "reached the upper limit",
                "exceed*",
                "out of range",
                "out of the available range",
                "the range of",
                "more than",
                "up to",
                "at most",
            ],
        ],
    )
    .except(&["try again later"]),
    // The symbol (pair, instrument) is what is wrong, not merely mentioned.
    any(
        "invalid_symbol",
        &[
            &["symbol", "symbols", "instrument*", "pair", "pairs"],
            &[
                "invalid",
                "bad",
                "unknown",
                "wrong",
                "incorrect",
                "illegal",
                "not exist",
                "not exists",
                "does not exist",
                "doesn t exist",
                "not found",
                "not supported",
                "unsupported",
                "not support",
                "not tradable",
                "not trading",
                "not listed",
                "not yet listed",
                "delisted",
                "doesn t support",
                "don t support",
                "isn t supported",
                "not match",
                "doesn t match",
                "does not match",
                "mismatch",
                "not open",
                "offline",
            ],
        ],
    ),
    any(
        "invalid_symbol",
        &[&[
            "unsupported currency",
            "quote asset",
            "instrument id",
            "inst id",
            "invalid pair",
            "unknown asset pair",
        ]],
    ),
    // "currency does not exist", "the current payment currency is not available".
    any(
        "invalid_symbol",
        &[
            &["currency", "currencies", "asset", "assets", "coin", "coins"],
            &[
                "does not exist",
                "doesn t exist",
                "not exist",
                "not supported",
                "not support",
                "unsupported",
                "not available",
                "removed",
                "cannot be used",
                "invalid",
                "unknown",
                "wrong",
                "incorrect",
            ],
        ],
    ),
    any(
        "invalid_order",
        &[
            ORDER_VALUES,
            &[
                "too small",
                "too large",
                "too low",
                "too high",
                "too big",
                "exceed*",
                "minimum",
                "maximum",
                "min",
                "max",
                "less than",
                "greater than",
                "more than",
                "higher than",
                "lower than",
                "precision",
            ],
        ],
    ),
    any(
        "invalid_order",
        &[&[
            "minimum limit",
            "maximum limit",
            "order type*",
            "lot size",
            "tick size",
            "tick",
            "leverage",
            "place order",
            "place an order",
            "market order*",
            "limit order*",
            "post only",
            "reduce only",
            "opponent order",
        ]],
    ),
    any(
        "invalid_order",
        &[
            &["price*", "quantity", "qty", "volume", "order size"],
            &[
                "invalid",
                "no valid",
                "not valid",
                "wrong",
                "incorrect",
                "illegal",
            ],
        ],
    ),
    any(
        "not_found",
        &[&[
            "not found",
            "does not exist",
            "doesn t exist",
            "do not exist",
            "not exist",
            "not exists",
            "no such",
            "cannot be found",
            "could not be found",
            "unknown order",
        ]],
    ),
    any(
        "conflict",
        &[&[
            "already",
            "duplicate*",
            "in progress",
            // "processing" alone is also a noun ("processing limit").
            "operation processing",
            "is processing",
            "being processed",
            "already processing",
            "double",
            "repeated",
            "incomplete",
        ]],
    ),
    any(
        "unavailable",
        &[&[
            "maintenance",
            "unavailable",
            "not available",
            "busy",
            "suspended temporarily",
            "temporarily suspended",
            "out of service",
            "disabled",
            "offline",
            "suspended",
            "being settled",
            "under delivery",
        ]],
    ),
    any(
        "timeout",
        &[&[
            "timeout*",
            "time out",
            "timed out",
            "deadline elapsed",
            "deadline exceeded",
        ]],
    ),
    any(
        "internal",
        &[&[
            "internal error",
            "internal system error",
            "internal server error",
            "server error",
            "system error",
            "unknown error",
        ]],
    ),
    // After `internal`: "Server error, please try again later" is a server failure first.
    any(
        "unavailable",
        &[&["try again later", "please try again", "retry later"]],
    ),
    any(
        "invalid_request",
        &[&[
            "parameter*",
            "param",
            "params",
            "argument*",
            "invalid",
            "illegal",
            "missing",
            "required",
            "must",
            "cannot be empty",
            "cannot be null",
            "can not be empty",
            "can not be null",
            "cannot be blank",
            "empty",
            "null",
            "format",
            "malformed",
            "not supported",
            "unsupported",
            "not support*",
            "isn t supported",
            "doesn t support*",
            "don t support*",
            "does not support*",
            "not allowed",
            "isn t allowed",
            "cannot be",
            "can t be",
            "too long",
            "decimal places",
            "negative",
            "wrong",
            "incorrect",
            "is error",
        ]],
    ),
];

/// The retry rule: the documentation tells the caller to look at the outcome before sending
/// the request again (`retry = "verify_first"`).
pub const VERIFY_FIRST: Rule = any(
    "verify_first",
    &[
        &[
            "query",
            "queries",
            "check whether",
            "confirm whether",
            "verify whether",
            "check the request result",
            "check the result",
        ],
        &[
            "before retry*",
            "before resubmit*",
            "before resending",
            "before sending again",
            "before submitting again",
            "request result",
            "already succeeded",
            "already completed",
            "may or may not",
        ],
    ],
);

/// Lower-cased words of ASCII letters and digits, separated and surrounded by single spaces.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// Whether the normalized `text` contains `phrase` (see the module docs for `*`).
fn contains(text: &str, phrase: &str) -> bool {
    let (open_start, phrase) = match phrase.strip_prefix('*') {
        Some(rest) => (true, rest),
        None => (false, phrase),
    };
    let (open_end, phrase) = match phrase.strip_suffix('*') {
        Some(rest) => (true, rest),
        None => (false, phrase),
    };
    let core = normalize(phrase);
    let core = core.trim();
    let needle = format!(
        "{}{core}{}",
        if open_start { "" } else { " " },
        if open_end { "" } else { " " }
    );
    text.contains(&needle)
}

impl Rule {
    /// Whether the rule applies to normalized text.
    fn matches(&self, normalized: &str) -> bool {
        self.all_of
            .iter()
            .all(|group| group.iter().any(|phrase| contains(normalized, phrase)))
            && !self
                .none_of
                .iter()
                .any(|phrase| contains(normalized, phrase))
    }
}

/// The first kind of [`RULES`] matching `text`, if any.
fn first_match(text: &str) -> Option<ErrorKind> {
    let normalized = normalize(text);
    RULES
        .iter()
        .find(|rule| rule.matches(&normalized))
        .map(|rule| {
            rule.kind
                .parse::<ErrorKind>()
                .expect("rule kinds are valid kind names")
        })
}

/// The first sentence of a description: it restates what went wrong, while the rest lists
/// remedies ("check the API key, the balance and the symbol") that name every kind at once.
fn first_sentence(text: &str) -> &str {
    text.find(". ").map_or(text, |end| &text[..end])
}

/// The suggested kind of an entry, from its texts in the order they name the failure most
/// tersely: `name` (a Name column or a string code such as `EOrder:Insufficient funds`), then
/// the message, then the first sentence of the description. The first text that matches a
/// rule decides. `other` when none does: a kind left at `other` is flagged by
/// `errcodes check`, a wrong guess is not, so the rules stay conservative.
pub fn suggest(name: Option<&str>, message: &str, description: Option<&str>) -> ErrorKind {
    name.and_then(first_match)
        .or_else(|| first_match(message))
        .or_else(|| description.map(first_sentence).and_then(first_match))
        .unwrap_or(ErrorKind::Other)
}

/// `Some(verify_first)` when `text` says to check the outcome before retrying and `kind`'s
/// default advice is not already that; `None` leaves the kind's default.
pub fn suggest_retry(kind: ErrorKind, text: &str) -> Option<Retry> {
    if kind.default_retry() == Retry::VerifyFirst {
        return None;
    }
    VERIFY_FIRST
        .matches(&normalize(text))
        .then_some(Retry::VerifyFirst)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(message: &str) -> &'static str {
        suggest(None, message, None).as_str()
    }

    #[test]
    fn every_rule_names_a_kind_and_has_phrases() {
        for rule in RULES {
            assert!(
                rule.kind.parse::<ErrorKind>().ok().is_some(),
                "{}",
                rule.kind
            );
            assert!(!rule.all_of.is_empty());
            for group in rule.all_of {
                assert!(!group.is_empty(), "{}", rule.kind);
                for phrase in *group {
                    assert_eq!(phrase.trim(), *phrase);
                    assert!(!normalize(phrase).trim().is_empty(), "{phrase}");
                }
            }
        }
    }

    #[test]
    fn phrases_match_whole_words_unless_starred() {
        let text = normalize("Your IP isn't on the ship's list; unauthorized!");
        assert!(contains(&text, "ip"));
        assert!(contains(&text, "isn t"));
        assert!(!contains(&text, "shi"));
        assert!(contains(&text, "shi*"));
        assert!(!contains(&text, "authoriz*"));
        assert!(contains(&text, "*authoriz*"));
        assert!(!contains(&normalize("relationship"), "ip"));
    }

    #[test]
    fn suggests_each_kind() {
        let cases = [
            ("Signature for this request is not valid", "authentication"),
            ("api key required", "authentication"),
            ("invalid access key", "authentication"),
            ("Mixin authorization expired.", "authentication"),
            (
                "Timestamp for this request is outside of the recvWindow",
                "invalid_timestamp",
            ),
            ("recvWindow must less than 60000", "invalid_request"),
            ("'recvWindow' must be less than 60000.", "invalid_request"),
            ("invalid Request-Time", "invalid_timestamp"),
            ("EAPI:Invalid nonce", "invalid_timestamp"),
            ("No permission to access the endpoint", "permission_denied"),
            ("IP non white list", "permission_denied"),
            ("Insufficient permissions.", "permission_denied"),
            ("your account is abnormal", "account_restricted"),
            ("Account is frozen due to stop-out.", "account_restricted"),
            ("Too Many Requests", "rate_limited"),
            ("EService: Throttled: [UNIX timestamp]", "rate_limited"),
            ("Bulk login requests too frequent", "rate_limited"),
            ("This charge would exceed your processing limit", "other"),
            ("More than 20 multi-signature group bindings.", "other"),
            (
                "Your request frequency is too high, please try again later.",
                "rate_limited",
            ),
            ("Insufficient balance", "insufficient_funds"),
            ("Oversold", "insufficient_funds"),
            ("bad symbol", "invalid_symbol"),
            ("currency does not exist", "invalid_symbol"),
            (
                "Instrument ID doesn't match underlying index.",
                "invalid_symbol",
            ),
            ("The price is too low.", "invalid_order"),
            ("Cannot exceed the maximum order limit", "invalid_order"),
            ("current order type can not place order", "invalid_order"),
            ("Unknown order sent", "not_found"),
            ("record does not exist", "not_found"),
            ("The user Name already exists", "conflict"),
            ("Double payment.", "conflict"),
            ("transfer operation processing", "conflict"),
            ("service not available, please try again", "unavailable"),
            (
                "Payments are suspended temporarily due to system maintenance.",
                "unavailable",
            ),
            ("Gateway Time-out", "timeout"),
            ("Payment timeout.", "timeout"),
            ("Internal error", "internal"),
            ("Server error, please try again later.", "internal"),
            (
                "no address available. Please try again later",
                "unavailable",
            ),
            ("param cannot be null", "invalid_request"),
            ("Parameter error.", "invalid_request"),
            ("operation not allowed", "invalid_request"),
            ("transfer in failed", "other"),
            // The recurring mistakes of issue #12, each fixed by a rule that generalises.
            ("API key not exists", "authentication"),
            ("Too many orders in one currency pair", "invalid_order"),
            (
                "The total amount per order for this pair has reached the upper limit.",
                "invalid_order",
            ),
            ("Operation forbidden with pending orders", "conflict"),
            (
                "You have BTC-USDT open orders. Cancel these orders and try again",
                "conflict",
            ),
            ("Invalid currency", "invalid_symbol"),
            ("Account is locked", "account_restricted"),
            ("API key is read-only", "permission_denied"),
            ("Withdrawal limit exceeded", "invalid_order"),
            // ... without breaking their neighbours.
            ("Order does not exist", "not_found"),
            ("Too many orders. Try again later.", "rate_limited"),
            ("Trading pair BTC-USDT already exists", "conflict"),
        ];
        for (text, expected) in cases {
            assert_eq!(kind(text), expected, "{text}");
        }
    }

    #[test]
    fn order_puts_the_specific_rule_first() {
        // permission before insufficient funds, internal before "try again later".
        assert_eq!(kind("Insufficient permissions"), "permission_denied");
        assert_eq!(kind("System error. Try again later"), "internal");
        // an API key as the subject of a request is not an authentication failure.
        assert_eq!(kind("API KEY remarks cannot be null"), "invalid_request");
    }

    #[test]
    fn description_is_consulted_only_when_the_message_says_nothing() {
        let description = "The key lacks a permission. Check the API key and the balance.";
        assert_eq!(
            suggest(None, "Insufficient balance", Some(description)).as_str(),
            "insufficient_funds"
        );
        assert_eq!(
            suggest(None, "transfer failed", Some(description)).as_str(),
            "permission_denied"
        );
        // Remedies after the first sentence do not count.
        let remedies = "The transfer failed. Check the API key, balance and symbol.";
        assert_eq!(
            suggest(None, "transfer failed", Some(remedies)),
            ErrorKind::Other
        );
    }

    #[test]
    fn a_name_or_string_code_is_read_before_the_message() {
        let nonce = "An invalid nonce was supplied (see Authentication section)";
        assert_eq!(kind(nonce), "authentication");
        assert_eq!(
            suggest(Some("EAPI:Invalid nonce"), nonce, None).as_str(),
            "invalid_timestamp"
        );
        // A name that says nothing leaves the message to decide.
        assert_eq!(
            suggest(Some("generic_failure"), "Insufficient funds", None).as_str(),
            "insufficient_funds"
        );
    }

    #[test]
    fn verify_first_only_when_the_text_says_to_check_the_outcome() {
        let not_found = "not_found".parse::<ErrorKind>().ok().unwrap();
        let internal = "internal".parse::<ErrorKind>().ok().unwrap();
        let query = "Query open or historical orders before retrying cancel requests.";
        assert_eq!(suggest_retry(not_found, query), Some(Retry::VerifyFirst));
        // internal already defaults to verify_first: nothing to write.
        assert_eq!(suggest_retry(internal, query), None);
        assert_eq!(
            suggest_retry(not_found, "Check the order id before retrying."),
            None
        );
        assert_eq!(suggest_retry(not_found, "Unknown order"), None);
    }
}
