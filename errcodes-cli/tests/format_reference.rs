//! Every table of the catalog format has the same keys three times over: the ones the loader
//! accepts (read from its own "unknown field" help, so nothing here lists them by hand), the
//! ones `errcodes schema` describes, and the ones the format reference
//! (`errcodes_runtime::format`, errcodes-runtime/src/format/reference.md) documents in the
//! table's section.

mod common;

use common::{errcodes, workspace};
use serde_json::Value;

/// A valid catalog with one table of every kind, into which [`Table::probe`] puts a key that no
/// table has.
const BASE: &str = r#"[catalog]
name = "probe"
envelope = { code = "code", items = "data", item_code = "sCode", array = { tag = "error", code = 1, message = 2 } }

[catalog.headers]
should_retry = "X-Retry"

[catalog.websocket]
envelope = { code = "error.code", array = { tag = "fail", code = 1, message = 2 } }
id = "id"
retry_after = { from = "error.data.retryAfter", unit = "unix_milliseconds" }

[[enum]]
name = "ProbeError"

[[enum.error]]
code = 1
message = "Banned until {until}"
kind = "other"
retry_after = { from = "until", unit = "seconds" }

[[enum.error.refine]]
message = "refined"
kind = "other"

[[http]]
status = 418
name = "Ban"
kind = "rate_limited"
"#;

/// The key the probes add, which no table has.
const UNKNOWN: &str = "zzzz";

/// One table of the format.
struct Table {
    /// As the loader's diagnostics name it.
    what: &'static str,
    /// Where its keys are in the schema: a JSON pointer to its `properties`.
    schema: &'static str,
    /// The reference's heading of its section, whole line.
    heading: &'static str,
    /// In [`BASE`], the text after which a key of this table can go, and what to put there.
    after: &'static str,
    insert: &'static str,
}

const ERROR: &str = "/properties/enum/items/properties/error/items/properties";

const TABLES: &[Table] = &[
    Table {
        what: "[catalog]",
        schema: "/properties/catalog/properties",
        heading: "# `[catalog]`",
        after: "name = \"probe\"\n",
        insert: "zzzz = 1\n",
    },
    Table {
        what: "[catalog] envelope",
        schema: "/properties/catalog/properties/envelope/properties",
        heading: "## `[catalog] envelope`",
        after: "item_code = \"sCode\"",
        insert: ", zzzz = 1",
    },
    Table {
        what: "envelope.array",
        schema: "/properties/catalog/properties/envelope/properties/array/properties",
        heading: "### `envelope.array`",
        after: "tag = \"error\"",
        insert: ", zzzz = 1",
    },
    Table {
        what: "envelope.array",
        schema: "/properties/catalog/properties/websocket/properties/envelope/properties/array/properties",
        heading: "### `envelope.array`",
        after: "tag = \"fail\"",
        insert: ", zzzz = 1",
    },
    Table {
        what: "[catalog.headers]",
        schema: "/properties/catalog/properties/headers/properties",
        heading: "## `[catalog.headers]`",
        after: "should_retry = \"X-Retry\"\n",
        insert: "zzzz = 1\n",
    },
    Table {
        what: "[catalog.websocket]",
        schema: "/properties/catalog/properties/websocket/properties",
        heading: "## `[catalog.websocket]`",
        after: "id = \"id\"\n",
        insert: "zzzz = 1\n",
    },
    Table {
        what: "[catalog.websocket] envelope",
        schema: "/properties/catalog/properties/websocket/properties/envelope/properties",
        heading: "## `[catalog.websocket]`",
        after: "code = \"error.code\"",
        insert: ", zzzz = 1",
    },
    Table {
        what: "[catalog.websocket] retry_after",
        schema: "/properties/catalog/properties/websocket/properties/retry_after/properties",
        heading: "## `[catalog.websocket]`",
        after: "unit = \"unix_milliseconds\"",
        insert: ", zzzz = 1",
    },
    Table {
        what: "[[enum]]",
        schema: "/properties/enum/items/properties",
        heading: "# `[[enum]]`",
        after: "name = \"ProbeError\"\n",
        insert: "zzzz = 1\n",
    },
    Table {
        what: "[[enum.error]]",
        schema: ERROR,
        heading: "# `[[enum.error]]`",
        after: "code = 1\n",
        insert: "zzzz = 1\n",
    },
    Table {
        what: "[[enum.error.refine]]",
        schema: "/properties/enum/items/properties/error/items/properties/refine/items/properties",
        heading: "## `[[enum.error.refine]]`",
        after: "message = \"refined\"\n",
        insert: "zzzz = 1\n",
    },
    Table {
        what: "retry_after",
        schema: "/properties/enum/items/properties/error/items/properties/retry_after/properties",
        heading: "## `retry_after`",
        after: "unit = \"seconds\"",
        insert: ", zzzz = 1",
    },
    Table {
        what: "[[http]]",
        schema: "/properties/http/items/properties",
        heading: "# `[[http]]`",
        after: "status = 418\n",
        insert: "zzzz = 1\n",
    },
];

impl Table {
    /// [`BASE`] with the unknown key in this table.
    fn probe(&self) -> String {
        let at = BASE.find(self.after).expect("the marker is in BASE") + self.after.len();
        format!("{}{}{}", &BASE[..at], self.insert, &BASE[at..])
    }

    /// The keys the loader accepts here, from its help for the unknown key: "the fields of
    /// [[http]] are `status`, `name` … or `description`".
    fn loader_keys(&self) -> Vec<String> {
        let checked = errcodes_codegen::check(&self.probe());
        let unknown = format!("unknown field `{UNKNOWN}`");
        let diagnostic = checked
            .diagnostics
            .iter()
            .find(|d| d.message.starts_with(&unknown))
            .unwrap_or_else(|| panic!("no `{unknown}` error for {}", self.what));
        let help = diagnostic
            .help
            .as_deref()
            .expect("a help listing the fields");
        let list = help
            .split_once(" are ")
            .unwrap_or_else(|| panic!("{}: {help}", self.what))
            .1;
        let mut keys: Vec<String> = list
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect();
        keys.sort();
        keys
    }
}

/// The keys of the object at `pointer` in the schema, sorted.
fn schema_keys(schema: &Value, pointer: &str) -> Vec<String> {
    let mut keys: Vec<String> = schema
        .pointer(pointer)
        .and_then(Value::as_object)
        .unwrap_or_else(|| panic!("the schema has no {pointer}"))
        .keys()
        .cloned()
        .collect();
    keys.sort();
    keys
}

fn schema() -> Value {
    let run = errcodes(&["schema"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("errcodes schema prints JSON")
}

/// The reference's section under `heading`: its lines up to the next heading, fenced blocks
/// included (a `#` at the start of a line inside a fence is not a heading).
fn section<'a>(reference: &'a str, heading: &str) -> Vec<&'a str> {
    let mut lines = reference.lines();
    assert!(
        lines.by_ref().any(|line| line == heading),
        "the format reference has no section `{heading}`"
    );
    let mut fenced = false;
    let mut out = Vec::new();
    for line in lines {
        if line.starts_with("```") {
            fenced = !fenced;
        }
        if !fenced && line.starts_with('#') {
            break;
        }
        out.push(line);
    }
    out
}

fn reference() -> String {
    let path = workspace().join("errcodes-runtime/src/format/reference.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_schema_describes_the_keys_the_loader_accepts() {
    let schema = schema();
    for table in TABLES {
        assert_eq!(
            schema_keys(&schema, table.schema),
            table.loader_keys(),
            "{}: the schema's keys (left) differ from the loader's (right)",
            table.what
        );
    }
    // The same `retry_after` everywhere it is allowed.
    let retry_after = schema_keys(&schema, &format!("{ERROR}/retry_after/properties"));
    for at in [
        format!("{ERROR}/refine/items/properties/retry_after/properties"),
        "/properties/http/items/properties/retry_after/properties".to_owned(),
    ] {
        assert_eq!(schema_keys(&schema, &at), retry_after, "{at}");
    }
}

#[test]
fn every_table_of_the_schema_is_one_of_these() {
    fn walk(value: &Value, at: &str, found: &mut Vec<String>) {
        match value {
            Value::Object(object) => {
                if object.get("properties").is_some_and(Value::is_object) {
                    found.push(format!("{at}/properties"));
                }
                for (key, child) in object {
                    if key == "allOf" {
                        conditions(object, child, at);
                    } else {
                        walk(child, &format!("{at}/{key}"), found);
                    }
                }
            }
            Value::Array(items) => {
                for (index, child) in items.iter().enumerate() {
                    walk(child, &format!("{at}/{index}"), found);
                }
            }
            _ => {}
        }
    }
    // `allOf` holds `if`/`then` conditions between keys of the table it sits in, not tables.
    fn conditions(table: &serde_json::Map<String, Value>, all_of: &Value, at: &str) {
        let own = &table["properties"];
        for condition in all_of.as_array().expect("allOf is a list") {
            let named = condition["if"]["properties"]
                .as_object()
                .into_iter()
                .flat_map(|keys| keys.keys().map(String::as_str))
                .chain(
                    condition["then"]["not"]["required"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str),
                );
            let mut any = false;
            for key in named {
                any = true;
                assert!(
                    own.get(key).is_some(),
                    "{at}/allOf names `{key}`, not a key of its table"
                );
            }
            assert!(
                any,
                "{at}/allOf holds a condition naming no key: {condition}"
            );
        }
    }
    let mut found = Vec::new();
    walk(&schema(), "", &mut found);
    let root = "/properties".to_owned();
    let known: Vec<String> = TABLES.iter().map(|t| t.schema.to_owned()).collect();
    for pointer in found {
        let is_retry_after = pointer.ends_with("/retry_after/properties");
        assert!(
            pointer == root || is_retry_after || known.contains(&pointer),
            "the schema has a table at {pointer} that this test and the format reference do not cover"
        );
    }
}

#[test]
fn the_format_reference_documents_every_key_of_every_table() {
    let schema = schema();
    let reference = reference();
    let mut missing = Vec::new();
    for table in TABLES {
        let text = section(&reference, table.heading).join("\n");
        for key in schema_keys(&schema, table.schema) {
            if !text.contains(&format!("`{key}`")) {
                missing.push(format!("{} `{key}`", table.what));
            }
        }
    }
    // The top-level tables, in the page's opening table.
    for table in [
        "`[catalog]`",
        "`[[enum]]`",
        "`[[enum.error]]`",
        "`[[http]]`",
    ] {
        if !reference.contains(&format!("| [{table}](")) {
            missing.push(format!("the opening table's row for {table}"));
        }
    }
    assert!(
        missing.is_empty(),
        "errcodes-runtime/src/format/reference.md does not document {missing:?} in its section"
    );
}

#[test]
fn the_example_catalog_checks_clean_and_uses_every_key() {
    let path = workspace().join("errcodes-runtime/src/format/acme.toml");
    let run = errcodes(&["check".as_ref(), "--review".as_ref(), path.as_os_str()]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert_eq!(run.stderr, "", "{}", run.stderr);
    let text = std::fs::read_to_string(&path).expect("the example catalog");
    let schema = schema();
    let mut unused = Vec::new();
    for table in TABLES {
        for key in schema_keys(&schema, table.schema) {
            // `key =` in a table, `key = ` inside an inline table, or `[[…key]]` for arrays.
            let used = text.contains(&format!("\n{key} = "))
                || text.contains(&format!(" {key} = "))
                || text.contains(&format!(".{key}]"));
            if !used {
                unused.push(format!("{} `{key}`", table.what));
            }
        }
    }
    assert!(unused.is_empty(), "acme.toml does not use {unused:?}");
}
