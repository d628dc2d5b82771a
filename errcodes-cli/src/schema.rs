//! `errcodes schema`: the JSON Schema of the catalog format, versions 1 and 2.
//!
//! Built from the engine's table of catalog keys (`errcodes_codegen::keys`: which keys each
//! table has, their types, which are required, what they mean), the one the loader checks
//! catalogs with, and from `errcodes_core`'s kinds, retry advice and time units, so that the
//! schema cannot drift from what the macro accepts. The printed schema is kept in the
//! repository beside the bundled catalogs (`errcodes-catalogs/catalogs/catalog.schema.json`),
//! where their `#:schema` first lines point; a test keeps that file equal to this output.
//!
//! Descriptions are written for editors (Taplo / Even Better TOML, tombi show them as hints),
//! so each says what the key does and gives an example.

use serde_json::{Map, Value, json};

use errcodes_codegen::{ErrorKind, Retry, TimeUnit, keys};

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

/// `kind = "…"`: every kind, with what it means and its default retry advice.
fn kind(description: &str) -> Value {
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
        "description": format!("{description}\n{}", list.join("\n")),
        "enum": kinds.iter().map(|kind| kind.as_str()).collect::<Vec<_>>(),
        "markdownEnumDescriptions": kinds
            .iter()
            .map(|kind| format!("{} (default retry: `{}`)", kind.meaning(), kind.default_retry()))
            .collect::<Vec<_>>(),
    })
}

/// `retry = "…"`: every retry advice, with what it tells the caller.
fn retry(description: &str) -> Value {
    let retries = Retry::ALL;
    let list: Vec<String> = retries
        .iter()
        .map(|retry| format!("- `{retry}`: {}", retry.meaning()))
        .collect();
    json!({
        "type": "string",
        "description": format!("{description}\n{}", list.join("\n")),
        "enum": retries.iter().map(|retry| retry.as_str()).collect::<Vec<_>>(),
        "markdownEnumDescriptions": retries.iter().map(|retry| retry.meaning()).collect::<Vec<_>>(),
    })
}

/// A string: its pattern and length limit from the key table.
fn string(value: keys::Value, min_length: usize) -> Map<String, Value> {
    let mut schema = Map::new();
    schema.insert("type".into(), json!("string"));
    if min_length > 0 {
        schema.insert("minLength".into(), json!(min_length));
    }
    if let Some(max) = value.max_length() {
        schema.insert("maxLength".into(), json!(max));
    }
    if let Some(pattern) = value.pattern() {
        schema.insert("pattern".into(), json!(pattern));
    }
    schema
}

/// The schema of one key's value.
fn value(key: &keys::Key) -> Value {
    use keys::Value as V;
    let description = key.description;
    let mut schema = match key.value {
        V::Kind => return kind(description),
        V::Retry => return retry(description),
        V::Unit => json!({
            "type": "string",
            "enum": TimeUnit::ALL.iter().map(|unit| unit.as_str()).collect::<Vec<_>>(),
        }),
        V::Boolean => json!({ "type": "boolean" }),
        V::Position => json!({
            "type": "integer",
            "minimum": 1,
            "maximum": errcodes_codegen::limits::MAX_ARRAY_POSITION,
        }),
        V::Code => {
            let mut code = string(key.value, 1);
            code.insert("type".into(), json!(["integer", "string"]));
            Value::Object(code)
        }
        V::Codes => {
            let mut code = string(key.value, 1);
            code.insert("type".into(), json!(["integer", "string"]));
            json!({ "type": "array", "items": code })
        }
        V::Status => json!({
            "oneOf": [
                { "type": "integer", "minimum": 100, "maximum": 599 },
                Value::Object(string(key.value, 0)),
            ],
        }),
        V::Table(table) => object(table),
        V::Tables { table, non_empty } => {
            let mut array = json!({ "type": "array", "items": object(table) });
            if non_empty {
                array["minItems"] = json!(1);
            }
            array
        }
        other => Value::Object(string(other, 0)),
    };
    schema["description"] = json!(description);
    schema
}

/// A table: its keys, the required ones, the ones that need another, the ones that exclude
/// another's value, nothing else.
fn object(table: &keys::Table) -> Value {
    let properties: Map<String, Value> = table
        .keys
        .iter()
        .map(|key| (key.name.to_owned(), value(key)))
        .collect();
    let required: Vec<&str> = table
        .keys
        .iter()
        .filter(|key| key.required)
        .map(|key| key.name)
        .collect();
    let dependencies: Map<String, Value> = table
        .keys
        .iter()
        .filter(|key| !key.requires.is_empty())
        .map(|key| (key.name.to_owned(), json!(key.requires)))
        .collect();
    let mut schema = json!({
        "type": "object",
        "description": table.description,
        "properties": properties,
        "additionalProperties": false,
    });
    if !required.is_empty() {
        schema["required"] = json!(required);
    }
    if !dependencies.is_empty() {
        schema["dependencies"] = Value::Object(dependencies);
    }
    // "If the other key has that value, this key is absent": draft-07's if/then.
    let exclusions: Vec<Value> = table
        .keys
        .iter()
        .flat_map(|key| {
            key.not_with.iter().map(|(other, value)| {
                json!({
                    "if": { "properties": { *other: { "const": value } }, "required": [other] },
                    "then": { "not": { "required": [key.name] } },
                })
            })
        })
        .collect();
    if !exclusions.is_empty() {
        schema["allOf"] = json!(exclusions);
    }
    schema
}

/// The whole schema.
pub fn schema() -> Value {
    let mut schema = json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": url(),
        "title": "errcodes catalog",
    });
    if let (Value::Object(head), Value::Object(body)) = (&mut schema, object(&keys::ROOT)) {
        head.extend(body);
    }
    schema
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
