//! Error tables of a markdown page: one [`RawSection`] per heading that holds a table with a
//! Code column.
//!
//! Front matter, fenced code blocks and HTML comments are skipped (a `#` or `|` in them is not
//! markdown). Inside a table, blank rows, separator rows and repeated header rows are skipped,
//! and a table interrupted by blank lines goes on when the next row has the same number of
//! cells (hand-edited pages do that).

use super::inline::{Inline, clean};
use super::{Page, RawRow, RawSection, Warning};

/// Header texts of the code column, preferred first.
pub const CODE_HEADERS: &[&str] = &[
    "code",
    "error code",
    "codes",
    "error codes",
    "errcode",
    "err code",
    "errno",
    "return code",
    "response code",
    "status code",
    "label",
    "error label",
    "error key",
];
/// Header texts of the message column.
pub const MESSAGE_HEADERS: &[&str] = &[
    "message",
    "short message",
    "api message",
    "response message",
    "returned message",
    "error text",
    "error message",
    "msg",
    "error msg",
    "message text",
    "reason text",
    "reason",
];
/// Header texts of description columns (the message when there is no message column).
pub const DESCRIPTION_HEADERS: &[&str] = &[
    "description",
    "error description",
    "explanation",
    "additional info",
    "additional information",
    "details",
    "detail",
    "meaning",
    "remark",
    "remarks",
    "note",
    "notes",
    "comment",
    "comments",
    "solution",
    "cause",
];
/// Header texts of the variant-name column.
pub const NAME_HEADERS: &[&str] = &["name", "error name", "enum", "constant", "identifier"];

/// Where each field is in a table's rows.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Columns {
    code: usize,
    name: Option<usize>,
    message: usize,
    description: Vec<usize>,
}

/// Reads every error table of `text`.
pub fn parse(text: &str, warnings: &mut Vec<Warning>) -> Page {
    let lines: Vec<&str> = text.lines().collect();
    let mut page = Page::default();
    // The heading the next table belongs to, and a serial number telling two headings with
    // the same text apart.
    let mut heading: Option<String> = None;
    let mut heading_serial = 0usize;
    let mut section_serial = None;
    let mut i = skip_front_matter(&lines);
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim();
        if let Some(fence) = fence_start(line) {
            i = skip_fence(&lines, i, fence);
            continue;
        }
        if trimmed.starts_with("<!--") {
            i = skip_comment(&lines, i);
            continue;
        }
        let title = parse_heading(line).or_else(|| {
            section_title(line)
                .filter(|_| next_starts_table(&lines, i + 1))
                .map(|text| (7, text))
        });
        if let Some((level, text)) = title {
            let text = without_anchors(&clean(text).text);
            if level == 1 && page.title.is_none() && !text.is_empty() {
                page.title = Some(text.clone());
            }
            heading = Some(text);
            heading_serial += 1;
            i += 1;
            continue;
        }
        if line.contains('|') && lines.get(i + 1).is_some_and(|next| is_separator(next)) {
            let (rows, next) = table(&lines, i, warnings);
            i = next;
            if rows.is_empty() {
                continue;
            }
            match page.sections.last_mut() {
                Some(section) if section_serial == Some(heading_serial) => {
                    section.rows.extend(rows);
                }
                _ => {
                    page.sections.push(RawSection {
                        heading: heading.clone(),
                        rows,
                    });
                    section_serial = Some(heading_serial);
                }
            }
            continue;
        }
        i += 1;
    }
    page
}

/// A bullet item (`- Futures related`) or a paragraph that is all bold (`**Futures**`): pages
/// that title their sections this way instead of with headings. Only counts right before a
/// table (checked by the caller).
fn section_title(line: &str) -> Option<&str> {
    let trimmed = line.trim();
    if trimmed.contains('|') {
        return None;
    }
    let bullet = trimmed
        .strip_prefix(['-', '*', '+'])
        .filter(|rest| rest.starts_with([' ', '\t']))
        .map(str::trim);
    let bold = trimmed
        .trim_end_matches(':')
        .strip_prefix("**")
        .and_then(|rest| rest.strip_suffix("**"))
        .filter(|inner| !inner.contains("**"));
    bullet.or(bold).filter(|text| !text.is_empty())
}

/// Whether the next non-blank line from `from` starts a pipe table.
fn next_starts_table(lines: &[&str], from: usize) -> bool {
    let Some(at) = (from..lines.len()).find(|&j| !lines[j].trim().is_empty()) else {
        return false;
    };
    lines[at].contains('|') && lines.get(at + 1).is_some_and(|next| is_separator(next))
}

/// A heading's text without the anchor marks that docs generators add (`[#](#label-list)`
/// leaves `#`, `¶`, `{#label-list}`).
fn without_anchors(text: &str) -> String {
    let mut text = text.trim();
    if let Some(open) = text.rfind(" {#")
        && text.ends_with('}')
    {
        text = &text[..open];
    }
    text.trim_matches(|c: char| c == '#' || c == '¶' || c == '🔗' || c.is_whitespace())
        .to_owned()
}

fn skip_front_matter(lines: &[&str]) -> usize {
    if lines.first().map(|l| l.trim()) != Some("---") {
        return 0;
    }
    lines
        .iter()
        .skip(1)
        .position(|l| matches!(l.trim(), "---" | "..."))
        .map_or(0, |at| at + 2)
}

/// The fence (character and length) opening a fenced code block on this line.
fn fence_start(line: &str) -> Option<(char, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    let c = rest.chars().next()?;
    if indent > 3 || (c != '`' && c != '~') {
        return None;
    }
    let len = rest.chars().take_while(|&x| x == c).count();
    (len >= 3).then_some((c, len))
}

fn skip_fence(lines: &[&str], open: usize, (c, len): (char, usize)) -> usize {
    for (at, line) in lines.iter().enumerate().skip(open + 1) {
        let trimmed = line.trim();
        if trimmed.chars().all(|x| x == c) && trimmed.chars().count() >= len {
            return at + 1;
        }
    }
    lines.len()
}

fn skip_comment(lines: &[&str], open: usize) -> usize {
    let after_open = lines[open].trim_start().get(4..).unwrap_or("");
    if after_open.contains("-->") {
        return open + 1;
    }
    lines
        .iter()
        .skip(open + 1)
        .position(|l| l.contains("-->"))
        .map_or(lines.len(), |at| open + at + 2)
}

/// `## Text ##` → (2, "Text").
fn parse_heading(line: &str) -> Option<(usize, &str)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let level = rest.chars().take_while(|&c| c == '#').count();
    let text = &rest[level..];
    if !(1..=6).contains(&level) || !(text.is_empty() || text.starts_with([' ', '\t'])) {
        return None;
    }
    let text = text.trim();
    // An optional closing sequence of `#`s, preceded by a space.
    let without_closing = text.trim_end_matches('#');
    let text = if without_closing.is_empty() || without_closing.ends_with([' ', '\t']) {
        without_closing.trim_end()
    } else {
        text
    };
    Some((level, text))
}

/// `| --- | :-: |`
fn is_separator(line: &str) -> bool {
    let cells = split_cells(line);
    line.contains('-')
        && !cells.is_empty()
        && cells.iter().all(|cell| {
            let cell = cell.trim();
            let inner = cell.strip_prefix(':').unwrap_or(cell);
            let inner = inner.strip_suffix(':').unwrap_or(inner);
            !inner.is_empty() && inner.chars().all(|c| c == '-')
        })
}

/// The cells of a table row: split on `|` not escaped by `\`, outer pipes removed. Escapes
/// stay in the cell for [`clean`] to resolve.
fn split_cells(line: &str) -> Vec<&str> {
    let trimmed = line.trim();
    let mut cells = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (at, c) in trimmed.char_indices() {
        match c {
            '\\' if !escaped => {
                escaped = true;
                continue;
            }
            '|' if !escaped => {
                cells.push(&trimmed[start..at]);
                start = at + 1;
            }
            _ => {}
        }
        escaped = false;
    }
    cells.push(&trimmed[start..]);
    if trimmed.starts_with('|') {
        cells.remove(0);
    }
    if trimmed.len() > 1 && trimmed.ends_with('|') && !trimmed.ends_with("\\|") {
        cells.pop();
    }
    cells
}

/// A header cell as compared with the known names: visible text, lower-case, single spaces.
fn header_key(cell: &str) -> String {
    clean(cell)
        .text
        .to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(':')
        .trim_end()
        .to_owned()
}

/// Which columns hold what; `Err` says why the table is not an error table.
fn columns(header: &[String]) -> Result<Columns, String> {
    let find = |names: &[&str]| -> Vec<usize> {
        let mut found: Vec<(usize, usize)> = header
            .iter()
            .enumerate()
            .filter_map(|(at, key)| names.iter().position(|n| n == key).map(|rank| (rank, at)))
            .collect();
        found.sort();
        found.into_iter().map(|(_, at)| at).collect()
    };
    let code = *find(CODE_HEADERS)
        .first()
        .ok_or_else(|| "no Code column".to_owned())?;
    let messages = find(MESSAGE_HEADERS);
    let mut descriptions = find(DESCRIPTION_HEADERS);
    descriptions.sort();
    let (message, description) = match messages.first() {
        Some(&message) => (message, descriptions),
        None if !descriptions.is_empty() => {
            let message = descriptions.remove(0);
            (message, descriptions)
        }
        None => return Err("no Message or Description column".to_owned()),
    };
    Ok(Columns {
        code,
        name: find(NAME_HEADERS).first().copied(),
        message,
        description,
    })
}

/// Reads the table whose header is at `start`; returns its rows and the line after it.
fn table(lines: &[&str], start: usize, warnings: &mut Vec<Warning>) -> (Vec<RawRow>, usize) {
    let header: Vec<String> = split_cells(lines[start])
        .iter()
        .map(|c| header_key(c))
        .collect();
    let columns = columns(&header);
    let mut rows = Vec::new();
    let mut i = start + 2;
    while i < lines.len() {
        let line = lines[i];
        if line.trim().is_empty() {
            // A blank line ends a table, unless what follows is clearly more of it.
            let next = (i..lines.len()).find(|&j| !lines[j].trim().is_empty());
            match next {
                Some(j)
                    if lines[j].contains('|')
                        && split_cells(lines[j]).len() == header.len()
                        && !lines.get(j + 1).is_some_and(|l| is_separator(l))
                        && parse_heading(lines[j]).is_none() =>
                {
                    i = j;
                    continue;
                }
                _ => break,
            }
        }
        if !line.contains('|') || parse_heading(line).is_some() || fence_start(line).is_some() {
            break;
        }
        i += 1;
        let Ok(columns) = &columns else { continue };
        if is_separator(line) {
            continue;
        }
        let cells = split_cells(line);
        if cells.iter().all(|c| clean(c).text.is_empty()) {
            continue;
        }
        let keys: Vec<String> = cells.iter().map(|c| header_key(c)).collect();
        if keys == header {
            continue;
        }
        let cell = |at: usize| clean(cells.get(at).copied().unwrap_or(""));
        let code = cell(columns.code);
        if code.text.is_empty() {
            warnings.push(Warning::new(
                i,
                "table row has no code; skipped (write the code in the Code column)",
            ));
            continue;
        }
        let non_empty = |inline: Inline| Some(inline.text).filter(|t| !t.is_empty());
        let description: Vec<String> = columns
            .description
            .iter()
            .filter_map(|&at| non_empty(cell(at)))
            .collect();
        rows.push(RawRow {
            line: i,
            code: code.text,
            struck: code.struck,
            name: columns.name.and_then(|at| non_empty(cell(at))),
            message: cell(columns.message).text,
            description: (!description.is_empty()).then(|| description.join("\n")),
        });
    }
    if columns.is_ok() {
        trust_content(&mut rows, start + 1, warnings);
    }
    match columns {
        Err(why) => warnings.push(Warning::new(
            start + 1,
            format!(
                "table skipped: {why} (its headers are {}); errcodes import reads tables with a Code column and a Message or Description column",
                header
                    .iter()
                    .map(|h| format!("`{h}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
        Ok(_) if rows.is_empty() => {
            warnings.push(Warning::new(start + 1, "table has no rows; skipped"))
        }
        Ok(_) => {}
    }
    (rows, i)
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
    if rows.is_empty() {
        return;
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_cells_on_unescaped_pipes() {
        assert_eq!(
            split_cells("| a | b \\| c | d |"),
            [" a ", " b \\| c ", " d "]
        );
        assert_eq!(split_cells("a | b"), ["a ", " b"]);
        assert_eq!(split_cells("| a |  |"), [" a ", "  "]);
    }

    #[test]
    fn recognizes_separators_and_headings() {
        assert!(is_separator("| :-- | --: | --- |"));
        assert!(is_separator("---|---"));
        assert!(!is_separator("| - x | --- |"));
        assert_eq!(parse_heading("### Basic code"), Some((3, "Basic code")));
        assert_eq!(parse_heading("## Trade ##"), Some((2, "Trade")));
        assert_eq!(parse_heading("#hashtag"), None);
        assert_eq!(parse_heading("    # code"), None);
    }

    #[test]
    fn maps_columns() {
        let keys = |h: &[&str]| h.iter().map(|c| header_key(c)).collect::<Vec<_>>();
        let c = columns(&keys(&["Code", "HTTP Status", "Message"])).unwrap();
        assert_eq!((c.code, c.message, c.description.len()), (0, 2, 0));
        let c = columns(&keys(&["Error Code", "Description"])).unwrap();
        assert_eq!((c.code, c.message), (0, 1));
        let c = columns(&keys(&["Name", "Code", "Message", "Explanation"])).unwrap();
        assert_eq!(
            (c.name, c.code, c.message, c.description),
            (Some(0), 1, 2, vec![3])
        );
        let c = columns(&keys(&["Status Code", "Reason Text"])).unwrap();
        assert_eq!((c.code, c.message), (0, 1));
        assert!(columns(&keys(&["Field", "Type"])).is_err());
        assert!(columns(&keys(&["Code", "HTTP Status"])).is_err());
    }
}
