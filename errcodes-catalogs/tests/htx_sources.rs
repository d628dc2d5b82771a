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
    // The Trading chapter's section comes first (tests/sources.rs), then one section per table
    // here, then the introduction's table (`introduction_table_is_the_last_section` below).
    assert_eq!(enums.len(), 1 + tables.len() + 1, "one section per table");
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

/// The rows of the introduction's table of 2020 (`sources/htx_intro.md`) whose first cell is an
/// err-code: the one row whose first cell is a message with example ids is not a code.
#[test]
fn introduction_table_is_the_last_section() {
    let page = workspace_file("sources/htx_intro.md");
    let (_, page) = page.split_once("-->\n").expect("the header comment");
    let mut cells_of_rows = page
        .lines()
        .filter_map(|line| line.trim().strip_prefix('|')?.strip_suffix('|'));
    let header = cells_of_rows.next().expect("the table's header");
    assert_eq!(header, " Error Message | Description ");
    let rows: Vec<Row<String>> = cells_of_rows
        .filter_map(|inner| {
            let (code, message) = inner.split_once('|')?;
            let code = code.trim();
            is_code(code).then(|| Row {
                code: code.to_owned(),
                message: rendered(message.trim()),
                struck: false,
            })
        })
        .collect();
    assert_eq!(rows.len(), 19, "20 rows, one of them a message");
    let enums = string_catalog("htx");
    let (enum_name, entries) = enums.last().expect("sections");
    assert_eq!(enum_name, "HtxCommonError");
    assert_eq!(assert_rows_in("htx", enum_name, &rows, entries), 19);
    let listed: Vec<&str> = entries.iter().map(|entry| entry.code.as_str()).collect();
    let documented: Vec<&str> = rows.iter().map(|row| row.code.as_str()).collect();
    assert_eq!(listed, documented, "the table's codes, in order");
}

#[test]
fn the_introductions_codes_reach_their_entries() {
    use errcodes_catalogs::ErrorKind;
    use errcodes_catalogs::htx::{Code, HtxCommonError};
    // Before this section these were unlisted: a bad signature got only the status's default.
    let code = Code::from_code("api-signature-not-valid").expect("listed");
    assert_eq!(
        code,
        Code::HtxCommonError(HtxCommonError::ApiSignatureNotValid)
    );
    assert_eq!(code.kind(), ErrorKind::Authentication);
    let busy = Code::from_code("gateway-internal-error").expect("listed");
    assert_eq!(busy.kind(), ErrorKind::Unavailable);
    // A code the Trading table lists too is still read by the Trading section.
    assert!(matches!(
        Code::from_code("order-accountbalance-error"),
        Some(Code::HtxError(_))
    ));
}
