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

/// The page's tables, in order, each as its rows: (code, the second cell, or the third when the
/// second is empty, as the importer reads a row without a message) of every line of the table whose
/// first cell is a code. A table is a run of lines starting with `|`, the first its header.
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
            // A table's first line is its header (`| err-code | err-msg | … |` is no row).
            tables.push(Vec::new());
            in_table = true;
            continue;
        }
        let mut cells = inner.split('|').map(str::trim);
        let (Some(code), Some(message)) = (cells.next(), cells.next()) else {
            continue;
        };
        let message = match (message, cells.next()) {
            ("", Some(comment)) => comment,
            _ => message,
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
    let mut tables = tables();
    assert_eq!(tables.len(), 7, "the tables of the five excerpts");
    // The Account excerpt's second table lists the messages of `base-msg`: they refine the entry.
    let base_msg = tables.remove(2);
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
    // 7 + 9 + 27 + 30 + 7 + 11 rows; invalid-parameter and bad-request have 7 messages each.
    assert_eq!((tables.len(), rows, codes), (6, 91, 79));

    let (enum_name, entries) = &enums[2];
    assert_eq!(enum_name, "HtxTransferError");
    let entry = entries.iter().find(|entry| entry.code == "base-msg");
    let refined = &entry.expect("base-msg").refined;
    let documented: Vec<&str> = base_msg.iter().map(|row| row.message.as_str()).collect();
    assert!(base_msg.iter().all(|row| row.code == "base-msg"));
    assert_eq!(documented.len(), 23);
    assert_eq!(
        *refined, documented,
        "base-msg's refinements are its documented messages"
    );
}

#[test]
fn base_msg_is_answered_by_the_section_its_messages_refine() {
    use errcodes_catalogs::htx::{Code, HtxTransferError};
    // The transfer section comes before the margin sections, which list base-msg too, so a
    // response's base-msg reaches the entry that its documented messages refine.
    assert_eq!(
        Code::from_code("base-msg"),
        Some(Code::HtxTransferError(HtxTransferError::BaseMsg))
    );
}
