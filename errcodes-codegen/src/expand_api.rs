//! The catalog-wide items of an expansion: the envelope and venue constants every enum
//! carries, the `api_enum` that joins the responding sections, and the `api_error` alias.
//! Written as source text like the enums (see `expand.rs` for why).

use std::fmt::Write as _;

use crate::emit::{CodeTypes, ident, literal_text};
use crate::expand_error::ExpandError;
use crate::model::{Catalog, Code, EnumDef, Envelope, Status};
use errcodes_core::venue::RetryAfterRule;

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
        "{RT}::Envelope {{ code: {:?}, message: {:?}, success: {}, failure_text: {}, code_also: {}, message_also: {}, ok_codes: &[{}], items: {}, item_code: {}, item_message: {}, detail: {}, array: {} }}",
        envelope.code,
        envelope.message,
        option_str(envelope.success.as_deref()),
        option_str(envelope.failure_text.as_deref()),
        option_str(envelope.code_also.as_deref()),
        option_str(envelope.message_also.as_deref()),
        ok_codes.join(", "),
        option_str(envelope.items.as_deref()),
        option_str(envelope.item_code.as_deref()),
        option_str(envelope.item_message.as_deref()),
        option_str(envelope.detail.as_deref()),
        envelope.array.as_ref().map_or_else(
            || "::core::option::Option::None".to_owned(),
            |array| format!(
                "::core::option::Option::Some({RT}::ArrayError {{ tag: {:?}, code: {}, message: {} }})",
                array.tag, array.code, array.message
            ),
        ),
    )
}

/// `RetryAfterRule { … }`.
pub(crate) fn retry_after_rule(rule: &RetryAfterRule<String>) -> String {
    format!(
        "{RT}::RetryAfterRule {{ from: {:?}, unit: {RT}::TimeUnit::{:?} }}",
        rule.from, rule.unit
    )
}

/// The `HTTP`, `HEADERS` and `WEBSOCKET` items of every enum's `ErrorCode` impl; empty when the
/// catalog declares none of them (the trait's defaults then apply).
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
    if let Some(websocket) = &catalog.websocket {
        let retry_after = match &websocket.retry_after {
            Some(rule) => format!("::core::option::Option::Some({})", retry_after_rule(rule)),
            None => "::core::option::Option::None".to_owned(),
        };
        let _ = writeln!(
            out,
            "    const WEBSOCKET: {RT}::WebSocketEnvelope = {RT}::WebSocketEnvelope {{ envelope: {}, id: {}, status: {}, retry_after: {retry_after}, answer: {} }};",
            envelope(&websocket.envelope),
            option_str(websocket.id.as_deref()),
            option_str(websocket.status.as_deref()),
            option_str(websocket.answer.as_deref()),
        );
    }
    out
}

/// The API enum (`api_enum`) and the error alias (`api_error`), when the catalog names them.
pub(crate) fn expand_api(out: &mut String, catalog: &Catalog) -> Result<(), ExpandError> {
    let responding: Vec<&EnumDef> = catalog.enums.iter().filter(|def| def.responses).collect();
    let target = match (&catalog.api.enum_name, responding.as_slice()) {
        (Some((name, _)), _) => {
            api_enum(out, catalog, ident(name), &responding)?;
            ident(name)
        }
        (None, [only]) => ident(&only.name),
        (None, _) => return Ok(()),
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
    Ok(())
}

fn api_enum(
    out: &mut String,
    catalog: &Catalog,
    ty: &str,
    sections: &[&EnumDef],
) -> Result<(), ExpandError> {
    let string_codes = sections.first().is_some_and(|def| def.string_codes());
    let types = CodeTypes::of(string_codes);
    let total: usize = sections.iter().map(|def| def.variants().count()).sum();
    out.push_str("#[doc = \"Every error of catalog `");
    literal_text(out, &catalog.name);
    out.push_str("` that a response can carry: one variant per section that answers requests. ");
    out.push_str("A code listed by several sections belongs to the first of them; a section marked `websocket = true` is read from WebSocket answers only, and first. ");
    let _ = writeln!(
        out,
        "Every variant of a section is also an associated constant of this enum, of the same name, \
         to match without naming the section: `{ty}::Name` for `{ty}::Section(Section::Name)`, with a `_` arm \
         (a name several sections share has no constant).\"]"
    );
    out.push_str(
        "#[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::marker::Copy, ::core::cmp::PartialEq, \
         ::core::cmp::Eq, ::core::cmp::PartialOrd, ::core::cmp::Ord, ::core::hash::Hash)]\n",
    );
    let _ = writeln!(out, "pub enum {ty} {{");
    let names: Vec<&str> = sections.iter().map(|def| ident(&def.name)).collect();
    for section in &names {
        let _ = writeln!(
            out,
            "#[doc = \"An error of [`{section}`].\"]\n{section}({section}),"
        );
    }
    out.push_str("}\nconst _: () = {\n");
    // `ALL` is filled by a loop in a const block rather than written out: the sections'
    // variants are already listed once, in their own `ALL`.
    let first = names[0];
    let _ = write!(
        out,
        "const ALL: [{ty}; {total}usize] = {{\n\
         let mut all = [{ty}::{first}({first}::ALL[0]); {total}usize];\n\
         let mut at = 0usize;\n"
    );
    for section in &names {
        let _ = write!(
            out,
            "let mut i = 0usize;\nwhile i < {section}::ALL.len() {{ all[at] = {ty}::{section}({section}::ALL[i]); at += 1; i += 1; }}\n"
        );
    }
    out.push_str("let _ = at;\nall\n};\n");
    for section in &names {
        let _ = writeln!(
            out,
            "#[automatically_derived]\nimpl ::core::convert::From<{section}> for {ty} {{\n    fn from(error: {section}) -> {ty} {{ {ty}::{section}(error) }}\n}}"
        );
    }
    // A REST body's code is looked up in the sections REST answers with; a WebSocket
    // answer's in the WebSocket-only sections first, then in those.
    let rest: Vec<&str> = sections
        .iter()
        .filter(|def| !def.websocket)
        .map(|def| ident(&def.name))
        .collect();
    let socket: Vec<&str> = sections
        .iter()
        .filter(|def| def.websocket)
        .map(|def| ident(&def.name))
        .collect();
    let envelope = envelope(&catalog.envelope);
    crate::surface::inherent_impl(out, ty, &types, "", |item| {
        crate::surface::api_body(item, ty, &names, &rest, |name| match name {
            "ALL" => Some("&ALL".to_owned()),
            "CATALOG" => Some(format!("{:?}", catalog.name)),
            "ENUM" => Some(format!("{ty:?}")),
            "ENVELOPE" => Some(envelope.clone()),
            _ => None,
        })
    })?;
    let flat: Vec<(&str, Vec<&str>)> = sections
        .iter()
        .map(|def| {
            (
                ident(&def.name),
                def.variants().map(|entry| ident(&entry.name)).collect(),
            )
        })
        .collect();
    crate::surface::flat_consts(out, ty, &flat);
    let mut venue = venue_consts(catalog);
    if !socket.is_empty() {
        let _ = writeln!(
            venue,
            "#[inline]\nfn from_frame_code(code: {RT}::CodeRef<'_, Self>) -> ::core::option::Option<Self> {{"
        );
        for section in &socket {
            let _ = writeln!(
                venue,
                "if let ::core::option::Option::Some(error) = {section}::from_code(code) {{ return ::core::option::Option::Some({ty}::{section}(error)); }}"
            );
        }
        let _ = writeln!(venue, "{ty}::from_code(code)\n}}");
    }
    crate::surface::trait_impls(
        out,
        ty,
        &types,
        &venue,
        &crate::surface::api_display_body(ty, &names),
    );
    out.push_str("};\n");
    Ok(())
}
