//! Every code and message of the saved Binance error pages (`sources/binance*.md`) is in its
//! bundled catalog, read from the page itself, not through `errcodes import` or the hand-edited
//! table copies the catalogs were imported from.

mod source_pages;

use source_pages::{Row, assert_rows_in, catalog, rendered, workspace_file};

/// The rows of a Binance error page: a `### -CODE NAME` (or `#### -CODE NAME`) heading per code and
/// one bullet per documented message; a code heading without bullets has its first paragraph line
/// as its message (the SAPI page's -2021 and -2022). The name may be absent and the heading may run
/// into its anchor link (`### -20121[​](/docs/…)`). Only the English half is read: the derivatives
/// and SAPI pages repeat themselves in Chinese after a `---` line that follows their front matter.
fn page_rows(source: &str) -> Vec<Row> {
    let page = workspace_file(source);
    let (_, page) = page
        .split_once("-->\n")
        .expect("the source starts with its header comment");
    let lines: Vec<&str> = page.lines().collect();
    let front_matter = if lines.first() == Some(&"---") { 2 } else { 0 };
    let english = lines
        .iter()
        .enumerate()
        .filter(|(_, line)| **line == "---")
        .nth(front_matter)
        .map_or(lines.len(), |(at, _)| at);

    let mut rows = Vec::new();
    // The current code heading: its code, whether a bullet followed it, its first paragraph line.
    let mut code: Option<(i64, bool, Option<&str>)> = None;
    let close = |code: Option<(i64, bool, Option<&str>)>, rows: &mut Vec<Row>| {
        if let Some((code, false, Some(paragraph))) = code {
            rows.push(Row {
                code,
                message: rendered(paragraph.trim_end()),
                struck: false,
            });
        }
    };
    for line in &lines[..english] {
        if let Some(heading) = line
            .strip_prefix("### ")
            .or_else(|| line.strip_prefix("#### "))
        {
            close(code.take(), &mut rows);
            let number: String = heading
                .chars()
                .enumerate()
                .take_while(|(at, c)| c.is_ascii_digit() || (*at == 0 && *c == '-'))
                .map(|(_, c)| c)
                .collect();
            let number = number.parse::<i64>().unwrap_or_else(|_| {
                panic!("{source}: a `### ` heading that is not a code: {line}")
            });
            code = Some((number, false, None));
        } else if line.starts_with('#') {
            close(code.take(), &mut rows);
        } else if let Some((number, bulleted, paragraph)) = &mut code {
            if let Some(bullet) = line.trim_start().strip_prefix("* ") {
                *bulleted = true;
                rows.push(Row {
                    code: *number,
                    message: rendered(bullet.trim_end()),
                    struck: false,
                });
            } else if paragraph.is_none() && !line.trim().is_empty() {
                *paragraph = Some(line);
            }
        }
    }
    close(code, &mut rows);
    rows
}

/// Checks one page against its catalog; `added` are codes the catalog adds by hand (its header
/// says why). Returns (rows, codes) of the page.
fn check(name: &str, added: &[i64]) -> (usize, usize) {
    let rows = page_rows(&format!("sources/{name}.md"));
    let enums = catalog(name);
    assert_eq!(enums.len(), 1, "{name}: one enum for the page");
    let (enum_name, entries) = &enums[0];
    let found = assert_rows_in(name, enum_name, &rows, entries);

    let mut documented: Vec<i64> = rows.iter().map(|row| row.code).collect();
    // A code may have two headings apart (the SAPI page's -5012).
    documented.sort_unstable();
    documented.dedup();
    let mut expected: Vec<i64> = documented.iter().chain(added).copied().collect();
    expected.sort_unstable();
    let mut listed: Vec<i64> = entries.iter().map(|entry| entry.code).collect();
    listed.sort_unstable();
    assert_eq!(
        listed, expected,
        "{name}: the catalog's codes are the page's"
    );
    (found, documented.len())
}

#[test]
fn spot() {
    // -1010 and -2038 are named only in the title of the page's table of engine messages.
    assert_eq!(check("binance", &[-1010, -2038]), (145, 104));
}

#[test]
fn usds_margined_futures() {
    assert_eq!(check("binance_usdm", &[]), (244, 201));
}

#[test]
fn coin_margined_futures() {
    assert_eq!(check("binance_coinm", &[]), (190, 155));
}

#[test]
fn options() {
    assert_eq!(check("binance_options", &[]), (138, 122));
}

#[test]
fn portfolio_margin() {
    assert_eq!(check("binance_portfolio", &[]), (200, 165));
}

#[test]
fn sapi() {
    // 237 code headings (-5012 has two) for 236 codes; 255 messages: 253 bullets and the paragraphs
    // of -2021 and -2022.
    assert_eq!(check("binance_sapi", &[]), (255, 236));
}

#[test]
fn a_changed_message_is_caught() {
    let rows = [Row {
        code: -1121,
        message: "Invalid symbol!".into(),
        struck: false,
    }];
    let enums = catalog("binance");
    let result = std::panic::catch_unwind(|| assert_rows_in("binance", "x", &rows, &enums[0].1));
    assert!(result.is_err());
}

/// The catalog names the page's `'{param}'` slot `{tag}`: a renamed placeholder is faithful, a
/// changed word around it is not.
#[test]
fn a_renamed_placeholder_is_faithful_and_a_changed_word_is_not() {
    let enums = catalog("binance");
    let page = |message: &str| {
        [Row {
            code: -1224,
            message: message.into(),
            struck: false,
        }]
    };
    let entries = &enums[0].1;
    assert_rows_in(
        "binance",
        "x",
        &page("Working order must include the '{param}' tag."),
        entries,
    );
    let changed = page("Working order must include the '{param}' flag.");
    let result = std::panic::catch_unwind(|| assert_rows_in("binance", "x", &changed, entries));
    assert!(result.is_err());
}
