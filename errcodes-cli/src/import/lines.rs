//! Code lists written one code per line: `CODE MESSAGE | EXPLANATION |` (MEXC's format).
//!
//! Such a list has no headings, but may still hold several sections: MEXC's sub-account codes
//! restart their numbering after the general ones. A new section starts at a line where the
//! code decreases *and* the increasing run starting there repeats a code already seen in the
//! current section. A decrease alone is not enough (MEXC's 730707 → 730101 → 140001 are
//! out-of-order codes of the same section): only a repeat proves that the numbering restarted,
//! and splitting there is what keeps both meanings of the code.

use super::markdown::clean;
use super::{RawRow, RawSection, Warning};

/// Reads every `CODE MESSAGE | EXPLANATION |` line; other non-blank lines are warned about.
///
/// A leading `<!-- … -->` block is skipped: it is where a saved page records where it came
/// from, as in markdown pages (`sources/*.txt` and `sources/*.md` alike).
pub fn parse(text: &str, warnings: &mut Vec<Warning>) -> Vec<RawSection> {
    let mut rows = Vec::new();
    let header_lines = provenance_header_lines(text);
    for (at, line) in text.lines().enumerate().skip(header_lines) {
        if line.trim().is_empty() {
            continue;
        }
        match parse_line(line, at + 1) {
            Some(row) => rows.push(row),
            None => warnings.push(Warning::new(
                at + 1,
                "line skipped: not `CODE MESSAGE | EXPLANATION |`",
            )),
        }
    }
    split(rows)
}

/// The number of lines of a leading HTML comment (0 when the text does not start with one, or
/// never closes it).
fn provenance_header_lines(text: &str) -> usize {
    if !text.trim_start().starts_with("<!--") {
        return 0;
    }
    text.lines()
        .position(|line| line.contains("-->"))
        .map_or(0, |end| end + 1)
}

/// `700002 Signature for this request is not valid | Signature verification failed. … |`
fn parse_line(line: &str, number: usize) -> Option<RawRow> {
    let body = line.trim().strip_suffix('|')?;
    let pipe = first_unescaped_pipe(body)?;
    let (head, explanation) = (body[..pipe].trim(), body[pipe + 1..].trim());
    let (code, message) = head
        .split_once(char::is_whitespace)
        .map_or((head, ""), |(c, m)| (c, m.trim()));
    let code = clean(code);
    if code.text.is_empty() {
        return None;
    }
    let explanation = clean(explanation).text;
    Some(RawRow {
        line: number,
        code: code.text,
        struck: code.struck,
        name: None,
        message: clean(message).text,
        description: (!explanation.is_empty()).then_some(explanation),
        continues: false,
    })
}

fn first_unescaped_pipe(text: &str) -> Option<usize> {
    let mut escaped = false;
    for (at, c) in text.char_indices() {
        match c {
            '|' if !escaped => return Some(at),
            '\\' if !escaped => escaped = true,
            _ => escaped = false,
        }
    }
    None
}

/// Splits rows into sections where the numbering restarts (see the module docs). Codes that
/// are not integers never split.
fn split(rows: Vec<RawRow>) -> Vec<RawSection> {
    let codes: Vec<Option<i64>> = rows.iter().map(|r| r.code.parse().ok()).collect();
    let mut starts = vec![0];
    let mut seen = std::collections::HashSet::new();
    for at in 0..rows.len() {
        let decreases = at > 0
            && matches!((codes[at - 1], codes[at]), (Some(before), Some(now)) if now < before);
        if decreases {
            let run_end = (at + 1..rows.len())
                .find(|&k| !matches!((codes[k - 1], codes[k]), (Some(a), Some(b)) if b > a))
                .unwrap_or(rows.len());
            if codes[at..run_end]
                .iter()
                .any(|code| code.is_some_and(|c| seen.contains(&c)))
            {
                starts.push(at);
                seen.clear();
            }
        }
        if let Some(code) = codes[at] {
            seen.insert(code);
        }
    }
    starts.push(rows.len());
    let mut rows = rows.into_iter();
    starts
        .windows(2)
        .filter(|w| w[1] > w[0])
        .map(|w| RawSection {
            heading: None,
            rows: rows.by_ref().take(w[1] - w[0]).collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<Vec<String>> {
        parse(text, &mut Vec::new())
            .into_iter()
            .map(|s| s.rows.into_iter().map(|r| r.code).collect())
            .collect()
    }

    #[test]
    fn reads_code_message_and_explanation() {
        let rows = &parse(
            "-2011 Unknown order sent | Query before retrying. |\n",
            &mut Vec::new(),
        )[0]
        .rows;
        assert_eq!(rows[0].code, "-2011");
        assert_eq!(rows[0].message, "Unknown order sent");
        assert_eq!(
            rows[0].description.as_deref(),
            Some("Query before retrying.")
        );
        assert_eq!(rows[0].line, 1);
    }

    #[test]
    fn splits_only_where_the_numbering_restarts() {
        let text = "1 a | |\n5 b | |\n6 c | |\n2 d | |\n5 e | |\n9 f | |\n7 g | |\n3 h | |\n";
        // 2 starts a run (2, 5, 9) that repeats 5: a new section. 7 and 3 decrease without
        // repeating anything of the second section.
        assert_eq!(
            codes(text),
            [vec!["1", "5", "6"], vec!["2", "5", "9", "7", "3"]]
        );
    }

    #[test]
    fn warns_about_other_lines() {
        let mut warnings = Vec::new();
        let sections = parse("# Title\n1 a | b |\n", &mut warnings);
        assert_eq!(sections[0].rows.len(), 1);
        assert_eq!(warnings[0].line, 1);
    }

    #[test]
    fn skips_a_leading_provenance_comment_and_keeps_line_numbers() {
        let mut warnings = Vec::new();
        let text = "<!--\nSource: somewhere | with a pipe |\n-->\n1 a | b |\n";
        let sections = parse(text, &mut warnings);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(sections[0].rows.len(), 1);
        assert_eq!(sections[0].rows[0].line, 4);
        // Only a comment at the start is a header: a later one is an ordinary odd line.
        let mut warnings = Vec::new();
        parse("1 a | b |\n<!-- x -->\n", &mut warnings);
        assert_eq!(warnings.len(), 1);
    }
}
