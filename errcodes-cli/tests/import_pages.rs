//! Page shapes that a first import used to get wrong (issue #12): a header row written over
//! the wrong columns, a stray row in a numeric table, sections titled by bullet items, headings
//! with anchor links, string codes under a `label` header, a "Short message" column.

mod common;

use common::{errcodes, scratch, valid, write};
use errcodes_codegen::Code;

fn import(test: &str, page: &str) -> (errcodes_codegen::Catalog, String) {
    let dir = scratch(test);
    let doc = write(&dir, "venue.md", page);
    let run = errcodes(&["import".as_ref(), doc.as_os_str()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    (valid(&run.stdout), run.stderr)
}

#[test]
fn content_beats_a_header_written_over_the_wrong_columns() {
    let page = "\
| Error message | Error code |
| --- | --- |
| 10001 | Invalid parameter |
| 10002 | Too many requests |
| 10003 | Order not found |
";
    let (catalog, stderr) = import("pages_swapped", page);
    let entries = &catalog.enums[0].entries;
    assert_eq!(entries[0].code, Code::Int(10001));
    assert_eq!(entries[0].message, "Invalid parameter");
    assert!(
        stderr.contains(
            "venue.md:1: warning: the header names the code and message columns the other way round"
        ),
        "{stderr}"
    );
}

#[test]
fn a_stray_row_is_skipped_and_the_codes_stay_integers() {
    let page = "\
| Code | Message |
| --- | --- |
| 0 or absent |  |
| 1 | Unknown error |
| 2 | Invalid signature |
| 3 | Rate limit exceeded |
| 4 | Invalid parameter |
";
    let (catalog, stderr) = import("pages_stray", page);
    let codes: Vec<&Code> = catalog.enums[0].entries.iter().map(|e| &e.code).collect();
    assert_eq!(
        codes,
        [&Code::Int(1), &Code::Int(2), &Code::Int(3), &Code::Int(4)]
    );
    assert!(
        stderr
            .contains("venue.md:3: warning: row skipped: its code `0 or absent` is not an integer"),
        "{stderr}"
    );
}

#[test]
fn bullet_and_bold_titles_start_sections_and_anchors_leave_headings() {
    let page = "\
# Venue API

## [#](#label-list) Label list

- Futures related

| `label` | Short message |
| --- | --- |
| `INVALID_KEY` | Invalid key |

- Spot related

| `label` | Short message |
| --- | --- |
| `INVALID_KEY` | Key not valid for spot |

**Margin**

| `label` | Short message |
| --- | --- |
| `NO_MARGIN` | Margin disabled |
";
    let (catalog, _) = import("pages_bullets", page);
    let docs: Vec<Option<&str>> = catalog.enums.iter().map(|e| e.doc.as_deref()).collect();
    assert_eq!(
        docs,
        [
            Some("Futures related"),
            Some("Spot related"),
            Some("Margin")
        ]
    );
    // The code reused by two sections keeps both meanings.
    assert_eq!(catalog.enums[0].entries[0].message, "Invalid key");
    assert_eq!(
        catalog.enums[1].entries[0].message,
        "Key not valid for spot"
    );
    assert_eq!(
        catalog.enums[0].entries[0].code,
        Code::Str("INVALID_KEY".into())
    );

    let (catalog, _) = import(
        "pages_anchor",
        "## [#](#label-list) Label list\n\n| Code | Message |\n| --- | --- |\n| 1 | A |\n",
    );
    assert_eq!(catalog.enums[0].doc.as_deref(), Some("Label list"));
}

#[test]
fn help_lists_the_column_names_that_are_accepted() {
    let run = errcodes(&["import", "--help"]);
    assert_eq!(run.code, 0);
    for name in [
        "label",
        "short message",
        "status code",
        "reason text",
        "additional info",
    ] {
        assert!(run.stdout.contains(name), "--help lacks `{name}`");
    }
}

#[test]
fn an_empty_header_row_gives_way_to_the_first_row() {
    let page = "\
## Errors

|  |  |
| --- | --- |
| Error code | Error message |
| 10001 | Invalid parameter |
| 10002 | Too many requests |
";
    let (catalog, _) = import("pages_empty_header", page);
    let entries = &catalog.enums[0].entries;
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[1].code, Code::Int(10002));
    assert_eq!(entries[1].message, "Too many requests");
}
