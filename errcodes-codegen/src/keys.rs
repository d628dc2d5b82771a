//! Every key of the catalog format, written once: which tables hold which keys, what each
//! value must be, which are required, which need another, and what each means.
//!
//! The loader (`load*.rs`) reports unknown keys, wrong types, missing keys and missing
//! companions from these tables, and `errcodes schema` prints its JSON Schema from them, so the
//! two cannot disagree about the shape of a catalog (a property test in
//! `errcodes-cli/tests/schema.rs` checks it on generated catalogs).
//!
//! ```
//! use errcodes_codegen::keys::{self, Value};
//!
//! let http = keys::ROOT.key("http").unwrap();
//! let Value::Tables { table, .. } = http.value else { unreachable!() };
//! assert!(table.key("name").unwrap().required);
//! assert!(table.key("deprecated").is_none());
//! ```

use errcodes_core::venue::BODY_ITSELF;

/// What a key's value must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// A string that is not blank.
    Text,
    /// A string that is not blank, matched as a template (`{placeholder}`s).
    Template,
    /// A Rust type name: ASCII UpperCamelCase, not `Self`.
    TypeName,
    /// A variant name: a type name that is not one of the generated associated constants.
    VariantName,
    /// A catalog id: lower-case ASCII letters, digits, `_` or `-`, starting with a letter.
    CatalogName,
    /// A dotted path into the body (`error.code`).
    Path,
    /// A dotted path into the body, or `.` for the body itself.
    ListPath,
    /// One field name of each item, not a path.
    ItemKey,
    /// An HTTP header name.
    HeaderName,
    /// One of [`errcodes_core::ErrorKind`]'s names.
    Kind,
    /// One of [`errcodes_core::Retry`]'s names.
    Retry,
    /// One of [`errcodes_core::TimeUnit`]'s names.
    Unit,
    /// `true` or `false`.
    Boolean,
    /// A code: an integer (i64) or a non-empty string, which may be a template.
    Code,
    /// An array of codes.
    Codes,
    /// A position in a JSON array, 1 to [`crate::limits::MAX_ARRAY_POSITION`] (0 is the tag's).
    Position,
    /// An HTTP status (100 to 599) or a class (`"5xx"`).
    Status,
    /// A table of its own.
    Table(&'static Table),
    /// An array of tables, each under its own `[[…]]` header; `non_empty` when an empty array
    /// is refused.
    Tables {
        /// The keys of each table.
        table: &'static Table,
        /// Whether at least one table is needed.
        non_empty: bool,
    },
}

/// The kinds of TOML value a [`Value`] can be written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// A string.
    String,
    /// An integer or a string.
    IntegerOrString,
    /// A boolean.
    Boolean,
    /// An integer.
    Integer,
    /// An array.
    Array,
    /// A table.
    Table,
}

impl Value {
    /// How the value is written in TOML.
    ///
    /// ```
    /// use errcodes_codegen::keys::{Value, Written};
    ///
    /// assert_eq!(Value::Code.written(), Written::IntegerOrString);
    /// ```
    pub const fn written(self) -> Written {
        match self {
            Value::Boolean => Written::Boolean,
            Value::Position => Written::Integer,
            Value::Code | Value::Status => Written::IntegerOrString,
            Value::Codes | Value::Tables { .. } => Written::Array,
            Value::Table(_) => Written::Table,
            _ => Written::String,
        }
    }

    /// What a wrong value was expected to be, for messages: `"a string"`.
    ///
    /// ```
    /// assert_eq!(errcodes_codegen::keys::Value::Codes.expected(), "an array of codes");
    /// ```
    pub const fn expected(self) -> &'static str {
        match self {
            Value::Boolean => "a boolean",
            Value::Position => "an integer",
            Value::Code | Value::Status => "an integer or a string",
            Value::Codes => "an array of codes",
            Value::Table(_) => "a table",
            Value::Tables { .. } => "an array of tables",
            _ => "a string",
        }
    }
}

impl Value {
    /// The rule a string value follows, as a regular expression (ECMA-262, as JSON Schema's
    /// `pattern`): the loader's own checks (`naming.rs`, `load_envelope.rs`, the template
    /// syntax of `errcodes_core`) written for editors. The property test of
    /// `errcodes-cli/tests/schema.rs` keeps the two in agreement.
    ///
    /// ```
    /// use errcodes_codegen::keys::Value;
    ///
    /// assert!(Value::CatalogName.pattern().unwrap().ends_with("[a-z][a-z0-9_-]*$"));
    /// assert_eq!(Value::Boolean.pattern(), None);
    /// ```
    pub fn pattern(self) -> Option<String> {
        // Not blank: the loader trims before it calls a value empty.
        const NOT_BLANK: &str = "(?=[\\s\\S]*\\S)";
        const PATH: &str = "[^.]+(\\.[^.]+)*";
        Some(match self {
            Value::Text => format!("^{NOT_BLANK}"),
            Value::Template => format!("^{NOT_BLANK}"),
            Value::TypeName => "^(?!Self$)[A-Z][A-Za-z0-9]*$".to_owned(),
            Value::VariantName => format!(
                "^(?!(Self|{})$)[A-Z][A-Za-z0-9]*$",
                crate::naming::RESERVED_VARIANT_NAMES.join("|")
            ),
            // Not a keyword: the catalog expands into a module of its name.
            Value::CatalogName => format!(
                "^(?!({})$)[a-z][a-z0-9_-]*$",
                crate::naming::KEYWORDS.join("|")
            ),
            Value::Path => format!("^{NOT_BLANK}{PATH}$"),
            Value::ListPath => format!("^{NOT_BLANK}(\\.|{PATH})$"),
            Value::ItemKey => format!("^{NOT_BLANK}[^.]+$"),
            Value::HeaderName => "^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$".to_owned(),
            Value::Status => "^[1-5]xx$".to_owned(),
            _ => return None,
        })
    }

    /// The most characters a string value may have ([`crate::limits::MAX_TEXT_CHARS`] for the
    /// texts the engine compares).
    ///
    /// ```
    /// use errcodes_codegen::keys::Value;
    ///
    /// assert_eq!(Value::Template.max_length(), Some(errcodes_codegen::limits::MAX_TEXT_CHARS));
    /// ```
    pub const fn max_length(self) -> Option<usize> {
        match self {
            Value::Template | Value::Code | Value::Codes => Some(crate::limits::MAX_TEXT_CHARS),
            _ => None,
        }
    }
}

/// One key of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key as written.
    pub name: &'static str,
    /// What its value must be.
    pub value: Value,
    /// Whether the table needs it.
    pub required: bool,
    /// Keys of the same table that must be there when this one is.
    pub requires: &'static [&'static str],
    /// A key of the same table and its value that this one cannot be written beside
    /// (`array` and `items = "."` both claim a body that is a list).
    pub not_with: &'static [(&'static str, &'static str)],
    /// A value to suggest when it is missing, as TOML (`"\"sCode\""`).
    pub example: &'static str,
    /// What it does, for editors and `errcodes schema`.
    pub description: &'static str,
}

/// One table of the format and its keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    /// The table as messages name it: `[[enum.error]]`, `[catalog] envelope`.
    pub what: &'static str,
    /// What it is, for editors and `errcodes schema`.
    pub description: &'static str,
    /// Its keys, in the order the format describes them.
    pub keys: &'static [Key],
}

impl Table {
    /// The key called `name`, if the table has one.
    ///
    /// ```
    /// assert!(errcodes_codegen::keys::ENTRY.key("code").is_some());
    /// assert!(errcodes_codegen::keys::REFINE.key("code").is_none());
    /// ```
    pub fn key(&self, name: &str) -> Option<&'static Key> {
        self.keys.iter().find(|key| key.name == name)
    }

    /// Every key's name, in order.
    ///
    /// ```
    /// let names: Vec<&str> = errcodes_codegen::keys::RETRY_AFTER.names().collect();
    /// assert_eq!(names, ["from", "unit"]);
    /// ```
    pub fn names(&self) -> impl Iterator<Item = &'static str> + use<> {
        self.keys.iter().map(|key| key.name)
    }
}

const fn key(name: &'static str, value: Value, description: &'static str) -> Key {
    Key {
        name,
        value,
        required: false,
        requires: &[],
        not_with: &[],
        example: "\"…\"",
        description,
    }
}

const fn required(key: Key, example: &'static str) -> Key {
    Key {
        required: true,
        example,
        ..key
    }
}

const fn needs(key: Key, requires: &'static [&'static str], example: &'static str) -> Key {
    Key {
        requires,
        example,
        ..key
    }
}

const KIND: Key = required(
    key(
        "kind",
        Value::Kind,
        "What the caller should understand: an ErrorKind in snake_case.",
    ),
    "\"…\"",
);
const RETRY: Key = key(
    "retry",
    Value::Retry,
    "Overrides the kind's default retry advice.",
);
const DESCRIPTION: Key = key(
    "description",
    Value::Text,
    "Longer explanation or remedy, shown in the variant's rustdoc and by `description()`.",
);
const DEPRECATED: Key = key(
    "deprecated",
    Value::Boolean,
    "The documentation strikes this code through (withdrawn); the variant stays so that existing matches compile.",
);
const RETRY_AFTER_KEY: Key = key(
    "retry_after",
    Value::Table(&RETRY_AFTER),
    "When to try again, read from a placeholder of the code or message template: `{ from = \"until\", unit = \"unix_seconds\" }`.",
);
const VARIANT_NAME: Key = key(
    "name",
    Value::VariantName,
    "The Rust variant name, ASCII UpperCamelCase (`InvalidSignature`); derived from the message when absent: at most six of its words, without placeholders, asides in parentheses or filler words.",
);

/// The whole file.
pub const ROOT: Table = Table {
    what: "the catalog file",
    description: "An error-code catalog read by `errcodes!` (format versions 1 and 2). Check it with `errcodes check`.",
    keys: &[
        required(
            key(
                "catalog",
                Value::Table(&CATALOG),
                "What the catalog is and how the API's error bodies look.",
            ),
            "{ name = \"my_exchange\" }",
        ),
        required(
            key(
                "enum",
                Value::Tables {
                    table: &ENUM,
                    non_empty: false,
                },
                "The catalog's enums (`[[enum]]`); a file may hold several.",
            ),
            "[]",
        ),
        key(
            "http",
            Value::Tables {
                table: &HTTP,
                non_empty: false,
            },
            "Rules for HTTP statuses whose body carries no listed code (`[[http]]`).",
        ),
    ],
};

/// `[catalog]`.
pub const CATALOG: Table = Table {
    what: "[catalog]",
    description: "What the catalog is and how the API's error bodies look.",
    keys: &[
        required(
            key(
                "name",
                Value::CatalogName,
                "Lower-case id of the catalog, e.g. \"mexc\".",
            ),
            "\"my_exchange\"",
        ),
        key(
            "title",
            Value::Text,
            "Human title, e.g. \"MEXC Spot API v3\".",
        ),
        key(
            "source",
            Value::Text,
            "Where the codes come from, usually the documentation's URL.",
        ),
        key(
            "envelope",
            Value::Table(&ENVELOPE),
            "Where the API's JSON error body keeps its fields (default `{ code = \"code\", message = \"message\" }`); dotted paths reach into nested objects (`error.code`).",
        ),
        key(
            "api_enum",
            Value::TypeName,
            "Name of one enum over every responding section (`pub enum Code { …(…), … }`), e.g. \"Code\".",
        ),
        key(
            "api_error",
            Value::TypeName,
            "Name of the error type that reads any response of the API (`ApiError<api_enum>`), e.g. \"Error\".",
        ),
        key(
            "headers",
            Value::Table(&HEADERS),
            "Response headers that carry retry advice; `Retry-After` is always read.",
        ),
        key(
            "websocket",
            Value::Table(&WEBSOCKET),
            "How the API's WebSocket answers look: their envelope, request id, in-frame status, wait and answer mark.",
        ),
    ],
};

/// `[catalog.websocket]`.
pub const WEBSOCKET: Table = Table {
    what: "[catalog.websocket]",
    description: "How the API's WebSocket answers look: their envelope, request id, in-frame status, wait and answer mark.",
    keys: &[
        key(
            "envelope",
            Value::Table(&WEBSOCKET_ENVELOPE),
            "Where a frame keeps the code, message, success flag and batch items, with the keys of `[catalog] envelope`; default: the catalog's `envelope`.",
        ),
        key(
            "id",
            Value::Path,
            "The field echoing the request's id, e.g. \"id\" (Binance, OKX), \"reqId\" (Bybit), \"req_id\" (Kraken).",
        ),
        key(
            "status",
            Value::Path,
            "A field holding an HTTP-style status, e.g. \"status\" (Binance): a frame whose status is not 2xx failed, and it decides for an unlisted code like an HTTP status.",
        ),
        key(
            "retry_after",
            Value::Table(&WEBSOCKET_RETRY_AFTER),
            "A field holding the wait a rate limit asks for: `{ from = \"error.data.retryAfter\", unit = \"unix_milliseconds\" }`.",
        ),
        key(
            "answer",
            Value::Path,
            "A field that answers have and pushes lack, e.g. \"event\" (OKX, Bitfinex), \"op\" (Bybit), \"method\" (Kraken): a frame with it is an answer even without an id or a code.",
        ),
    ],
};

/// `[catalog.websocket] envelope`: the keys of `[catalog] envelope`.
pub const WEBSOCKET_ENVELOPE: Table = Table {
    what: "[catalog.websocket] envelope",
    description: "Where a frame keeps the code, message, success flag and batch items, with the keys of `[catalog] envelope`; default: the catalog's `envelope`.",
    keys: ENVELOPE.keys,
};

/// `[catalog.websocket] retry_after`.
pub const WEBSOCKET_RETRY_AFTER: Table = Table {
    what: "[catalog.websocket] retry_after",
    description: "A field holding the wait a rate limit asks for: `{ from = \"error.data.retryAfter\", unit = \"unix_milliseconds\" }`.",
    keys: &[
        required(
            key(
                "from",
                Value::Path,
                "The frame's field that holds the wait, a dotted path, e.g. \"error.data.retryAfter\".",
            ),
            "\"error.data.retryAfter\"",
        ),
        required(
            key(
                "unit",
                Value::Unit,
                "How the field's number counts: a duration (`seconds`, `milliseconds`) or an absolute time (`unix_seconds`, `unix_milliseconds`).",
            ),
            "\"unix_milliseconds\"",
        ),
    ],
};

/// `[catalog] envelope`.
pub const ENVELOPE: Table = Table {
    what: "[catalog] envelope",
    description: "Where the API's JSON error body keeps its fields (default `{ code = \"code\", message = \"message\" }`); dotted paths reach into nested objects (`error.code`).",
    keys: &[
        key(
            "code",
            Value::Path,
            "The field holding the code, e.g. \"code\" or \"error.code\".",
        ),
        key(
            "message",
            Value::Path,
            "The field holding the message, e.g. \"msg\".",
        ),
        key(
            "code_also",
            Value::Path,
            "A second spelling of the code's field, read when `code` is absent (older endpoints), e.g. \"ret_code\" beside `code = \"retCode\"`.",
        ),
        key(
            "message_also",
            Value::Path,
            "A second spelling of the message's field, read when `message` is absent, e.g. \"ret_msg\" beside `message = \"retMsg\"`.",
        ),
        Key {
            // What `failure_text`'s "needs `success`" help suggests.
            example: "\"status\"",
            ..key(
                "success",
                Value::Path,
                "The field that tells success from failure: a boolean that is false on errors (\"success\"), or with `failure_text` a text (HTX's \"status\").",
            )
        },
        needs(
            key(
                "failure_text",
                Value::Text,
                "The text of the `success` field that marks a failure, e.g. \"error\" for HTX's `\"status\":\"error\"`; any other text says nothing and the code decides.",
            ),
            &["success"],
            "\"error\"",
        ),
        key(
            "ok_codes",
            Value::Codes,
            "Codes that mean success (default 0 / \"0\"), e.g. [\"00000\"] or [200000].",
        ),
        needs(
            key(
                "items",
                Value::ListPath,
                "A list of per-item results whose failed items are the real errors: a field (OKX `data`), a dotted path (HTX `data.failed`), or \".\" when the body itself is the list (batch endpoints answering `[{…}, {…}]`). Not the body's code field.",
            ),
            &["item_code"],
            "\"data\"",
        ),
        needs(
            key(
                "item_code",
                Value::ItemKey,
                "The code inside each item of `items`, one field name (not a dotted path), e.g. \"sCode\".",
            ),
            &["items"],
            "\"sCode\"",
        ),
        needs(
            key(
                "item_message",
                Value::ItemKey,
                "The message inside each item of `items`, one field name (not a dotted path), e.g. \"sMsg\".",
            ),
            &["items"],
            "\"sMsg\"",
        ),
        key(
            "detail",
            Value::Path,
            "A second field whose value refines an entry (Stripe's \"error.decline_code\"); see `[[enum.error.refine]]` `detail`.",
        ),
        Key {
            not_with: &[("items", BODY_ITSELF)],
            ..key("array", Value::Table(&ARRAY_ERROR), ARRAY_DESCRIPTION)
        },
    ],
};

const ARRAY_DESCRIPTION: &str = "Errors sent as a JSON array whose first element is a fixed text, read by position: `{ tag = \"error\", code = 1, message = 2 }` for Bitfinex's `[\"error\", 10020, \"symbol: invalid\"]`; any other array says nothing; not with `items = \".\"`.";

/// `array` of `[catalog] envelope`.
pub const ARRAY_ERROR: Table = Table {
    what: "envelope.array",
    description: ARRAY_DESCRIPTION,
    keys: &[
        required(
            key(
                "tag",
                Value::Text,
                "The text of the array's first element that marks an error, e.g. \"error\".",
            ),
            "\"error\"",
        ),
        required(
            key(
                "code",
                Value::Position,
                "The position of the code, counted from 0 (the tag's), e.g. 1.",
            ),
            "1",
        ),
        required(
            key(
                "message",
                Value::Position,
                "The position of the message, counted from 0 (the tag's), e.g. 2.",
            ),
            "2",
        ),
    ],
};

/// `[catalog.headers]`.
pub const HEADERS: Table = Table {
    what: "[catalog.headers]",
    description: "Response headers that carry retry advice; `Retry-After` is always read.",
    keys: &[
        key(
            "should_retry",
            Value::HeaderName,
            "A header saying \"true\"/\"false\" that overrides retry advice, e.g. \"Stripe-Should-Retry\".",
        ),
        key(
            "reset_unix_ms",
            Value::HeaderName,
            "A header with the absolute reset time in unix milliseconds, e.g. \"X-Bapi-Limit-Reset-Timestamp\".",
        ),
    ],
};

/// `[[enum]]`.
pub const ENUM: Table = Table {
    what: "[[enum]]",
    description: "One generated Rust enum, usually one section of the documentation page.",
    keys: &[
        required(
            key(
                "name",
                Value::TypeName,
                "The Rust type name, UpperCamelCase, unique in the file, e.g. \"MexcError\".",
            ),
            "\"MyApiError\"",
        ),
        key(
            "doc",
            Value::Text,
            "Rustdoc for the enum, e.g. the section's heading.",
        ),
        key(
            "responses",
            Value::Boolean,
            "Default true. false: not an error response (refund reasons, WebSocket close codes): left out of api_enum and never read from a body.",
        ),
        key(
            "websocket",
            Value::Boolean,
            "Default false. true: the section's codes come only in WebSocket answers (a venue's order-entry socket, which may give a code another meaning than REST): it joins api_enum, a frame's code is looked up in it before the other sections, and a REST body's never. Needs api_enum.",
        ),
        required(
            key(
                "error",
                Value::Tables {
                    table: &ENTRY,
                    non_empty: true,
                },
                "The enum's codes (`[[enum.error]]`), in documentation order.",
            ),
            "[]",
        ),
    ],
};

/// `[[enum.error]]`.
pub const ENTRY: Table = Table {
    what: "[[enum.error]]",
    description: "One documented code: a variant of the enum.",
    keys: &[
        required(
            key(
                "code",
                Value::Code,
                "The code as the API sends it: an integer (i64) or a string (`\"card_declined\"`, or a template `\"EService: Throttled: {until}\"`). All codes of one enum have one type, and each is unique in its enum.",
            ),
            "700002",
        ),
        VARIANT_NAME,
        required(
            key(
                "message",
                Value::Template,
                "The documented message, byte for byte: the Display text. May be a template (`Insufficient {currency} balance`).",
            ),
            "\"the documented message\"",
        ),
        KIND,
        RETRY,
        DESCRIPTION,
        DEPRECATED,
        RETRY_AFTER_KEY,
        key(
            "refine",
            Value::Tables {
                table: &REFINE,
                non_empty: false,
            },
            "Meanings of this one code told apart by the message or detail (`[[enum.error.refine]]`).",
        ),
    ],
};

/// `[[enum.error.refine]]`.
pub const REFINE: Table = Table {
    what: "[[enum.error.refine]]",
    description: "One more meaning of the same code, told apart by the message (or the envelope's detail field); a variant of its own.",
    keys: &[
        VARIANT_NAME,
        required(
            key(
                "message",
                Value::Template,
                "The server's message that selects this refinement: exact text or a template with `{placeholder}`s. With `detail`, the Display text only.",
            ),
            "\"the documented message\"",
        ),
        key(
            "detail",
            Value::Text,
            "The exact value of the envelope's `detail` field that selects this refinement (Stripe's decline_code), instead of the message.",
        ),
        KIND,
        RETRY,
        DESCRIPTION,
        DEPRECATED,
        RETRY_AFTER_KEY,
    ],
};

/// `[[http]]`.
pub const HTTP: Table = Table {
    what: "[[http]]",
    description: "What a status means at this venue when the body carries no listed code; rules are tried in file order.",
    keys: &[
        required(
            key(
                "status",
                Value::Status,
                "The HTTP status this rule applies to (418), or a class (\"5xx\").",
            ),
            "429",
        ),
        required(
            key(
                "name",
                Value::TypeName,
                "A name a caller can match on (`ApiError::http_rule`), ASCII UpperCamelCase, unique among the rules, e.g. \"IpBanned\".",
            ),
            "\"IpBanned\"",
        ),
        key(
            "message",
            Value::Template,
            "Optional template: the rule applies only when the server's message matches.",
        ),
        KIND,
        RETRY,
        RETRY_AFTER_KEY,
        DESCRIPTION,
    ],
};

/// `retry_after = { from, unit }`.
pub const RETRY_AFTER: Table = Table {
    what: "`retry_after`",
    description: "When to try again, read from a placeholder of the code or message template: `{ from = \"until\", unit = \"unix_seconds\" }`.",
    keys: &[
        required(
            key(
                "from",
                Value::Text,
                "The placeholder of the entry's code or message template that holds the time, e.g. \"until\" for `Throttled: {until}`.",
            ),
            "\"until\"",
        ),
        required(
            key(
                "unit",
                Value::Unit,
                "How the placeholder's number counts: a duration (`seconds`, `milliseconds`) or an absolute time (`unix_seconds`, `unix_milliseconds`).",
            ),
            "\"…\"",
        ),
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_names_each_key_once() {
        for table in [
            &ROOT,
            &CATALOG,
            &ENVELOPE,
            &HEADERS,
            &WEBSOCKET,
            &WEBSOCKET_ENVELOPE,
            &WEBSOCKET_RETRY_AFTER,
            &ENUM,
            &ENTRY,
            &REFINE,
            &HTTP,
            &RETRY_AFTER,
        ] {
            let mut names: Vec<&str> = table.names().collect();
            let count = names.len();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), count, "{}", table.what);
            for key in table.keys {
                for other in key.requires {
                    assert!(table.key(other).is_some(), "{}: {other}", table.what);
                }
            }
        }
    }
}
