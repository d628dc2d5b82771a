//! The error codes of a page's [`Block`]s, in any of the layouts pages use:
//!
//! - tables with a code column, under headings, bullet items or all-bold lines that title
//!   their sections (one [`RawSection`] per title);
//! - a heading per code, `### -1003 TOO_MANY_REQUESTS`, followed by one bullet item per
//!   documented message (Binance): each bullet is a row of that code, the first its message;
//!   a paragraph holding only a code, followed by bullets, reads the same (BingX);
//! - three or more bullet items in a row that read `CODE - message`.
//!
//! A code without a name (a bare number heading, paragraph or item) counts only under a
//! heading that speaks of errors, and never when it reads as a date.
//!
//! A page that repeats its codes under a second `# ` title (Binance's derivatives pages carry
//! their Chinese translation after the English one, a few codes short) keeps the first copy,
//! with a warning: a later part is a translation when its codes are all listed before it and
//! are at least nine in ten of those.

use std::collections::HashSet;

use super::blocks::{Block, Inline, Table};
use super::columns::{self, Choice, Missing, header_key};
use super::{Page, RawRow, RawSection, Warning};

/// A table the page holds, for the error message when none can be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeenTable {
    /// The header cells as written.
    pub headers: Vec<String>,
    /// Why it was not read, when it was not.
    pub missing: Option<Missing>,
}

/// What was read: the page, and every table seen.
pub struct Layout {
    pub page: Page,
    pub tables: Vec<SeenTable>,
}

/// Finds the error codes of `blocks`.
pub fn read(blocks: &[Block], choice: &Choice, warnings: &mut Vec<Warning>) -> Layout {
    let mut page = Page::default();
    let mut tables = Vec::new();
    let mut heading: Option<String> = None;
    // The headings enclosing the current block, outermost first, with their levels.
    let mut titles: Vec<(u8, String)> = Vec::new();
    // Tells two titles with the same text apart: rows under one title form one section.
    let mut title_serial = 0usize;
    let mut section_serial = None;
    // The `# ` title each section is under (its line), for translations.
    let mut part: Option<(usize, String)> = None;
    let mut parts: Vec<Option<(usize, String)>> = Vec::new();

    let mut push_rows = |page: &mut Page,
                         rows: Vec<RawRow>,
                         heading: &Option<String>,
                         serial: usize,
                         part: &Option<(usize, String)>| {
        match page.sections.last_mut() {
            Some(section) if section_serial == Some(serial) => section.rows.extend(rows),
            _ => {
                page.sections.push(RawSection {
                    heading: heading.clone(),
                    rows,
                });
                parts.push(part.clone());
                section_serial = Some(serial);
            }
        }
    };

    let mut i = 0;
    while i < blocks.len() {
        let block = &blocks[i];
        i += 1;
        match block {
            Block::Heading { level, text, line } => {
                let text = without_anchors(&text.text);
                if *level > 1
                    && let Some((code, name)) = code_heading(&text)
                    && (name.is_some() || about_errors(&titles, code))
                {
                    let end = (i..blocks.len())
                        .find(|&j| matches!(blocks[j], Block::Heading { .. } | Block::Table(_)))
                        .unwrap_or(blocks.len());
                    let rows = code_rows(&blocks[i..end], code, name, block_struck(block));
                    if !rows.is_empty() {
                        push_rows(&mut page, rows, &heading, title_serial, &part);
                        i = end;
                        continue;
                    }
                }
                if *level == 1 {
                    if page.title.is_none() && !text.is_empty() {
                        page.title = Some(text.clone());
                    }
                    part = Some((*line, text.clone()));
                }
                while titles.last().is_some_and(|(l, _)| l >= level) {
                    titles.pop();
                }
                titles.push((*level, text.clone()));
                heading = Some(text);
                title_serial += 1;
            }
            Block::Item { text, .. }
            | Block::Paragraph {
                text, bold: true, ..
            } if matches!(blocks.get(i), Some(Block::Table(_))) && !text.text.is_empty() => {
                heading = Some(without_anchors(text.text.trim_end_matches(':')));
                title_serial += 1;
            }
            // BingX: a paragraph that is only a code, then its messages as bullets.
            Block::Paragraph { text, .. }
                if matches!(blocks.get(i), Some(Block::Item { .. }))
                    && code_paragraph(&text.text)
                        .is_some_and(|(code, _)| about_errors(&titles, code)) =>
            {
                let (code, name) = code_paragraph(&text.text).expect("checked above");
                let end = (i..blocks.len())
                    .find(|&j| !matches!(blocks[j], Block::Item { .. }))
                    .unwrap_or(blocks.len());
                let rows = code_rows(&blocks[i..end], code, name, text.struck);
                push_rows(&mut page, rows, &heading, title_serial, &part);
                i = end;
            }
            // A list of `CODE - message` items (three or more in a row).
            Block::Item { .. } => {
                let rows: Vec<RawRow> = blocks[i - 1..]
                    .iter()
                    .map_while(|b| match b {
                        Block::Item { text, line } => code_item(text, *line),
                        _ => None,
                    })
                    .collect();
                if rows.len() >= 3 && about_errors(&titles, &rows[0].code) {
                    i += rows.len() - 1;
                    push_rows(&mut page, rows, &heading, title_serial, &part);
                }
            }
            Block::Table(table) => {
                let (rows, seen) = table_rows(table, choice, warnings);
                tables.push(seen);
                if !rows.is_empty() {
                    push_rows(&mut page, rows, &heading, title_serial, &part);
                }
            }
            _ => {}
        }
    }
    drop_translations(&mut page, &parts, warnings);
    Layout { page, tables }
}

fn block_struck(block: &Block) -> bool {
    matches!(block, Block::Heading { text, .. } if text.struck)
}

/// `-1003 TOO_MANY_REQUESTS` → (`-1003`, `TOO_MANY_REQUESTS`): a heading that is an integer
/// code, then optionally its name.
fn code_heading(text: &str) -> Option<(&str, Option<&str>)> {
    let (code, name) = match text.split_once(char::is_whitespace) {
        Some((code, name)) => (code, Some(name.trim()).filter(|n| !n.is_empty())),
        None => (text, None),
    };
    let digits = code.strip_prefix('-').unwrap_or(code);
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some((code, name))
}

/// Whether a bare number (a heading or paragraph without a name, an item `CODE - text`) can
/// be an error code here: a heading above it (`titles`, the enclosing headings) speaks of
/// errors, and the number
/// is not a date (`20240715`, the headings of a changelog). Pages list other numbered things
/// the same way (Gate's account-book codes, `- 1 : Order Placed`).
fn about_errors(titles: &[(u8, String)], code: &str) -> bool {
    let speaks = titles
        .iter()
        .any(|(_, title)| title.to_lowercase().contains("error"));
    let date = code.len() == 8
        && (code.starts_with("19") || code.starts_with("20"))
        && matches!(code[4..6].parse::<u8>(), Ok(1..=12))
        && matches!(code[6..8].parse::<u8>(), Ok(1..=31));
    speaks && !date
}

/// A paragraph that is only a code, or a code and a one-word name: `100202`.
fn code_paragraph(text: &str) -> Option<(&str, Option<&str>)> {
    code_heading(text).filter(|(_, name)| name.is_none_or(|n| !n.contains(char::is_whitespace)))
}

/// `100001 - signature verification failed`, `429: Too many requests`: an integer code, a
/// dash or colon, the message.
fn code_item(text: &Inline, line: usize) -> Option<RawRow> {
    let (code, rest) = text.text.split_once(char::is_whitespace).map_or_else(
        || text.text.split_once(':'),
        |(c, r)| match c.strip_suffix(':') {
            Some(c) => Some((c, r)),
            None => Some((c, r.trim_start().strip_prefix(['-', '–', '—', ':'])?)),
        },
    )?;
    let digits = code.strip_prefix('-').unwrap_or(code);
    let message = rest.trim();
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && !message.is_empty()).then(
        || RawRow {
            line,
            code: code.to_owned(),
            struck: text.struck,
            name: None,
            message: message.to_owned(),
            description: None,
            continues: false,
        },
    )
}

/// The rows of a code heading: one per bullet item after it, else its first paragraph.
fn code_rows(after: &[Block], code: &str, name: Option<&str>, struck: bool) -> Vec<RawRow> {
    let items: Vec<(&Inline, usize)> = after
        .iter()
        .filter_map(|b| match b {
            Block::Item { text, line } if !text.text.is_empty() => Some((text, *line)),
            _ => None,
        })
        .collect();
    let texts = if items.is_empty() {
        after
            .iter()
            .find_map(|b| match b {
                Block::Paragraph { text, line, .. } if !text.text.is_empty() => {
                    Some(vec![(text, *line)])
                }
                _ => None,
            })
            .unwrap_or_default()
    } else {
        items
    };
    texts
        .into_iter()
        .enumerate()
        .map(|(at, (text, line))| RawRow {
            line,
            code: code.to_owned(),
            struck: struck || text.struck,
            name: name.map(str::to_owned),
            message: text.text.clone(),
            description: None,
            continues: at > 0,
        })
        .collect()
}

/// Reads one table; returns its rows and what the error message needs to know of it.
fn table_rows(
    table: &Table,
    choice: &Choice,
    warnings: &mut Vec<Warning>,
) -> (Vec<RawRow>, SeenTable) {
    // An empty header row over a first row of names (scraped pages, where the markdown
    // needs a header and the page had none): that first row is the header.
    let promoted;
    let table = match table.rows.first() {
        Some(first)
            if table.header.cells.iter().all(|c| c.text.is_empty())
                && first.cells.iter().any(|c| !c.text.is_empty()) =>
        {
            promoted = Table {
                header: first.clone(),
                rows: table.rows[1..].to_vec(),
            };
            &promoted
        }
        _ => table,
    };
    let header: Vec<String> = table
        .header
        .cells
        .iter()
        .map(|c| header_key(&c.text))
        .collect();
    let columns = columns::columns(&header, choice);
    let seen = SeenTable {
        headers: table.header.cells.iter().map(|c| c.text.clone()).collect(),
        missing: columns.as_ref().err().cloned(),
    };
    let header_line = table.header.line;
    let columns = match columns {
        Ok(columns) => columns,
        Err(why) => {
            warnings.push(Warning::new(
                header_line,
                format!(
                    "table skipped: {why} (its headers are {}); errcodes import reads tables with a Code column and a Message or Description column, or name them with --code-column and --message-column",
                    shown(&header)
                ),
            ));
            return (Vec::new(), seen);
        }
    };
    if columns.code_by_words {
        let cells: Vec<&str> = table
            .rows
            .iter()
            .filter_map(|r| r.cells.get(columns.code))
            .map(|c| c.text.as_str())
            .filter(|t| !t.is_empty())
            .collect();
        let codes = cells.iter().filter(|t| looks_like_code(t)).count();
        if cells.is_empty() || codes * 10 < cells.len() * 8 {
            warnings.push(Warning::new(
                header_line,
                format!(
                    "table skipped: no Code column (its headers are {}); errcodes import reads tables with a Code column and a Message or Description column, or name them with --code-column and --message-column",
                    shown(&header)
                ),
            ));
            return (
                Vec::new(),
                SeenTable {
                    missing: Some(Missing::Code),
                    ..seen
                },
            );
        }
        warnings.push(Warning::new(
            header_line,
            format!(
                "no header is a code column's name; column {} (`{}`) has the word in its header and holds codes: read as the code column (name another with --code-column if this is wrong)",
                columns.code + 1,
                header[columns.code]
            ),
        ));
    }
    let mut rows = Vec::new();
    for row in &table.rows {
        let cells = &row.cells;
        if cells.iter().all(|c| c.text.is_empty()) || cells.iter().all(|c| is_rule(&c.text)) {
            continue;
        }
        let keys: Vec<String> = cells.iter().map(|c| header_key(&c.text)).collect();
        if keys == header {
            continue;
        }
        let empty = Inline::default();
        let cell = |at: usize| cells.get(at).unwrap_or(&empty);
        let code = cell(columns.code);
        if code.text.is_empty() {
            warnings.push(Warning::new(
                row.line,
                "table row has no code; skipped (write the code in the Code column)",
            ));
            continue;
        }
        let non_empty = |inline: &Inline| Some(inline.text.clone()).filter(|t| !t.is_empty());
        let description: Vec<String> = columns
            .description
            .iter()
            .filter_map(|&at| non_empty(cell(at)))
            .collect();
        rows.push(RawRow {
            line: row.line,
            code: code.text.clone(),
            struck: code.struck,
            name: columns.name.and_then(|at| non_empty(cell(at))),
            message: cell(columns.message).text.clone(),
            description: (!description.is_empty()).then(|| description.join("\n")),
            continues: false,
        });
    }
    if rows.is_empty() {
        warnings.push(Warning::new(header_line, "table has no rows; skipped"));
    } else if choice.code.is_none() && choice.message.is_none() {
        trust_content(&mut rows, header_line, warnings);
    }
    (rows, seen)
}

/// Header keys as a warning shows them.
fn shown(header: &[String]) -> String {
    header
        .iter()
        .map(|h| format!("`{h}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A separator row repeated inside a table: `---`, `:-:`.
fn is_rule(text: &str) -> bool {
    let inner = text.trim().trim_start_matches(':').trim_end_matches(':');
    !inner.is_empty() && inner.chars().all(|c| c == '-')
}

/// A heading's text without the anchor marks that docs generators add (`[#](#label-list)`
/// leaves `#`, `¶`, `{#label-list}`, Docusaurus's zero-width space).
fn without_anchors(text: &str) -> String {
    let mut text = text.trim();
    if let Some(open) = text.rfind(" {#")
        && text.ends_with('}')
    {
        text = &text[..open];
    }
    text.trim_matches(|c: char| {
        c == '#' || c == '¶' || c == '🔗' || c == '\u{200b}' || c.is_whitespace()
    })
    .to_owned()
}

/// Whether a cell reads like a code: one token of letters, digits and `_ : . -`, or an integer.
fn looks_like_code(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && !text.contains(char::is_whitespace)
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | ':' | '.' | '-'))
}

/// When the header's code column holds text and its message column holds codes (a header
/// row written over the wrong columns), the content is trusted: the two are swapped, with a
/// warning at the header line.
fn trust_content(rows: &mut [RawRow], header_line: usize, warnings: &mut Vec<Warning>) {
    let share =
        |f: &dyn Fn(&RawRow) -> bool| rows.iter().filter(|r| f(r)).count() * 100 / rows.len();
    let codes_look_like_codes = share(&|r| looks_like_code(&r.code));
    let messages_look_like_codes = share(&|r| looks_like_code(&r.message));
    if codes_look_like_codes < 50 && messages_look_like_codes >= 80 {
        for row in rows.iter_mut() {
            std::mem::swap(&mut row.code, &mut row.message);
        }
        warnings.push(Warning::new(
            header_line,
            format!(
                "the header names the code and message columns the other way round: {messages_look_like_codes}% of the Message column's cells look like codes and {}% of the Code column's do not; reading them by their content",
                100 - codes_look_like_codes
            ),
        ));
    }
}

/// Drops the sections under a later `# ` title that list only codes listed before it, and at
/// least nine in ten of them: the page repeating itself in another language.
fn drop_translations(
    page: &mut Page,
    parts: &[Option<(usize, String)>],
    warnings: &mut Vec<Warning>,
) {
    let codes = |at: &[usize]| -> HashSet<&str> {
        at.iter()
            .flat_map(|&s| &page.sections[s].rows)
            .map(|r| r.code.as_str())
            .collect()
    };
    let mut order: Vec<&Option<(usize, String)>> = Vec::new();
    for part in parts {
        if !order.contains(&part) {
            order.push(part);
        }
    }
    let mut dropped = HashSet::new();
    for (at, part) in order.iter().enumerate().skip(1) {
        let (Some((line, title)), earlier) = (part, &order[..at]) else {
            continue;
        };
        let mine: Vec<usize> = (0..parts.len()).filter(|&s| &&parts[s] == part).collect();
        let before: Vec<usize> = (0..parts.len())
            .filter(|&s| earlier.contains(&&parts[s]) && !dropped.contains(&s))
            .collect();
        let (mine_codes, before_codes) = (codes(&mine), codes(&before));
        // A translation lists the codes before it, perhaps lagging a few behind.
        let translated = !mine_codes.is_empty()
            && mine_codes.is_subset(&before_codes)
            && mine_codes.len() * 10 >= before_codes.len() * 9;
        if translated {
            warnings.push(Warning::new(
                *line,
                format!(
                    "the part `# {title}` lists only codes listed before it, nearly all of them (a translation?); skipped: the first copy is imported (save that part as a page of its own to import it)"
                ),
            ));
            dropped.extend(mine);
        }
    }
    let mut at = 0;
    page.sections.retain(|_| {
        at += 1;
        !dropped.contains(&(at - 1))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_leave_headings() {
        assert_eq!(without_anchors("# Label list"), "Label list");
        assert_eq!(without_anchors("Errors {#errors}"), "Errors");
        assert_eq!(without_anchors("-1000 UNKNOWN\u{200b}"), "-1000 UNKNOWN");
    }

    #[test]
    fn recognizes_code_headings() {
        assert_eq!(
            code_heading("-1003 TOO_MANY_REQUESTS"),
            Some(("-1003", Some("TOO_MANY_REQUESTS")))
        );
        assert_eq!(code_heading("429"), Some(("429", None)));
        assert_eq!(code_heading("10xx - General"), None);
        assert_eq!(code_heading("Errors"), None);
        assert_eq!(code_paragraph("100202"), Some(("100202", None)));
        assert_eq!(code_paragraph("100202 is a code we send"), None);
        let titles = |t: &[&str]| -> Vec<(u8, String)> {
            t.iter()
                .zip(1..)
                .map(|(t, level)| (level, t.to_string()))
                .collect()
        };
        assert!(about_errors(
            &titles(&["Common business error codes:"]),
            "100202"
        ));
        assert!(about_errors(&titles(&["Error Codes", "Basic"]), "100202"));
        assert!(!about_errors(&titles(&["7、Update Notes"]), "100202"));
        assert!(!about_errors(&titles(&["API", "AccountBook code"]), "101"));
        assert!(!about_errors(&titles(&["Error codes"]), "20240715"));
    }

    #[test]
    fn reads_code_items() {
        let item = |text: &str| {
            code_item(
                &Inline {
                    text: text.to_owned(),
                    struck: false,
                },
                1,
            )
            .map(|r| (r.code, r.message))
        };
        assert_eq!(
            item("100001 - signature verification failed#"),
            Some(("100001".into(), "signature verification failed#".into()))
        );
        assert_eq!(
            item("429: Too many"),
            Some(("429".into(), "Too many".into()))
        );
        assert_eq!(item("4XX error codes are used"), None);
        assert_eq!(item("2 apples"), None);
    }
}
