//! A saved HTML page imports like markdown does: headings are sections, `<th>`/`<td>` rows are
//! entries, `<del>`/`<s>` mark deprecated codes; HTML is recognized by its content, not by the
//! file's extension; a page without a readable table says what it found.

mod common;

use common::{errcodes, scratch, valid, write};
use errcodes_codegen::Code;

const PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head><title>Venue API</title><script>var x = "<table><tr><td>1</td></tr></table>";</script></head>
<body>
<nav><ul><li>Errors</li></ul></nav>
<h1>Venue API</h1>
<h2 id="params">Parameters</h2>
<table>
  <tr><th>Name</th><th>Type</th><th>Description</th></tr>
  <tr><td>symbol</td><td>STRING</td><td>Trading pair</td></tr>
</table>
<h2 id="general">General errors<a class="anchor" href="#general">¶</a></h2>
<table>
  <thead><tr><th>Code</th><th>HTTP</th><th>Message</th></tr></thead>
  <tbody>
    <tr><td>1001</td><td>400</td><td>Invalid   <code>symbol</code> parameter</td></tr>
    <tr><td><del>1002</del></td><td>400</td><td>Old &amp; removed</td></tr>
    <tr><td><s>1003</s></td><td>429</td><td>Too many<br>requests</td></tr>
  </tbody>
</table>
<h3>Card errors</h3>
<table>
  <tr><td><b>Error code</b></td><td><b>Description</b></td></tr>
  <tr><td>card_declined</td><td>The card was declined.</td></tr>
</table>
</body>
</html>
"##;

#[test]
fn imports_headings_rows_and_struck_codes() {
    let dir = scratch("html_page");
    // Saved with a misleading extension: the content decides.
    let doc = write(&dir, "venue.txt", PAGE);
    let run = errcodes(&["import".as_ref(), doc.as_os_str()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let catalog = valid(&run.stdout);
    assert_eq!(catalog.title.as_deref(), Some("Venue API"));
    let docs: Vec<Option<&str>> = catalog.enums.iter().map(|e| e.doc.as_deref()).collect();
    assert_eq!(docs, [Some("General errors"), Some("Card errors")]);
    let general = &catalog.enums[0].entries;
    assert_eq!(general.len(), 3);
    assert_eq!(general[0].code, Code::Int(1001));
    assert_eq!(general[0].message, "Invalid symbol parameter");
    assert!(!general[0].deprecated);
    assert_eq!(general[1].message, "Old & removed");
    assert!(general[1].deprecated && general[2].deprecated);
    assert_eq!(general[2].message, "Too many requests");
    let cards = &catalog.enums[1].entries;
    assert_eq!(cards[0].code, Code::Str("card_declined".into()));
    assert_eq!(cards[0].message, "The card was declined.");
    // The parameter table is skipped, at its header row's line.
    assert!(
        run.stderr
            .contains("venue.txt:9: warning: table skipped: no Code column"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_page_without_a_code_column_says_what_it_found() {
    let dir = scratch("html_no_codes");
    let page = "<html><body>\n<table><tr><th>Name</th><th>Description</th></tr><tr><td>a</td><td>b</td></tr></table>\n<table><tr><th>Status</th><th>Text</th></tr><tr><td>x</td><td>y</td></tr></table>\n</body></html>\n";
    let doc = write(&dir, "page.html", page);
    let run = errcodes(&["import".as_ref(), doc.as_os_str()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(
            "found 2 HTML tables in page.html, but none has a column of codes (headers: Name | Description; Status | Text); name the code column with --code-column"
        ),
        "{}",
        run.stderr
    );
    // Named, the same page imports.
    let run = errcodes(&[
        "import".as_ref(),
        doc.as_os_str(),
        "--code-column".as_ref(),
        "status".as_ref(),
        "--message-column".as_ref(),
        "TEXT".as_ref(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let catalog = valid(&run.stdout);
    assert_eq!(catalog.enums[0].entries[0].code, Code::Str("x".into()));
    assert_eq!(catalog.enums[0].entries[0].message, "y");
    assert!(
        run.stderr
            .contains("no column `status` (named by --code-column)"),
        "{}",
        run.stderr
    );
}

#[test]
fn help_documents_the_column_options() {
    let run = errcodes(&["import", "--help"]);
    assert_eq!(run.code, 0);
    for text in ["--code-column", "--message-column", "1-based", "<table>"] {
        assert!(run.stdout.contains(text), "--help lacks `{text}`");
    }
}

/// A built Docusaurus page of Binance's layout: `<h3>` per code with a hash link, one `<li>`
/// per documented message.
#[test]
fn code_headings_in_html() {
    let dir = scratch("html_code_headings");
    let page = "<!DOCTYPE html><html><body><article>\n<h1>Error Codes</h1>\n<h2 id=\"10xx\">10xx - General Server or Network issues<a href=\"#10xx\" class=\"hash-link\">\u{200b}</a></h2>\n<h3 id=\"-1003\">-1003 TOO_MANY_REQUESTS<a href=\"#-1003\" class=\"hash-link\">\u{200b}</a></h3>\n<ul>\n<li>Too many requests; current limit is %s requests per minute.</li>\n<li>Way too many requests; IP banned until %s.</li>\n</ul>\n<h3 id=\"-1004\">-1004 <del>DUPLICATE_IP</del></h3>\n<ul>\n<li>This IP is already on the white list</li>\n</ul>\n</article></body></html>\n";
    let doc = write(&dir, "errors.html", page);
    let run = errcodes(&["import".as_ref(), doc.as_os_str()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let catalog = valid(&run.stdout);
    assert_eq!(
        catalog.enums[0].doc.as_deref(),
        Some("10xx - General Server or Network issues")
    );
    let entries = &catalog.enums[0].entries;
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0].code, Code::Int(-1003));
    assert_eq!(entries[0].name, "TooManyRequests");
    assert_eq!(
        entries[0].message,
        "Too many requests; current limit is %s requests per minute."
    );
    assert_eq!(
        entries[0].description.as_deref(),
        Some("Also documented as: Way too many requests; IP banned until %s.")
    );
    assert!(entries[1].deprecated);
    assert_eq!(entries[1].message, "This IP is already on the white list");
}
