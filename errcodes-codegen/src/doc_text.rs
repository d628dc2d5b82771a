//! Catalog text made safe for rustdoc.
//!
//! Catalog text reaches rustdoc through `#[doc = "…"]` string literals, so it can never become
//! code or an attribute, but markdown could still turn it into a code block, which rustdoc
//! would run as a doctest in the user's crate, or into HTML and links. So the text is folded
//! onto one line and every character markdown gives a meaning is backslash-escaped.

/// `text` on one line, with markdown's active characters escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            if c.is_control() {
                continue;
            }
            if matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' | '$'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    escape_line_start(out)
}

/// Markers that only mean something at the start of a line: lists, headings, setext rules.
fn escape_line_start(mut line: String) -> String {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
        line.insert(digits, '\\');
    } else if matches!(line.as_bytes().first(), Some(b'-' | b'+' | b'=')) {
        line.insert(0, '\\');
    }
    line
}

/// A URL as an autolink when it is a plain one, otherwise as escaped text.
pub fn link(url: &str) -> String {
    let plain = (url.starts_with("https://") || url.starts_with("http://"))
        && url
            .chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '<' | '>' | '`' | '\\'));
    if plain {
        format!("<{url}>")
    } else {
        escape(url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_and_indentation_cannot_open_a_code_block() {
        let hostile = "ok\n```\nfn main() { panic!() }\n```\n    indented code";
        let escaped = escape(hostile);
        assert!(!escaped.contains('\n'));
        assert!(!escaped.contains("``"), "{escaped}");
        assert_eq!(escape("1. first"), "1\\. first");
        assert_eq!(escape("- item"), "\\- item");
        assert_eq!(escape("<script>"), "\\<script\\>");
        assert_eq!(escape("[x](y)"), "\\[x\\](y)");
    }

    #[test]
    fn links_only_plain_urls() {
        assert_eq!(link("https://x.io/a#b"), "<https://x.io/a#b>");
        assert_eq!(link("https://x.io/<a>"), "https://x.io/\\<a\\>");
    }
}
