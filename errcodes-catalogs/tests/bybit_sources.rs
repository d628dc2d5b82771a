//! Every row of the saved Bybit error page (`sources/bybit.md`) is in the bundled catalog, read
//! from the page itself, not through `errcodes import`.

mod source_pages;

use source_pages::{Row, assert_rows_in, catalog, rendered, workspace_file};

/// The page's tables, one per `##`/`###` section: (section title, rows). A row is a table line
/// whose first cell is a code (plain, linked or struck through); header and separator lines
/// are not rows.
fn sections() -> Vec<(String, Vec<Row>)> {
    let page = workspace_file("sources/bybit.md");
    let (_, page) = page
        .split_once("-->\n")
        .expect("the source starts with its header comment");
    let mut sections: Vec<(String, Vec<Row>)> = Vec::new();
    for line in page.lines() {
        if let Some(title) = line.strip_prefix("## ").or(line.strip_prefix("### ")) {
            sections.push((title.trim().to_owned(), Vec::new()));
            continue;
        }
        let Some(cells) = line.strip_prefix('|') else {
            continue;
        };
        let mut cells = cells.split('|').map(str::trim);
        let first = cells.next().unwrap_or_default();
        let message = cells.next().unwrap_or_default();
        let Ok(code) = rendered(first).parse::<i64>() else {
            continue;
        };
        let (_, rows) = sections.last_mut().expect("a table under a heading");
        rows.push(Row {
            code,
            message: rendered(message),
            struck: first.starts_with("~~"),
        });
    }
    sections
}

/// The trade socket's retCode list (`sources/bybit_websocket.md`, the order-entry answers'
/// `retCode` row): `<li>`10403`: exceed IP rate limit. …</li>`, success `0` left out. The
/// catalog's WebSocket section holds these beside the error page's own rows.
fn trade_socket_codes() -> Vec<Row> {
    let page = workspace_file("sources/bybit_websocket.md");
    let line = page
        .lines()
        .find(|line| line.starts_with("|retCode ") && line.contains("`10403`"))
        .expect("the trade socket's retCode row");
    line.split("<li>")
        .skip(1)
        .filter_map(|item| {
            let item = item.split("</li>").next()?;
            let (code, message) = item.strip_prefix('`')?.split_once("`: ")?;
            let code: i64 = code.parse().ok()?;
            (code != 0).then(|| Row {
                code,
                message: rendered(message),
                struck: false,
            })
        })
        .collect()
}

#[test]
fn every_row_of_every_section() {
    let mut sections = sections();
    // The order-entry section also holds the trade socket's codes the error page lacks.
    let socket = sections
        .iter_mut()
        .find(|(title, _)| title == "WS OE General code")
        .expect("the WebSocket order-entry section");
    for row in trade_socket_codes() {
        if !socket
            .1
            .iter()
            .any(|documented| documented.code == row.code)
        {
            socket.1.push(row);
        }
    }
    let enums = catalog("bybit");
    assert_eq!(sections.len(), enums.len(), "one enum per section");
    let mut rows = 0;
    let mut codes = 0;
    for ((title, documented), (enum_name, entries)) in sections.iter().zip(&enums) {
        rows += assert_rows_in("bybit", enum_name, documented, entries);
        let mut distinct: Vec<i64> = documented.iter().map(|row| row.code).collect();
        distinct.sort_unstable();
        distinct.dedup();
        let mut listed: Vec<i64> = entries.iter().map(|entry| entry.code).collect();
        listed.sort_unstable();
        assert_eq!(
            listed, distinct,
            "{enum_name} ({title}): the section's codes"
        );
        codes += distinct.len();
    }
    assert_eq!((sections.len(), rows, codes), (20, 727, 725));
}

#[test]
fn struck_through_codes_are_deprecated() {
    let struck: Vec<i64> = sections()
        .iter()
        .flat_map(|(_, rows)| rows.iter().filter(|row| row.struck).map(|row| row.code))
        .collect();
    assert_eq!(struck, [10018, 110016, 110030, 110075, 140002, 3500405]);
}
