//! The catalog-wide items of an expansion: the envelope and venue constants every enum
//! carries, the `api_enum` that joins the responding sections, and the `api_error` alias.
//! Written as source text like the enums (see `expand.rs` for why).

use std::fmt::Write as _;

use crate::expand::{CodeTypes, ident, literal_text};
use crate::model::{Catalog, Code, EnumDef, Envelope, RetryAfter, Status};

const RT: &str = "::errcodes_runtime";

fn option_str(value: Option<&str>) -> String {
    match value {
        Some(text) => format!("::core::option::Option::Some({text:?})"),
        None => "::core::option::Option::None".to_owned(),
    }
}

/// `Envelope { … }` for the catalog's envelope.
pub(crate) fn envelope(envelope: &Envelope) -> String {
    let ok_codes: Vec<String> = if envelope.ok_codes.is_empty() {
        vec!["\"0\"".to_owned()]
    } else {
        envelope
            .ok_codes
            .iter()
            .map(|code| match code {
                Code::Int(code) => format!("\"{code}\""),
                Code::Str(code) => format!("{code:?}"),
            })
            .collect()
    };
    format!(
        "{RT}::Envelope {{ code: {:?}, message: {:?}, success: {}, ok_codes: &[{}], items: {}, item_code: {}, item_message: {}, detail: {} }}",
        envelope.code,
        envelope.message,
        option_str(envelope.success.as_deref()),
        ok_codes.join(", "),
        option_str(envelope.items.as_deref()),
        option_str(envelope.item_code.as_deref()),
        option_str(envelope.item_message.as_deref()),
        option_str(envelope.detail.as_deref()),
    )
}

/// `RetryAfterRule { … }`.
pub(crate) fn retry_after_rule(rule: &RetryAfter) -> String {
    format!(
        "{RT}::RetryAfterRule {{ from: {:?}, unit: {RT}::TimeUnit::{:?} }}",
        rule.from, rule.unit
    )
}

/// The `HTTP` and `HEADERS` items of every enum's `ErrorCode` impl; empty when the catalog
/// declares neither (the trait's defaults then apply).
pub(crate) fn venue_consts(catalog: &Catalog) -> String {
    let mut out = String::new();
    if !catalog.http.is_empty() {
        let _ = write!(out, "    const HTTP: &'static [{RT}::HttpRule] = &[");
        for rule in &catalog.http {
            let status = match rule.status {
                Status::Exact(status) => format!("Exact({status})"),
                Status::Class(class) => format!("Class({class})"),
            };
            let retry_after = match &rule.retry_after {
                Some(retry_after) => format!(
                    "::core::option::Option::Some({})",
                    retry_after_rule(retry_after)
                ),
                None => "::core::option::Option::None".to_owned(),
            };
            let _ = write!(
                out,
                "{RT}::HttpRule {{ status: {RT}::StatusMatch::{status}, name: {:?}, message: {}, kind: {RT}::ErrorKind::{:?}, retry: {RT}::Retry::{:?}, retry_after: {retry_after}, description: {} }}, ",
                ident(&rule.name),
                option_str(rule.message.as_deref()),
                rule.kind,
                rule.retry,
                option_str(rule.description.as_deref()),
            );
        }
        out.push_str("];\n");
    }
    let headers = &catalog.headers;
    if headers.should_retry.is_some() || headers.reset_unix_ms.is_some() {
        let _ = writeln!(
            out,
            "    const HEADERS: {RT}::HeaderNames = {RT}::HeaderNames {{ should_retry: {}, reset_unix_ms: {} }};",
            option_str(headers.should_retry.as_deref()),
            option_str(headers.reset_unix_ms.as_deref()),
        );
    }
    out
}

/// `ErrorCode`, `Display` and `Error` for a generated enum (or the API enum), each delegating to
/// the inherent items of the same names; `venue` is what [`venue_consts`] wrote.
pub(crate) fn trait_impls(out: &mut String, ty: &str, code_type: &str, venue: &str) {
    let _ = write!(
        out,
        r##"
#[automatically_derived]
impl {RT}::ErrorCode for {ty} {{
    type Code = {code_type};
    const ALL: &'static [Self] = {ty}::ALL;
    const CATALOG: &'static ::core::primitive::str = {ty}::CATALOG;
    const ENUM: &'static ::core::primitive::str = {ty}::ENUM;
    const ENVELOPE: {RT}::Envelope = {ty}::ENVELOPE;
{venue}
    #[inline]
    fn code(self) -> {RT}::CodeRef<'static, Self> {{ {ty}::code(self) }}
    #[inline]
    fn from_code(code: {RT}::CodeRef<'_, Self>) -> ::core::option::Option<Self> {{ {ty}::from_code(code) }}
    #[inline]
    fn message(self) -> &'static ::core::primitive::str {{ {ty}::message(self) }}
    #[inline]
    fn description(self) -> ::core::option::Option<&'static ::core::primitive::str> {{ {ty}::description(self) }}
    #[inline]
    fn name(self) -> &'static ::core::primitive::str {{ {ty}::name(self) }}
    #[inline]
    fn kind(self) -> {RT}::ErrorKind {{ {ty}::kind(self) }}
    #[inline]
    fn retry(self) -> {RT}::Retry {{ {ty}::retry(self) }}
    #[inline]
    fn refine(self, message: &::core::primitive::str, detail: ::core::option::Option<&::core::primitive::str>) -> Self {{ {ty}::refine(self, message, detail) }}
    #[inline]
    fn is_refinement(self) -> ::core::primitive::bool {{ {ty}::is_refinement(self) }}
    #[inline]
    fn retry_after_rule(self) -> ::core::option::Option<{RT}::RetryAfterRule> {{ {ty}::retry_after_rule(self) }}
}}

#[automatically_derived]
impl ::core::fmt::Display for {ty} {{
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{
        f.pad({ty}::message(*self))
    }}
}}

#[automatically_derived]
impl ::core::error::Error for {ty} {{}}
"##
    );
}

/// `TryFrom<code>` for a generated enum (or the API enum).
pub(crate) fn try_from(out: &mut String, ty: &str, string_codes: bool) {
    if string_codes {
        let _ = write!(
            out,
            r##"
#[automatically_derived]
impl<'a> ::core::convert::TryFrom<&'a ::core::primitive::str> for {ty} {{
    type Error = {RT}::UnknownCode<'a, {ty}>;

    fn try_from(code: &'a ::core::primitive::str) -> ::core::result::Result<Self, Self::Error> {{
        {ty}::from_code(code).ok_or({RT}::UnknownCode::new(code))
    }}
}}
"##
        );
    } else {
        let _ = write!(
            out,
            r##"
#[automatically_derived]
impl ::core::convert::TryFrom<::core::primitive::i64> for {ty} {{
    type Error = {RT}::UnknownCode<'static, {ty}>;

    fn try_from(code: ::core::primitive::i64) -> ::core::result::Result<Self, Self::Error> {{
        {ty}::from_code(code).ok_or({RT}::UnknownCode::new(code))
    }}
}}
"##
        );
    }
}

/// The API enum (`api_enum`) and the error alias (`api_error`), when the catalog names them.
pub(crate) fn expand_api(out: &mut String, catalog: &Catalog) {
    let responding: Vec<&EnumDef> = catalog.enums.iter().filter(|def| def.responses).collect();
    let target = match (&catalog.api.enum_name, responding.as_slice()) {
        (Some((name, _)), _) => {
            api_enum(out, catalog, ident(name), &responding);
            ident(name)
        }
        (None, [only]) => ident(&only.name),
        (None, _) => return,
    };
    if let Some((error, _)) = &catalog.api.error_name {
        let _ = write!(
            out,
            "{RT}::__private::api_error!(#[doc = \"Any error response of catalog `"
        );
        literal_text(out, &catalog.name);
        let _ = writeln!(
            out,
            "`, read into [`{target}`] with the server's message, status and retry advice.\"] {} = {target});",
            ident(error)
        );
    }
}

fn api_enum(out: &mut String, catalog: &Catalog, ty: &str, sections: &[&EnumDef]) {
    let string_codes = sections.first().is_some_and(|def| def.string_codes());
    let CodeTypes {
        code_type,
        code_ref,
        code_param,
        ..
    } = CodeTypes::of(string_codes);
    let total: usize = sections.iter().map(|def| def.variants().count()).sum();
    out.push_str("#[doc = \"Every error of catalog `");
    literal_text(out, &catalog.name);
    out.push_str("` that a response can carry: one variant per section that answers requests. ");
    out.push_str("A code listed by several sections belongs to the first of them.\"]\n");
    out.push_str(
        "#[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::marker::Copy, ::core::cmp::PartialEq, \
         ::core::cmp::Eq, ::core::cmp::PartialOrd, ::core::cmp::Ord, ::core::hash::Hash)]\n",
    );
    let _ = writeln!(out, "pub enum {ty} {{");
    for def in sections {
        let section = ident(&def.name);
        let _ = writeln!(
            out,
            "#[doc = \"An error of [`{section}`].\"]\n{section}({section}),"
        );
    }
    out.push_str("}\nconst _: () = {\n");
    // `ALL` is filled by a loop in a const block rather than written out: the sections'
    // variants are already listed once, in their own `ALL`.
    let first = ident(&sections[0].name);
    let _ = write!(
        out,
        "const ALL: [{ty}; {total}usize] = {{\n\
         let mut all = [{ty}::{first}({first}::ALL[0]); {total}usize];\n\
         let mut at = 0usize;\n"
    );
    for def in sections {
        let section = ident(&def.name);
        let _ = write!(
            out,
            "let mut i = 0usize;\nwhile i < {section}::ALL.len() {{ all[at] = {ty}::{section}({section}::ALL[i]); at += 1; i += 1; }}\n"
        );
    }
    out.push_str("let _ = at;\nall\n};\n");
    let each = |method: &str| -> String {
        sections
            .iter()
            .map(|def| {
                let section = ident(&def.name);
                format!("{ty}::{section}(error) => error.{method},\n")
            })
            .collect()
    };
    let each_wrapped = |method: &str| -> String {
        sections
            .iter()
            .map(|def| {
                let section = ident(&def.name);
                format!("{ty}::{section}(error) => {ty}::{section}(error.{method}),\n")
            })
            .collect()
    };
    let from_code: String = sections
        .iter()
        .map(|def| {
            let section = ident(&def.name);
            format!(
                "if let ::core::option::Option::Some(error) = {section}::from_code(code) {{ return ::core::option::Option::Some({ty}::{section}(error)); }}\n"
            )
        })
        .collect();
    let froms: String = sections
        .iter()
        .map(|def| {
            let section = ident(&def.name);
            format!(
                "#[automatically_derived]\nimpl ::core::convert::From<{section}> for {ty} {{\n    fn from(error: {section}) -> Self {{ {ty}::{section}(error) }}\n}}\n"
            )
        })
        .collect();
    let venue = venue_consts(catalog);
    let envelope = envelope(&catalog.envelope);
    let (code, message, description, name, kind, retry, is_refinement, retry_after) = (
        each("code()"),
        each("message()"),
        each("description()"),
        each("name()"),
        each("kind()"),
        each("retry()"),
        each("is_refinement()"),
        each("retry_after_rule()"),
    );
    let refine = each_wrapped("refine(message, detail)");
    let _ = write!(
        out,
        r##"impl {ty} {{
/// Every variant of every responding section, section by section.
pub const ALL: &'static [{ty}] = &ALL;
/// The `name` of the catalog this enum comes from.
pub const CATALOG: &'static ::core::primitive::str = {catalog_name:?};
/// This enum's name.
pub const ENUM: &'static ::core::primitive::str = {ty:?};
/// Where the API puts the code and the message in its JSON error body.
pub const ENVELOPE: {RT}::Envelope = {envelope};

/// The code the API sends for this error.
#[inline]
pub fn code(self) -> {code_ref} {{
    match self {{
{code}    }}
}}

/// The error for `code` in the first section that lists it, or `None`.
#[inline]
pub fn from_code(code: {code_param}) -> ::core::option::Option<Self> {{
{from_code}    ::core::option::Option::None
}}

/// The documented message, byte for byte (what `Display` prints).
#[inline]
pub fn message(self) -> &'static ::core::primitive::str {{
    match self {{
{message}    }}
}}

/// The catalog's longer explanation, when it has one.
#[inline]
pub fn description(self) -> ::core::option::Option<&'static ::core::primitive::str> {{
    match self {{
{description}    }}
}}

/// The variant's name within its section.
#[inline]
pub fn name(self) -> &'static ::core::primitive::str {{
    match self {{
{name}    }}
}}

/// What kind of failure this is.
#[inline]
pub fn kind(self) -> {RT}::ErrorKind {{
    match self {{
{kind}    }}
}}

/// Whether and how to send the request again.
#[inline]
pub fn retry(self) -> {RT}::Retry {{
    match self {{
{retry}    }}
}}

/// The meaning the server's message (or detail field) selects for this code.
#[inline]
pub fn refine(self, message: &::core::primitive::str, detail: ::core::option::Option<&::core::primitive::str>) -> Self {{
    match self {{
{refine}    }}
}}

/// True for a variant that refines another one's code by its message or detail.
#[inline]
pub fn is_refinement(self) -> ::core::primitive::bool {{
    match self {{
{is_refinement}    }}
}}

/// Where the wait before a retry comes from, when the catalog declares it.
#[inline]
pub fn retry_after_rule(self) -> ::core::option::Option<{RT}::RetryAfterRule> {{
    match self {{
{retry_after}    }}
}}
}}

{froms}"##,
        catalog_name = catalog.name,
    );
    trait_impls(out, ty, code_type, &venue);
    try_from(out, ty, string_codes);
    let _ = writeln!(out, "\n{RT}::__private::serde_impls!({ty});\n}};");
}
