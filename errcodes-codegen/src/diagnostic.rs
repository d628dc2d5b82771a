use std::fmt;

/// A byte range in the catalog's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl From<std::ops::Range<usize>> for Span {
    fn from(range: std::ops::Range<usize>) -> Self {
        Span {
            start: range.start,
            end: range.end,
        }
    }
}

/// Whether a problem stops the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The catalog is rejected.
    Error,
    /// The catalog is accepted, but something deserves a look (`errcodes check` prints these).
    Warning,
}

/// One problem in a catalog: where, what is wrong, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where the problem is.
    pub span: Span,
    /// What is wrong, lower-case, without a final period.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// Other places that explain the problem, e.g. the first use of a duplicated code.
    pub related: Vec<(Span, String)>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(span: impl Into<Span>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            span: span.into(),
            message: message.into(),
            help: None,
            related: Vec::new(),
        }
    }

    /// A warning at `span`.
    pub fn warning(span: impl Into<Span>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(span, message)
        }
    }

    /// Adds how to fix it.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds another place that explains the problem.
    pub fn related(mut self, span: Span, note: impl Into<String>) -> Self {
        self.related.push((span, note.into()));
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The form used in compile errors: `path:line:column: message`, the catalog's line with
    /// a caret under the value (as `errcodes check` and rustc show it), then `= note:` and
    /// `= help:` lines.
    ///
    /// ```
    /// use errcodes_codegen::{Diagnostic, LineIndex};
    ///
    /// let text = "[catalog]\nkind = \"authentcation\"\n";
    /// let lines = LineIndex::new(text);
    /// let error = Diagnostic::error(17..32, "unknown kind `authentcation`").help("did you mean `authentication`?");
    /// assert_eq!(
    ///     error.render_plain("demo.toml", &lines),
    ///     "demo.toml:2:8: unknown kind `authentcation`\n  |\n2 | kind = \"authentcation\"\n  |        ^^^^^^^^^^^^^^^\n  = help: did you mean `authentication`?"
    /// );
    /// ```
    pub fn render_plain(&self, path: &str, lines: &LineIndex) -> String {
        let position = lines.position(self.span.start);
        let mut text = format!("{path}:{position}: {}", self.message);
        if let Some(snippet) = lines.snippet(self.span) {
            text.push('\n');
            text.push_str(&snippet);
        }
        for (span, note) in &self.related {
            let position = lines.position(span.start);
            text.push_str(&format!("\n  = note: {path}:{position}: {note}"));
        }
        if let Some(help) = &self.help {
            text.push_str(&format!("\n  = help: {help}"));
        }
        text
    }
}

/// A 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Turns byte offsets into lines and columns.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the lines of `text`.
    pub fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        LineIndex { text, line_starts }
    }

    /// The line of `span`'s start with carets under the span (to the end of that line), in the
    /// layout rustc uses; `None` for a line too long to show whole, or one holding control
    /// characters that would not print as they are.
    pub fn snippet(&self, span: Span) -> Option<String> {
        const LONGEST: usize = 160;
        let position = self.position(span.start);
        let start = self.line_starts[position.line - 1];
        let line = self.text[start..]
            .split('\n')
            .next()
            .unwrap_or("")
            .trim_end_matches('\r');
        if line.chars().count() > LONGEST || line.chars().any(|c| c.is_control() && c != '\t') {
            return None;
        }
        let line = line.replace('\t', " ");
        let number = position.line.to_string();
        let gutter = " ".repeat(number.len());
        let end = self.position(span.end.max(span.start));
        let width = if end.line == position.line {
            end.column.saturating_sub(position.column)
        } else {
            line.chars().count().saturating_sub(position.column - 1)
        }
        .max(1);
        Some(format!(
            "{gutter} |\n{number} | {line}\n{gutter} | {}{}",
            " ".repeat(position.column - 1),
            "^".repeat(width)
        ))
    }

    /// The line and column of a byte offset (clamped to the text).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let column = self.text[self.line_starts[line]..offset].chars().count() + 1;
        Position {
            line: line + 1,
            column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_underline_the_value_and_stay_bounded() {
        let text = "a = 1\r\nkind =\t\"x\"\nmulti = \"\"\"one\ntwo\"\"\"\n";
        let lines = LineIndex::new(text);
        let kind = text.find("\"x\"").unwrap();
        assert_eq!(
            lines.snippet(Span::from(kind..kind + 3)).unwrap(),
            "  |\n2 | kind = \"x\"\n  |        ^^^"
        );
        // A span running past its line is underlined to the line's end.
        let multi = text.find("\"\"\"one").unwrap();
        assert_eq!(
            lines.snippet(Span::from(multi..text.len())).unwrap(),
            "  |\n3 | multi = \"\"\"one\n  |         ^^^^^^"
        );
        // An empty span still gets a caret; an offset past the end is clamped.
        assert!(lines.snippet(Span::from(0..0)).unwrap().ends_with(" | ^"));
        assert!(lines.snippet(Span::from(999..999)).is_some());
        // A line too long to show, or one with control characters, is left out.
        let long = format!("message = \"{}\"", "x".repeat(500));
        assert_eq!(LineIndex::new(&long).snippet(Span::from(10..20)), None);
        assert_eq!(
            LineIndex::new("a = \"\u{1b}[31m\"").snippet(Span::from(4..8)),
            None
        );
    }
}
