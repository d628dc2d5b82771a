//! Properties of the engine over arbitrary catalogs.
//!
//! - A valid catalog (any i64 codes including the extremes, or any string codes; messages of
//!   any unicode, quotes, backslashes, braces, `*/`, fences, newlines) checks clean and expands
//!   to Rust that parses, whose tables hold every code and every message byte for byte (that
//!   the runtime finds every code in the lookup table is a property in
//!   `tests/tests/test_engine_runtime_agree.rs`, where both crates are at hand).
//! - Each rule broken alone, or several at once, gives exactly the expected errors, each at
//!   the line and column of the offending value.
//! - No input makes the engine panic.

use errcodes_core::template::Template;
use std::collections::BTreeSet;

use errcodes_codegen::{Code, LineIndex, check, expand};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// One entry as the strategy chose it.
#[derive(Debug, Clone)]
struct Entry {
    code: Code,
    name: Option<String>,
    message: String,
    description: Option<String>,
}

/// Text that tries every escape: quotes, backslashes, braces, comment ends, fences, newlines.
fn nasty_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("\"".to_owned()),
        Just("\\".to_owned()),
        Just("{}".to_owned()),
        Just("{0}".to_owned()),
        Just("%s".to_owned()),
        Just("*/".to_owned()),
        Just("/*".to_owned()),
        Just("```".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\t".to_owned()),
        Just("#[doc = \"x\"]".to_owned()),
        Just("\u{202e}".to_owned()),
        Just("'".to_owned()),
        "\\PC{0,12}",
        "[a-zA-Z0-9 ]{0,12}",
    ];
    prop::collection::vec(pieces, 0..6).prop_map(|parts| parts.concat())
}

/// A code that is text to match as written: a code with a placeholder (`{0}`) is a template,
/// and two templates that can match one code are a mistake of their own (tested in
/// `tests/ui/overlapping-template-codes.rs`), not the arbitrary valid catalog wanted here.
fn string_code() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z:_ ]{1,20}",
        "\\PC{1,10}",
        nasty_text().prop_filter("non-empty", |s| !s.is_empty())
    ]
    .prop_filter("exact text, not a template", |code| {
        !Template::new(code).has_placeholders() && Template::check(code).is_ok()
    })
}

fn int_code() -> impl Strategy<Value = i64> {
    prop_oneof![
        any::<i64>(),
        Just(i64::MIN),
        Just(i64::MAX),
        Just(0i64),
        -1000i64..1000
    ]
}

/// 1 to 30 entries with unique codes of one type, unique names (explicit, or derived from a
/// message that starts with a unique word).
fn entries() -> impl Strategy<Value = Vec<Entry>> {
    let codes = prop_oneof![
        prop::collection::btree_set(int_code(), 1..30)
            .prop_map(|set| set.into_iter().map(Code::Int).collect::<Vec<_>>()),
        prop::collection::btree_set(string_code(), 1..30)
            .prop_map(|set| set.into_iter().map(Code::Str).collect::<Vec<_>>()),
    ];
    codes
        .prop_flat_map(|codes| {
            let n = codes.len();
            (
                Just(codes),
                prop::collection::vec(
                    (any::<bool>(), nasty_text(), prop::option::of(nasty_text())),
                    n,
                ),
            )
        })
        .prop_map(|(codes, details)| {
            codes
                .into_iter()
                .zip(details)
                .enumerate()
                .map(|(i, (code, (explicit, text, description)))| Entry {
                    code,
                    name: explicit.then(|| format!("Variant{i}")),
                    // A `{name` left open at the end is a template mistake of its own.
                    message: format!("Entry{i}x {text}")
                        + if Template::check(&text).is_err() {
                            "}"
                        } else {
                            ""
                        },
                    description: description.filter(|d| !d.trim().is_empty()),
                })
                .collect()
        })
}

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

fn toml_code(code: &Code) -> String {
    match code {
        Code::Int(code) => code.to_string(),
        Code::Str(code) => toml_string(code),
    }
}

/// A mistake put into one entry; `line` and `column` say where the error must point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Mistake {
    EmptyMessage,
    UnknownKind,
    UnknownRetry,
    UnknownField,
    BadName,
    MessageNotAString,
    MissingKind,
}

const MISTAKES: &[Mistake] = &[
    Mistake::EmptyMessage,
    Mistake::UnknownKind,
    Mistake::UnknownRetry,
    Mistake::UnknownField,
    Mistake::BadName,
    Mistake::MessageNotAString,
    Mistake::MissingKind,
];

/// The catalog text, and for every mistake the (line, column, message fragment) it must give.
fn render(
    entries: &[Entry],
    mistakes: &[(usize, Mistake)],
) -> (String, Vec<(usize, usize, String)>) {
    let mut lines: Vec<String> = vec![
        "[catalog]".into(),
        "name = \"prop\"".into(),
        String::new(),
        "[[enum]]".into(),
        "name = \"PropError\"".into(),
    ];
    let mut expected = Vec::new();
    // The 1-based line the next pushed line starts at: toml may write a value over several
    // lines (multi-line strings), so lines are counted in the text, not in the vector.
    let next_line = |lines: &[String]| {
        1 + lines
            .iter()
            .map(|l| 1 + l.matches('\n').count())
            .sum::<usize>()
    };
    for (i, entry) in entries.iter().enumerate() {
        let mistake = mistakes.iter().find(|(at, _)| *at == i).map(|(_, m)| *m);
        lines.push(String::new());
        lines.push("[[enum.error]]".into());
        let header_line = next_line(&lines) - 1;
        lines.push(format!("code = {}", toml_code(&entry.code)));
        // A wrong line, and the error it must give at its line and `column`.
        let mut errors: Vec<(usize, usize, String)> = Vec::new();
        let mut wrong = |lines: &mut Vec<String>, text: &str, column: usize, message: &str| {
            errors.push((next_line(lines), column, message.to_owned()));
            lines.push(text.to_owned());
        };
        if mistake == Some(Mistake::BadName) {
            wrong(
                &mut lines,
                "name = \"bad_name\"",
                8,
                "variant name `bad_name` is not UpperCamelCase",
            );
        } else if let Some(name) = &entry.name {
            lines.push(format!("name = \"{name}\""));
        }
        match mistake {
            Some(Mistake::EmptyMessage) => {
                wrong(&mut lines, "message = \" \"", 11, "`message` is empty")
            }
            Some(Mistake::MessageNotAString) => wrong(
                &mut lines,
                "message = 42",
                11,
                "`message` in [[enum.error]] must be a string, found an integer",
            ),
            _ => lines.push(format!("message = {}", toml_string(&entry.message))),
        }
        match mistake {
            Some(Mistake::UnknownKind) => wrong(
                &mut lines,
                "kind = \"rate_limit\"",
                8,
                "unknown kind `rate_limit`",
            ),
            Some(Mistake::MissingKind) => {
                expected.push((
                    header_line,
                    1,
                    "missing field `kind` in [[enum.error]]".into(),
                ));
            }
            _ => lines.push("kind = \"other\"".into()),
        }
        if mistake == Some(Mistake::UnknownRetry) {
            wrong(&mut lines, "retry = \"later\"", 9, "unknown retry `later`");
        }
        if let Some(description) = &entry.description {
            lines.push(format!("description = {}", toml_string(description)));
        }
        if mistake == Some(Mistake::UnknownField) {
            wrong(
                &mut lines,
                "colour = 1",
                1,
                "unknown field `colour` in [[enum.error]]",
            );
        }
        expected.extend(errors);
    }
    lines.push(String::new());
    expected.sort();
    (lines.join("\n"), expected)
}

/// The string literals of `static NAME: [..] = [..]` in the expansion.
fn static_strings(file: &syn::File, name: &str) -> Vec<String> {
    let mut found = Vec::new();
    visit_statics(&file.items, name, &mut |expr| {
        if let syn::Expr::Array(array) = expr {
            for element in &array.elems {
                if let syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) = element
                {
                    found.push(s.value());
                }
            }
        }
    });
    found
}

/// The integers of `static CODES: [i64; N] = [..]`, negative ones included.
fn static_ints(file: &syn::File) -> Vec<i64> {
    let mut found = Vec::new();
    visit_statics(&file.items, "CODES", &mut |expr| {
        if let syn::Expr::Array(array) = expr {
            for element in &array.elems {
                let text = quote_text(element);
                found.push(text.replace(' ', "").parse().expect(&text));
            }
        }
    });
    found
}

fn quote_text(expr: &syn::Expr) -> String {
    use quote::ToTokens;
    expr.to_token_stream().to_string()
}

fn visit_statics(items: &[syn::Item], name: &str, on: &mut dyn FnMut(&syn::Expr)) {
    for item in items {
        match item {
            syn::Item::Static(item) if item.ident == name => on(&item.expr),
            // The catalog's module, which holds every item of the expansion.
            syn::Item::Mod(module) => {
                if let Some((_, content)) = &module.content {
                    visit_statics(content, name, on);
                }
            }
            syn::Item::Const(item) => {
                if let syn::Expr::Block(block) = &*item.expr {
                    let nested: Vec<syn::Item> = block
                        .block
                        .stmts
                        .iter()
                        .filter_map(|stmt| match stmt {
                            syn::Stmt::Item(item) => Some(item.clone()),
                            _ => None,
                        })
                        .collect();
                    visit_statics(&nested, name, on);
                }
            }
            _ => {}
        }
    }
}

proptest! {
    #![proptest_config(Config { cases: 96, ..Config::default() })]

    #[test]
    fn valid_catalogs_expand_to_rust_holding_every_code_and_message(entries in entries()) {
        let (text, _) = render(&entries, &[]);
        let checked = check(&text);
        prop_assert!(checked.is_valid(), "{:?}\n{text}", checked.diagnostics);
        let generated = checked.catalog.enums[0].entries.clone();
        prop_assert_eq!(generated.len(), entries.len());

        let tokens = expand(&checked.catalog, None).expect("a valid catalog expands");
        let file: syn::File = syn::parse2(tokens).expect("the expansion parses as Rust");
        let messages: Vec<String> = entries.iter().map(|e| e.message.clone()).collect();
        prop_assert_eq!(static_strings(&file, "MESSAGES"), messages);
        let descriptions: Vec<String> =
            entries.iter().map(|e| e.description.clone().unwrap_or_default()).collect();
        prop_assert_eq!(static_strings(&file, "DESCRIPTIONS"), descriptions);
        match &entries[0].code {
            Code::Int(_) => {
                let codes: Vec<i64> = entries.iter().map(|e| match e.code { Code::Int(c) => c, Code::Str(_) => unreachable!() }).collect();
                prop_assert_eq!(static_ints(&file), codes);
            }
            Code::Str(_) => {
                let codes: Vec<String> = entries.iter().map(|e| match &e.code { Code::Str(c) => c.clone(), Code::Int(_) => unreachable!() }).collect();
                prop_assert_eq!(static_strings(&file, "CODES"), codes);
            }
        }
    }

    #[test]
    fn each_mistake_alone_is_reported_once_at_its_position(
        entries in entries(),
        pick in any::<prop::sample::Index>(),
        mistake in prop::sample::select(MISTAKES),
    ) {
        let at = pick.index(entries.len());
        let (text, expected) = render(&entries, &[(at, mistake)]);
        prop_assert_eq!(errors_at(&text), expected, "{}", text);
    }

    #[test]
    fn several_mistakes_are_all_reported_in_one_pass(
        entries in entries().prop_filter("room for mistakes", |e| e.len() >= 4),
        mistakes in prop::collection::vec(prop::sample::select(MISTAKES), 2..4),
    ) {
        let placed: Vec<(usize, Mistake)> = mistakes.into_iter().enumerate().collect();
        let (text, expected) = render(&entries, &placed);
        prop_assert_eq!(errors_at(&text), expected, "{}", text);
    }

    #[test]
    fn a_duplicated_code_names_both_lines(entries in entries().prop_filter("two entries", |e| e.len() >= 2)) {
        let mut entries = entries;
        let last = entries.len() - 1;
        entries[last].code = entries[0].code.clone();
        let (text, _) = render(&entries, &[]);
        let checked = check(&text);
        let errors: Vec<_> = checked.errors().collect();
        prop_assert_eq!(errors.len(), 1, "{:?}", errors);
        let lines = LineIndex::new(&text);
        prop_assert!(errors[0].message.contains("appears twice"));
        let first = lines.position(errors[0].related[0].0.start).line;
        let second = lines.position(errors[0].span.start).line;
        prop_assert_eq!(text.lines().nth(first - 1).unwrap(), text.lines().nth(second - 1).unwrap());
        prop_assert!(first < second);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let checked = check(&text);
        if checked.is_valid() {
            let _ = expand(&checked.catalog, None);
        }
    }

    #[test]
    fn corrupted_catalogs_never_panic(entries in entries(), cuts in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let (text, _) = render(&entries, &[]);
        let mut bytes = text.into_bytes();
        for (at, byte) in cuts {
            let at = at.index(bytes.len());
            bytes[at] = byte;
        }
        let text = String::from_utf8_lossy(&bytes);
        let checked = check(&text);
        if checked.is_valid() {
            let _ = expand(&checked.catalog, None);
        }
    }
}

/// (line, column, message) of every error, sorted.
fn errors_at(text: &str) -> Vec<(usize, usize, String)> {
    let lines = LineIndex::new(text);
    let mut found: Vec<(usize, usize, String)> = check(text)
        .errors()
        .map(|d| {
            let position = lines.position(d.span.start);
            (position.line, position.column, d.message.clone())
        })
        .collect();
    found.sort();
    // Messages are compared by the fragment the test expects.
    found
}

/// Each mistake the properties place gives a diagnostic of its own: were two to give the same
/// message, the tests above could not tell them apart.
#[test]
fn each_mistake_gives_its_own_diagnostic() {
    let entries: Vec<Entry> = (0..3)
        .map(|i| Entry {
            code: Code::Int(i),
            name: Some(format!("Variant{i}")),
            message: format!("Entry{i}x message"),
            description: None,
        })
        .collect();
    let messages: Vec<String> = MISTAKES
        .iter()
        .map(|&mistake| {
            let (text, expected) = render(&entries, &[(1, mistake)]);
            let found = errors_at(&text);
            assert_eq!(found, expected, "{mistake:?}\n{text}");
            assert_eq!(found.len(), 1, "{mistake:?} gives one error");
            found[0].2.clone()
        })
        .collect();
    let unique: BTreeSet<&String> = messages.iter().collect();
    assert_eq!(unique.len(), messages.len(), "{messages:#?}");
}
