//! Sections of raw rows → enums of the engine's model ([`EnumDef`], [`Entry`]): each
//! section's code type, one entry per code (repeats and sub-codes folded into the first row,
//! nothing dropped), enum and variant names, suggested kinds. The model's spans point into a
//! catalog's text, which does not exist yet: they are left empty.

use std::collections::{HashMap, HashSet};

use errcodes_codegen::limits::MAX_TEXT_CHARS;
use errcodes_codegen::naming::{RESERVED_VARIANT_NAMES, check_type_name, derive_variant_name};
use errcodes_codegen::{Code, Entry, EnumDef, Span};
use heck::ToUpperCamelCase;

use super::{RawRow, RawSection, Warning};
use crate::suggest_kind;

/// Whether an entry's retry advice is its own, not its kind's default: the importer writes
/// `retry` only then (the model always holds one).
pub fn retry_is_advice(entry: &Entry) -> bool {
    entry.retry != entry.kind.default_retry()
}

/// Builds every enum of the catalog `catalog`.
pub fn enums(
    catalog: &str,
    sections: Vec<RawSection>,
    warnings: &mut Vec<Warning>,
) -> Vec<EnumDef> {
    let prefix = words(catalog).to_upper_camel_case();
    let mut taken = HashSet::new();
    sections
        .into_iter()
        .enumerate()
        .filter_map(|(index, section)| {
            let line = section.rows.first().map(|row| row.line);
            let name = enum_name(&prefix, section.heading.as_deref(), index, &mut taken);
            let entries = entries(&name, section.rows, warnings);
            // Every row of a section can be skipped (no code, a code past the limit; import
            // fuzz finding `regressions/import/import-section-of-skipped-rows`): an enum
            // without entries fails `check`, so the section goes too.
            if entries.is_empty() {
                warnings.push(Warning::new(
                    line.unwrap_or(0),
                    format!("section `{name}` is left out: none of its rows could be kept"),
                ));
                return None;
            }
            Some(EnumDef {
                name,
                name_span: Span::default(),
                doc: section.heading.filter(|h| !h.is_empty()),
                entries,
                responses: true,
                websocket: false,
                rejected_codes: Vec::new(),
            })
        })
        .collect()
}

/// The ASCII letters and digits of `text`, as space-separated words (`EAPI:Invalid key` →
/// `EAPI Invalid key`).
fn words(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The enum name of a section (rule in the module's `--help`): the heading in UpperCamelCase,
/// a final `Code(s)` dropped, `Errors`/`Reasons` made singular, `Error` appended unless it ends
/// in `Error` or `Reason`, the catalog's name put in front unless it is there already.
fn enum_name(
    prefix: &str,
    heading: Option<&str>,
    index: usize,
    taken: &mut HashSet<String>,
) -> String {
    let mut parts: Vec<String> = heading
        .map(|h| words(h).split(' ').map(str::to_owned).collect())
        .unwrap_or_default();
    parts.retain(|w| !w.is_empty());
    if parts
        .last()
        .is_some_and(|w| w.eq_ignore_ascii_case("code") || w.eq_ignore_ascii_case("codes"))
    {
        parts.pop();
    }
    let mut name = parts.join(" ").to_upper_camel_case();
    let unnamed_heading = name.is_empty() && heading.is_some_and(|h| !h.trim().is_empty());
    if unnamed_heading || (index > 0 && heading.is_none()) {
        // A heading of no ASCII word ("错误码"), or a later unnamed section.
        name = format!("Section{}", index + 1);
    }
    for plural in ["Errors", "Reasons"] {
        if let Some(stem) = name.strip_suffix(plural) {
            name = format!("{stem}{}", &plural[..plural.len() - 1]);
        }
    }
    if !(name.ends_with("Error") || name.ends_with("Reason")) {
        name.push_str("Error");
    }
    // The prefix (a catalog name starts with a letter) also keeps a heading such as
    // "5xx errors" from making a name that starts with a digit.
    if !name
        .to_ascii_lowercase()
        .starts_with(&prefix.to_ascii_lowercase())
    {
        name = format!("{prefix}{name}");
    }
    let name = unique(name, taken);
    taken.insert(name.clone());
    name
}

/// `name`, or `name` + 2, 3… when `taken` already holds it.
fn unique(name: String, taken: &HashSet<String>) -> String {
    if !taken.contains(&name) {
        return name;
    }
    (2..)
        .map(|n| format!("{name}{n}"))
        .find(|candidate| !taken.contains(candidate))
        .expect("an unused counter exists")
}

/// A row's code, typed for its section.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Typed {
    code: Code,
    /// `Some("51004_1101")` when the row wrote a sub-code of `code`.
    subcode: Option<String>,
}

/// An integer code as written canonically: no sign other than `-`, no leading zero. Codes
/// such as `007` stay strings, so that the catalog says what the API sends.
fn canonical_int(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let canonical = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && text != "-0";
    canonical.then(|| text.parse().ok()).flatten()
}

/// `51004_1101` → 51004.
fn subcode_base(text: &str) -> Option<i64> {
    let (base, sub) = text.split_once('_')?;
    (!sub.is_empty() && sub.bytes().all(|b| b.is_ascii_digit()))
        .then(|| canonical_int(base))
        .flatten()
}

/// The codes of a section: all integers when every code is an integer or a sub-code of one,
/// else all strings.
fn type_codes(rows: &[RawRow]) -> Vec<Typed> {
    let integer = rows
        .iter()
        .all(|r| canonical_int(&r.code).is_some() || subcode_base(&r.code).is_some());
    rows.iter()
        .map(|r| match (integer, canonical_int(&r.code)) {
            (true, Some(code)) => Typed {
                code: Code::Int(code),
                subcode: None,
            },
            (true, None) => Typed {
                code: Code::Int(subcode_base(&r.code).expect("checked above")),
                subcode: Some(r.code.clone()),
            },
            (false, _) => Typed {
                code: Code::Str(r.code.clone()),
                subcode: None,
            },
        })
        .collect()
}

/// A code as the page wrote it, for notes and warnings.
fn shown(code: &Code) -> String {
    match code {
        Code::Int(code) => code.to_string(),
        Code::Str(code) => format!("`{code}`"),
    }
}

/// An entry being built from its first row.
struct Draft {
    row: RawRow,
    code: Code,
    /// What the first row was, when it wrote a sub-code: goes before the description.
    lead: Option<String>,
    /// What the folded rows said: goes after the description.
    notes: Vec<String>,
}

/// A few rows whose code is not an integer in a section of integer codes (`| 0 or absent | |
/// Success |`) are left out with a warning naming their line, instead of making every code
/// of the section a string.
fn drop_stray_rows(enum_name: &str, rows: Vec<RawRow>, warnings: &mut Vec<Warning>) -> Vec<RawRow> {
    let integer = |r: &RawRow| canonical_int(&r.code).is_some() || subcode_base(&r.code).is_some();
    // Digits with a leading zero (Bitget's `00001`) are a code the API can only send as a
    // string: they make the section's codes strings, they are not strays.
    let digits = |r: &RawRow| {
        let d = r.code.strip_prefix('-').unwrap_or(&r.code);
        !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())
    };
    if rows.iter().any(|r| !integer(r) && digits(r)) {
        return rows;
    }
    let strays = rows.iter().filter(|r| !integer(r)).count();
    // At most one row in ten (one in any table), and at least four integer codes to judge by.
    if strays == 0 || rows.len() - strays < 4 || strays > (rows.len() / 10).max(1) {
        return rows;
    }
    rows.into_iter()
        .filter(|row| {
            let keep = integer(row);
            if !keep {
                warnings.push(Warning::new(
                    row.line,
                    format!(
                        "row skipped: its code `{}` is not an integer like the other codes of `{enum_name}`; add it by hand if the API sends it",
                        row.code
                    ),
                ));
            }
            keep
        })
        .collect()
}

/// Builds the entries of one enum.
fn entries(enum_name: &str, rows: Vec<RawRow>, warnings: &mut Vec<Warning>) -> Vec<Entry> {
    // Every layout skips a row without a code, but a broken page can still leave one (import
    // fuzz finding `regressions/import/empty-code-in-nested-tables`): a catalog never gets a
    // code `check` refuses.
    let (rows, codeless): (Vec<RawRow>, Vec<RawRow>) = rows
        .into_iter()
        .partition(|row| !row.code.trim().is_empty());
    for row in codeless {
        warnings.push(Warning::new(
            row.line,
            "row has no code; skipped (write the code the API sends)",
        ));
    }
    // A code cannot be cut as a message is: shortened, it would no longer match what the API
    // sends (fuzz finding `regressions/import/import-code-past-the-limit`).
    let (rows, overlong): (Vec<RawRow>, Vec<RawRow>) = rows
        .into_iter()
        .partition(|row| row.code.chars().nth(MAX_TEXT_CHARS).is_none());
    for row in overlong {
        warnings.push(Warning::new(
            row.line,
            format!(
                "row skipped: its code is {} characters long, past the limit of {MAX_TEXT_CHARS}; a page's layout broken across rows can do this, so check the table there",
                row.code.chars().count()
            ),
        ));
    }
    let rows = drop_stray_rows(enum_name, rows, warnings);
    let typed = type_codes(&rows);
    let mut drafts: Vec<Draft> = Vec::new();
    let mut first: HashMap<Code, usize> = HashMap::new();
    for (mut row, typed) in rows.into_iter().zip(typed) {
        fill_message(&mut row, enum_name, warnings);
        fit_message(&mut row, enum_name, warnings);
        let Some(&at) = first.get(&typed.code) else {
            first.insert(typed.code.clone(), drafts.len());
            drafts.push(Draft {
                row,
                code: typed.code,
                lead: typed
                    .subcode
                    .map(|sub| format!("Documented as sub-code {sub}.")),
                notes: Vec::new(),
            });
            continue;
        };
        let draft = &mut drafts[at];
        let identical = typed.subcode.is_none()
            && row.message == draft.row.message
            && row.description == draft.row.description
            && row.struck == draft.row.struck;
        let code = shown(&typed.code);
        if identical {
            warnings.push(Warning::new(
                row.line,
                format!(
                    "code {code} is listed again in `{enum_name}` with the same text (first at line {}); the repeat adds nothing and is left out",
                    draft.row.line
                ),
            ));
            continue;
        }
        let mut note = match &typed.subcode {
            Some(sub) => format!("Also documented as sub-code {sub}: {}", row.message),
            None => format!("Also documented as: {}", row.message),
        };
        if let Some(description) = &row.description {
            note.push_str(&format!(" — {description}"));
        }
        if row.struck {
            note.push_str(" (struck through)");
        }
        draft.notes.push(note);
        if row.continues {
            // One more documented message of the code just above: the page's own layout.
            continue;
        }
        warnings.push(Warning::new(
            row.line,
            match &typed.subcode {
                Some(sub) => format!(
                    "sub-code {sub} is folded into code {code} of `{enum_name}` (first at line {}): its message is added to that entry's description",
                    draft.row.line
                ),
                None => format!(
                    "code {code} appears again in `{enum_name}` (first at line {}): the first row is kept and this row's message is added to its description",
                    draft.row.line
                ),
            },
        ));
    }
    let mut names = HashSet::new();
    drafts
        .into_iter()
        .map(|draft| finish(draft, &mut names))
        .collect()
}

/// A message past the engine's limit ([`MAX_TEXT_CHARS`]) is cut at the last space before
/// it, and the whole text goes first into the description, so that the catalog passes check
/// (fuzz finding `regressions/import/import-message-past-the-limit`).
fn fit_message(row: &mut RawRow, enum_name: &str, warnings: &mut Vec<Warning>) {
    let Some((cut, _)) = row.message.char_indices().nth(MAX_TEXT_CHARS) else {
        return;
    };
    let kept = row.message[..cut]
        .rfind(char::is_whitespace)
        .filter(|&at| at > 0)
        .unwrap_or(cut);
    let short = row.message[..kept].trim_end().to_owned();
    let whole = std::mem::replace(&mut row.message, short);
    warnings.push(Warning::new(
        row.line,
        format!(
            "the message of code {} of `{enum_name}` is longer than {MAX_TEXT_CHARS} characters; it is cut there, and the whole text is kept in the description",
            row.code
        ),
    ));
    row.description = Some(match row.description.take() {
        Some(description) => format!("{whole}\n{description}"),
        None => whole,
    });
}

/// A row without a message takes its description, or else its code (the API sends no text
/// that the page shows; the code is what a log line would show).
fn fill_message(row: &mut RawRow, enum_name: &str, warnings: &mut Vec<Warning>) {
    if !row.message.trim().is_empty() {
        return;
    }
    let code = &row.code;
    match row.description.take() {
        Some(description) => {
            warnings.push(Warning::new(
                row.line,
                format!("code {code} of `{enum_name}` has no message; its description is used as the message"),
            ));
            row.message = description;
        }
        None => {
            warnings.push(Warning::new(
                row.line,
                format!("code {code} of `{enum_name}` has neither message nor description; the code itself is used as the message"),
            ));
            row.message = code.clone();
        }
    }
}

/// The variant-name candidate of a row, before uniqueness (see the module's `--help`).
fn base_name(row: &RawRow, code: &Code) -> String {
    let valid = |name: String| {
        (check_type_name(&name, "variant name").is_ok()
            && !RESERVED_VARIANT_NAMES.contains(&name.as_str()))
        .then_some(name)
    };
    let from_words = |text: &str| valid(words(text).to_upper_camel_case());
    row.name
        .as_deref()
        .and_then(from_words)
        .or_else(|| match code {
            Code::Str(code) => from_words(code),
            Code::Int(_) => None,
        })
        .or_else(|| match code {
            // A message that is only the code (the page gave no text) names nothing.
            Code::Int(number) if row.message == number.to_string() => None,
            _ => derive_variant_name(&row.message).and_then(valid),
        })
        .unwrap_or_else(|| format!("Code{}", code_suffix(code).unwrap_or_default()))
}

/// The code as a name suffix: `10011`, `Minus1`, `CardDeclined`.
fn code_suffix(code: &Code) -> Option<String> {
    match code {
        Code::Int(code) if *code < 0 => Some(format!("Minus{}", code.unsigned_abs())),
        Code::Int(code) => Some(code.to_string()),
        Code::Str(code) => Some(words(code).to_upper_camel_case()).filter(|s| !s.is_empty()),
    }
}

/// Names the entry, suggests its kind and composes its description.
fn finish(draft: Draft, names: &mut HashSet<String>) -> Entry {
    let Draft {
        row,
        code,
        lead,
        notes,
    } = draft;
    let mut name = base_name(&row, &code);
    if names.contains(&name)
        && let Some(suffix) = code_suffix(&code)
    {
        let with_code = format!("{name}{suffix}");
        if check_type_name(&with_code, "variant name").is_ok() {
            name = with_code;
        }
    }
    let name = unique(name, names);
    names.insert(name.clone());

    // The tersest name of the failure: the Name column, else a string code.
    let terse = row.name.clone().or_else(|| match &code {
        Code::Str(code) => Some(code.clone()),
        Code::Int(_) => None,
    });
    let kind = suggest_kind::suggest(terse.as_deref(), &row.message, row.description.as_deref());
    let retry_text = format!(
        "{} {}",
        row.message,
        row.description.as_deref().unwrap_or("")
    );
    let retry = suggest_kind::suggest_retry(kind, &retry_text);

    let description: Vec<String> = lead
        .into_iter()
        .chain(row.description.clone())
        .chain(notes)
        .collect();
    Entry {
        code,
        code_span: Span::default(),
        name,
        name_span: Span::default(),
        name_derived: false,
        message: row.message,
        kind,
        kind_span: Span::default(),
        retry: retry.unwrap_or(kind.default_retry()),
        description: (!description.is_empty()).then(|| description.join("\n")),
        deprecated: row.struck,
        retry_after: None,
        detail: None,
        message_span: Span::default(),
        refinements: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(headings: &[Option<&str>]) -> Vec<String> {
        let mut taken = HashSet::new();
        headings
            .iter()
            .enumerate()
            .map(|(i, h)| enum_name("Mixpay", *h, i, &mut taken))
            .collect()
    }

    #[test]
    fn names_enums_after_headings() {
        assert_eq!(
            names(&[
                Some("Basic code"),
                Some("Reason for refund"),
                Some("Error Codes"),
                Some("MixPay errors"),
                Some("Refund reasons"),
                Some("Basic code"),
                Some("错误码"),
            ]),
            [
                "MixpayBasicError",
                "MixpayReasonForRefundError",
                "MixpayError",
                "MixPayError",
                "MixpayRefundReason",
                "MixpayBasicError2",
                "MixpaySection7Error",
            ]
        );
        assert_eq!(names(&[None, None]), ["MixpayError", "MixpaySection2Error"]);
    }

    #[test]
    fn types_codes_per_section() {
        let row = |code: &str| RawRow {
            line: 1,
            code: code.to_owned(),
            struck: false,
            name: None,
            message: "m".to_owned(),
            description: None,
            continues: false,
        };
        let ints = type_codes(&[row("-1"), row("51004_1101")]);
        assert_eq!(ints[0].code, Code::Int(-1));
        assert_eq!(ints[1].code, Code::Int(51004));
        assert_eq!(ints[1].subcode.as_deref(), Some("51004_1101"));
        let strings = type_codes(&[row("1"), row("007")]);
        assert_eq!(strings[1].code, Code::Str("007".to_owned()));
        assert!(canonical_int("99999999999999999999").is_none());
    }
}
