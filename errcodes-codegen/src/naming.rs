//! Rust names for enums and variants: deriving them from messages and checking written ones.

use heck::ToUpperCamelCase;

/// How many words a derived variant name keeps, after [`FILLER_WORDS`] are dropped.
pub const DERIVED_NAME_WORDS: usize = 6;

/// Words a derived variant name leaves out (compared without regard to case): articles,
/// prepositions, "is", "has" and "been", "please", "your". They carry no meaning a `match` arm needs;
/// "not", "no", "be" (`CannotBeEmpty`), "and" and "or" do, and are kept.
pub const FILLER_WORDS: &[&str] = &[
    "a", "an", "the", "of", "for", "to", "in", "on", "at", "by", "with", "from", "into", "is",
    "are", "was", "were", "been", "has", "have", "had", "this", "that", "these", "those", "it",
    "its", "you", "your", "please",
];

/// Inherent associated items of every generated enum; a variant must not shadow them.
pub const RESERVED_VARIANT_NAMES: &[&str] = &["ALL", "CATALOG", "ENUM", "ENVELOPE"];

/// The words of `text`: runs of ASCII letters and digits, an apostrophe inside a word dropped
/// (`can't` is one word, `cant`, not `can` and `t`).
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_ascii_alphanumeric() && c != '\'' && c != '\u{2019}')
        .map(|word| {
            word.trim_matches(|c| c == '\'' || c == '\u{2019}')
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        })
        .filter(|word| !word.is_empty())
}

/// The pieces of `text` outside parentheses (an unclosed `(` runs to the end of the piece).
fn outside_parentheses(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (at, c) in text.char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    pieces.push(&text[start..at]);
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    start = at + 1;
                }
            }
            _ => {}
        }
    }
    if depth == 0 {
        pieces.push(&text[start..]);
    }
    pieces
}

/// `words` in UpperCamelCase, prefixed with `Error` when that would start with a digit.
fn camel(words: &[String]) -> String {
    let name = words.join(" ").to_upper_camel_case();
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("Error{name}")
    } else {
        name
    }
}

/// The variant name derived from a message, the one rule of the engine (for an entry written
/// without `name`) and of `errcodes import`:
///
/// - placeholders (`{currency}`) and asides in parentheses are left out: a name says what
///   failed, not what varied or how to read it;
/// - the message's words (ASCII letters and digits; an apostrophe inside a word dropped) other
///   than the [`FILLER_WORDS`], at most [`DERIVED_NAME_WORDS`] of them, in UpperCamelCase (all
///   of the first words when every word is filler);
/// - prefixed with `Error` when it would start with a digit.
///
/// `None` when the message has no ASCII letter or digit outside its placeholders. Names stay
/// unique within a section: the engine refuses two equal derived names, and the importer then
/// appends the code (`…51008`).
///
/// ```
/// use errcodes_codegen::naming::derive_variant_name;
///
/// assert_eq!(
///     derive_variant_name("Account has insufficient balance for requested action.").as_deref(),
///     Some("AccountInsufficientBalanceRequestedAction")
/// );
/// assert_eq!(
///     derive_variant_name("Order failed. Insufficient {currency} balance in account").as_deref(),
///     Some("OrderFailedInsufficientBalanceAccount")
/// );
/// ```
pub fn derive_variant_name(message: &str) -> Option<String> {
    use errcodes_core::template::{Part, Template};

    let text: Vec<&str> = Template::new(message)
        .parts()
        .filter_map(|part| match part {
            Part::Text(text) => Some(text),
            Part::Placeholder(_) => None,
        })
        .collect();
    // Outside parentheses first; a message that is all aside keeps its words.
    let mut all: Vec<String> = text
        .iter()
        .flat_map(|text| outside_parentheses(text))
        .flat_map(words)
        .collect();
    if all.is_empty() {
        all = text.iter().copied().flat_map(words).collect();
    }
    if all.is_empty() {
        return None;
    }
    let is_filler = |word: &String| {
        FILLER_WORDS
            .iter()
            .any(|filler| filler.eq_ignore_ascii_case(word))
    };
    let mut kept: Vec<String> = all
        .iter()
        .filter(|word| !is_filler(word))
        .take(DERIVED_NAME_WORDS)
        .cloned()
        .collect();
    if kept.is_empty() {
        kept = all.into_iter().take(DERIVED_NAME_WORDS).collect();
    }
    Some(camel(&kept))
}

/// Rust's keywords, strict and reserved: none can name the module a catalog expands into.
pub const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// The module a catalog expands into: its name with `-` written `_` (`binance-usdm` →
/// `binance_usdm`). `None` when that is not a module name (not a catalog id, or a keyword).
///
/// ```
/// use errcodes_codegen::naming::module_name;
///
/// assert_eq!(module_name("binance-usdm").as_deref(), Some("binance_usdm"));
/// assert_eq!(module_name("type"), None);
/// ```
pub fn module_name(catalog_name: &str) -> Option<String> {
    let module = catalog_name.replace('-', "_");
    (is_catalog_name(catalog_name) && !KEYWORDS.contains(&module.as_str())).then_some(module)
}

/// Whether `name` is a catalog id: lower-case ASCII letters, digits, `_` or `-`, starting with
/// a letter.
pub fn is_catalog_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// Why a written type or variant name cannot be used, and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameProblem {
    /// What is wrong, lower-case.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

/// Checks a written enum or variant name: an ASCII UpperCamelCase identifier that is not a
/// keyword (the generated code must compile warning-free in the user's crate, and
/// `non_camel_case_types` is a warning).
pub fn check_type_name(name: &str, what: &str) -> Result<(), NameProblem> {
    // The suggestion is built only for a name that is wrong: this check runs for every entry
    // of every catalog, in the user's unoptimized build.
    let suggest = |why: &str| {
        // Every word of the written name: it is the user's, not a message to shorten.
        let written: Vec<String> = words(name).collect();
        let suggestion = (!written.is_empty())
            .then(|| camel(&written))
            .filter(|s| s != "Self" && s != name);
        NameProblem {
            message: format!("{what} `{name}` {why}"),
            help: match suggestion {
                Some(s) => format!("write an UpperCamelCase identifier such as `{s}`"),
                None => "write an UpperCamelCase identifier of ASCII letters and digits".to_owned(),
            },
        }
    };
    if name.is_empty() {
        return Err(NameProblem {
            message: format!("{what} is empty"),
            help: "write an UpperCamelCase identifier of ASCII letters and digits".to_owned(),
        });
    }
    if name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') && name.contains('_') {
        return Err(suggest("is not UpperCamelCase"));
    }
    if !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(suggest(
            "is not a valid name: use only ASCII letters and digits",
        ));
    }
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) {
        return Err(suggest("must start with an upper-case letter"));
    }
    if name == "Self" {
        return Err(NameProblem {
            message: format!("{what} `Self` is a Rust keyword"),
            help: "choose another name".to_owned(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derives_names_from_messages() {
        assert_eq!(
            derive_variant_name("Server error, please try again later.").as_deref(),
            Some("ServerErrorTryAgainLater")
        );
        assert_eq!(
            derive_variant_name("API-key format invalid").as_deref(),
            Some("ApiKeyFormatInvalid")
        );
        assert_eq!(
            derive_variant_name("404 not found").as_deref(),
            Some("Error404NotFound")
        );
        assert_eq!(
            derive_variant_name("one two three four five six seven eight nine").as_deref(),
            Some("OneTwoThreeFourFiveSix")
        );
        assert_eq!(derive_variant_name("Ошибка !!"), None);
    }

    #[test]
    fn derived_names_drop_filler_words_and_placeholders() {
        // The names issue 18 quotes, as the importer wrote them before.
        assert_eq!(
            derive_variant_name(
                "New order: Account has insufficient balance for requested action."
            )
            .as_deref(),
            Some("NewOrderAccountInsufficientBalanceRequested")
        );
        assert_eq!(
            derive_variant_name("Order failed. Insufficient {param0} balance in account")
                .as_deref(),
            Some("OrderFailedInsufficientBalanceAccount")
        );
        // The filler is dropped wherever it is, the word cap counts what is kept.
        assert_eq!(
            derive_variant_name("The order is not in the book").as_deref(),
            Some("OrderNotBook")
        );
        // An apostrophe joins a word instead of splitting it (`can't`, `don’t`).
        assert_eq!(
            derive_variant_name("Sz can't be more than {max}").as_deref(),
            Some("SzCantBeMoreThan")
        );
        assert_eq!(
            derive_variant_name("You don’t have permission").as_deref(),
            Some("DontPermission")
        );
        // An aside in parentheses is not part of the name, unless it is all there is.
        assert_eq!(
            derive_variant_name("API endpoint request timeout. (does not mean that it failed)")
                .as_deref(),
            Some("ApiEndpointRequestTimeout")
        );
        assert_eq!(
            derive_variant_name("(deprecated)").as_deref(),
            Some("Deprecated")
        );
        assert_eq!(
            derive_variant_name("Body for POST request cannot be empty.").as_deref(),
            Some("BodyPostRequestCannotBeEmpty")
        );
        // "been" goes with "has": `CardDeclined`, not `CardBeenDeclined`.
        assert_eq!(
            derive_variant_name("The card has been declined").as_deref(),
            Some("CardDeclined")
        );
        // Only filler: the first words are kept rather than nothing.
        assert_eq!(derive_variant_name("To it").as_deref(), Some("ToIt"));
        // Only placeholders: nothing to name.
        assert_eq!(derive_variant_name("{param0} {param1}"), None);
    }

    #[test]
    fn rejects_names_that_would_not_compile_cleanly() {
        assert!(check_type_name("InvalidSignature", "variant name").is_ok());
        assert!(check_type_name("Self", "variant name").is_err());
        let problem = check_type_name("too_many", "variant name").unwrap_err();
        assert!(problem.help.contains("`TooMany`"), "{problem:?}");
        assert!(check_type_name("9Lives", "variant name").is_err());
        assert!(check_type_name("", "variant name").is_err());
        assert!(check_type_name("Café", "variant name").is_err());
    }
}
