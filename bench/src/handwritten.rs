//! Writes out, as Rust source, what a careful person would write by hand instead of
//! `errcodes!`: the same enum with the same docs, and `match`es for every method.
//!
//! The baseline of every benchmark: the run-time benches compile it for the bundled catalogs
//! (through `build.rs`, which includes this file), the build-time driver for synthetic ones.
//! It offers what the expansion offers — `ALL`, `CATALOG`, `ENUM`, `ENVELOPE`, `code`,
//! `from_code`, `message`, `description`, `name`, `kind`, `retry`, `ErrorCode`, `Debug`,
//! `Display`, `Error` and `TryFrom` — written the way people write them: one `match` per
//! method. `Debug` prints `name()` instead of being derived, as the macro's does: a derived
//! `Debug` on a 50,000-variant enum takes rustc past 16 GB, so no one could build that crate.

use std::fmt::Write;

use errcodes_codegen::doc_text;
use errcodes_codegen::{Catalog, Code, Entry, EnumDef};

/// The hand-written equivalent of `errcodes!` over `catalog`, naming the runtime's types
/// through `runtime` (`errcodes_runtime` or `::errcodes_runtime`).
pub fn render(catalog: &Catalog, runtime: &str) -> String {
    let mut out = String::with_capacity(catalog_size_hint(catalog));
    for def in &catalog.enums {
        render_enum(&mut out, catalog, def, runtime);
    }
    out
}

fn catalog_size_hint(catalog: &Catalog) -> usize {
    catalog
        .enums
        .iter()
        .flat_map(|def| &def.entries)
        .map(|entry| {
            512 + entry.message.len() * 3 + entry.description.as_ref().map_or(0, |d| d.len() * 2)
        })
        .sum()
}

/// `rate_limited` → `RateLimited`.
pub fn upper_camel(snake: &str) -> String {
    snake
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

/// A Rust string literal holding `text`.
fn lit(text: &str) -> String {
    format!("{text:?}")
}

fn code_lit(code: &Code) -> String {
    match code {
        Code::Int(code) => code.to_string(),
        Code::Str(code) => lit(code),
    }
}

fn variant_docs(out: &mut String, entry: &Entry) {
    let code = match &entry.code {
        Code::Int(code) => format!("`{code}`"),
        Code::Str(code) => doc_text::escape(code),
    };
    let _ = writeln!(out, "    /// {}", doc_text::escape(&entry.message));
    out.push_str("    ///\n");
    let _ = writeln!(
        out,
        "    /// Code {code} · kind `{}` · retry `{}`",
        entry.kind.as_str(),
        entry.retry.as_str()
    );
    if let Some(description) = &entry.description {
        out.push_str("    ///\n");
        let _ = writeln!(out, "    /// {}", doc_text::escape(description));
    }
    if entry.deprecated {
        out.push_str("    ///\n");
        out.push_str("    /// Deprecated: the source documentation strikes this code through.\n");
    }
}

/// One `match self { Ty::Variant => value, … }` method.
fn per_variant_method(
    out: &mut String,
    def: &EnumDef,
    doc: &str,
    signature: &str,
    value: impl Fn(&Entry) -> String,
) {
    let ty = &def.name;
    let _ = writeln!(out, "    /// {doc}");
    let _ = writeln!(out, "    pub fn {signature} {{");
    out.push_str("        match self {\n");
    for entry in &def.entries {
        let _ = writeln!(out, "            {ty}::{} => {},", entry.name, value(entry));
    }
    out.push_str("        }\n    }\n\n");
}

fn render_enum(out: &mut String, catalog: &Catalog, def: &EnumDef, rt: &str) {
    let ty = &def.name;
    let string_codes = matches!(def.entries.first().map(|e| &e.code), Some(Code::Str(_)));
    let (code_type, code_ref, code_param) = if string_codes {
        ("str", "&'static str", "&str")
    } else {
        ("i64", "i64", "i64")
    };

    if let Some(doc) = &def.doc {
        let _ = writeln!(out, "/// {}", doc_text::escape(doc));
        out.push_str("///\n");
    }
    let title = catalog
        .title
        .as_deref()
        .map(|title| format!(" ({})", doc_text::escape(title)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "/// {} codes of catalog `{}`{title}, written by hand.",
        def.entries.len(),
        catalog.name
    );
    if let Some(source) = &catalog.source {
        out.push_str("///\n");
        let _ = writeln!(out, "/// Source: {}", doc_text::link(source));
    }
    out.push_str("#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]\n");
    let _ = writeln!(out, "pub enum {ty} {{");
    for entry in &def.entries {
        variant_docs(out, entry);
        let _ = writeln!(out, "    {},", entry.name);
    }
    out.push_str("}\n\n");

    let _ = writeln!(out, "impl {ty} {{");
    out.push_str("    /// Every variant, in catalog order.\n");
    let _ = writeln!(out, "    pub const ALL: &'static [{ty}] = &[");
    for entry in &def.entries {
        let _ = writeln!(out, "        {ty}::{},", entry.name);
    }
    out.push_str("    ];\n");
    out.push_str("    /// The `name` of the catalog this enum comes from.\n");
    let _ = writeln!(
        out,
        "    pub const CATALOG: &'static str = {};",
        lit(&catalog.name)
    );
    out.push_str("    /// This enum's name.\n");
    let _ = writeln!(out, "    pub const ENUM: &'static str = {};", lit(ty));
    out.push_str("    /// The field names of the API's JSON error body.\n");
    let success = match &catalog.envelope.success {
        Some(field) => format!("Some({})", lit(field)),
        None => "None".to_owned(),
    };
    let _ = writeln!(
        out,
        "    pub const ENVELOPE: {rt}::Envelope = {rt}::Envelope {{ code: {}, message: {}, success: {success}, ..{rt}::Envelope::DEFAULT }};\n",
        lit(&catalog.envelope.code),
        lit(&catalog.envelope.message)
    );

    per_variant_method(
        out,
        def,
        "The code the API sends for this error.",
        &format!("code(self) -> {code_ref}"),
        |entry| code_lit(&entry.code),
    );

    out.push_str("    /// The variant for `code`, or `None` when the catalog does not list it.\n");
    let _ = writeln!(
        out,
        "    pub fn from_code(code: {code_param}) -> Option<Self> {{"
    );
    out.push_str("        match code {\n");
    for entry in &def.entries {
        let _ = writeln!(
            out,
            "            {} => Some({ty}::{}),",
            code_lit(&entry.code),
            entry.name
        );
    }
    out.push_str("            _ => None,\n        }\n    }\n\n");

    per_variant_method(
        out,
        def,
        "The documented message, byte for byte (what `Display` prints).",
        "message(self) -> &'static str",
        |entry| lit(&entry.message),
    );
    per_variant_method(
        out,
        def,
        "The catalog's longer explanation, when it has one.",
        "description(self) -> Option<&'static str>",
        |entry| match &entry.description {
            Some(description) => format!("Some({})", lit(description)),
            None => "None".to_owned(),
        },
    );
    per_variant_method(
        out,
        def,
        "The variant's name.",
        "name(self) -> &'static str",
        |entry| lit(&entry.name),
    );
    per_variant_method(
        out,
        def,
        "What kind of failure this is.",
        &format!("kind(self) -> {rt}::ErrorKind"),
        |entry| format!("{rt}::ErrorKind::{}", upper_camel(entry.kind.as_str())),
    );
    per_variant_method(
        out,
        def,
        "Whether and how to send the request again.",
        &format!("retry(self) -> {rt}::Retry"),
        |entry| format!("{rt}::Retry::{}", upper_camel(entry.retry.as_str())),
    );
    out.push_str("}\n\n");

    let _ = write!(
        out,
        r#"impl {rt}::ErrorCode for {ty} {{
    type Code = {code_type};
    const ALL: &'static [Self] = {ty}::ALL;
    const CATALOG: &'static str = {ty}::CATALOG;
    const ENUM: &'static str = {ty}::ENUM;
    const ENVELOPE: {rt}::Envelope = {ty}::ENVELOPE;

    fn code(self) -> {rt}::CodeRef<'static, Self> {{
        {ty}::code(self)
    }}
    fn from_code(code: {rt}::CodeRef<'_, Self>) -> Option<Self> {{
        {ty}::from_code(code)
    }}
    fn message(self) -> &'static str {{
        {ty}::message(self)
    }}
    fn description(self) -> Option<&'static str> {{
        {ty}::description(self)
    }}
    fn name(self) -> &'static str {{
        {ty}::name(self)
    }}
    fn kind(self) -> {rt}::ErrorKind {{
        {ty}::kind(self)
    }}
    fn retry(self) -> {rt}::Retry {{
        {ty}::retry(self)
    }}
}}

impl core::fmt::Debug for {ty} {{
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {{
        f.write_str(self.name())
    }}
}}

impl core::fmt::Display for {ty} {{
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {{
        f.write_str(self.message())
    }}
}}

impl core::error::Error for {ty} {{}}

"#
    );
    if string_codes {
        let _ = write!(
            out,
            r#"impl<'a> TryFrom<&'a str> for {ty} {{
    type Error = {rt}::UnknownCode<'a, {ty}>;

    fn try_from(code: &'a str) -> Result<Self, Self::Error> {{
        {ty}::from_code(code).ok_or({rt}::UnknownCode::new(code))
    }}
}}

"#
        );
    } else {
        let _ = write!(
            out,
            r#"impl TryFrom<i64> for {ty} {{
    type Error = {rt}::UnknownCode<'static, {ty}>;

    fn try_from(code: i64) -> Result<Self, Self::Error> {{
        {ty}::from_code(code).ok_or({rt}::UnknownCode::new(code))
    }}
}}

"#
        );
    }
}
