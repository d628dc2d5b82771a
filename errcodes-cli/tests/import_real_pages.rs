//! Real documentation pages of venues that are not bundled (excerpts saved byte for byte in
//! `tests/fixtures/pages/`; `README.md` there says where each comes from). Each imports with
//! every documented row, messages as the page shows them, and codes of the right type.
//!
//! The documented rows are read here with a deliberately naive reader (every line after a
//! `---|---` separator up to a blank line is a row; HTML `<td>`s one per line), independent of
//! the importer's parsers.

mod common;

use std::path::PathBuf;

use common::{errcodes, valid};
use errcodes_codegen::{Catalog, Code};

fn page(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pages")
        .join(name)
}

fn import(name: &str, args: &[&str]) -> (Catalog, String) {
    let doc = page(name);
    let mut all: Vec<&std::ffi::OsStr> = vec!["import".as_ref(), doc.as_os_str()];
    all.extend(args.iter().map(std::ffi::OsStr::new));
    let run = errcodes(&all);
    assert_eq!(run.code, 0, "{name}: {}", run.stderr);
    (valid(&run.stdout), run.stderr)
}

/// A pipe table as the page writes it: header cells and rows of cells, markup left in.
struct PipeTable {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn cells(line: &str) -> Vec<String> {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let line = line.strip_suffix('|').unwrap_or(line);
    line.split('|').map(|c| c.trim().to_owned()).collect()
}

fn pipe_tables(text: &str) -> Vec<PipeTable> {
    let lines: Vec<&str> = text.lines().collect();
    let mut tables = Vec::new();
    for at in 1..lines.len() {
        let separator = lines[at].trim();
        if !(separator.contains("---") && separator.chars().all(|c| "|-: ".contains(c))) {
            continue;
        }
        let rows = lines[at + 1..]
            .iter()
            .take_while(|l| !l.trim().is_empty())
            .map(|l| cells(l))
            .collect();
        tables.push(PipeTable {
            header: cells(lines[at - 1]),
            rows,
        });
    }
    tables
}

/// What a reader sees of a cell of these pages: no backticks, `<br>` gone, `\*` is `*`.
fn visible(cell: &str) -> String {
    let mut out = String::new();
    let mut chars = cell
        .replace('`', "")
        .replace("<br>", "")
        .chars()
        .collect::<Vec<_>>()
        .into_iter()
        .peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some(next)) if next.is_ascii_punctuation() => {}
            _ => out.push(c),
        }
    }
    out.trim().to_owned()
}

/// Asserts that `code` is listed with `message` (as its message, or as a further documented
/// message in its description) in some enum.
fn assert_listed(catalog: &Catalog, code: &Code, message: &str) {
    let found = catalog.enums.iter().flat_map(|d| &d.entries).any(|e| {
        &e.code == code
            && (e.message == message
                || e.description.as_deref().is_some_and(|d| {
                    d.lines()
                        .any(|l| l == format!("Also documented as: {message}"))
                }))
    });
    assert!(found, "{code} `{message}` is not in the catalog");
}

fn entries(catalog: &Catalog) -> usize {
    catalog.enums.iter().map(|d| d.entries.len()).sum()
}

/// Distinct codes per table, summed: what the catalog holds when each table is a section.
fn distinct_per_table(tables: &[(Vec<String>, Vec<String>)]) -> usize {
    tables
        .iter()
        .map(|(codes, _)| {
            let mut codes = codes.clone();
            codes.sort();
            codes.dedup();
            codes.len()
        })
        .sum()
}

fn all_codes(catalog: &Catalog) -> impl Iterator<Item = &Code> {
    catalog
        .enums
        .iter()
        .flat_map(|d| &d.entries)
        .map(|e| &e.code)
}

#[test]
fn gateio_labels_under_bullet_titles_with_a_caption_in_the_header() {
    // Gate's `label` list: string codes, one table per bullet item, and a header cell that
    // reads "label list`label`" (the table's caption run into it).
    let (catalog, stderr) = import("gateio_apiv4_labels.md", &[]);
    let text = std::fs::read_to_string(page("gateio_apiv4_labels.md")).unwrap();
    let tables: Vec<(Vec<String>, Vec<String>)> = pipe_tables(&text)
        .into_iter()
        .map(|t| {
            assert_eq!(t.header, ["label list`label`", "Meaning"]);
            t.rows
                .iter()
                .map(|r| (r[0].clone(), visible(&r[1])))
                .unzip()
        })
        .collect();
    assert_eq!(tables.len(), 10);
    for (codes, messages) in &tables {
        for (code, message) in codes.iter().zip(messages) {
            assert_listed(&catalog, &Code::Str(code.clone()), message);
        }
    }
    assert_eq!(entries(&catalog), distinct_per_table(&tables));
    assert!(all_codes(&catalog).all(|c| matches!(c, Code::Str(_))));
    assert_eq!(
        catalog.enums[0].doc.as_deref(),
        Some("Request parameter or format related")
    );
    assert!(stderr.contains("column 1 (`label listlabel`)"), "{stderr}");
}

#[test]
fn hkdax_html_page_with_parameter_tables_around_the_error_table() {
    let (catalog, stderr) = import("hkdax_spot.html", &[]);
    let text = std::fs::read_to_string(page("hkdax_spot.html")).unwrap();
    let errors = &text[text
        .find("<h1 id='error-code'>")
        .expect("the error section")..];
    let cells: Vec<&str> = errors
        .lines()
        .filter_map(|l| l.trim().strip_prefix("<td>")?.strip_suffix("</td>"))
        .collect();
    assert_eq!(cells.len() % 3, 0);
    let rows: Vec<&[&str]> = cells.chunks(3).collect();
    assert!(rows.len() >= 15);
    for row in &rows {
        assert_listed(&catalog, &Code::Int(row[0].parse().unwrap()), row[2]);
    }
    assert_eq!(entries(&catalog), rows.len());
    assert_eq!(catalog.enums.len(), 1);
    assert_eq!(catalog.enums[0].doc.as_deref(), Some("Error Code"));
    // The parameter table before it is skipped and said so, at its line.
    assert!(
        stderr.contains("hkdax_spot.html:3: warning: table skipped: no Code column"),
        "{stderr}"
    );
}

#[test]
fn antalpha_html_error_table_and_a_changelog_of_dated_headings() {
    let (catalog, _) = import("antalpha_portfolio.html", &[]);
    let text = std::fs::read_to_string(page("antalpha_portfolio.html")).unwrap();
    let errors = &text[text
        .find("<h1 id='6-error-codes'>")
        .expect("the error section")..];
    let errors = &errors[..errors
        .find("<h1 id='7-update-notes'>")
        .expect("the changelog")];
    let cells: Vec<&str> = errors
        .lines()
        .filter_map(|l| l.trim().strip_prefix("<td>")?.strip_suffix("</td>"))
        .collect();
    let rows: Vec<&[&str]> = cells.chunks(3).collect();
    assert_eq!(rows.len(), 8);
    for row in &rows {
        assert_listed(&catalog, &Code::Int(row[0].parse().unwrap()), row[2]);
    }
    // The changelog's `<h2>20240715</h2>` + bullets are dates, not codes.
    assert_eq!(entries(&catalog), rows.len());
    assert_eq!(catalog.enums.len(), 1);
}

#[test]
fn bitmart_sections_with_a_tooltip_in_the_code_header_and_an_empty_column() {
    let (catalog, _) = import("bitmart.md", &[]);
    let text = std::fs::read_to_string(page("bitmart.md")).unwrap();
    let tables: Vec<(Vec<String>, Vec<String>)> = pipe_tables(&text)
        .into_iter()
        .filter_map(|t| {
            // Every table but the first (HTTP statuses) has a code column, named one way or
            // the other.
            let code = t
                .header
                .iter()
                .position(|h| h == "code error code" || h == "Error Code")?;
            Some((t, code))
        })
        .map(|(t, code)| {
            t.rows
                .iter()
                .map(|r| (r[code].clone(), visible(&r[0])))
                .unzip()
        })
        .collect();
    assert_eq!(tables.len(), 5);
    for (codes, messages) in &tables {
        for (code, message) in codes.iter().zip(messages) {
            assert_listed(&catalog, &Code::Int(code.parse().unwrap()), message);
        }
    }
    assert_eq!(entries(&catalog), distinct_per_table(&tables));
}

#[test]
fn bitget_swapped_header_and_zero_padded_codes_stay_strings() {
    let (catalog, stderr) = import("bitget.md", &[]);
    let text = std::fs::read_to_string(page("bitget.md")).unwrap();
    let tables = pipe_tables(&text);
    assert_eq!(tables.len(), 1);
    // The header says `Error message | Error code`; the cells say code, then message.
    let rows = &tables[0].rows;
    for row in rows {
        assert_listed(&catalog, &Code::Str(row[0].clone()), &visible(&row[1]));
    }
    assert_eq!(entries(&catalog), rows.len());
    assert!(rows.iter().any(|r| r[0] == "00001"));
    assert!(!stderr.contains("row skipped"), "{stderr}");
}

#[test]
fn xt_message_codes_need_the_code_column_named() {
    let doc = page("xt.md");
    let run = errcodes(&["import".as_ref(), doc.as_os_str()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("found 3 markdown tables in xt.md, but none has a column of codes (headers: httpStatus | Description; rc | Description; mc | Message); name the code column with --code-column"),
        "{}",
        run.stderr
    );
    let (catalog, _) = import("xt.md", &["--code-column", "MC"]);
    let text = std::fs::read_to_string(&doc).unwrap();
    let table = pipe_tables(&text)
        .into_iter()
        .find(|t| t.header[0] == "mc")
        .unwrap();
    let (codes, messages): (Vec<String>, Vec<String>) = table
        .rows
        .iter()
        .map(|r| (r[0].clone(), visible(&r[1])))
        .unzip();
    for (code, message) in codes.iter().zip(&messages) {
        assert_listed(&catalog, &Code::Str(code.clone()), message);
    }
    // SYMBOL_001 is documented twice: one entry, the second message in its description.
    assert_eq!(entries(&catalog), distinct_per_table(&[(codes, messages)]));
    assert_eq!(table.rows.len(), entries(&catalog) + 1);
}

#[test]
fn hyperliquid_error_strings_by_named_columns() {
    let (by_name, _) = import(
        "hyperliquid.md",
        &[
            "--code-column",
            "error type",
            "--message-column",
            "Error string",
        ],
    );
    let (by_number, _) = import(
        "hyperliquid.md",
        &["--code-column", "2", "--message-column", "3"],
    );
    let text = std::fs::read_to_string(page("hyperliquid.md")).unwrap();
    let tables = pipe_tables(&text);
    assert_eq!(tables.len(), 1);
    for catalog in [&by_name, &by_number] {
        for row in &tables[0].rows {
            assert_listed(catalog, &Code::Str(visible(&row[1])), &visible(&row[2]));
        }
        assert_eq!(entries(catalog), tables[0].rows.len());
    }
}

#[test]
fn bingx_code_bullets_and_code_paragraphs_without_a_table() {
    let (catalog, _) = import("bingx.md", &[]);
    let text = std::fs::read_to_string(page("bingx.md")).unwrap();
    // `- 100001 - message` items, and a line holding only a code followed by `- message` items.
    let mut documented: Vec<(String, String)> = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines().map(str::trim) {
        if line.chars().all(|c| c.is_ascii_digit()) && !line.is_empty() {
            current = Some(line.to_owned());
        } else if let Some(item) = line.strip_prefix("- ") {
            match item.split_once(" - ") {
                Some((code, message)) if code.chars().all(|c| c.is_ascii_digit()) => {
                    documented.push((code.to_owned(), message.to_owned()));
                }
                _ => {
                    if let Some(code) = &current {
                        documented.push((code.clone(), visible(item)));
                    }
                }
            }
        } else if line.starts_with('#') {
            current = None;
        }
    }
    assert!(documented.len() >= 15, "{documented:?}");
    for (code, message) in &documented {
        assert_listed(&catalog, &Code::Int(code.parse().unwrap()), message);
    }
    let mut codes: Vec<&String> = documented.iter().map(|(c, _)| c).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(entries(&catalog), codes.len());
}
