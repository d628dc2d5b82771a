//! Rust names for enums and variants: deriving them from messages and checking written ones.

use heck::ToUpperCamelCase;

/// How many words of a message a derived variant name keeps.
pub const DERIVED_NAME_WORDS: usize = 8;

/// Inherent associated items of every generated enum; a variant must not shadow them.
pub const RESERVED_VARIANT_NAMES: &[&str] = &["ALL", "CATALOG", "ENUM", "ENVELOPE"];

/// The variant name derived from a message: the UpperCamelCase of its first
/// [`DERIVED_NAME_WORDS`] words of ASCII letters and digits, prefixed with `Error` when it
/// would start with a digit. `None` when the message has no ASCII letter or digit.
pub fn derive_variant_name(message: &str) -> Option<String> {
    let words: Vec<&str> = message
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .take(DERIVED_NAME_WORDS)
        .collect();
    if words.is_empty() {
        return None;
    }
    let name = words.join(" ").to_upper_camel_case();
    Some(if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("Error{name}")
    } else {
        name
    })
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
        let suggestion = derive_variant_name(name).filter(|s| s != "Self" && s != name);
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
            Some("ServerErrorPleaseTryAgainLater")
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
            Some("OneTwoThreeFourFiveSixSevenEight")
        );
        assert_eq!(derive_variant_name("Ошибка !!"), None);
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
