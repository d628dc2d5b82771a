//! The pieces every emitter writes with: identifiers checked before they are written, string
//! and byte-string literals that hold any text, doc text, and the code types of an enum. Catalog
//! text only ever reaches generated source through these, and only as a literal.

extern crate proc_macro;

use std::borrow::Cow;
use std::fmt::Write as _;

use proc_macro2::TokenStream;

use crate::doc_text;
use crate::expand_error::ExpandError;
use crate::model::Entry;

/// Tokens of generated source. Inside a proc macro the compiler's lexer reads it directly:
/// proc-macro2's `FromStr` would first validate the text with its own lexer, which runs
/// unoptimized in a dev build and cost as much as the rest of the expansion. The source is
/// generated, so it is valid; the engine's tests lex every expansion with proc-macro2's
/// checking lexer. Should the text ever fail to lex (an engine bug), that is an error value:
/// the macro never panics.
pub(crate) fn lex(source: &str) -> Result<TokenStream, ExpandError> {
    let lexed = if proc_macro::is_available() {
        source
            .parse::<proc_macro::TokenStream>()
            .map(TokenStream::from)
            .map_err(drop)
    } else {
        source.parse::<TokenStream>().map_err(drop)
    };
    lexed.map_err(|()| ExpandError::new("the generated code does not lex"))
}

/// How generated code spells an enum's code type: the `ErrorCode::Code` type, what `code()`
/// returns, what `from_code` takes, and the runtime's key function for it.
pub(crate) struct CodeTypes {
    pub(crate) code_type: &'static str,
    pub(crate) code_ref: &'static str,
    pub(crate) code_param: &'static str,
    pub(crate) key: &'static str,
}

impl CodeTypes {
    pub(crate) fn of(string_codes: bool) -> CodeTypes {
        if string_codes {
            CodeTypes {
                code_type: "::core::primitive::str",
                code_ref: "&'static ::core::primitive::str",
                code_param: "&::core::primitive::str",
                key: "str_key",
            }
        } else {
            CodeTypes {
                code_type: "::core::primitive::i64",
                code_ref: "::core::primitive::i64",
                code_param: "::core::primitive::i64",
                key: "int_key",
            }
        }
    }
}

pub(crate) fn is_ident(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// `name`, which validation made an ASCII identifier and [`expand`] checked again before any
/// text was written.
pub(crate) fn ident(name: &str) -> &str {
    debug_assert!(is_ident(name), "`{name}` is not a valid identifier");
    name
}

/// A byte string literal: printable ASCII as is, everything else as `\xNN` (what
/// `<[u8]>::escape_ascii` writes is valid in a byte string).
pub(crate) fn byte_string(out: &mut String, data: &[u8]) {
    let _ = write!(out, "b\"{}\"", data.escape_ascii());
}

/// `doc_text::escape(text)`, without its cost for text it leaves as it is (most messages and
/// descriptions): that check is one pass over the bytes, where the escape works char by char
/// and allocates, which shows in a proc macro's unoptimized build.
pub(crate) fn doc_escape(text: &str) -> Cow<'_, str> {
    if plain_doc_text(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(doc_text::escape(text))
    }
}

/// Bytes that `doc_text::escape` leaves alone anywhere in a line: ASCII letters and digits, the
/// space and punctuation markdown gives no meaning inside a line. Anything else (and non-ASCII
/// text) takes the full escape.
const PLAIN: [bool; 256] = {
    let mut plain = [false; 256];
    let mut b = 0;
    while b < 256 {
        plain[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    let punctuation = b" .,:;'\"/()?%@^{}=+-";
    let mut i = 0;
    while i < punctuation.len() {
        plain[punctuation[i] as usize] = true;
        i += 1;
    }
    plain
};

/// True when `doc_text::escape(text) == text`: plain bytes only, single spaces between words,
/// and no start that markdown reads as a list, heading or rule (a leading digit is sent to the
/// full escape too).
fn plain_doc_text(text: &str) -> bool {
    let bytes = text.as_bytes();
    match (bytes.first(), bytes.last()) {
        (None, _) => return true,
        (Some(b'-' | b'+' | b'=' | b' ' | b'0'..=b'9'), _) | (_, Some(b' ')) => return false,
        _ => {}
    }
    let mut previous_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !PLAIN[b as usize] || (b == b' ' && previous_space) {
            return false;
        }
        previous_space = b == b' ';
        i += 1;
    }
    true
}

/// Writes `text` as the inside of a string literal: `str`'s `Debug` (which writes runs of
/// plain text at once) without its quotes.
pub(crate) fn literal_text(out: &mut String, text: &str) {
    let start = out.len();
    let _ = write!(out, "{text:?}");
    out.pop();
    out.remove(start);
}

/// `[a, b, …]` with `item` writing each entry.
pub(crate) fn array<'e>(
    out: &mut String,
    entries: &[&'e Entry],
    mut item: impl FnMut(&mut String, &'e Entry),
) {
    out.push('[');
    for entry in entries {
        item(out, entry);
        out.push_str(", ");
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_doc_fast_path_agrees_with_the_full_escape() {
        let samples = [
            "",
            " ",
            "Unknown order sent",
            "Unknown  order",
            " leading",
            "trailing ",
            "1. first",
            "12) twelve",
            "2024 was a year",
            "- item",
            "+ item",
            "= rule",
            "# heading",
            "a_b",
            "x*y",
            "`code`",
            "<html>",
            "[link](url)",
            "tab\there",
            "new\nline",
            "price (USD): 1,000.50; ok? 100% {id} @user ^ / \"quoted\" 'single'",
            "é accent",
            "back\\slash",
            "a | b ~ c & d ! e $ f",
            "del\u{7f}",
            "nbsp\u{a0}here",
        ];
        for sample in samples {
            assert_eq!(doc_escape(sample), doc_text::escape(sample), "{sample:?}");
        }
        // Every single byte and every pair of printable ASCII characters, at the start and
        // inside a word.
        let printable: Vec<char> = (0x20u8..0x7f).map(char::from).collect();
        for &a in &printable {
            for &b in &printable {
                for text in [format!("{a}{b}"), format!("x{a}{b}y"), format!("7{a}{b}")] {
                    assert_eq!(doc_escape(&text), doc_text::escape(&text), "{text:?}");
                }
            }
        }
    }
}
