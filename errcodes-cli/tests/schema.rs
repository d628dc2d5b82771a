//! The JSON Schema of the catalog format: the committed copy is what `errcodes schema` prints,
//! its kinds and retry values are the runtime's, and every catalog kept in the repository
//! points to it on its first line.

mod common;

use std::path::Path;

use common::{errcodes, workspace};
use errcodes_runtime::{ErrorKind, Retry};
use serde_json::Value;

const COMMITTED: &str = "errcodes-catalogs/catalogs/catalog.schema.json";

fn printed() -> Value {
    let run = errcodes(&["schema"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("errcodes schema prints JSON")
}

#[test]
fn the_committed_schema_is_what_errcodes_schema_prints() {
    let run = errcodes(&["schema"]);
    let path = workspace().join(COMMITTED);
    let kept = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        kept == run.stdout,
        "{COMMITTED} differs from `errcodes schema`; regenerate it with \
         `cargo run -p errcodes-cli -- schema > {COMMITTED}`"
    );
}

fn enum_at<'a>(schema: &'a Value, pointer: &str) -> Vec<&'a str> {
    schema
        .pointer(pointer)
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("{pointer} is a list"))
        .iter()
        .map(|v| v.as_str().expect("a string"))
        .collect()
}

#[test]
fn kinds_and_retry_values_are_the_runtimes() {
    let schema = printed();
    let kinds: Vec<&str> = ErrorKind::ALL.iter().map(|k| k.as_str()).collect();
    let retries: Vec<&str> = Retry::ALL.iter().map(|r| r.as_str()).collect();
    let entry = "/properties/enum/items/properties/error/items/properties";
    for at in [
        entry.to_owned(),
        format!("{entry}/refine/items/properties"),
        "/properties/http/items/properties".to_owned(),
    ] {
        assert_eq!(enum_at(&schema, &format!("{at}/kind/enum")), kinds, "{at}");
        assert_eq!(
            enum_at(&schema, &format!("{at}/retry/enum")),
            retries,
            "{at}"
        );
    }
}

#[test]
fn every_key_has_a_description() {
    fn walk(value: &Value, at: &str, missing: &mut Vec<String>) {
        let Some(object) = value.as_object() else {
            return;
        };
        if let Some(Value::Object(properties)) = object.get("properties") {
            for (key, property) in properties {
                let here = format!("{at}.{key}");
                if property
                    .get("description")
                    .and_then(Value::as_str)
                    .is_none()
                {
                    missing.push(here.clone());
                }
                walk(property, &here, missing);
            }
        }
        if let Some(items) = object.get("items") {
            walk(items, &format!("{at}[]"), missing);
        }
    }
    let mut missing = Vec::new();
    walk(&printed(), "", &mut missing);
    assert!(
        missing.is_empty(),
        "keys without a description: {missing:?}"
    );
}

/// The `#:schema` target of a catalog's first line, resolved from its directory.
fn schema_target(catalog: &Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(catalog).expect("read catalog");
    let first = text.lines().next().unwrap_or_default();
    let target = first.strip_prefix("#:schema ").unwrap_or_else(|| {
        panic!(
            "{}: first line is not `#:schema …`: {first}",
            catalog.display()
        )
    });
    catalog.parent().expect("a directory").join(target.trim())
}

#[test]
fn kept_catalogs_point_to_the_committed_schema() {
    let committed = workspace().join(COMMITTED).canonicalize().unwrap();
    let mut seen = 0;
    for dir in ["errcodes-catalogs/catalogs", "tests/imported"] {
        for entry in std::fs::read_dir(workspace().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                let target = schema_target(&path);
                assert_eq!(
                    target.canonicalize().ok().as_ref(),
                    Some(&committed),
                    "{}",
                    path.display()
                );
                seen += 1;
            }
        }
    }
    assert!(seen >= 10, "only {seen} catalogs found");
}

#[test]
fn import_points_a_catalog_in_a_clone_to_the_repositorys_schema() {
    let dir = common::scratch("import_schema_ref");
    let doc = common::write(
        &dir,
        "acme.md",
        "| Code | Message |\n| --- | --- |\n| 1 | Bad |\n",
    );
    // Inside the clone: a relative path that resolves to the committed schema.
    let inside = workspace().join("target/import-schema-ref");
    std::fs::create_dir_all(&inside).unwrap();
    let out = inside.join("acme.toml");
    let run = errcodes(&[
        "import".as_ref(),
        doc.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        schema_target(&out).canonicalize().unwrap(),
        workspace().join(COMMITTED).canonicalize().unwrap()
    );
    // `--schema` wins.
    let run = errcodes(&[
        "import".as_ref(),
        doc.as_os_str(),
        "--schema".as_ref(),
        "my.schema.json".as_ref(),
    ]);
    assert!(
        run.stdout.starts_with("#:schema my.schema.json\n"),
        "{}",
        run.stdout
    );
}
