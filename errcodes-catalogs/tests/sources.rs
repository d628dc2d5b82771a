//! Every row of a saved documentation page (`sources/`) is in its catalog, code and message
//! byte for byte, and the catalog has no entry the page lacks. The page is read here with a
//! plain table reader, apart from `errcodes import`, so an importer bug cannot hide a row.

use std::fs;
use std::path::PathBuf;

/// The workspace's `sources/` and this crate's `catalogs/`.
fn read(relative_to_workspace: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the crate lives inside the workspace")
        .join(relative_to_workspace);
    fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The text after the page's leading `<!-- … -->` header (the only addition to the page).
fn page(source: &str) -> &str {
    let (_, rest) = source
        .split_once("-->\n")
        .expect("a saved page starts with its <!-- … --> header");
    rest
}

/// The `(code, message)` cells of the two-column pipe-table rows of `page` whose first cell
/// satisfies `is_code`; header and separator rows fail `is_code`. Cells are trimmed, nothing else.
fn table_rows(page: &str, is_code: impl Fn(&str) -> bool) -> Vec<(String, String)> {
    page.lines()
        .filter_map(|line| {
            let inner = line.trim().strip_prefix('|')?.strip_suffix('|')?;
            let (code, message) = inner.split_once('|')?;
            let code = code.trim();
            is_code(code).then(|| (code.to_owned(), message.trim().to_owned()))
        })
        .collect()
}

/// The `(code, message)` of every entry of the catalog, in file order; integer codes as written.
fn catalog_entries(catalog: &str) -> Vec<(String, String)> {
    let catalog: toml::Table = catalog.parse().expect("the catalog is TOML");
    let enums = catalog["enum"].as_array().expect("[[enum]] tables");
    enums
        .iter()
        .flat_map(|section| section["error"].as_array().expect("[[enum.error]] tables"))
        .map(|entry| {
            let code = match &entry["code"] {
                toml::Value::Integer(code) => code.to_string(),
                toml::Value::String(code) => code.clone(),
                other => panic!("a code is an integer or a string, not {other:?}"),
            };
            let message = entry["message"].as_str().expect("a message").to_owned();
            (code, message)
        })
        .collect()
}

fn is_integer(cell: &str) -> bool {
    cell.parse::<i64>().is_ok()
}

#[test]
fn mexc_futures_has_every_documented_row() {
    let rows = table_rows(page(&read("sources/mexc_futures.md")), is_integer);
    assert_eq!(rows.len(), 72, "rows of the docs' \"Error code\" table");
    let entries = catalog_entries(&read("errcodes-catalogs/catalogs/mexc_futures.toml"));
    assert_eq!(
        entries, rows,
        "catalog entries vs the page's rows, in order"
    );
}

/// A kebab-case string code (`order-accountbalance-error`); header and separator cells fail.
fn is_kebab_code(cell: &str) -> bool {
    cell.starts_with(|c: char| c.is_ascii_lowercase())
        && cell
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[test]
fn htx_has_every_documented_row() {
    let rows = table_rows(page(&read("sources/htx.md")), is_kebab_code);
    assert_eq!(rows.len(), 54, "rows of the Trading \"Error Code\" table");
    let entries = catalog_entries(&read("errcodes-catalogs/catalogs/htx.toml"));
    assert_eq!(
        entries[..rows.len()],
        rows[..],
        "the first section's entries vs the page's rows, in order"
    );
}

/// BitMEX's page: a Swagger `responses` object (`"400": {` then `"description": "…",`) and README
/// sections `#### HTTP 429` whose message is the first sentence of the paragraph under the heading.
/// Statuses below 400 are successes and not rows.
fn bitmex_rows(page: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = page.lines().collect();
    let mut rows = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let next = lines.get(index + 1).copied().unwrap_or_default();
        let swagger_status = line
            .trim()
            .strip_prefix('"')
            .and_then(|rest| rest.strip_suffix("\": {"));
        if let Some(status) = swagger_status.filter(|status| is_integer(status)) {
            let description = next
                .trim()
                .strip_prefix("\"description\": \"")
                .and_then(|rest| rest.strip_suffix("\","))
                .expect("a response's description follows its status");
            rows.push((status.to_owned(), description.to_owned()));
        } else if let Some(status) = line.strip_prefix("#### HTTP ") {
            let end = next.find(". ").map_or(next.len(), |end| end + 1);
            rows.push((status.to_owned(), next[..end].to_owned()));
        }
    }
    rows.retain(|(status, _)| status.parse::<u16>().is_ok_and(|status| status >= 400));
    rows
}

#[test]
fn bitmex_has_every_documented_status() {
    let rows = bitmex_rows(page(&read("sources/bitmex.md")));
    assert_eq!(
        rows.len(),
        6,
        "400-404 from the spec, 429 and 503 from the README"
    );
    let entries = catalog_entries(&read("errcodes-catalogs/catalogs/bitmex.toml"));
    assert_eq!(
        entries, rows,
        "catalog entries vs the page's statuses, in order"
    );
}

/// The `(code, description)` of the rows of `| Event | Code | Description |` tables: the code is
/// the second cell. Cells are trimmed, nothing else.
fn event_table_rows(page: &str) -> Vec<(String, String)> {
    page.lines()
        .filter_map(|line| {
            let inner = line.trim().strip_prefix('|')?.strip_suffix('|')?;
            let cells: Vec<&str> = inner.split('|').map(str::trim).collect();
            match cells[..] {
                [_, code, description] if is_integer(code) => {
                    Some((code.to_owned(), description.to_owned()))
                }
                _ => None,
            }
        })
        .collect()
}

#[test]
fn bitfinex_has_every_documented_row() {
    let rows = event_table_rows(page(&read("sources/bitfinex.md")));
    assert_eq!(rows.len(), 22, "rows of the \"Error/Info Codes\" table");
    let entries = catalog_entries(&read("errcodes-catalogs/catalogs/bitfinex.toml"));
    assert_eq!(
        entries[..rows.len()],
        rows[..],
        "catalog entries (errors, then info events) vs the page's rows, in order"
    );
}

/// The `(code, message)` of the lines `10011 : Unknown Book precision` of a page.
fn colon_rows(page: &str) -> Vec<(String, String)> {
    page.lines()
        .filter_map(|line| {
            let (code, message) = line.split_once(" : ")?;
            is_integer(code).then(|| (code.to_owned(), message.to_owned()))
        })
        .collect()
}

#[test]
fn bitfinex_has_every_code_of_the_order_books_page() {
    let rows = colon_rows(page(&read("sources/bitfinex_books.md")));
    assert_eq!(rows.len(), 2, "the \"Error Codes\" callout's lines");
    let entries = catalog_entries(&read("errcodes-catalogs/catalogs/bitfinex.toml"));
    assert_eq!(
        entries[entries.len() - rows.len()..],
        rows[..],
        "the last section vs the page's codes, in order"
    );
    // Before the section these were unlisted.
    use errcodes_catalogs::bitfinex::{BitfinexBookError, Code};
    assert_eq!(
        Code::from_code(10011),
        Some(Code::BitfinexBookError(
            BitfinexBookError::UnknownBookPrecision
        ))
    );
    assert_eq!(
        Code::from_code(10012).map(|code| code.kind()),
        Some(errcodes_catalogs::ErrorKind::InvalidRequest)
    );
}

/// The values of an "Available options:" list: lines holding one backquoted identifier, with or
/// without a trailing comma. The docs give no description, so each row's message is its value.
fn option_rows(page: &str) -> Vec<(String, String)> {
    page.lines()
        .filter_map(|line| {
            let line = line.strip_suffix(',').unwrap_or(line);
            let value = line.strip_prefix('`')?.strip_suffix('`')?;
            Some((value.to_owned(), value.to_owned()))
        })
        .collect()
}

#[test]
fn coinbase_has_every_documented_value() {
    let rows = option_rows(page(&read("sources/coinbase.md")));
    assert_eq!(rows.len(), 150, "values of the `errs` enum");
    let entries = catalog_entries(&read("errcodes-catalogs/catalogs/coinbase.toml"));
    assert_eq!(
        entries, rows,
        "catalog entries vs the page's values, in order"
    );
}

/// The `(wire string, second cell)` of the rows of the tables headed `| Wire string | … |`: a first
/// cell in backquotes (`` `EAPI:Invalid key` ``), a row naming two strings (`` `A` / `B` ``) giving
/// one row each. Backquotes are dropped from both cells, as a reader sees them; nothing else is
/// changed. The guide's other tables (the SDK's own types) are not rows.
fn wire_rows(page: &str) -> Vec<(String, String)> {
    let mut in_table = false;
    let mut rows = Vec::new();
    for line in page.lines() {
        if line.starts_with("| Wire string |") {
            in_table = true;
            continue;
        }
        in_table &= line.starts_with('|');
        let inner = line
            .strip_prefix("| `")
            .and_then(|row| row.strip_suffix(" |"));
        let Some(inner) = inner.filter(|_| in_table) else {
            continue;
        };
        let mut cells = inner.split(" | ");
        let wires = cells.next().and_then(|cell| cell.strip_suffix('`'));
        let (Some(wires), Some(message)) = (wires, cells.next()) else {
            panic!("a row of a wire-string table: {line}");
        };
        for wire in wires.split("` / `") {
            rows.push((wire.to_owned(), message.trim().replace('`', "")));
        }
    }
    rows
}

#[test]
fn kraken_has_every_row_of_the_sdk_guide() {
    let rows = wire_rows(page(&read("sources/kraken_sdk.md")));
    assert_eq!(
        rows.len(),
        13,
        "6 + 1 authentication strings, 6 rate-limit strings"
    );
    // The guide's own rules, written as templates: `EAuth:*` is every EAuth string, and the
    // general (non-`EOrder:`) rate-limit strings "match by prefix".
    let rate_limits = rows
        .iter()
        .position(|(wire, _)| wire == "EAPI:Rate limit exceeded");
    let expected: Vec<(String, String)> = rows
        .iter()
        .enumerate()
        .map(|(at, (wire, message))| {
            let code = match wire.strip_suffix('*') {
                Some(prefix) => format!("{prefix}{{detail}}"),
                None if Some(at) >= rate_limits && !wire.starts_with("EOrder:") => {
                    format!("{wire}{{detail}}")
                }
                None => wire.clone(),
            };
            (code, message.clone())
        })
        .chain(
            // Named in the guide's prose, without a description of their own.
            ["EQuery:Unknown asset pair", "EOrder:Invalid order"]
                .map(|wire| (wire.to_owned(), wire.to_owned())),
        )
        .collect();
    let entries = catalog_entries(&read("errcodes-catalogs/catalogs/kraken.toml"));
    assert_eq!(
        entries[entries.len() - expected.len()..],
        expected[..],
        "the catalog's last three sections vs the guide's rows, in order"
    );
}

/// The `(code, message)` of table rows written without the outer pipes (`1000 | System error.`, or
/// `403\t|\tinvalid ID   |`), the first cell an integer. Cells are trimmed, nothing else.
fn bare_table_rows(page: &str) -> Vec<(String, String)> {
    page.lines()
        .filter_map(|line| {
            let (code, message) = line.split_once('|')?;
            let message = message.trim();
            let message = message.strip_suffix('|').unwrap_or(message).trim();
            let code = code.trim();
            is_integer(code).then(|| (code.to_owned(), message.to_owned()))
        })
        .collect()
}

#[test]
fn htx_futures_has_every_documented_row() {
    let rows = bare_table_rows(page(&read("sources/htx_futures.md")));
    assert_eq!(rows.len(), 209, "rows of \"Details of Each Error Code\"");
    let entries = catalog_entries(&read("errcodes-catalogs/catalogs/htx_futures.toml"));
    assert_eq!(
        entries, rows,
        "catalog entries vs the page's rows, in order"
    );
}
