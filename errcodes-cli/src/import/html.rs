//! An HTML page (a saved, built documentation page) as [`Block`]s, read by an HTML5 parser
//! (scraper, on html5ever): `<h1>`–`<h6>` are headings, `<table>` rows of `<th>`/`<td>` are
//! tables (the first row is the header when there is no `<thead>`), `<li>` are items, `<p>`
//! paragraphs. Text is what a browser shows: runs of white space are one space, `<br>` is a
//! space, `<del>`/`<s>`/`<strike>` strike through; `<script>`, `<style>`, `<template>` and
//! `<nav>` hold no text of the page.
//!
//! The parser keeps no source positions, so lines are found by counting: the n-th `<tr` tag
//! of the source (outside comments) is the n-th row of the document, and so on per element.

use std::collections::HashMap;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

use super::blocks::{Block, Inline, LineIndex, MAX_DEPTH, Row, Table, TooDeep};

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

/// Elements that never have content (no end tag).
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose end tag may be left out: the next one of their kind closes them (`<li>`
/// after `<li>`, `<p>` after `<p>`), so pages leave thousands of them "open" without nesting.
const OPTIONAL_END: &[&str] = &[
    "html", "head", "body", "p", "li", "dt", "dd", "rb", "rt", "rtc", "rp", "optgroup", "option",
    "colgroup", "caption", "thead", "tbody", "tfoot", "tr", "td", "th",
];

/// Lines of each element's start tag, in source order.
struct TagLines {
    lines: HashMap<String, Vec<usize>>,
    seen: HashMap<String, usize>,
}

/// The elements open at a point of the source, as its tags say (end tags close the nearest
/// open element of their name and everything opened after it, as a browser mostly does).
#[derive(Default)]
struct Open {
    names: Vec<String>,
    counts: HashMap<String, usize>,
}

impl Open {
    fn push(&mut self, name: &str) {
        self.names.push(name.to_owned());
        *self.counts.entry(name.to_owned()).or_default() += 1;
    }

    /// Closes the nearest open `name`; an end tag of nothing open is ignored. Each element is
    /// popped at most once, so the whole scan stays linear.
    fn close(&mut self, name: &str) {
        if self.counts.get(name).is_none_or(|&n| n == 0) {
            return;
        }
        while let Some(top) = self.names.pop() {
            if let Some(n) = self.counts.get_mut(&top) {
                *n -= 1;
            }
            if top == name {
                return;
            }
        }
    }

    /// Inside `<svg>` or `<math>`, where `<path/>` closes itself (in HTML `<div/>` does not).
    fn in_foreign(&self) -> bool {
        ["svg", "math"]
            .iter()
            .any(|name| self.counts.get(*name).is_some_and(|&n| n > 0))
    }
}

impl TagLines {
    /// Scans the source's tags; refuses a page whose elements nest deeper than [`MAX_DEPTH`]
    /// before the parser (whose time grows with the depth for every element) sees it.
    fn new(text: &str) -> Result<Self, TooDeep> {
        let index = LineIndex::new(text);
        let lower = text.to_ascii_lowercase();
        let bytes = lower.as_bytes();
        let mut lines: HashMap<String, Vec<usize>> = HashMap::new();
        let mut open = Open::default();
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
            let closing = rest.starts_with('/');
            let name: String = rest[usize::from(closing)..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            at = start + 1;
            if name.is_empty() {
                continue;
            }
            if closing {
                open.close(&name);
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
                continue;
            }
            // The tag's end: the first `>` before the next `<` (so each byte is read twice at
            // most, whatever the page).
            let tag_end = bytes[at..]
                .iter()
                .position(|&b| b == b'>' || b == b'<')
                .map(|n| at + n);
            let self_closed =
                tag_end.is_some_and(|end| bytes[end] == b'>' && bytes[end - 1] == b'/');
            if VOID.contains(&name.as_str())
                || OPTIONAL_END.contains(&name.as_str())
                || (self_closed && open.in_foreign())
            {
                continue;
            }
            open.push(&name);
            if open.names.len() > MAX_DEPTH {
                return Err(TooDeep {
                    line: index.line(start),
                    what: "HTML elements",
                });
            }
        }
        Ok(TagLines {
            lines,
            seen: HashMap::new(),
        })
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

/// The blocks of an HTML page; a page nested deeper than [`MAX_DEPTH`] is refused.
///
/// Every walk below is a loop over the tree's open and close edges, never a recursion, so the
/// depth of the page costs no stack.
pub fn blocks(text: &str) -> Result<Vec<Block>, TooDeep> {
    let mut tags = TagLines::new(text)?;
    let document = Html::parse_document(text);
    // The n-th start tag of a name in the source is the n-th element of that name in
    // document order.
    let lines: Lines = document
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .map(|element| (element.id(), tags.next(element.value().name())))
        .collect();
    let mut blocks = Vec::new();
    // The element whose subtree is passed over: its text belongs to a block already made.
    let mut skip: Option<NodeId> = None;
    for edge in document.root_element().traverse() {
        let node = match edge {
            Edge::Open(node) => node,
            Edge::Close(node) => {
                if skip == Some(node.id()) {
                    skip = None;
                }
                continue;
            }
        };
        let Some(element) = ElementRef::wrap(node).filter(|_| skip.is_none()) else {
            continue;
        };
        let name = element.value().name();
        let line = lines.get(&element.id()).copied().unwrap_or(1);
        // An item's paragraphs are its text; only nested lists and tables are blocks of
        // their own.
        let in_item = node
            .parent()
            .and_then(ElementRef::wrap)
            .is_some_and(|parent| parent.value().name() == "li");
        if in_item && !matches!(name, "ul" | "ol" | "table") {
            skip = Some(node.id());
            continue;
        }
        match name {
            _ if SKIPPED.contains(&name) => skip = Some(node.id()),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                blocks.push(Block::Heading {
                    level: name[1..].parse().unwrap_or(6),
                    text: inline(element, false),
                    line,
                });
                skip = Some(node.id());
            }
            "table" => {
                blocks.push(Block::Table(table(element, line, &lines)));
                skip = Some(node.id());
            }
            "p" => {
                let text = inline(element, false);
                let bold_text = inline(element, true);
                blocks.push(Block::Paragraph {
                    bold: !text.text.is_empty() && bold_text.text.is_empty(),
                    text,
                    line,
                });
                skip = Some(node.id());
            }
            "li" => blocks.push(Block::Item {
                text: inline_without_lists(element),
                line,
            }),
            _ => {}
        }
    }
    Ok(blocks)
}

/// The source line of every element.
type Lines = HashMap<NodeId, usize>;

fn table(element: ElementRef, line: usize, lines: &Lines) -> Table {
    let mut header: Option<Row> = None;
    let mut rows = Vec::new();
    // Tables open inside this one: their rows are text of this table's cells.
    let mut nested = 0usize;
    for edge in element.traverse() {
        let (node, opens) = match edge {
            Edge::Open(node) => (node, true),
            Edge::Close(node) => (node, false),
        };
        let Some(child) = ElementRef::wrap(node).filter(|c| c.id() != element.id()) else {
            continue;
        };
        let name = child.value().name();
        if name == "table" {
            nested = if opens {
                nested + 1
            } else {
                nested.saturating_sub(1)
            };
            continue;
        }
        if !opens || name != "tr" || nested > 0 {
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
            line: lines.get(&child.id()).copied().unwrap_or(line),
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

/// The visible text of an element. With `outside_bold`, only the text not inside
/// `<b>`/`<strong>` (empty for an all-bold paragraph).
fn inline(element: ElementRef, outside_bold: bool) -> Inline {
    finish(collect(element, outside_bold, false))
}

/// An item's text without the items of its nested lists (they are items of their own).
fn inline_without_lists(element: ElementRef) -> Inline {
    finish(collect(element, false, true))
}

/// The text under `element`, in document order: `<br>` and the edges of block elements are
/// spaces, struck-through text is noted, and skipped elements (and, as asked, bold text or
/// nested lists) give none.
fn collect(element: ElementRef, outside_bold: bool, no_lists: bool) -> Inline {
    let mut out = Inline::default();
    let mut struck = 0usize;
    let mut skip: Option<NodeId> = None;
    for edge in element.traverse() {
        let (node, opens) = match edge {
            Edge::Open(node) => (node, true),
            Edge::Close(node) => (node, false),
        };
        if node.id() == element.id() {
            continue;
        }
        if let Some(skipped) = skip {
            if !opens && skipped == node.id() {
                skip = None;
            }
            continue;
        }
        match node.value() {
            Node::Text(text) if opens => {
                out.text.push_str(text);
                out.struck |= struck > 0 && !text.trim().is_empty();
            }
            Node::Element(e) => match e.name() {
                "br" if opens => out.text.push(' '),
                name if opens && SKIPPED.contains(&name) => skip = Some(node.id()),
                "ul" | "ol" if opens && no_lists => skip = Some(node.id()),
                "b" | "strong" if opens && outside_bold => skip = Some(node.id()),
                "del" | "s" | "strike" if opens => struck += 1,
                "del" | "s" | "strike" => struck = struck.saturating_sub(1),
                "p" | "div" | "li" | "tr" | "td" | "th" => out.text.push(' '),
                _ => {}
            },
            _ => {}
        }
    }
    out
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
        let blocks = blocks(PAGE).unwrap();
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
