//! Reading the documentation pages saved in `sources/` without the importer, and comparing their
//! rows with a bundled catalog: every documented code and message must be in the catalog.
#![allow(dead_code)] // each test binary uses its own part

use std::fs;
use std::path::PathBuf;

/// A documented row: its code (an integer, or a string for catalogs of string codes), its message
/// as the page shows it once markdown is rendered, and whether the page strikes the code through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<C = i64> {
    pub code: C,
    pub message: String,
    pub struck: bool,
}

/// One catalog entry, as the TOML file states it.
#[derive(Debug)]
pub struct Entry<C = i64> {
    pub code: C,
    pub message: String,
    pub description: String,
    pub deprecated: bool,
    /// The messages of its `[[enum.error.refine]]` tables, in order.
    pub refined: Vec<String>,
}

/// The text of a file of the workspace, by its path from the workspace root.
pub fn workspace_file(relative: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(relative);
    fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The `[[enum]]` tables of `catalogs/<name>.toml`, each as (enum name, its entries).
pub fn catalog(name: &str) -> Vec<(String, Vec<Entry>)> {
    catalog_of(name, |code| code.as_integer().expect("an integer code"))
}

/// The same, for a catalog of string codes.
pub fn string_catalog(name: &str) -> Vec<(String, Vec<Entry<String>>)> {
    catalog_of(name, |code| {
        code.as_str().expect("a string code").to_owned()
    })
}

fn catalog_of<C>(name: &str, code_of: fn(&toml::Value) -> C) -> Vec<(String, Vec<Entry<C>>)> {
    let text = workspace_file(&format!("errcodes-catalogs/catalogs/{name}.toml"));
    let catalog: toml::Table = text.parse().expect("the catalog is TOML");
    let text_of = |table: &toml::Table, key: &str| {
        table
            .get(key)
            .and_then(toml::Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    catalog["enum"]
        .as_array()
        .expect("[[enum]] tables")
        .iter()
        .map(|def| {
            let def = def.as_table().expect("an [[enum]] table");
            let entries = def["error"]
                .as_array()
                .expect("[[enum.error]] tables")
                .iter()
                .map(|entry| {
                    let entry = entry.as_table().expect("an [[enum.error]] table");
                    Entry {
                        code: code_of(&entry["code"]),
                        message: text_of(entry, "message"),
                        description: text_of(entry, "description"),
                        deprecated: entry
                            .get("deprecated")
                            .and_then(toml::Value::as_bool)
                            .unwrap_or(false),
                        refined: entry
                            .get("refine")
                            .and_then(toml::Value::as_array)
                            .into_iter()
                            .flatten()
                            .map(|refine| {
                                let refine = refine.as_table().expect("a refine table");
                                text_of(refine, "message")
                            })
                            .collect(),
                    }
                })
                .collect();
            (text_of(def, "name"), entries)
        })
        .collect()
}

/// Markdown rendered to its text the way a reader sees it: `[text](target)` is `text`, and
/// `` ` ``, `**` and `~~` marks are dropped.
pub fn rendered(markdown: &str) -> String {
    let mut text = String::new();
    let mut rest = markdown;
    while let Some(open) = rest.find('[') {
        let link = rest[open + 1..]
            .split_once("](")
            .and_then(|(label, after)| {
                let close = after.find(')')?;
                (!label.contains('[')).then_some((label, &after[close + 1..]))
            });
        match link {
            Some((label, after)) => {
                text.push_str(&rest[..open]);
                text.push_str(label);
                rest = after;
            }
            None => {
                text.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    text.push_str(rest);
    text.replace('`', "").replace("**", "").replace("~~", "")
}

/// Whether a catalog's message is the page's: the same text, only its placeholders possibly
/// renamed (`{currency}` for the page's `{param0}`), the rule of `Template::same_shape`. A
/// message without placeholders must be the page's byte for byte.
pub fn faithful(catalog: &str, page: &str) -> bool {
    use errcodes_catalogs::errcodes_runtime::Template;
    Template::new(catalog).same_shape(&Template::new(page))
}

/// Checks that `entries` (one enum of a catalog) hold exactly the codes of `rows`, each with the
/// first documented message as its message and every further one in its description (a repeat of
/// the message itself adds nothing and is not folded), and the struck-through codes deprecated.
/// Returns how many rows were found.
pub fn assert_rows_in<C: PartialEq + Clone + std::fmt::Display>(
    catalog: &str,
    enum_name: &str,
    rows: &[Row<C>],
    entries: &[Entry<C>],
) -> usize {
    let mut codes: Vec<C> = Vec::new();
    for row in rows {
        let entry = entries
            .iter()
            .find(|entry| entry.code == row.code)
            .unwrap_or_else(|| panic!("{catalog} {enum_name}: code {} is missing", row.code));
        if codes.contains(&row.code) {
            let folded = format!("Also documented as: {}", row.message);
            assert!(
                faithful(&entry.message, &row.message)
                    || entry.description.lines().any(|line| {
                        // The importer adds the row's own description after a dash, if it has one.
                        line.strip_prefix(folded.as_str())
                            .is_some_and(|rest| rest.is_empty() || rest.starts_with(" — "))
                    }),
                "{catalog} {enum_name} {}: {:?} is neither the message nor in the description",
                row.code,
                row.message
            );
        } else {
            codes.push(row.code.clone());
            assert!(
                faithful(&entry.message, &row.message),
                "{catalog} {enum_name} {}: message {:?} is not the page's {:?}",
                row.code,
                entry.message,
                row.message
            );
            assert_eq!(
                entry.deprecated, row.struck,
                "{catalog} {enum_name} {}: deprecated",
                row.code
            );
        }
    }
    rows.len()
}
