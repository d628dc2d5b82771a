//! Bodies that are almost JSON: what a person reading them would still read as JSON, so that
//! a failure written in them is not taken for a success with its code lost.
//!
//! The reader walks a body as JSON first; only when that walk stops at a syntax error does
//! [`repair`] make a corrected copy, walked once more. The copy is at most six times the body
//! (a raw control character becomes a six-byte `\u00XX` escape; an invalid UTF-8 byte becomes
//! the three bytes of U+FFFD).

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

/// The body as text, invalid UTF-8 replaced by U+FFFD; borrowed when it is valid.
/// (`String::from_utf8_lossy` decodes byte by byte even when nothing needs replacing;
/// `str::from_utf8` checks a valid body many times faster.)
pub(crate) fn text(body: &[u8]) -> Cow<'_, str> {
    match core::str::from_utf8(body) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(body),
    }
}

/// The body without a leading UTF-8 byte order mark, which some servers write and JSON
/// parsers refuse.
pub(crate) fn strip_bom(body: &[u8]) -> &[u8] {
    body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body)
}

/// The body with what keeps it from being JSON corrected, or `None` when nothing was found
/// to correct:
/// - invalid UTF-8 is replaced by U+FFFD (a GBK message, a stray byte in a key);
/// - a raw control character inside a string (a tab, a new line) is escaped;
/// - `NaN`, `Infinity` and `-Infinity` outside strings become `null`.
///
/// Single pass, no recursion: a flag says whether the scan is inside a string.
pub(crate) fn repair(body: &[u8]) -> Option<Vec<u8>> {
    let text = text(body);
    let bytes = text.as_bytes();
    // Two passes over the same scan: the first counts, so the copy is allocated once at its
    // exact size (growing it by doubling would hold twice the copy at once).
    let mut size = 0;
    let fixed = scan(bytes, |piece| size += piece.len());
    if !fixed && matches!(text, Cow::Borrowed(_)) {
        return None;
    }
    let mut out = Vec::with_capacity(size);
    scan(bytes, |piece| out.extend_from_slice(piece));
    Some(out)
}

/// Hands the corrected text to `emit` piece by piece; true when something was corrected.
fn scan(bytes: &[u8], mut emit: impl FnMut(&[u8])) -> bool {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut changed = false;
    let mut in_string = false;
    let mut escaped = false;
    // The start of the bytes not emitted yet: unchanged runs are emitted whole.
    let mut from = 0;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                0x00..=0x1F => {
                    emit(&bytes[from..at]);
                    emit(&[
                        b'\\',
                        b'u',
                        b'0',
                        b'0',
                        HEX[usize::from(byte >> 4)],
                        HEX[usize::from(byte & 0xF)],
                    ]);
                    changed = true;
                    from = at + 1;
                }
                _ => {}
            }
            at += 1;
            continue;
        }
        let rest = &bytes[at..];
        let word = [&b"-Infinity"[..], b"Infinity", b"NaN"]
            .into_iter()
            .find(|word| rest.starts_with(word));
        if let Some(word) = word {
            emit(&bytes[from..at]);
            emit(b"null");
            changed = true;
            at += word.len();
            from = at;
            continue;
        }
        in_string = byte == b'"';
        at += 1;
    }
    emit(&bytes[from..]);
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repaired(body: &[u8]) -> Option<String> {
        repair(body).map(|bytes| String::from_utf8(bytes).unwrap())
    }

    #[test]
    fn each_fault_is_corrected_and_json_is_left_alone() {
        assert_eq!(repaired(br#"{"code":1,"msg":"ok"}"#), None);
        assert_eq!(
            repaired(b"{\"msg\":\"a\tb\"}").as_deref(),
            Some(r#"{"msg":"a\u0009b"}"#)
        );
        assert_eq!(
            repaired(b"{\"m\xffg\":1}").as_deref(),
            Some("{\"m\u{fffd}g\":1}")
        );
        assert_eq!(
            repaired(br#"{"a":NaN,"b":-Infinity,"c":"NaN"}"#).as_deref(),
            Some(r#"{"a":null,"b":null,"c":"NaN"}"#)
        );
        // An escaped quote does not end the string; a tab after it is still inside.
        assert_eq!(
            repaired(b"{\"a\":\"x\\\"\t\"}").as_deref(),
            Some(r#"{"a":"x\"\u0009"}"#)
        );
    }

    #[test]
    fn the_copy_is_at_most_six_times_the_body_and_allocated_once() {
        let body = [b"\"".as_slice(), &[b'\t'; 1000], b"\""].concat();
        let copy = repair(&body).unwrap();
        assert!(copy.len() <= 6 * body.len(), "{}", copy.len());
        assert_eq!(copy.capacity(), copy.len());
    }

    #[test]
    fn a_bom_is_stripped() {
        assert_eq!(strip_bom(b"\xEF\xBB\xBF{}"), b"{}");
        assert_eq!(strip_bom(b"{}"), b"{}");
    }
}
