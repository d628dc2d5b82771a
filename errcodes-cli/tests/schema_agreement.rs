//! The JSON Schema (`errcodes schema`) accepts exactly the catalogs the loader accepts, on
//! generated catalogs: valid ones, and each mutated once (a key removed, an unknown key added, a
//! value of another type, a string that breaks a name, path, header or template rule).
//!
//! What a schema cannot say is kept out of the generated catalogs rather than out of the
//! comparison: rules across entries or tables (duplicate codes and names, one code type per
//! enum, overlapping templates, a `retry_after` placeholder the message must have, `items`
//! nested in the code field, which sections an `api_enum` joins). Each enum has one entry (with
//! refinements), names are distinct, and a mutation never touches `from` or the message an
//! entry's `retry_after` reads.
//!
//! One gap is known and left: "not blank" is `\S` in the schema's regular expressions and
//! `str::trim` in the loader, whose ideas of white space differ for a few code points (U+FEFF);
//! the generated strings avoid them.

mod common;

use std::sync::OnceLock;

use jsonschema::Validator;
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::Value as Json;
use toml::{Table, Value};

/// The printed schema, compiled once.
fn validator() -> &'static Validator {
    static VALIDATOR: OnceLock<Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let run = common::errcodes(&["schema"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let schema: Json = serde_json::from_str(&run.stdout).expect("errcodes schema prints JSON");
        jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
    })
}

/// The choices a generated catalog is made of.
#[derive(Debug, Clone)]
struct Shape {
    envelope: Option<(bool, bool, bool, bool, u8)>,
    headers: Option<(bool, bool)>,
    api: bool,
    http: Vec<(bool, bool, bool)>,
    enums: Vec<EnumShape>,
}

#[derive(Debug, Clone)]
struct EnumShape {
    string_code: bool,
    doc: bool,
    responses: Option<bool>,
    retry: bool,
    description: bool,
    deprecated: Option<bool>,
    retry_after: bool,
    refinements: usize,
}

fn enum_shape() -> impl Strategy<Value = EnumShape> {
    (
        any::<bool>(),
        any::<bool>(),
        prop::option::of(any::<bool>()),
        any::<bool>(),
        any::<bool>(),
        prop::option::of(any::<bool>()),
        any::<bool>(),
        0..3usize,
    )
        .prop_map(
            |(
                string_code,
                doc,
                responses,
                retry,
                description,
                deprecated,
                retry_after,
                refinements,
            )| {
                EnumShape {
                    string_code,
                    doc,
                    responses,
                    retry,
                    description,
                    deprecated,
                    retry_after,
                    refinements,
                }
            },
        )
}

fn shape() -> impl Strategy<Value = Shape> {
    (
        prop::option::of((
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            0..3u8,
        )),
        prop::option::of((any::<bool>(), any::<bool>())),
        any::<bool>(),
        prop::collection::vec((any::<bool>(), any::<bool>(), any::<bool>()), 0..3),
        prop::collection::vec(enum_shape(), 1..3),
    )
        .prop_map(|(envelope, headers, api, http, mut enums)| {
            if api {
                // An `api_enum` joins every responding section: one, so that it has one code
                // type and answers at least once.
                enums.truncate(1);
                enums[0].responses = enums[0].responses.filter(|&r| r);
            }
            Shape {
                envelope,
                headers,
                api,
                http,
                enums,
            }
        })
}

const WORDS: &[&str] = &["Alpha", "Beta", "Gamma", "Delta", "Epsilon"];

fn table(pairs: impl IntoIterator<Item = (&'static str, Value)>) -> Value {
    Value::Table(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

fn text(s: &str) -> Value {
    Value::String(s.to_owned())
}

/// A catalog the loader and the schema both accept.
fn build(shape: &Shape) -> Table {
    let mut catalog = vec![
        ("name", text("demo")),
        ("title", text("Demo API")),
        ("source", text("https://example.com/errors")),
    ];
    if let Some((success, ok_codes, items, detail, nested)) = shape.envelope {
        let mut envelope = vec![
            (
                "code",
                text(if nested == 1 { "error.code" } else { "code" }),
            ),
            ("message", text("msg")),
        ];
        if success {
            envelope.push(("success", text("success")));
        }
        if ok_codes {
            envelope.push((
                "ok_codes",
                Value::Array(vec![Value::Integer(0), text("00000")]),
            ));
        }
        if items {
            envelope.push(("items", text(if nested == 2 { "." } else { "data" })));
            envelope.push(("item_code", text("sCode")));
            if success {
                envelope.push(("item_message", text("sMsg")));
            }
        }
        if detail {
            envelope.push(("detail", text("error.decline_code")));
        }
        // `array` beside every envelope but one that reads the body itself as its items.
        if ok_codes && !(items && nested == 2) {
            envelope.push((
                "array",
                table([
                    ("tag", text("error")),
                    ("code", Value::Integer(1)),
                    ("message", Value::Integer(2)),
                ]),
            ));
        }
        catalog.push(("envelope", table(envelope)));
    }
    if let Some((should_retry, reset)) = shape.headers {
        let mut headers = Vec::new();
        if should_retry {
            headers.push(("should_retry", text("Stripe-Should-Retry")));
        }
        if reset {
            headers.push(("reset_unix_ms", text("X-Limit-Reset")));
        }
        catalog.push(("headers", table(headers)));
    }
    if shape.api {
        catalog.push(("api_enum", text("Code")));
        catalog.push(("api_error", text("Error")));
    }
    let mut root = Table::new();
    root.insert("catalog".into(), table(catalog));
    let enums = shape
        .enums
        .iter()
        .enumerate()
        .map(|(at, def)| {
            let word = WORDS[at];
            let mut entry = vec![
                (
                    "code",
                    if def.string_code {
                        text(&format!("E-{word}"))
                    } else {
                        Value::Integer(1000 + at as i64)
                    },
                ),
                ("name", text(&format!("{word}Failed"))),
                (
                    "message",
                    text(&if def.retry_after {
                        format!("{word} failure until {{until}}")
                    } else {
                        format!("{word} failure")
                    }),
                ),
                ("kind", text("rate_limited")),
            ];
            if def.retry {
                entry.push(("retry", text("never")));
            }
            if def.description {
                entry.push(("description", text("What it means.")));
            }
            if let Some(deprecated) = def.deprecated {
                entry.push(("deprecated", Value::Boolean(deprecated)));
            }
            if def.retry_after {
                entry.push((
                    "retry_after",
                    table([("from", text("until")), ("unit", text("unix_seconds"))]),
                ));
            }
            if def.refinements > 0 {
                let refinements = (0..def.refinements)
                    .map(|r| {
                        table([
                            ("name", text(&format!("{word}Refined{r}"))),
                            ("message", text(&format!("{} number {{n}}", WORDS[r + 2]))),
                            ("kind", text("timeout")),
                        ])
                    })
                    .collect();
                entry.push(("refine", Value::Array(refinements)));
            }
            let mut def_table = vec![
                ("name", text(&format!("{word}Error"))),
                ("error", Value::Array(vec![table(entry)])),
            ];
            if shape.enums[at].doc {
                def_table.push(("doc", text("A section.")));
            }
            if let Some(responses) = shape.enums[at].responses {
                def_table.push(("responses", Value::Boolean(responses)));
            }
            table(def_table)
        })
        .collect();
    root.insert("enum".into(), Value::Array(enums));
    if !shape.http.is_empty() {
        let rules = shape
            .http
            .iter()
            .enumerate()
            .map(|(at, &(class, message, retry))| {
                let mut rule = vec![
                    (
                        "status",
                        if class {
                            text("5xx")
                        } else {
                            Value::Integer(418 + at as i64)
                        },
                    ),
                    ("name", text(&format!("Rule{at}"))),
                    ("kind", text("unavailable")),
                ];
                if message {
                    rule.push(("message", text("Banned {x}")));
                }
                if retry {
                    rule.push(("retry", text("verify_first")));
                }
                table(rule)
            })
            .collect();
        root.insert("http".into(), Value::Array(rules));
    }
    root
}

/// One change to one table of the catalog.
#[derive(Debug, Clone)]
enum Mutation {
    Remove,
    AddUnknown,
    Retype(usize),
    Restring(usize),
}

const OTHER_TYPES: &[fn() -> Value] = &[
    || text("x"),
    || Value::Integer(7),
    || Value::Float(1.5),
    || Value::Boolean(true),
    || Value::Array(vec![Value::Integer(1)]),
    || Value::Table(Table::new()),
];

/// Strings that break (or just keep) a name, path, header, status or template rule. None is
/// another generated message, and none has a placeholder, which could overlap a sibling's.
const TRICKY: &[&str] = &[
    "", " ", ".", "..", "a..b", "a.", ".a", "a.b", "Bad Name", "lower", "Self", "ALL", "X-Ok",
    "x y", "A_b", "5xx", "9xx", "{open", "{ }", "é", "x:y", "\t",
];

/// Counts the tables under `value` (itself included).
fn count_tables(value: &Value) -> usize {
    match value {
        Value::Table(table) => 1 + table.values().map(count_tables).sum::<usize>(),
        Value::Array(items) => items.iter().map(count_tables).sum(),
        _ => 0,
    }
}

/// Calls `change` on the `target`-th table under `value`, in the order `count_tables` counts.
fn with_table(
    value: &mut Value,
    target: usize,
    seen: &mut usize,
    change: &mut dyn FnMut(&mut Table) -> bool,
) -> Option<bool> {
    match value {
        Value::Table(table) => {
            if *seen == target {
                return Some(change(table));
            }
            *seen += 1;
            table
                .iter_mut()
                .map(|(_, child)| child)
                .find_map(|child| with_table(child, target, seen, change))
        }
        Value::Array(items) => items
            .iter_mut()
            .find_map(|item| with_table(item, target, seen, change)),
        _ => None,
    }
}

fn same_type(a: &Value, b: &Value) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

/// Applies `mutation` to the `which`-th table at its `key`-th key; false when it does not apply.
fn mutate(root: &mut Table, which: usize, key: usize, mutation: &Mutation) -> bool {
    let mut root_value = Value::Table(std::mem::take(root));
    let target = which % count_tables(&root_value);
    let mut change = |target: &mut Table| {
        let names: Vec<String> = target.keys().cloned().collect();
        let name = names.get(key % names.len().max(1)).cloned();
        let reads_placeholder = target.contains_key("retry_after");
        match (mutation, name) {
            (Mutation::AddUnknown, _) => {
                target.insert("bogus".into(), text("x"));
                true
            }
            (_, None) => false,
            (Mutation::Remove, Some(name)) => target.remove(&name).is_some(),
            // `from` must name a placeholder of the message: a rule across keys.
            (_, Some(name)) if name == "from" => false,
            (Mutation::Retype(with), Some(name)) => {
                let new = OTHER_TYPES[with % OTHER_TYPES.len()]();
                if same_type(&target[&name], &new) {
                    false
                } else {
                    target.insert(name, new);
                    true
                }
            }
            (Mutation::Restring(with), Some(name)) => {
                let keeps_placeholder = name == "message" && reads_placeholder;
                match &target[&name] {
                    Value::String(_) if !keeps_placeholder => {
                        target.insert(name, text(TRICKY[with % TRICKY.len()]));
                        true
                    }
                    _ => false,
                }
            }
        }
    };
    let applied = with_table(&mut root_value, target, &mut 0, &mut change).unwrap_or(false);
    let Value::Table(table) = root_value else {
        unreachable!("the root stays a table")
    };
    *root = table;
    applied
}

fn verdicts(validator: &Validator, catalog: &Table) -> (bool, bool, String) {
    let text = toml::to_string(catalog).expect("a catalog serializes");
    let json = serde_json::to_value(catalog).expect("a catalog is JSON");
    let checked = errcodes_codegen::check(&text);
    let errors: Vec<&str> = checked.errors().map(|e| e.message.as_str()).collect();
    (
        validator.is_valid(&json),
        checked.is_valid(),
        format!("{text}\nloader: {errors:?}"),
    )
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        Just(Mutation::Remove),
        Just(Mutation::AddUnknown),
        any::<usize>().prop_map(Mutation::Retype),
        any::<usize>().prop_map(Mutation::Restring),
    ]
}

proptest! {
    #![proptest_config(Config::with_cases(400))]

    #[test]
    fn the_schema_and_the_loader_accept_every_generated_catalog(shape in shape()) {
        let (schema, loader, shown) = verdicts(validator(), &build(&shape));
        prop_assert!(schema && loader, "schema {schema}, loader {loader}:\n{shown}");
    }

    #[test]
    fn the_schema_accepts_a_mutated_catalog_exactly_when_the_loader_does(
        shape in shape(),
        which in any::<usize>(),
        key in any::<usize>(),
        mutation in mutation(),
    ) {
        let mut catalog = build(&shape);
        prop_assume!(mutate(&mut catalog, which, key, &mutation));
        let (schema, loader, shown) = verdicts(validator(), &catalog);
        prop_assert_eq!(schema, loader, "{:?}:\n{}", mutation, shown);
    }
}

#[test]
fn the_disagreements_this_test_was_written_for_are_gone() {
    // `[[http]]` without `name`, or with `deprecated`: the loader refused both, the schema
    // accepted both.
    let validator = validator();
    for rule in [
        "status = 418\nkind = \"rate_limited\"\n",
        "status = 418\nname = \"Teapot\"\nkind = \"rate_limited\"\ndeprecated = true\n",
    ] {
        let text = format!(
            "[catalog]\nname = \"demo\"\n\n[[http]]\n{rule}\n[[enum]]\nname = \"DemoError\"\n\n[[enum.error]]\ncode = 1\nmessage = \"First\"\nkind = \"other\"\n"
        );
        let catalog: Table = toml::from_str(&text).unwrap();
        let (schema, loader, shown) = verdicts(validator, &catalog);
        assert!(
            !schema && !loader,
            "schema {schema}, loader {loader}:\n{shown}"
        );
    }
    // `array` beside `items = "."`: both claim a body that is a list; the loader refused it,
    // the schema accepted it (found by CI's run of the property test above).
    let text = "[catalog]\nname = \"demo\"\nenvelope = { items = \".\", item_code = \"sCode\", array = { tag = \"error\", code = 1, message = 2 } }\n\n[[enum]]\nname = \"DemoError\"\n\n[[enum.error]]\ncode = 1\nmessage = \"First\"\nkind = \"other\"\n";
    let catalog: Table = toml::from_str(text).unwrap();
    let (schema, loader, shown) = verdicts(validator, &catalog);
    assert!(
        !schema && !loader,
        "schema {schema}, loader {loader}:\n{shown}"
    );
    // Either one alone is fine with both.
    for one in [
        text.replace("items = \".\", item_code = \"sCode\", ", ""),
        text.replace(", array = { tag = \"error\", code = 1, message = 2 }", ""),
    ] {
        let catalog: Table = toml::from_str(&one).unwrap();
        let (schema, loader, shown) = verdicts(validator, &catalog);
        assert!(
            schema && loader,
            "schema {schema}, loader {loader}:\n{shown}"
        );
    }
}
