//! Codes and messages that carry values: `Order failed. Insufficient {currency} balance in
//! account.`, `EService: Throttled: {until}`.
//!
//! # Syntax
//!
//! - `{name}` is a placeholder: it matches any text, including none. A name is ASCII letters,
//!   digits and `_` (`{param0}`, `{until}`); `{}` is a placeholder without a name.
//! - Every other character, every other `{` and `}` included, is literal text: a documented
//!   message containing `{"code":1}` or `{ }` is matched as written. There are no escapes, so
//!   a catalog keeps a venue's text byte for byte.
//! - A `{name` that runs to the end of the text is literal text too, like every other `{`, but
//!   it is more often a typo than a venue's wording: [`Template::check`] reports it, and the
//!   engine shows a warning (`errcodes check`) rather than an error, since a page's message can
//!   end that way and the importer copies it byte for byte. Documentation does repeat a
//!   name (`{param0} … {param0}`) and put placeholders side by side (`{param0}{param1}`), so
//!   both are allowed: each occurrence matches on its own, and of two placeholders side by side
//!   the first takes no text.
//!
//! # Matching
//!
//! The literal text before the first placeholder must start the message, the literal text
//! after the last must end it, and each literal piece between is found at its first occurrence
//! after the previous one. For patterns whose only wildcard matches any text this greedy rule
//! finds a match whenever one exists, in time linear in the message for each piece and with no
//! allocation: no regex is compiled, at build time or per call.
//!
//! ```
//! use errcodes_core::template::Template;
//!
//! let template = Template::new("Order failed. Insufficient {currency} balance in account.");
//! let sent = "Order failed. Insufficient USDT balance in account.";
//! assert!(template.matches(sent));
//! assert_eq!(template.capture(sent, "currency"), Some("USDT"));
//! assert!(!template.matches("Order failed. Insufficient margin."));
//! ```

use core::fmt;

/// A code or message that may hold placeholders (see the [module docs](self)).
///
/// ```
/// use errcodes_core::template::Template;
///
/// assert!(Template::new("EService: Throttled: {until}").has_placeholders());
/// assert!(!Template::new("EService:Busy").has_placeholders());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Template<'t> {
    text: &'t str,
}

/// A piece of a [`Template`].
///
/// ```
/// use errcodes_core::template::{Part, Template};
///
/// let parts: Vec<Part> = Template::new("IP banned until {until}.").parts().collect();
/// assert_eq!(parts, [Part::Text("IP banned until "), Part::Placeholder("until"), Part::Text(".")]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part<'t> {
    /// Literal text, matched as written.
    Text(&'t str),
    /// A placeholder's name (empty for `{}`).
    Placeholder(&'t str),
}

/// What is wrong with a template, and where: byte offsets into its text.
///
/// ```
/// use errcodes_core::template::{Template, TemplateError};
///
/// let error = Template::check("Throttled until {until").unwrap_err();
/// assert_eq!(error, TemplateError::Unclosed { at: 16 });
/// assert_eq!(error.to_string(), "placeholder `{` at byte 16 is never closed");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TemplateError {
    /// A `{name` that runs to the end of the text.
    Unclosed {
        /// Where the `{` is.
        at: usize,
    },
}

impl TemplateError {
    /// The byte offset the problem is at.
    ///
    /// ```
    /// let error = errcodes_core::template::Template::check("{a} {b").unwrap_err();
    /// assert_eq!(error.at(), 4);
    /// ```
    pub const fn at(self) -> usize {
        match self {
            TemplateError::Unclosed { at } => at,
        }
    }
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::Unclosed { at } => {
                write!(f, "placeholder `{{` at byte {at} is never closed")
            }
        }
    }
}

impl core::error::Error for TemplateError {}

fn is_name_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// The placeholder starting at `text[0]` (which is `{`): its name and its length in bytes.
fn placeholder_at(text: &str) -> Option<(&str, usize)> {
    let bytes = text.as_bytes();
    let name_len = bytes[1..].iter().take_while(|&&b| is_name_byte(b)).count();
    (bytes.get(1 + name_len) == Some(&b'}')).then(|| (&text[1..1 + name_len], name_len + 2))
}

/// The pieces of a template, in order.
///
/// ```
/// use errcodes_core::template::Template;
///
/// assert_eq!(Template::new("{}:{x}").parts().count(), 3);
/// ```
#[derive(Debug, Clone)]
pub struct Parts<'t> {
    rest: &'t str,
}

impl<'t> Iterator for Parts<'t> {
    type Item = Part<'t>;

    fn next(&mut self) -> Option<Part<'t>> {
        if self.rest.is_empty() {
            return None;
        }
        // `{` is ASCII, so every index found is a char boundary; `str::find` on a char
        // searches with memchr.
        let mut from = 0;
        let next_placeholder = loop {
            let Some(offset) = self.rest[from..].find('{') else {
                break None;
            };
            let at = from + offset;
            if let Some(found) = placeholder_at(&self.rest[at..]) {
                break Some((at, found));
            }
            from = at + 1;
        };
        let (part, len) = match next_placeholder {
            Some((0, (name, len))) => (Part::Placeholder(name), len),
            Some((at, _)) => (Part::Text(&self.rest[..at]), at),
            None => (Part::Text(self.rest), self.rest.len()),
        };
        self.rest = &self.rest[len..];
        Some(part)
    }
}

/// A [`Template`] written as a sentence: see [`Template::sentence`].
///
/// ```
/// let sentence = errcodes_core::template::Template::new("IP banned until {until}.").sentence();
/// assert_eq!(sentence.to_string(), "IP banned until ….");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sentence<'t> {
    template: Template<'t>,
}

impl fmt::Display for Sentence<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for part in self.template.parts() {
            f.write_str(match part {
                Part::Text(text) => text,
                Part::Placeholder(_) => "\u{2026}",
            })?;
        }
        Ok(())
    }
}

impl<'t> Template<'t> {
    /// A template over `text`. Any text is accepted; [`check`](Template::check) says whether
    /// it is well formed.
    ///
    /// ```
    /// let template = errcodes_core::template::Template::new("Parameter {param0} error");
    /// assert_eq!(template.as_str(), "Parameter {param0} error");
    /// ```
    pub const fn new(text: &'t str) -> Self {
        Template { text }
    }

    /// The text the template was made from.
    ///
    /// ```
    /// assert_eq!(errcodes_core::template::Template::new("{x}").as_str(), "{x}");
    /// ```
    pub const fn as_str(&self) -> &'t str {
        self.text
    }

    /// The pieces of the template.
    ///
    /// ```
    /// use errcodes_core::template::{Part, Template};
    ///
    /// let parts: Vec<Part> = Template::new(r#"{"code":1} {x}"#).parts().collect();
    /// assert_eq!(parts, [Part::Text(r#"{"code":1} "#), Part::Placeholder("x")]);
    /// ```
    pub fn parts(&self) -> Parts<'t> {
        Parts { rest: self.text }
    }

    /// True when the text holds at least one placeholder; otherwise it matches only itself.
    ///
    /// ```
    /// use errcodes_core::template::Template;
    ///
    /// assert!(Template::new("{}").has_placeholders());
    /// assert!(!Template::new("{ not one }").has_placeholders());
    /// ```
    pub fn has_placeholders(&self) -> bool {
        self.parts()
            .any(|part| matches!(part, Part::Placeholder(_)))
    }

    /// The placeholders' names, in order (empty for `{}`).
    ///
    /// ```
    /// let names: Vec<&str> = errcodes_core::template::Template::new("{a} and {b}").placeholders().collect();
    /// assert_eq!(names, ["a", "b"]);
    /// ```
    pub fn placeholders(&self) -> impl Iterator<Item = &'t str> + use<'t> {
        self.parts().filter_map(|part| match part {
            Part::Placeholder(name) => Some(name),
            Part::Text(_) => None,
        })
    }

    /// Whether two templates say the same thing with only their placeholders named
    /// differently: the test by which a catalog's `{currency}` stays the page's `{param0}`
    /// (a faithful message may rename its slots, never its words).
    ///
    /// ```
    /// use errcodes_core::template::Template;
    ///
    /// let page = Template::new("Insufficient {param0} balance");
    /// assert!(page.same_shape(&Template::new("Insufficient {currency} balance")));
    /// assert!(!page.same_shape(&Template::new("Insufficient {currency} margin")));
    /// assert!(!page.same_shape(&Template::new("Insufficient currency balance")));
    /// ```
    pub fn same_shape(&self, other: &Template<'_>) -> bool {
        let mut mine = self.parts();
        let mut theirs = other.parts();
        loop {
            match (mine.next(), theirs.next()) {
                (None, None) => return true,
                (Some(Part::Text(a)), Some(Part::Text(b))) if a == b => {}
                (Some(Part::Placeholder(_)), Some(Part::Placeholder(_))) => {}
                _ => return false,
            }
        }
    }

    /// The template as a sentence a person reads: each placeholder, named or not, written `…`
    /// (U+2026), the literal text as it is. This is what `Display` of a generated variant
    /// prints for a templated message, where the raw `{currency}` would read as a typo; the
    /// message itself stays the catalog's template (`message()`), byte for byte.
    ///
    /// ```
    /// use errcodes_core::template::Template;
    ///
    /// let template = Template::new("Order failed. Insufficient {currency} balance in account");
    /// assert_eq!(template.sentence().to_string(), "Order failed. Insufficient … balance in account");
    /// assert_eq!(Template::new(r#"{"code":1}"#).sentence().to_string(), r#"{"code":1}"#);
    /// ```
    pub fn sentence(&self) -> Sentence<'t> {
        Sentence { template: *self }
    }

    /// Whether `text` is a well-formed template (see the [module docs](self)).
    ///
    /// ```
    /// use errcodes_core::template::{Template, TemplateError};
    ///
    /// assert_eq!(Template::check("Insufficient {currency} balance"), Ok(()));
    /// assert_eq!(Template::check("{a} {b"), Err(TemplateError::Unclosed { at: 4 }));
    /// ```
    pub fn check(text: &str) -> Result<(), TemplateError> {
        let mut at = 0;
        for part in Template::new(text).parts() {
            match part {
                Part::Text(piece) => {
                    if let Some(offset) = piece.rfind('{') {
                        let tail = &piece.as_bytes()[offset + 1..];
                        if !tail.is_empty()
                            && at + piece.len() == text.len()
                            && tail.iter().all(|&b| is_name_byte(b))
                        {
                            return Err(TemplateError::Unclosed { at: at + offset });
                        }
                    }
                    at += piece.len();
                }
                Part::Placeholder(name) => at += name.len() + 2,
            }
        }
        Ok(())
    }

    /// Whether `text` matches: equal to the template when it has no placeholder.
    ///
    /// ```
    /// use errcodes_core::template::Template;
    ///
    /// let template = Template::new("EGeneral:Invalid arguments:{argument}");
    /// assert!(template.matches("EGeneral:Invalid arguments:volume"));
    /// assert!(!template.matches("EGeneral:Invalid arguments"));
    /// ```
    pub fn matches(&self, text: &str) -> bool {
        self.walk(text, |_, _, _| {})
    }

    /// The text that the placeholder `name` stood for in `text`, when `text` matches.
    ///
    /// ```
    /// use errcodes_core::template::Template;
    ///
    /// let template = Template::new("EService: Throttled: {until}");
    /// assert_eq!(template.capture("EService: Throttled: 1764700000", "until"), Some("1764700000"));
    /// assert_eq!(template.capture("EService:Busy", "until"), None);
    /// ```
    pub fn capture<'a>(&self, text: &'a str, name: &str) -> Option<&'a str> {
        let mut found = None;
        let matched = self.walk(text, |_, placeholder, value| {
            if placeholder == name && found.is_none() {
                found = Some(value);
            }
        });
        found.filter(|_| matched)
    }

    /// The text that the `index`-th placeholder (from 0) stood for, named or not.
    ///
    /// ```
    /// use errcodes_core::template::Template;
    ///
    /// assert_eq!(Template::new("{} of {}").capture_at("3 of 4", 1), Some("4"));
    /// ```
    pub fn capture_at<'a>(&self, text: &'a str, index: usize) -> Option<&'a str> {
        let mut found = None;
        let matched = self.walk(text, |at, _, value| {
            if at == index {
                found = Some(value);
            }
        });
        found.filter(|_| matched)
    }

    /// Matches `text`, calling `each(index, name, value)` for every placeholder; true when the
    /// whole text matched (values seen before a mismatch are then meaningless).
    fn walk<'a>(&self, text: &'a str, mut each: impl FnMut(usize, &'t str, &'a str)) -> bool {
        // Most messages are plain text: without a `{` there is no placeholder to look for.
        // `str::find` on a char searches with memchr, word at a time.
        let Some(first_open) = self.text.find('{') else {
            return text == self.text;
        };
        let Some(last_close) = self.text.rfind('}') else {
            return text == self.text;
        };
        let bytes = self.text.as_bytes();
        // What comes before the first `{` and after the last `}` is literal whatever the
        // placeholders are: a text without them cannot match, and most texts tried against a
        // refinement's template fail here, before the template is read.
        let (head, tail) = (&bytes[..first_open], &bytes[last_close + 1..]);
        let sent = text.as_bytes();
        if !sent.starts_with(head) || !sent.ends_with(tail) || sent.len() < head.len() + tail.len()
        {
            return false;
        }
        // One pass for the shape (how many parts, any placeholder, the final literal), one to
        // match: reading the template again for each question was most of the time spent.
        let (mut count, mut placeholders, mut last) = (0, false, None);
        for part in self.parts() {
            count += 1;
            placeholders |= matches!(part, Part::Placeholder(_));
            last = Some(part);
        }
        if !placeholders {
            return text == self.text;
        }
        // The literal after the last placeholder must end the text.
        let suffix = match last {
            Some(Part::Text(suffix)) => suffix,
            _ => "",
        };
        let Some(limit) = text.len().checked_sub(suffix.len()) else {
            return false;
        };
        if !text.ends_with(suffix) {
            return false;
        }
        let mut at = 0;
        let mut pending: Option<&'t str> = None;
        let mut index = 0;
        for (position, part) in self.parts().enumerate() {
            match part {
                Part::Text(_) if position + 1 == count && position > 0 => break,
                Part::Text(piece) => match pending.take() {
                    None => {
                        if !text[..limit].starts_with(piece) {
                            return false;
                        }
                        at = piece.len();
                    }
                    Some(name) => {
                        let Some(offset) = text.get(at..limit).and_then(|rest| rest.find(piece))
                        else {
                            return false;
                        };
                        each(index, name, &text[at..at + offset]);
                        index += 1;
                        at += offset + piece.len();
                    }
                },
                Part::Placeholder(name) => {
                    // Side by side with the one before: that one takes no text.
                    if let Some(previous) = pending.replace(name) {
                        each(index, previous, &text[at..at]);
                        index += 1;
                    }
                }
            }
        }
        match (pending, text.get(at..limit)) {
            (Some(name), Some(value)) => {
                each(index, name, value);
                true
            }
            (None, Some(_)) => at == limit,
            (_, None) => false,
        }
    }
}

/// The rule `from_code` follows for a string code no entry lists exactly: the first of
/// `codes` (index and code, in catalog order) that is a template the code matches. Generated
/// code, the runtime and `errcodes lookup` all call this, so they agree on every code.
///
/// ```
/// use errcodes_core::template::first_template_match;
///
/// let codes = [(0, "EOrder:Unknown order"), (1, "EService: Throttled: {until}")];
/// assert_eq!(first_template_match("EService: Throttled: 1700000000", codes), Some(1));
/// assert_eq!(first_template_match("EService: Busy", codes), None);
/// ```
pub fn first_template_match<'c>(
    code: &str,
    codes: impl IntoIterator<Item = (usize, &'c str)>,
) -> Option<usize> {
    codes
        .into_iter()
        .find(|&(_, template)| {
            let template = Template::new(template);
            template.has_placeholders() && template.matches(code)
        })
        .map(|(at, _)| at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_braces_that_are_not_placeholders_stay_text() {
        let template = Template::new("{ not } {x} {\"a\":1}");
        assert_eq!(template.placeholders().count(), 1);
        assert!(template.matches("{ not } 7 {\"a\":1}"));
        assert_eq!(template.capture("{ not } 7 {\"a\":1}", "x"), Some("7"));
    }

    #[test]
    fn a_placeholder_may_match_nothing() {
        let template = Template::new("EGeneral:Internal error{detail}");
        assert_eq!(
            template.capture("EGeneral:Internal error", "detail"),
            Some("")
        );
        assert_eq!(
            template.capture("EGeneral:Internal error:502", "detail"),
            Some(":502")
        );
        assert!(!template.matches("EGeneral:Internal"));
    }

    #[test]
    fn prefix_and_suffix_may_not_overlap() {
        let template = Template::new("ab{x}ba");
        assert!(!template.matches("aba"));
        assert!(template.matches("abba"));
        assert_eq!(template.capture("abXba", "x"), Some("X"));
    }

    #[test]
    fn middle_pieces_are_found_in_order() {
        let template = Template::new("{a}, {b}, {c}");
        let text = "1, 2, 3, 4";
        assert!(template.matches(text));
        assert_eq!(template.capture(text, "a"), Some("1"));
        assert_eq!(template.capture(text, "b"), Some("2"));
        assert_eq!(template.capture(text, "c"), Some("3, 4"));
        assert!(!template.matches("1, 2"));
    }

    #[test]
    fn check_reports_each_mistake_at_its_byte() {
        assert_eq!(
            Template::check("until {until"),
            Err(TemplateError::Unclosed { at: 6 })
        );
        assert_eq!(Template::check("a{x}{y}"), Ok(()));
        assert_eq!(Template::check("{x}-{x}"), Ok(()));
        assert_eq!(Template::check("{}-{}"), Ok(()));
        assert_eq!(Template::check("{ x"), Ok(()));
        assert_eq!(Template::check("plain"), Ok(()));
    }

    #[test]
    fn side_by_side_and_repeated_placeholders_still_match() {
        let template = Template::new("max {a}{b} of {a}");
        assert!(template.matches("max 10x of 3"));
        assert_eq!(template.capture_at("max 10x of 3", 0), Some(""));
        assert_eq!(template.capture_at("max 10x of 3", 1), Some("10x"));
        assert_eq!(template.capture("max 10x of 3", "a"), Some(""));
        assert_eq!(template.capture_at("max 10x of 3", 2), Some("3"));
    }

    #[test]
    fn exact_text_matches_only_itself() {
        let template = Template::new("Market is closed.");
        assert!(template.matches("Market is closed."));
        assert!(!template.matches("Market is closed"));
        assert_eq!(template.capture("Market is closed.", "x"), None);
    }
}
