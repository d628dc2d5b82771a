//! An HTML page (a saved, built documentation page) as [`Block`]s, read by an HTML5 parser
//! (scraper, on html5ever): `<h1>`–`<h6>` are headings, `<table>` rows of `<th>`/`<td>` are
//! tables (the first row is the header when there is no `<thead>`), `<li>` are items, `<p>`
//! paragraphs. Text is what a browser shows: runs of white space are one space, `<br>` is a
//! space, `<del>`/`<s>`/`<strike>` strike through; `<script>`, `<style>`, `<template>` and
//! `<nav>` hold no text of the page.
//!
//! The parser keeps no source positions, so lines are found by counting: the n-th `<tr` tag
//! of the source (outside comments) is the n-th row of the document, and so on per element.

use scraper::{ElementRef, Html, Node};

use super::blocks::{Block, Inline, LineIndex, Row, Table};

/// Whether `text` is an HTML page rather than markdown: after any leading comments it starts
/// with a tag, and it is a document (`<!doctype`, `<html`) or holds a `<table>`. Markdown that
/// shows HTML in a code block, or has HTML tables in it, stays markdown (its raw HTML blocks
/// are read as HTML there).
pub fn is_html(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let mut rest = lower.trim_start();
    while let Some(comment) = rest.strip_prefix("<!--") {
        rest = comment
            .find("-->")
            .map_or("", |end| &comment[end + 3..])
            .trim_start();
    }
    rest.starts_with("<!doctype")
        || rest.starts_with("<html")
        || (rest.starts_with('<') && lower.contains("<table"))
}

/// Elements whose content is text, not markup.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

const SKIPPED: &[&str] = &["script", "style", "template", "nav", "noscript", "head"];

/// Lines of each element's start tag, in source order.
struct TagLines {
    lines: std::collections::HashMap<String, Vec<usize>>,
    seen: std::collections::HashMap<String, usize>,
}

impl TagLines {
    fn new(text: &str) -> Self {
        let index = LineIndex::new(text);
        let lower = text.to_ascii_lowercase();
        let mut lines: std::collections::HashMap<String, Vec<usize>> = Default::default();
        let mut at = 0;
        while let Some(found) = lower[at..].find('<') {
            let start = at + found;
            let rest = &lower[start + 1..];
            if rest.starts_with("!--") {
                at = rest
                    .find("-->")
                    .map_or(lower.len(), |end| start + 1 + end + 3);
                continue;
            }
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            at = start + 1;
            if name.is_empty() {
                continue;
            }
            lines
                .entry(name.clone())
                .or_default()
                .push(index.line(start));
            // Raw text: a `<table` inside a script is no element.
            if RAW_TEXT.contains(&name.as_str()) {
                let close = format!("</{name}");
                at = lower[at..].find(&close).map_or(lower.len(), |end| at + end);
            }
        }
        TagLines {
            lines,
            seen: Default::default(),
        }
    }

    /// The line of the next `<name` start tag; the last known one when the source has fewer
    /// (an element the parser added).
    fn next(&mut self, name: &str) -> usize {
        let seen = self.seen.entry(name.to_owned()).or_default();
        let lines = self.lines.get(name);
        let line = lines
            .and_then(|l| l.get(*seen).or(l.last()))
            .copied()
            .unwrap_or(1);
        *seen += 1;
        line
    }
}

/// The blocks of an HTML page.
pub fn blocks(text: &str) -> Vec<Block> {
    let document = Html::parse_document(text);
    let mut lines = TagLines::new(text);
    let mut blocks = Vec::new();
    walk(document.root_element(), &mut lines, &mut blocks);
    blocks
}

fn walk(element: ElementRef, lines: &mut TagLines, blocks: &mut Vec<Block>) {
    let name = element.value().name();
    let line = lines.next(name);
    match name {
        _ if SKIPPED.contains(&name) => {
            count_descendants(element, lines);
            return;
        }
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            blocks.push(Block::Heading {
                level: name[1..].parse().unwrap_or(6),
                text: inline(element, false),
                line,
            });
            count_descendants(element, lines);
            return;
        }
        "table" => {
            blocks.push(Block::Table(table(element, line, lines)));
            return;
        }
        "p" => {
            let text = inline(element, false);
            let bold_text = inline(element, true);
            blocks.push(Block::Paragraph {
                bold: !text.text.is_empty() && bold_text.text.is_empty(),
                text,
                line,
            });
            count_descendants(element, lines);
            return;
        }
        "li" => {
            blocks.push(Block::Item {
                text: inline_without_lists(element),
                line,
            });
            // Its paragraphs are its text; only nested lists and tables are blocks of their own.
            for child in element.children().filter_map(ElementRef::wrap) {
                if matches!(child.value().name(), "ul" | "ol" | "table") {
                    walk(child, lines, blocks);
                } else {
                    lines.next(child.value().name());
                    count_descendants(child, lines);
                }
            }
            return;
        }
        _ => {}
    }
    for child in element.children().filter_map(ElementRef::wrap) {
        walk(child, lines, blocks);
    }
}

/// Counts the start tags inside an element that is not walked, so that later ones keep their
/// lines.
fn count_descendants(element: ElementRef, lines: &mut TagLines) {
    for node in element.descendants().skip(1) {
        if let Some(child) = ElementRef::wrap(node) {
            lines.next(child.value().name());
        }
    }
}

fn table(element: ElementRef, line: usize, lines: &mut TagLines) -> Table {
    let mut header: Option<Row> = None;
    let mut rows = Vec::new();
    for node in element.descendants().skip(1) {
        let Some(child) = ElementRef::wrap(node) else {
            continue;
        };
        let name = child.value().name();
        let row_line = lines.next(name);
        if name != "tr" || !directly_in(child, element) {
            continue;
        }
        let cells: Vec<ElementRef> = child
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|c| matches!(c.value().name(), "td" | "th"))
            .collect();
        let in_head = child
            .parent()
            .and_then(ElementRef::wrap)
            .is_some_and(|p| p.value().name() == "thead");
        let all_th = !cells.is_empty() && cells.iter().all(|c| c.value().name() == "th");
        let row = Row {
            line: row_line,
            cells: cells.iter().map(|c| inline(*c, false)).collect(),
        };
        if header.is_none() && (in_head || all_th || rows.is_empty()) && rows.is_empty() {
            header = Some(row);
        } else {
            rows.push(row);
        }
    }
    Table {
        header: header.unwrap_or(Row {
            line,
            cells: Vec::new(),
        }),
        rows,
    }
}

/// Whether `table` is the nearest `<table>` around `element` (not a table nested in a cell).
fn directly_in(element: ElementRef, table: ElementRef) -> bool {
    element
        .ancestors()
        .filter_map(ElementRef::wrap)
        .find(|a| a.value().name() == "table")
        .is_some_and(|a| a.id() == table.id())
}

/// The visible text of an element. With `outside_bold`, only the text not inside
/// `<b>`/`<strong>` (empty for an all-bold paragraph).
fn inline(element: ElementRef, outside_bold: bool) -> Inline {
    let mut out = Inline::default();
    collect(element, &mut out, outside_bold, false, false);
    finish(out)
}

/// An item's text without the items of its nested lists (they are items of their own).
fn inline_without_lists(element: ElementRef) -> Inline {
    let mut out = Inline::default();
    collect(element, &mut out, false, false, true);
    finish(out)
}

fn collect(
    element: ElementRef,
    out: &mut Inline,
    outside_bold: bool,
    struck: bool,
    no_lists: bool,
) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => {
                out.text.push_str(text);
                out.struck |= struck && !text.trim().is_empty();
            }
            Node::Element(e) => {
                let name = e.name();
                let child = ElementRef::wrap(child).expect("an element");
                match name {
                    "br" => out.text.push(' '),
                    _ if SKIPPED.contains(&name) => {}
                    "ul" | "ol" if no_lists => {}
                    "b" | "strong" if outside_bold => {}
                    "del" | "s" | "strike" => collect(child, out, outside_bold, true, no_lists),
                    "p" | "div" | "li" | "tr" | "td" | "th" => {
                        out.text.push(' ');
                        collect(child, out, outside_bold, struck, no_lists);
                        out.text.push(' ');
                    }
                    _ => collect(child, out, outside_bold, struck, no_lists),
                }
            }
            _ => {}
        }
    }
}

/// White space as a browser shows it: one space for each run, none at the ends.
fn finish(out: Inline) -> Inline {
    Inline {
        text: out
            .text
            .split_ascii_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        struck: out.struck,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!DOCTYPE html>\n<html><head><title>x</title><style>h1{}</style></head>\n<body>\n<h1>Venue   API</h1>\n<h2>Errors<a href=\"#e\">¶</a></h2>\n<table>\n<thead><tr><th>Code</th><th>Message</th></tr></thead>\n<tbody>\n<tr><td><del>1001</del></td><td>Old  <b>one</b></td></tr>\n<tr>\n<td>1002</td><td>Two<br>lines</td></tr>\n</tbody></table>\n<ul><li>First<ul><li>Inner</li></ul></li></ul>\n<p><strong>Margin</strong></p>\n</body></html>\n";

    #[test]
    fn reads_headings_tables_items_and_lines() {
        assert!(is_html(PAGE));
        assert!(!is_html(
            "# Title\n\n| a | b |\n|---|---|\n| <table> | x |\n"
        ));
        assert!(!is_html(
            "<!-- saved from x -->\n# Title\n\n<table><tr><td>1</td></tr></table>\n"
        ));
        assert!(is_html(
            "<!-- saved -->\n<div><table><tr><td>1</td></tr></table></div>\n"
        ));
        assert!(!is_html(
            "# Embed\n\n```html\n<!DOCTYPE html>\n<html></html>\n```\n"
        ));
        let blocks = blocks(PAGE);
        assert!(
            matches!(&blocks[0], Block::Heading { level: 1, text, line: 4 } if text.text == "Venue API")
        );
        assert!(matches!(
            &blocks[1],
            Block::Heading {
                level: 2,
                line: 5,
                ..
            }
        ));
        let Block::Table(table) = &blocks[2] else {
            panic!("{blocks:?}")
        };
        assert_eq!(table.header.line, 7);
        assert_eq!(table.header.cells[0].text, "Code");
        assert_eq!(table.rows[0].line, 9);
        assert!(table.rows[0].cells[0].struck);
        assert_eq!(table.rows[0].cells[1].text, "Old one");
        assert_eq!(table.rows[1].line, 10);
        assert_eq!(table.rows[1].cells[1].text, "Two lines");
        assert!(matches!(&blocks[3], Block::Item { text, line: 13 } if text.text == "First"));
        assert!(matches!(&blocks[4], Block::Item { text, .. } if text.text == "Inner"));
        assert!(matches!(
            &blocks[5],
            Block::Paragraph {
                bold: true,
                line: 14,
                ..
            }
        ));
    }
}
