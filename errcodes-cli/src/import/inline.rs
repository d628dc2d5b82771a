//! Markdown inline text reduced to what a reader of the rendered page sees: `[text](url)` →
//! `text`, `` `code` `` → `code`, `**x**`/`*x*`/`_x_`/`~~x~~` → `x`, `\|` → `|`, a few HTML
//! entities decoded, `<br>` → a space.
//!
//! Everything else is kept byte for byte, including runs of spaces: a catalog message must be
//! the API's text exactly (MixPay's "The payee in  Memo" has two spaces). Emphasis follows
//! CommonMark's flanking rules closely enough that `cancel_only`, `price * volume` and
//! `{param0}` stay as written.

/// Cleaned inline text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Inline {
    /// What a reader sees, trimmed.
    pub text: String,
    /// Some of it was struck through (`~~…~~`): the page marks it as withdrawn.
    pub struck: bool,
}

/// Reduces markdown inline text to its visible text.
pub fn clean(markdown: &str) -> Inline {
    let chars: Vec<char> = markdown.chars().collect();
    let mut out = Inline::default();
    render(&chars, &mut out);
    out.text = out.text.trim().to_owned();
    out
}

fn render(chars: &[char], out: &mut Inline) {
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let consumed = match c {
            '\\' => escape(chars, i, out),
            '`' => code_span(chars, i, out),
            '[' => link(chars, i, out),
            '!' if chars.get(i + 1) == Some(&'[') => link(chars, i + 1, out).map(|n| n + 1),
            '<' => angle(chars, i, out),
            '&' => entity(chars, i, out),
            '~' => strike(chars, i, out),
            '*' | '_' => emphasis(chars, i, out),
            _ => None,
        };
        match consumed {
            Some(n) => i += n,
            None => {
                out.text.push(c);
                i += 1;
            }
        }
    }
}

/// `\` before ASCII punctuation makes it literal.
fn escape(chars: &[char], at: usize, out: &mut Inline) -> Option<usize> {
    let next = *chars.get(at + 1)?;
    next.is_ascii_punctuation().then(|| {
        out.text.push(next);
        2
    })
}

fn run_length(chars: &[char], at: usize) -> usize {
    chars[at..].iter().take_while(|&&c| c == chars[at]).count()
}

/// A code span: its content is literal; one space of padding on both sides is dropped.
fn code_span(chars: &[char], at: usize, out: &mut Inline) -> Option<usize> {
    let open = run_length(chars, at);
    let mut j = at + open;
    while j < chars.len() {
        if chars[j] == '`' {
            let close = run_length(chars, j);
            if close == open {
                let mut content: String = chars[at + open..j].iter().collect();
                content = content.replace('\n', " ");
                if content.len() >= 2
                    && content.starts_with(' ')
                    && content.ends_with(' ')
                    && !content.trim().is_empty()
                {
                    content = content[1..content.len() - 1].to_owned();
                }
                out.text.push_str(&content);
                return Some(j + close - at);
            }
            j += close;
        } else {
            j += 1;
        }
    }
    None
}

/// Index of the bracket closing the one at `at`, skipping escapes and nested pairs.
fn matching(chars: &[char], at: usize, open: char, close: char) -> Option<usize> {
    let mut depth = 0usize;
    let mut j = at;
    while j < chars.len() {
        match chars[j] {
            '\\' => j += 1,
            c if c == open => depth += 1,
            c if c == close => {
                depth -= 1;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => {}
        }
        j += 1;
    }
    None
}

/// `[text](destination)` → `text`; anything else starting with `[` is left as written.
fn link(chars: &[char], at: usize, out: &mut Inline) -> Option<usize> {
    let close = matching(chars, at, '[', ']')?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = matching(chars, close + 1, '(', ')')?;
    render(&chars[at + 1..close], out);
    Some(end + 1 - at)
}

/// `<https://…>` autolinks → the address; `<br>` → a space. Other `<…>` (Kraken's
/// `error[:<code>]`) is text.
fn angle(chars: &[char], at: usize, out: &mut Inline) -> Option<usize> {
    let end = at + chars[at..].iter().position(|&c| c == '>')?;
    let inner: String = chars[at + 1..end].iter().collect();
    let lower = inner.trim().to_ascii_lowercase();
    if lower == "br" || lower == "br/" || lower == "br /" {
        out.text.push(' ');
    } else if (lower.starts_with("http://") || lower.starts_with("https://"))
        && !inner.contains(char::is_whitespace)
    {
        out.text.push_str(&inner);
    } else {
        return None;
    }
    Some(end + 1 - at)
}

/// The common named entities and numeric ones.
fn entity(chars: &[char], at: usize, out: &mut Inline) -> Option<usize> {
    let end = at + chars[at..].iter().take(12).position(|&c| c == ';')?;
    let name: String = chars[at + 1..end].iter().collect();
    let decoded = match name.as_str() {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        _ => {
            let number = name.strip_prefix('#')?;
            let value = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(value)?
        }
    };
    out.text.push(decoded);
    Some(end + 1 - at)
}

/// Whether the delimiter run `chars[at..at + len]` can open emphasis: followed by a
/// non-space, and for `_` not preceded by a letter or digit (no intraword `_`).
fn can_open(chars: &[char], at: usize, len: usize) -> bool {
    let after = chars.get(at + len);
    let before = at.checked_sub(1).map(|b| chars[b]);
    after.is_some_and(|c| !c.is_whitespace())
        && (chars[at] != '_' || !before.is_some_and(char::is_alphanumeric))
}

/// Whether the run at `at` can close emphasis: preceded by a non-space, and for `_` not
/// followed by a letter or digit.
fn can_close(chars: &[char], at: usize, len: usize) -> bool {
    let before = at.checked_sub(1).map(|b| chars[b]);
    let after = chars.get(at + len);
    before.is_some_and(|c| !c.is_whitespace())
        && (chars[at] != '_' || !after.is_some_and(|c| c.is_alphanumeric()))
}

/// The start of the first run of `len` × `delimiter` after `from` that can close.
fn find_closer(chars: &[char], from: usize, delimiter: char, len: usize) -> Option<usize> {
    let mut j = from;
    while j < chars.len() {
        match chars[j] {
            '\\' => j += 2,
            '`' => j += code_span(chars, j, &mut Inline::default()).unwrap_or(1),
            c if c == delimiter => {
                let run = run_length(chars, j);
                if run == len && can_close(chars, j, len) {
                    return Some(j);
                }
                j += run;
            }
            _ => j += 1,
        }
    }
    None
}

/// `*x*`, `**x**`, `***x***`, `_x_`, `__x__` → `x`.
fn emphasis(chars: &[char], at: usize, out: &mut Inline) -> Option<usize> {
    let len = run_length(chars, at);
    if len > 3 || !can_open(chars, at, len) {
        return None;
    }
    let close = find_closer(chars, at + len, chars[at], len)?;
    render(&chars[at + len..close], out);
    Some(close + len - at)
}

/// `~~x~~` → `x`, remembering that something was struck through.
fn strike(chars: &[char], at: usize, out: &mut Inline) -> Option<usize> {
    if run_length(chars, at) != 2 || !can_open(chars, at, 2) {
        return None;
    }
    let close = find_closer(chars, at + 2, '~', 2)?;
    out.struck = true;
    render(&chars[at + 2..close], out);
    Some(close + 2 - at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(markdown: &str) -> String {
        clean(markdown).text
    }

    #[test]
    fn reduces_markup_to_text() {
        assert_eq!(text("[401](../errors#401)"), "401");
        assert_eq!(text("`card_declined`"), "card_declined");
        assert_eq!(text("``a ` b``"), "a ` b");
        assert_eq!(
            text("**Bold** and *it* and _it_ and __b__"),
            "Bold and it and it and b"
        );
        assert_eq!(
            text("See [Rate *Limits*](/x(y)) section"),
            "See Rate Limits section"
        );
        assert_eq!(text("![logo](a.png) ok"), "logo ok");
        assert_eq!(text(r"a \| b \* c"), "a | b * c");
        assert_eq!(text("a&amp;b &#39;x&#x27; &lt;"), "a&b 'x' <");
        assert_eq!(
            text("one<br>two <https://x.io/a>"),
            "one two https://x.io/a"
        );
    }

    #[test]
    fn keeps_text_that_only_looks_like_markup() {
        for kept in [
            "EService:Market in cancel_only mode",
            "Cost (price * volume) does not meet costmin",
            "EGeneral:Internal error[:<code>]",
            "EService: Throttled: [UNIX timestamp]",
            "Parameter {param0} error",
            "The payee in  Memo does not support",
            "snake_case_name and 2 * 3",
            "a ~ b ~~ c",
            "AT&T; 100%",
        ] {
            assert_eq!(text(kept), kept);
        }
    }

    #[test]
    fn notes_strike_through() {
        let cleaned = clean("~~110016~~");
        assert_eq!(cleaned.text, "110016");
        assert!(cleaned.struck);
        assert!(!clean("110016").struck);
    }
}
