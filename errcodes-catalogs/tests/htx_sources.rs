//! Every row of the other chapters' "Error Code" tables of HTX's spot page
//! (`sources/htx_chapters.md`) is in the sections the catalog appends for them, read from the
//! page itself, not through `errcodes import`.

mod source_pages;

use source_pages::{Row, assert_rows_in, rendered, string_catalog, workspace_file};

/// A string code as these tables write it: one word of letters, digits, `-` and `_` (some are
/// capitalized, `Base-user-request-exceed-limit`); header cells have spaces, separators only dashes.
fn is_code(cell: &str) -> bool {
    !cell.is_empty()
        && cell.chars().any(|c| c.is_ascii_alphabetic())
        && cell
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The page's tables, in order, each as its rows: (code, the second cell) of every line of the
/// table whose first cell is a code. A table is a run of lines starting with `|`.
fn tables() -> Vec<Vec<Row<String>>> {
    let page = workspace_file("sources/htx_chapters.md");
    let (_, page) = page.split_once("-->\n").expect("the header comment");
    let mut tables: Vec<Vec<Row<String>>> = Vec::new();
    let mut in_table = false;
    for line in page.lines() {
        let Some(inner) = line.trim().strip_prefix('|') else {
            in_table = false;
            continue;
        };
        if !in_table {
            tables.push(Vec::new());
            in_table = true;
        }
        let mut cells = inner.split('|').map(str::trim);
        let (Some(code), Some(message)) = (cells.next(), cells.next()) else {
            continue;
        };
        if is_code(code) {
            let table = tables.last_mut().expect("a table was started");
            table.push(Row {
                code: code.to_owned(),
                message: rendered(message),
                struck: false,
            });
        }
    }
    tables
}

#[test]
fn every_row_of_every_table() {
    let tables = tables();
    let enums = string_catalog("htx");
    // The Trading chapter's section comes first (tests/sources.rs); one section per table here.
    assert_eq!(enums.len(), 1 + tables.len(), "one section per table");
    let mut rows = 0;
    let mut codes = 0;
    for (documented, (enum_name, entries)) in tables.iter().zip(&enums[1..]) {
        rows += assert_rows_in("htx", enum_name, documented, entries);
        let mut distinct: Vec<&str> = documented.iter().map(|row| row.code.as_str()).collect();
        distinct.sort_unstable();
        distinct.dedup();
        let mut listed: Vec<&str> = entries.iter().map(|entry| entry.code.as_str()).collect();
        listed.sort_unstable();
        assert_eq!(listed, distinct, "{enum_name}: the table's codes");
        codes += distinct.len();
    }
    // 7 + 27 + 30 + 7 + 11 rows; invalid-parameter and bad-request have 7 messages each.
    assert_eq!((tables.len(), rows, codes), (5, 82, 70));
}
