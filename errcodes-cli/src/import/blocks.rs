//! What the importer needs of a page, whatever its format: headings, tables, list items and
//! paragraphs in document order, each reduced to the text a reader sees. [`super::markdown`]
//! and [`super::html`] produce these; [`super::layout`] finds the error codes in them.

/// Text as a reader of the rendered page sees it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Inline {
    /// The visible text, trimmed; runs of spaces inside are kept (a message is the API's text).
    pub text: String,
    /// Some of it was struck through: the page marks it as withdrawn.
    pub struck: bool,
}

/// One row of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line in the document.
    pub line: usize,
    /// The cells, in column order.
    pub cells: Vec<Inline>,
}

/// A table: its header row and body rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The header row (its line is the table's line).
    pub header: Row,
    /// The body rows, in order.
    pub rows: Vec<Row>,
}

/// One block of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// `# Title` or `<h1>`; level 1 to 6.
    Heading {
        level: u8,
        text: Inline,
        line: usize,
    },
    /// The text of a bullet or numbered item (its nested lists are items of their own).
    Item {
        text: Inline,
        line: usize,
    },
    /// A paragraph; `bold` when all of its text is bold (a section title on some pages).
    Paragraph {
        text: Inline,
        bold: bool,
        line: usize,
    },
    Table(Table),
}

/// The 1-based line of each byte offset of `text`.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        LineIndex { starts }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}

/// How deep a page may nest: HTML elements open at once, or markdown lists and block quotes
/// open at once. Real documentation pages nest a few dozen deep; the HTML5 and CommonMark
/// parsers take time proportional to the depth for every element or line, so a page nested
/// ten thousand deep would take minutes (and used to overflow the stack). Pages are measured
/// before they are parsed, and one past the limit is refused.
pub const MAX_DEPTH: usize = 256;

/// A page that nests deeper than [`MAX_DEPTH`], found before it is parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooDeep {
    /// 1-based line where the nesting passes the limit.
    pub line: usize,
    /// What nests: `HTML elements` or `markdown lists and block quotes`.
    pub what: &'static str,
}

impl TooDeep {
    /// The error shown for DOC `doc`: where, the limit, and what to do.
    pub fn message(&self, doc: &str) -> String {
        format!(
            "{doc}:{}: {} nest more than {MAX_DEPTH} deep here; errcodes import reads pages nested at most {MAX_DEPTH} deep: import the part of the page that holds the error codes (the table or the section alone)",
            self.line, self.what
        )
    }
}
