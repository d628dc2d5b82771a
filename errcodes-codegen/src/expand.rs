//! [`Catalog`] → Rust items.
//!
//! Per-variant data lives in static arrays indexed by the variant's position (`self as usize`)
//! rather than in `match` arms: it is what the compiler has least work with, and each method
//! is one load. Kinds, retry advice and the `from_code` table are byte strings, one token each.
//!
//! The items are written as Rust source text and lexed once ([`expand`]), not assembled token
//! by token with `quote!`: a proc macro runs unoptimized in a user's dev build, where every
//! token built through `quote!` costs generic, unoptimized code and a call across the
//! compiler's proc-macro bridge. Text goes through `core::fmt` (always optimized) and one call
//! to the compiler's lexer: generating 10,000 codes in a dev build went from 432 ms to about
//! 50 ms, plus about as much for the compiler to lex it (see BENCHMARKS.md). Every literal is
//! written by `str`'s `Debug` (a valid Rust string literal for any text) or
//! `<[u8]>::escape_ascii`, and identifiers are checked before they are written, so catalog text
//! can only ever become a literal.

use std::fmt::Write as _;

use proc_macro2::TokenStream;

use crate::doc_text;
use crate::emit::{CodeTypes, array, byte_string, doc_escape, ident, is_ident, lex, literal_text};
pub use crate::expand_error::ExpandError;
use crate::lookup::{self, Table};
use errcodes_core::template::Template;

use crate::model::{Catalog, Code, Entry, EnumDef};

/// The items for every enum of `catalog`, which must have passed validation.
///
/// `tracked_file`, when given, is the absolute path of the catalog: the expansion includes it
/// with `include_bytes!` so that cargo rebuilds the user's crate when the catalog changes.
pub fn expand(catalog: &Catalog, tracked_file: Option<&str>) -> Result<TokenStream, ExpandError> {
    lex(&source(catalog, tracked_file)?)
}

/// Every name the expansion writes as an identifier: validation makes them identifiers, and
/// this checks again, so that no text can become code even through a model built by hand.
fn check_identifiers(catalog: &Catalog) -> Result<(), ExpandError> {
    let api = [&catalog.api.enum_name, &catalog.api.error_name]
        .into_iter()
        .flatten()
        .map(|(name, _)| name);
    let names = catalog
        .enums
        .iter()
        .flat_map(|def| std::iter::once(&def.name).chain(def.variants().map(|e| &e.name)))
        .chain(catalog.http.iter().map(|rule| &rule.name))
        .chain(api);
    for name in names {
        if !is_ident(name) {
            return Err(ExpandError::new(format!(
                "`{name}` is not a valid identifier"
            )));
        }
    }
    Ok(())
}

/// The items of [`expand`] as Rust source text (one line per item, unformatted), after the
/// same identifier check.
///
/// Everything a catalog defines lives in one module named after the catalog (`mexc` for
/// `name = "mexc"`), and its section enums are re-exported beside the call: the catalog-wide
/// names (`Code`, `Error`, any name the catalog gives its API enum) stay inside the module, so
/// that any number of catalogs expand side by side, next to `use std::error::Error;` or a
/// `type Result<T>` of the user's.
pub fn source(catalog: &Catalog, tracked_file: Option<&str>) -> Result<String, ExpandError> {
    check_identifiers(catalog)?;
    let module = crate::naming::module_name(&catalog.name).ok_or_else(|| {
        ExpandError::new(format!(
            "catalog name `{}` is not a module name",
            catalog.name
        ))
    })?;
    let entries: usize = catalog.enums.iter().map(|def| def.variants().count()).sum();
    let text: usize = catalog
        .enums
        .iter()
        .flat_map(|def| def.variants())
        .map(|entry| {
            2 * entry.message.len() + entry.description.as_ref().map_or(0, |d| 2 * d.len())
        })
        .sum();
    let mut out = String::with_capacity(4096 * catalog.enums.len() + 160 * entries + text);
    module_docs(&mut out, catalog);
    let _ = writeln!(out, "pub mod {module} {{");
    let venue = crate::expand_api::venue_consts(catalog);
    for def in &catalog.enums {
        expand_enum(&mut out, catalog, def, &venue)?;
    }
    crate::expand_api::expand_api(&mut out, catalog)?;
    if let Some(path) = tracked_file {
        track_source(&mut out, path);
    }
    out.push_str("}\n");
    reexport(
        &mut out,
        &module,
        catalog.enums.iter().map(|def| def.name.as_str()),
    );
    Ok(out)
}

/// `pub use module::{A, B};` for the section enums, so that they are named as before beside the
/// call. A plain path, not `self::…`: the call may stand in a function body, where the module is
/// a local item.
pub(crate) fn reexport<'a>(out: &mut String, module: &str, names: impl Iterator<Item = &'a str>) {
    let _ = write!(out, "#[allow(unused_imports)]\npub use {module}::{{");
    for name in names {
        let _ = write!(out, "{}, ", ident(name));
    }
    out.push_str("};\n");
}

/// The generated module's docs, after any the call gives it.
fn module_docs(out: &mut String, catalog: &Catalog) {
    out.push_str("#[doc = \"\\n\\nThe error codes of ");
    catalog_sentence(out, catalog, " ");
    out.push_str("\"]\n");
}

/// "catalog `name` (title), generated by `errcodes!`.", then `separator` and the source link
/// when the catalog names one: the inside of a doc string literal.
fn catalog_sentence(out: &mut String, catalog: &Catalog, separator: &str) {
    out.push_str("catalog `");
    literal_text(out, &catalog.name);
    out.push('`');
    if let Some(title) = &catalog.title {
        out.push_str(" (");
        literal_text(out, &doc_escape(title));
        out.push(')');
    }
    out.push_str(", generated by `errcodes!`.");
    if let Some(source) = &catalog.source {
        out.push_str(separator);
        out.push_str("Source: ");
        literal_text(out, &doc_text::link(source));
    }
}

/// `const _: &[u8] = include_bytes!("…");` for `tracked_file`: the item that makes cargo
/// rebuild on a change, for expansions that carry no enums (a broken or unreadable catalog).
pub fn track(tracked_file: &str) -> Result<TokenStream, ExpandError> {
    let mut out = String::new();
    track_source(&mut out, tracked_file);
    lex(&out)
}

fn track_source(out: &mut String, path: &str) {
    let _ = writeln!(
        out,
        "const _: &[::core::primitive::u8] = ::core::include_bytes!({path:?});"
    );
}

fn enum_docs(out: &mut String, catalog: &Catalog, def: &EnumDef) {
    // One `#[doc]` attribute with the lines joined by newlines: what rustdoc makes of the same
    // lines as separate attributes, in one token instead of one per line.
    out.push_str("#[doc = \"");
    if let Some(doc) = &def.doc {
        literal_text(out, &doc_escape(doc));
        out.push_str("\\n\\n");
    }
    let _ = write!(out, "{} codes of ", def.entries.len());
    catalog_sentence(out, catalog, "\\n\\n");
    out.push_str("\"]\n");
}

fn variant_docs(out: &mut String, entry: &Entry) {
    out.push_str("#[doc = \"");
    literal_text(out, &doc_escape(&entry.message));
    out.push_str("\\n\\nCode ");
    match &entry.code {
        Code::Int(code) => {
            let _ = write!(out, "`{code}`");
        }
        Code::Str(code) => literal_text(out, &doc_escape(code)),
    }
    let _ = write!(
        out,
        " · kind `{}` · retry `{}`",
        entry.kind.as_str(),
        entry.retry.as_str()
    );
    if let Some(description) = &entry.description {
        out.push_str("\\n\\n");
        literal_text(out, &doc_escape(description));
    }
    if entry.deprecated {
        out.push_str("\\n\\nDeprecated: the source documentation strikes this code through.");
    }
    if !entry.refinements.is_empty() {
        let _ = write!(
            out,
            "\\n\\nRefined by the server's message into {} other variant(s), listed after this one.",
            entry.refinements.len()
        );
    }
    out.push_str("\"]");
}

/// The docs of a refinement: what selects it.
fn refinement_docs(out: &mut String, parent: &Entry, refinement: &Entry) {
    variant_docs(out, refinement);
    out.pop();
    out.pop();
    let _ = write!(out, "\\n\\nRefines `{}`: chosen when ", parent.name);
    match &refinement.detail {
        Some(detail) => {
            out.push_str("the detail field is `");
            literal_text(out, &doc_escape(detail));
            out.push('`');
        }
        None if errcodes_core::template::Template::new(&refinement.message).has_placeholders() => {
            out.push_str("the server's message matches the template above");
        }
        None => out.push_str("the server's message is the one above"),
    }
    out.push_str(".\"]");
}

fn lookup_const(out: &mut String, table: &Table) {
    let private = "::errcodes_runtime::__private";
    match table {
        Table::Empty => {
            let _ = write!(out, "{private}::Lookup::Empty");
        }
        Table::Dense { min, width, table } => {
            let _ = write!(
                out,
                "{private}::Lookup::Dense {{ min: {min}u64, width: {width}usize, table: "
            );
            byte_string(out, table);
            out.push_str(" }");
        }
        Table::MultiplyShift {
            mult,
            shift,
            width,
            slots,
        } => {
            let _ = write!(
                out,
                "{private}::Lookup::MultiplyShift {{ mult: {mult}u64, shift: {shift}u32, width: {width}usize, slots: "
            );
            byte_string(out, slots);
            out.push_str(" }");
        }
        Table::Displace {
            seed,
            bucket_shift,
            displacements,
            slot_shift,
            width,
            slots,
        } => {
            let _ = write!(
                out,
                "{private}::Lookup::Displace {{ seed: {seed}u64, bucket_shift: {bucket_shift}u32, displacements: "
            );
            byte_string(out, displacements);
            let _ = write!(
                out,
                ", slot_shift: {slot_shift}u32, width: {width}usize, slots: "
            );
            byte_string(out, slots);
            out.push_str(" }");
        }
    }
}

fn expand_enum(
    out: &mut String,
    catalog: &Catalog,
    def: &EnumDef,
    venue: &str,
) -> Result<(), ExpandError> {
    let ty = ident(&def.name);
    let variants: Vec<&Entry> = def.variants().collect();
    let count = variants.len();
    let string_codes = def.string_codes();
    let rt = "::errcodes_runtime";
    let types = CodeTypes::of(string_codes);
    let code_ref = types.code_ref;
    let refined = def
        .entries
        .iter()
        .any(|entry| !entry.refinements.is_empty());
    let by_detail = variants.iter().any(|entry| entry.detail.is_some());

    // The enum.
    enum_docs(out, catalog, def);
    out.push_str(
        "\n#[derive(::core::clone::Clone, ::core::marker::Copy, ::core::cmp::PartialEq, \
         ::core::cmp::Eq, ::core::cmp::PartialOrd, ::core::cmp::Ord, ::core::hash::Hash)]\n",
    );
    let _ = writeln!(out, "pub enum {ty} {{");
    for entry in &def.entries {
        variant_docs(out, entry);
        let _ = writeln!(out, " {},", ident(&entry.name));
        for refinement in &entry.refinements {
            refinement_docs(out, entry, refinement);
            let _ = writeln!(out, " {},", ident(&refinement.name));
        }
    }
    out.push_str("}\n");

    // The tables, in an anonymous const so that their names stay private. A refinement is a
    // variant of its own, at the positions right after its entry, with the entry's code.
    out.push_str("const _: () = {\n");
    let _ = write!(out, "static CODES: [{code_ref}; {count}usize] = ");
    array(out, &variants, |out, entry| match &entry.code {
        Code::Int(code) => {
            let _ = write!(out, "{code}");
        }
        Code::Str(code) => {
            let _ = write!(out, "{code:?}");
        }
    });
    let _ = write!(
        out,
        ";\nstatic MESSAGES: [&::core::primitive::str; {count}usize] = "
    );
    array(out, &variants, |out, entry| {
        let _ = write!(out, "{:?}", entry.message);
    });
    // What `Display` prints: the message, or a template as a sentence. A table rather than a
    // `match` for the same reason as `Debug` below: a match of tens of thousands of arms takes
    // rustc gigabytes (the 50,000-code scale test ran out of 24 GB).
    let templated = variants
        .iter()
        .any(|entry| Template::new(&entry.message).has_placeholders());
    if templated {
        let _ = write!(
            out,
            ";\nstatic SENTENCES: [&::core::primitive::str; {count}usize] = "
        );
        array(out, &variants, |out, entry| {
            let _ = write!(
                out,
                "{:?}",
                Template::new(&entry.message).sentence().to_string()
            );
        });
    }
    let _ = write!(
        out,
        ";\nstatic NAMES: [&::core::primitive::str; {count}usize] = "
    );
    array(out, &variants, |out, entry| {
        let _ = write!(out, "\"{}\"", ident(&entry.name));
    });
    let _ = write!(
        out,
        ";\nstatic DESCRIPTIONS: [&::core::primitive::str; {count}usize] = "
    );
    array(out, &variants, |out, entry| {
        let _ = write!(out, "{:?}", entry.description.as_deref().unwrap_or(""));
    });
    let _ = write!(
        out,
        ";\nstatic KINDS: &[::core::primitive::u8; {count}usize] = "
    );
    let kinds: Vec<u8> = variants.iter().map(|entry| entry.kind.index()).collect();
    byte_string(out, &kinds);
    let _ = write!(
        out,
        ";\nstatic RETRIES: &[::core::primitive::u8; {count}usize] = "
    );
    let retries: Vec<u8> = variants.iter().map(|entry| entry.retry.index()).collect();
    byte_string(out, &retries);
    if refined {
        // How many refinements follow each variant, and which variants are refinements.
        let mut counts = Vec::with_capacity(count);
        let mut flags = Vec::with_capacity(count);
        for entry in &def.entries {
            counts.push(entry.refinements.len() as u8);
            flags.push(0u8);
            counts.extend(entry.refinements.iter().map(|_| 0u8));
            flags.extend(entry.refinements.iter().map(|_| 1u8));
        }
        let _ = write!(
            out,
            ";\nstatic REFINES: &[::core::primitive::u8; {count}usize] = "
        );
        byte_string(out, &counts);
        let _ = write!(
            out,
            ";\nstatic REFINED: &[::core::primitive::u8; {count}usize] = "
        );
        byte_string(out, &flags);
        let _ = write!(
            out,
            ";\nstatic DETAILS: [&::core::primitive::str; {}usize] = ",
            if by_detail { count } else { 0 }
        );
        if by_detail {
            array(out, &variants, |out, entry| {
                let _ = write!(out, "{:?}", entry.detail.as_deref().unwrap_or(""));
            });
        } else {
            out.push_str("[]");
        }
    }
    // Positions of the entries with template codes, tried in order when no code matches
    // exactly (a refinement shares its entry's code, so only entries are tried).
    let mut positions = Vec::with_capacity(def.entries.len());
    let mut at = 0;
    for entry in &def.entries {
        positions.push(at);
        at += 1 + entry.refinements.len();
    }
    let templates: Vec<usize> = def
        .entries
        .iter()
        .zip(&positions)
        .filter(|(entry, _)| {
            matches!(&entry.code, Code::Str(code) if Template::new(code).has_placeholders())
        })
        .map(|(_, &at)| at)
        .collect();
    if !templates.is_empty() {
        let _ = write!(
            out,
            ";\nstatic TEMPLATES: [::core::primitive::usize; {}usize] = {templates:?}",
            templates.len()
        );
    }
    let _ = write!(out, ";\nconst LOOKUP: {rt}::__private::Lookup = ");
    let codes: Vec<Code> = def.entries.iter().map(|entry| entry.code.clone()).collect();
    lookup_const(out, &lookup::build_at(&codes, &positions));
    out.push_str(";\n");

    let not_found = if templates.is_empty() {
        "::core::option::Option::None".to_owned()
    } else {
        format!(
            "match {rt}::__private::template_code(code, &TEMPLATES, &CODES) {{\n\
             ::core::option::Option::Some(index) => ::core::option::Option::Some({ty}::ALL[index]),\n\
             ::core::option::Option::None => ::core::option::Option::None,\n}}"
        )
    };
    let refine_body = if refined {
        format!(
            "{ty}::ALL[{rt}::__private::refine(self as usize, REFINES, &MESSAGES, &DETAILS, message, detail)]"
        )
    } else {
        "let _ = (message, detail);\nself".to_owned()
    };
    let is_refinement_body = if refined {
        "REFINED[self as usize] != 0"
    } else {
        "false"
    };
    let mut retry_after_body = String::new();
    let declared: Vec<&Entry> = variants
        .iter()
        .copied()
        .filter(|entry| entry.retry_after.is_some())
        .collect();
    if declared.is_empty() {
        retry_after_body.push_str("let _ = self;\n::core::option::Option::None");
    } else {
        retry_after_body.push_str("match self {\n");
        for entry in declared {
            if let Some(rule) = &entry.retry_after {
                let _ = writeln!(
                    retry_after_body,
                    "{ty}::{} => ::core::option::Option::Some({}),",
                    ident(&entry.name),
                    crate::expand_api::retry_after_rule(rule)
                );
            }
        }
        retry_after_body.push_str("_ => ::core::option::Option::None,\n}");
    }

    let envelope = crate::expand_api::envelope(&catalog.envelope);
    crate::surface::inherent_impl(out, ty, &types, "", |item| {
        Some(match item.name {
        "ALL" => {
            let mut all = String::from("&");
            array(&mut all, &variants, |out, entry| {
                let _ = write!(out, "{ty}::{}", entry.name);
            });
            all
        }
        "CATALOG" => format!("{:?}", catalog.name),
        "ENUM" => format!("{ty:?}"),
        "ENVELOPE" => envelope.clone(),
        "code" => "CODES[self as usize]".to_owned(),
        "from_code" => format!(
            "match LOOKUP.candidate({rt}::__private::{key}(code)) {{\n\
             ::core::option::Option::Some(index) if CODES[index] == code => ::core::option::Option::Some({ty}::ALL[index]),\n\
             _ => {not_found},\n}}",
            key = types.key
        ),
        "message" => "MESSAGES[self as usize]".to_owned(),
        "description" => "let description = DESCRIPTIONS[self as usize];\n\
             if description.is_empty() { ::core::option::Option::None } else { ::core::option::Option::Some(description) }"
            .to_owned(),
        "name" => "NAMES[self as usize]".to_owned(),
        "kind" => format!("{rt}::ErrorKind::ALL[KINDS[self as usize] as usize]"),
        "retry" => format!("{rt}::Retry::ALL[RETRIES[self as usize] as usize]"),
        "refine" => refine_body.clone(),
        "is_refinement" => is_refinement_body.to_owned(),
        "retry_after_rule" => retry_after_body.clone(),
        _ => return None,
        })
    })?;
    let _ = write!(
        out,
        r##"
// Written out rather than derived: rustc's memory for a derived `Debug` grows much faster than
// linearly with the number of variants (3.5 GB at 20,000 against 0.4 GB for this table
// lookup), and the output is the same: the variant's name.
#[automatically_derived]
impl ::core::fmt::Debug for {ty} {{
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{
        f.write_str(NAMES[*self as usize])
    }}
}}
"##
    );
    crate::surface::trait_impls(
        out,
        ty,
        &types,
        venue,
        &crate::surface::display_body(ty, templated),
    );
    out.push_str("};\n");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(text: &str) -> Catalog {
        let checked = crate::check(text);
        assert!(checked.is_valid(), "{:?}", checked.diagnostics);
        checked.catalog
    }

    #[test]
    fn literals_hold_any_text_and_extreme_codes() {
        let catalog = catalog(
            r##"
[catalog]
name = "edge"
envelope = { code = "c\"ode", message = "m\\sg" }

[[enum]]
name = "EdgeError"

[[enum.error]]
code = -9223372036854775808
name = "Min"
message = "quote \" backslash \\ newline \n tab \t cr \r nul \u0000 bell \u0007 del \u007f é ∑ 🦀 \u200d"
kind = "other"
description = "}]); compile_error!(\"injected\"); //"

[[enum.error]]
code = 9223372036854775807
name = "Max"
message = "r#\"raw\"#"
kind = "other"
"##,
        );
        let source = source(&catalog, Some("/dir with \"quotes\"/c.toml")).unwrap();
        let tokens: TokenStream = source.parse().expect("lexes");
        let printed = tokens.to_string();
        assert!(
            !printed.contains("compile_error ! (\"injected\")"),
            "{printed}"
        );
        // Every string written is exactly the text it came from.
        let strings: Vec<String> = literal_strings(tokens);
        let entries = &catalog.enums[0].entries;
        for text in [
            entries[0].message.as_str(),
            entries[1].message.as_str(),
            entries[0].description.as_deref().unwrap(),
            "c\"ode",
            "m\\sg",
            "/dir with \"quotes\"/c.toml",
        ] {
            assert!(
                strings.iter().any(|s| s == text),
                "{text:?} not in {strings:?}"
            );
        }
    }

    /// The values of every string literal in `tokens`, as the compiler reads them.
    fn literal_strings(tokens: TokenStream) -> Vec<String> {
        let mut out = Vec::new();
        for tree in tokens {
            match tree {
                proc_macro2::TokenTree::Group(group) => out.extend(literal_strings(group.stream())),
                proc_macro2::TokenTree::Literal(literal) => {
                    let text = literal.to_string();
                    if text.starts_with('"') {
                        out.push(unescape(&text[1..text.len() - 1]));
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// Rust's string escapes, as far as `Debug` writes them.
    fn unescape(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('0') => out.push('\0'),
                Some('u') => {
                    let hex: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
                }
                Some(other) => out.push(other),
                None => {}
            }
        }
        out
    }

    #[test]
    fn an_invalid_identifier_is_an_error_not_code() {
        let mut broken = catalog(
            "[catalog]\nname = \"x\"\n[[enum]]\nname = \"XError\"\n[[enum.error]]\ncode = 1\nmessage = \"m\"\nkind = \"other\"\n",
        );
        broken.enums[0].entries[0].name = "Not Valid {}".to_owned();
        let error = expand(&broken, None).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("`Not Valid {}` is not a valid identifier"),
            "{error}"
        );
        assert!(
            source(&broken, None).is_err(),
            "the source text is checked too"
        );
        let tokens = error.to_compile_error().to_string();
        assert!(tokens.starts_with(":: core :: compile_error !"), "{tokens}");
        assert!(!tokens.contains("enum"), "{tokens}");
    }
}
