//! `errcodes schema`: the JSON Schema of the catalog format, versions 1 and 2.
//!
//! Built here from the engine's one list of kinds and retry advice (`errcodes_core`, through the engine), so
//! that the schema cannot drift from what the macro accepts. The printed schema is kept in the
//! repository beside the bundled catalogs (`errcodes-catalogs/catalogs/catalog.schema.json`),
//! where their `#:schema` first lines point; a test keeps that file equal to this output.
//!
//! Descriptions are written for editors (Taplo / Even Better TOML, tombi show them as hints),
//! so each says what the key does and gives an example.

use serde_json::{Value, json};

use errcodes_codegen::{ErrorKind, Retry};

/// Where the committed schema lives in the repository, for `#:schema` directives.
pub const REPO_PATH: &str = "errcodes-catalogs/catalogs/catalog.schema.json";

/// The schema's address on the web, for catalogs written outside a clone of the repository.
pub fn url() -> String {
    let repository = env!("CARGO_PKG_REPOSITORY");
    let path = repository
        .strip_prefix("https://github.com/")
        .unwrap_or(repository);
    format!("https://raw.githubusercontent.com/{path}/main/{REPO_PATH}")
}

/// A string key with a description.
fn text(description: &str) -> Value {
    json!({ "type": "string", "description": description })
}

/// `kind = "…"`: every kind, with what it means and its default retry advice.
fn kind() -> Value {
    let kinds = ErrorKind::ALL;
    let list: Vec<String> = kinds
        .iter()
        .map(|kind| {
            format!(
                "- `{kind}`: {} (default retry: `{}`)",
                kind.meaning(),
                kind.default_retry()
            )
        })
        .collect();
    json!({
        "type": "string",
        "description": format!(
            "What the caller should understand: an ErrorKind in snake_case.\n{}",
            list.join("\n")
        ),
        "enum": kinds.iter().map(|kind| kind.as_str()).collect::<Vec<_>>(),
        "markdownEnumDescriptions": kinds
            .iter()
            .map(|kind| format!("{} (default retry: `{}`)", kind.meaning(), kind.default_retry()))
            .collect::<Vec<_>>(),
    })
}

/// `retry = "…"`: every retry advice, with what it tells the caller.
fn retry() -> Value {
    let retries = Retry::ALL;
    let list: Vec<String> = retries
        .iter()
        .map(|retry| format!("- `{retry}`: {}", retry.meaning()))
        .collect();
    json!({
        "type": "string",
        "description": format!(
            "Overrides the kind's default retry advice.\n{}",
            list.join("\n")
        ),
        "enum": retries.iter().map(|retry| retry.as_str()).collect::<Vec<_>>(),
        "markdownEnumDescriptions": retries.iter().map(|retry| retry.meaning()).collect::<Vec<_>>(),
    })
}

/// `retry_after = { from, unit }`.
fn retry_after() -> Value {
    json!({
        "type": "object",
        "description": "When to try again, read from a placeholder of the code or message template: `{ from = \"until\", unit = \"unix_seconds\" }`.",
        "properties": {
            "from": text("The placeholder of the entry's code or message template that holds the time, e.g. \"until\" for `Throttled: {until}`."),
            "unit": {
                "type": "string",
                "description": "How the placeholder's number counts: a duration (`seconds`, `milliseconds`) or an absolute time (`unix_seconds`, `unix_milliseconds`).",
                "enum": ["seconds", "milliseconds", "unix_seconds", "unix_milliseconds"],
            },
        },
        "required": ["from", "unit"],
        "additionalProperties": false,
    })
}

/// A code: an integer (i64) or a string.
fn code(description: &str) -> Value {
    json!({
        "description": description,
        "type": ["integer", "string"],
        "minLength": 1,
    })
}

/// The keys an entry and a refinement share.
fn entry_keys() -> serde_json::Map<String, Value> {
    let mut keys = serde_json::Map::new();
    keys.insert("name".into(), json!({
        "type": "string",
        "pattern": "^[A-Z][A-Za-z0-9]*$",
        "description": "The Rust variant name, ASCII UpperCamelCase (`InvalidSignature`); derived from the message's first eight words when absent.",
    }));
    keys.insert("kind".into(), kind());
    keys.insert("retry".into(), retry());
    keys.insert(
        "description".into(),
        text(
            "Longer explanation or remedy, shown in the variant's rustdoc and by `description()`.",
        ),
    );
    keys.insert(
        "deprecated".into(),
        json!({ "type": "boolean", "description": "The documentation strikes this code through (withdrawn); the variant stays so that existing matches compile." }),
    );
    keys.insert("retry_after".into(), retry_after());
    keys
}

/// `[[enum.error.refine]]`.
fn refine() -> Value {
    let mut keys = entry_keys();
    keys.insert("message".into(), json!({
        "type": "string",
        "minLength": 1,
        "description": "The server's message that selects this refinement: exact text or a template with `{placeholder}`s. With `detail`, the Display text only.",
    }));
    keys.insert(
        "detail".into(),
        text("The exact value of the envelope's `detail` field that selects this refinement (Stripe's decline_code), instead of the message."),
    );
    json!({
        "type": "object",
        "description": "One more meaning of the same code, told apart by the message (or the envelope's detail field); a variant of its own.",
        "properties": keys,
        "required": ["message", "kind"],
        "additionalProperties": false,
    })
}

/// `[[enum.error]]`.
fn entry() -> Value {
    let mut keys = entry_keys();
    keys.insert(
        "code".into(),
        code("The code as the API sends it: an integer (i64) or a string (`\"card_declined\"`, or a template `\"EService: Throttled: {until}\"`). All codes of one enum have one type, and each is unique in its enum."),
    );
    keys.insert("message".into(), json!({
        "type": "string",
        "minLength": 1,
        "description": "The documented message, byte for byte: the Display text. May be a template (`Insufficient {currency} balance`).",
    }));
    keys.insert("refine".into(), json!({
        "type": "array",
        "description": "Meanings of this one code told apart by the message or detail (`[[enum.error.refine]]`).",
        "items": refine(),
    }));
    json!({
        "type": "object",
        "description": "One documented code: a variant of the enum.",
        "properties": keys,
        "required": ["code", "message", "kind"],
        "additionalProperties": false,
    })
}

/// `[catalog] envelope`.
fn envelope() -> Value {
    json!({
        "type": "object",
        "description": "Where the API's JSON error body keeps its fields (default `{ code = \"code\", message = \"message\" }`); dotted paths reach into nested objects (`error.code`).",
        "properties": {
            "code": text("The field holding the code, e.g. \"code\" or \"error.code\"."),
            "message": text("The field holding the message, e.g. \"msg\"."),
            "success": text("A boolean field that is false on errors, e.g. \"success\"."),
            "ok_codes": {
                "type": "array",
                "description": "Codes that mean success (default 0 / \"0\"), e.g. [\"00000\"] or [200000].",
                "items": { "type": ["integer", "string"] },
            },
            "items": text("A list of per-item results whose failed items are the real errors: a field (OKX `data`), a dotted path (HTX `data.failed`), or \".\" when the body itself is the list (batch endpoints answering `[{…}, {…}]`)."),
            "item_code": text("The code inside each item of `items`, e.g. \"sCode\"."),
            "item_message": text("The message inside each item of `items`, e.g. \"sMsg\"."),
            "detail": text("A second field whose value refines an entry (Stripe's \"error.decline_code\"); see `[[enum.error.refine]]` `detail`."),
        },
        "additionalProperties": false,
    })
}

/// `[catalog]`.
fn catalog() -> Value {
    json!({
        "type": "object",
        "description": "What the catalog is and how the API's error bodies look.",
        "properties": {
            "name": {
                "type": "string",
                "pattern": "^[a-z][a-z0-9_-]*$",
                "description": "Lower-case id of the catalog, e.g. \"mexc\".",
            },
            "title": text("Human title, e.g. \"MEXC Spot API v3\"."),
            "source": text("Where the codes come from, usually the documentation's URL."),
            "api_enum": {
                "type": "string",
                "pattern": "^[A-Z][A-Za-z0-9]*$",
                "description": "Name of one enum over every responding section (`pub enum Code { …(…), … }`), e.g. \"Code\".",
            },
            "api_error": {
                "type": "string",
                "pattern": "^[A-Z][A-Za-z0-9]*$",
                "description": "Name of the error type that reads any response of the API (`ApiError<api_enum>`), e.g. \"Error\".",
            },
            "envelope": envelope(),
            "headers": {
                "type": "object",
                "description": "Response headers that carry retry advice; `Retry-After` is always read.",
                "properties": {
                    "should_retry": text("A header saying \"true\"/\"false\" that overrides retry advice, e.g. \"Stripe-Should-Retry\"."),
                    "reset_unix_ms": text("A header with the absolute reset time in unix milliseconds, e.g. \"X-Bapi-Limit-Reset-Timestamp\"."),
                },
                "additionalProperties": false,
            },
        },
        "required": ["name"],
        "additionalProperties": false,
    })
}

/// `[[enum]]`.
fn enum_def() -> Value {
    json!({
        "type": "object",
        "description": "One generated Rust enum, usually one section of the documentation page.",
        "properties": {
            "name": {
                "type": "string",
                "pattern": "^[A-Z][A-Za-z0-9]*$",
                "description": "The Rust type name, UpperCamelCase, unique in the file, e.g. \"MexcError\".",
            },
            "doc": text("Rustdoc for the enum, e.g. the section's heading."),
            "responses": {
                "type": "boolean",
                "description": "Default true. false: not an error response (refund reasons, WebSocket close codes): left out of api_enum and never read from a body.",
            },
            "error": {
                "type": "array",
                "description": "The enum's codes (`[[enum.error]]`), in documentation order.",
                "minItems": 1,
                "items": entry(),
            },
        },
        "required": ["name", "error"],
        "additionalProperties": false,
    })
}

/// `[[http]]`.
fn http() -> Value {
    let mut keys = entry_keys();
    // A rule is not a documented code: nothing strikes it through, and the loader refuses the key.
    keys.remove("deprecated");
    keys.insert(
        "status".into(),
        json!({
            "description": "The HTTP status this rule applies to (418), or a class (\"5xx\").",
            "oneOf": [
                { "type": "integer", "minimum": 100, "maximum": 599 },
                { "type": "string", "pattern": "^[1-5]xx$" },
            ],
        }),
    );
    keys.insert(
        "message".into(),
        text("Optional template: the rule applies only when the server's message matches."),
    );
    json!({
        "type": "object",
        "description": "What a status means at this venue when the body carries no listed code; rules are tried in file order.",
        "properties": keys,
        "required": ["status", "kind"],
        "additionalProperties": false,
    })
}

/// The whole schema.
pub fn schema() -> Value {
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": url(),
        "title": "errcodes catalog",
        "description": "An error-code catalog read by `errcodes!` (format versions 1 and 2). Check it with `errcodes check`.",
        "type": "object",
        "properties": {
            "catalog": catalog(),
            "enum": {
                "type": "array",
                "description": "The catalog's enums (`[[enum]]`); a file may hold several.",
                "items": enum_def(),
            },
            "http": {
                "type": "array",
                "description": "Rules for HTTP statuses whose body carries no listed code (`[[http]]`).",
                "items": http(),
            },
        },
        "required": ["catalog"],
        "additionalProperties": false,
    })
}

/// The schema as printed: pretty JSON and a final newline.
pub fn text_of_schema() -> String {
    let mut out = serde_json::to_string_pretty(&schema()).expect("a JSON value serializes");
    out.push('\n');
    out
}

/// Runs `errcodes schema`.
pub fn run() -> std::process::ExitCode {
    crate::output::print(&text_of_schema());
    std::process::ExitCode::SUCCESS
}
