//! `errcodes import` on hostile pages: nesting past the limit is refused with an error naming
//! the limit and the line, never a crash, and the time stays in proportion to the page.

mod common;

use std::time::{Duration, Instant};

use common::{errcodes, scratch, write};

/// The limit of `errcodes import` on nesting (SECURITY.md says the same).
const LIMIT: usize = 256;

/// A small error table, reached inside whatever nests above it.
const TABLE: &str = "<table><tr><th>Code</th><th>Message</th></tr><tr><td>1001</td><td>Invalid signature</td></tr></table>";

const MD_TABLE: &str = "\n| Code | Message |\n| --- | --- |\n| 1001 | Invalid signature |\n";

/// Imports `page` as DOC `name`; returns the run and how long it took.
fn import(test: &str, name: &str, page: &str) -> (common::Run, Duration) {
    let dir = scratch(test);
    let doc = write(&dir, name, page);
    let started = Instant::now();
    let run = errcodes(&[
        "import".as_ref(),
        "--catalog".as_ref(),
        "acme".as_ref(),
        doc.as_os_str(),
    ]);
    (run, started.elapsed())
}

fn assert_refused(run: &common::Run, name: &str, line: usize, what: &str) {
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stdout.is_empty(), "nothing is written: {}", run.stdout);
    let expected = format!("{name}:{line}: {what} nest more than {LIMIT} deep here");
    assert!(run.stderr.contains(&expected), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("import the part of the page that holds the error codes"),
        "{}",
        run.stderr
    );
}

#[test]
fn html_nested_twenty_thousand_deep_is_refused_not_a_stack_overflow() {
    // On a page like these the command used to abort with a stack overflow (a recursive
    // walk), after minutes in the parser for the lists.
    for (shape, open) in [
        ("div", "<div>"),
        ("table", "<table><tr><td>"),
        ("list", "<ul><li>"),
        ("span", "<span>"),
    ] {
        let page = format!("<html><body>\n{}{TABLE}", open.repeat(20_000));
        let (run, took) = import(shape, "page.html", &page);
        assert_refused(&run, "page.html", 2, "HTML elements");
        assert!(took < Duration::from_secs(20), "{shape}: {took:?}");
    }
}

#[test]
fn html_nested_up_to_the_limit_is_read() {
    let page = format!("<html><body>\n{}{TABLE}", "<div>".repeat(LIMIT - 1));
    let (run, _) = import("html_at_limit", "page.html", &page);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("code = 1001"), "{}", run.stdout);

    let page = format!("<html><body>\n{}{TABLE}", "<div>".repeat(LIMIT + 1));
    let (run, _) = import("html_past_limit", "page.html", &page);
    assert_refused(&run, "page.html", 2, "HTML elements");
}

#[test]
fn html_elements_that_close_themselves_do_not_count_as_nesting() {
    // Thousands of unclosed `<li>`/`<p>`/`<td>`, empty elements and self-closed SVG paths
    // nest nothing in a browser, and the page is read.
    let items = "<li>item".repeat(5_000);
    let paragraphs = "<p>text".repeat(5_000);
    let cells = "<tr><td>1<td>2".repeat(5_000);
    let icons = format!("<svg>{}</svg>", "<path d=\"M0\"/>".repeat(5_000));
    let page = format!(
        "<html><body>\n<ul>{items}</ul>{paragraphs}<br>{}<img src=x>\n<table>{cells}</table>{icons}\n<h2>Errors</h2>{TABLE}</body></html>",
        "<br>".repeat(5_000)
    );
    let (run, _) = import("self_closing", "page.html", &page);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("code = 1001"), "{}", run.stdout);
}

#[test]
fn markdown_lists_and_quotes_nested_past_the_limit_are_refused_quickly() {
    // Nested on one line, then many lazy continuation lines: the CommonMark parser spends the
    // depth on every line (minutes at this size before the limit).
    for (shape, marker) in [("list", "- "), ("quote", "> "), ("ordered", "1. ")] {
        let page = format!(
            "# Errors\n\n{}x\n{}{MD_TABLE}",
            marker.repeat(50_000),
            "y\n".repeat(50_000)
        );
        let (run, took) = import(shape, "page.md", &page);
        assert_refused(&run, "page.md", 3, "markdown lists and block quotes");
        assert!(took < Duration::from_secs(20), "{shape}: {took:?}");
    }
    let page = format!(
        "# Errors\n\n{}\n\n{MD_TABLE}",
        "  ".repeat(LIMIT + 1) + "- x"
    );
    let (run, _) = import("indented", "page.md", &page);
    assert_refused(&run, "page.md", 3, "markdown lists and block quotes");
}

#[test]
fn markdown_nested_up_to_the_limit_is_read() {
    let page = format!("# Errors\n\n{}x\n{MD_TABLE}", "> ".repeat(LIMIT));
    let (run, _) = import("markdown_at_limit", "page.md", &page);
    assert_eq!(run.code, 0, "{}", run.all());
}

#[test]
fn html_inside_markdown_is_measured_too() {
    let page = format!(
        "# Errors\n\n<div>\n{}\n{TABLE}\n</div>\n",
        "<div>".repeat(20_000)
    );
    let (run, _) = import("markdown_html", "page.md", &page);
    assert_refused(&run, "page.md", 4, "HTML elements");
}

#[test]
fn many_html_blocks_in_one_markdown_table_take_linear_time() {
    // Blank lines cut a raw HTML table into many CommonMark HTML blocks; each used to be
    // gathered by re-reading all of the ones before it (more than 100 s at 20,000).
    let page = format!(
        "# Errors\n\n<table>\n<tr><th>Code</th><th>Message</th></tr>\n\n{}<tr><td>1001</td><td>Invalid signature</td></tr>\n</table>\n",
        "<div></div>\n\n".repeat(40_000)
    );
    let (run, took) = import("html_blocks", "page.md", &page);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("code = 1001"), "{}", run.stdout);
    assert!(took < Duration::from_secs(20), "{took:?}");
}

#[test]
fn a_message_past_the_engines_limit_is_cut_and_kept_whole_in_the_description() {
    // Found by the `import` fuzz target: a 6,850-character message gave a catalog that fails
    // check (`message` is longer than the limit of 4096).
    let long = "word ".repeat(1_500);
    let page = format!("# API\n\n| Code | Message |\n| --- | --- |\n| 1001 | {long}|\n");
    let (run, _) = import("import_long_message", "long.md", &page);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stderr
            .contains("the message of code 1001 of `AcmeApiError` is longer than 4096 characters"),
        "{}",
        run.stderr
    );
    let checked = errcodes_codegen::check(&run.stdout);
    assert!(checked.is_valid(), "{:?}", checked.errors().next());
    let entry = &checked.catalog.enums[0].entries[0];
    assert!(entry.message.len() <= 4096 && entry.message.ends_with("word"));
    assert_eq!(entry.description.as_deref(), Some(long.trim_end()));
}

#[test]
fn a_code_past_the_engines_limit_skips_its_row() {
    // Found by the `import` fuzz target: a broken table ran 18,064 characters into one code
    // cell, and the catalog failed check (`code` is longer than the limit of 4096). A code
    // cannot be cut without no longer matching, so the row goes, and the others stay.
    let long = "X".repeat(5_000);
    let page = format!(
        "# API\n\n| Code | Message |\n| --- | --- |\n| {long} | Broken row |\n| 1001 | Invalid signature |\n"
    );
    let (run, _) = import("import_long_code", "long.md", &page);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stderr
            .contains("row skipped: its code is 5000 characters long, past the limit of 4096"),
        "{}",
        run.stderr
    );
    let checked = errcodes_codegen::check(&run.stdout);
    assert!(checked.is_valid(), "{:?}", checked.errors().next());
    let codes: Vec<String> = checked.catalog.enums[0]
        .entries
        .iter()
        .map(|entry| entry.code.to_string())
        .collect();
    assert_eq!(codes, ["1001"]);
}

#[test]
fn a_section_whose_rows_are_all_skipped_is_left_out() {
    // Found by the `import` fuzz target: a section whose only row had a code past the limit
    // became an enum without entries, which fails check.
    let long = "X".repeat(5_000);
    let page = format!(
        "# API\n\n## Broken\n\n| Code | Message |\n| --- | --- |\n| {long} | Broken row |\n\n## Errors\n\n| Code | Message |\n| --- | --- |\n| 1001 | Invalid signature |\n"
    );
    let (run, _) = import("import_empty_section", "broken.md", &page);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stderr
            .contains("section `AcmeBrokenError` is left out: none of its rows could be kept"),
        "{}",
        run.stderr
    );
    let checked = errcodes_codegen::check(&run.stdout);
    assert!(checked.is_valid(), "{:?}", checked.errors().next());
    let names: Vec<&str> = checked
        .catalog
        .enums
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    assert_eq!(names, ["AcmeError"]);

    // With nothing left at all, the import fails and says why, writing nothing.
    let only = format!("# API\n\n| Code | Message |\n| --- | --- |\n| {long} | Broken row |\n");
    let (run, _) = import("import_nothing_kept", "broken.md", &only);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("no row of broken.md could be kept as an error code"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("past the limit of 4096"),
        "{}",
        run.stderr
    );
}
