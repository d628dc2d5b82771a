//! Rules of what a catalog says about responses: templates, refinements, `retry_after`,
//! `[[http]]` rules, the envelope's item fields and the API enum. Like `validate.rs`, every
//! problem is collected; an entry whose refinements break a rule loses those refinements.

use std::collections::HashMap;

use errcodes_core::template::Template;

use crate::diagnostic::{Diagnostic, Span};
use crate::limits::MAX_TEMPLATE_CODES;
use crate::model::{Catalog, Code, Entry, EnumDef, RetryAfter};
use crate::templates::Overlap;

pub fn validate(catalog: &mut Catalog, diagnostics: &mut Vec<Diagnostic>) {
    let has_detail = catalog.envelope.detail.is_some();
    for def in &mut catalog.enums {
        template_codes(def, diagnostics);
        for entry in &mut def.entries {
            check_templates(entry, diagnostics);
            if !refinements(entry, has_detail, diagnostics) {
                entry.refinements.clear();
            }
        }
    }
    http_rules(catalog, diagnostics);
    api(catalog, diagnostics);
    shadowed_codes(catalog, diagnostics);
}

/// A `{name` left open at the end of a text is literal text, as the template syntax reads it
/// (a venue's own message may end that way, and the importer copies it byte for byte), so it
/// is a warning, not an error: `errcodes check` shows it, and a `retry_after` that names it
/// fails on its own.
fn unclosed_warning(span: Span, what: &str, text: &str, diagnostics: &mut Vec<Diagnostic>) {
    if let Err(problem) = Template::check(text) {
        diagnostics.push(
            Diagnostic::warning(
                span,
                format!("{what}: {problem}, so it is matched as literal text"),
            )
            .help("if it is a placeholder, close it with `}`; if the venue's text ends this way, leave it"),
        );
    }
}

/// Template codes (string codes only) must be well formed, and no text may match two of them.
fn template_codes(def: &EnumDef, diagnostics: &mut Vec<Diagnostic>) {
    let is_template = |entry: &&Entry| match &entry.code {
        Code::Str(code) => Template::new(code).has_placeholders(),
        Code::Int(_) => false,
    };
    // Counted before the pairwise comparison below, which the limit bounds.
    let count = def.entries.iter().filter(is_template).count();
    if count > MAX_TEMPLATE_CODES {
        let first = def
            .entries
            .iter()
            .find(is_template)
            .map_or(def.name_span, |e| e.code_span);
        diagnostics.push(
            Diagnostic::error(
                first,
                format!(
                    "enum `{}` has {count} template codes; at most {MAX_TEMPLATE_CODES} are supported",
                    def.name
                ),
            )
            .help("list the codes the server sends one by one, or split the section into several [[enum]]s"),
        );
        return;
    }
    let mut templates: Vec<(&Entry, Overlap<'_>)> = Vec::new();
    for entry in &def.entries {
        let Code::Str(code) = &entry.code else {
            continue;
        };
        unclosed_warning(entry.code_span, "template in code", code, diagnostics);
        if !Template::new(code).has_placeholders() {
            continue;
        }
        let this = Overlap::new(code);
        if let Some((other, _)) = templates.iter().find(|(_, other)| other.overlaps(&this)) {
            diagnostics.push(
                Diagnostic::error(
                    entry.code_span,
                    format!(
                        "template codes {} and {} of `{}` can both match one code the server sends",
                        other.code, entry.code, def.name
                    ),
                )
                .related(other.code_span, "the other template")
                .help("make the literal text of one of them more specific, so that each code has one meaning"),
            );
        }
        templates.push((entry, this));
    }
}

/// Each variant's message is a well-formed template, and `retry_after` names a placeholder.
fn check_templates(entry: &Entry, diagnostics: &mut Vec<Diagnostic>) {
    for variant in std::iter::once(entry).chain(&entry.refinements) {
        unclosed_warning(
            variant.message_span,
            "template in message",
            &variant.message,
            diagnostics,
        );
        if let Some(retry_after) = &variant.retry_after {
            let code = match &variant.code {
                Code::Str(code) => code.as_str(),
                Code::Int(_) => "",
            };
            placeholder_exists(retry_after, &[code, &variant.message], diagnostics);
        }
    }
}

fn placeholder_exists(
    retry_after: &RetryAfter,
    templates: &[&str],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let names: Vec<&str> = templates
        .iter()
        .flat_map(|template| Template::new(template).placeholders())
        .filter(|name| !name.is_empty())
        .collect();
    if names.contains(&retry_after.from.as_str()) {
        return;
    }
    let unclosed = templates
        .iter()
        .find_map(|template| Template::check(template).err().map(|e| (template, e.at())));
    let help = if let Some((template, at)) = unclosed {
        format!(
            "`{}` is never closed, so it is literal text: close it with `}}` to make it a placeholder",
            &template[at..]
        )
    } else if names.is_empty() {
        "write the value as a placeholder in the code or message, e.g. `banned until {until}`, and name it in `from`".to_owned()
    } else {
        format!(
            "name one of the placeholders: {}",
            names
                .iter()
                .map(|name| format!("`{name}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    diagnostics.push(
        Diagnostic::error(
            retry_after.span,
            format!(
                "`retry_after` reads placeholder `{}`, which the code and message do not have",
                retry_after.from
            ),
        )
        .help(help),
    );
}

/// A code's refinements must tell its meanings apart: by `detail` only when the envelope has
/// a detail field, no two with the same detail or exact message, no two templates that can
/// match one message. False when any rule is broken.
fn refinements(entry: &Entry, has_detail: bool, diagnostics: &mut Vec<Diagnostic>) -> bool {
    let before = diagnostics.len();
    let mut details: HashMap<&str, Span> = HashMap::new();
    let mut by_message: Vec<(&Entry, Overlap<'_>)> = Vec::new();
    for refinement in &entry.refinements {
        if let Some(detail) = &refinement.detail {
            if !has_detail {
                diagnostics.push(
                    Diagnostic::error(
                        refinement.name_span,
                        format!("refinement `{}` is chosen by `detail`, but the envelope has no detail field", refinement.name),
                    )
                    .help("name the field in the catalog: `envelope = { …, detail = \"error.decline_code\" }`"),
                );
            }
            if let Some(first) = details.insert(detail, refinement.name_span) {
                diagnostics.push(
                    Diagnostic::error(
                        refinement.name_span,
                        format!(
                            "two refinements of code {} are chosen by detail `{detail}`",
                            entry.code
                        ),
                    )
                    .related(first, "the first one")
                    .help("keep one refinement per detail value"),
                );
            }
            continue;
        }
        if refinement.message == entry.message {
            diagnostics.push(
                Diagnostic::error(
                    refinement.message_span,
                    format!("refinement `{}` has the message of code {} itself, so it can never be told apart", refinement.name, entry.code),
                )
                .help("a refinement's message is the other text the server sends for this code"),
            );
            continue;
        }
        // An exact message beside a template that also matches it is fine: exact messages are
        // tried first, so the specific meaning wins. Two templates, or one text twice, are not.
        let this = Overlap::new(&refinement.message);
        if let Some((other, _)) = by_message.iter().find(|(_, other)| {
            other.has_placeholders() == this.has_placeholders() && other.overlaps(&this)
        }) {
            diagnostics.push(
                Diagnostic::error(
                    refinement.message_span,
                    format!(
                        "refinements `{}` and `{}` of code {} can both match one message",
                        other.name, refinement.name, entry.code
                    ),
                )
                .related(other.message_span, "the other refinement")
                .help("make one message more specific, or merge the two refinements"),
            );
            continue;
        }
        by_message.push((refinement, this));
    }
    diagnostics.len() == before
}

fn http_rules(catalog: &Catalog, diagnostics: &mut Vec<Diagnostic>) {
    let mut names: HashMap<&str, Span> = HashMap::new();
    for rule in &catalog.http {
        if let Some(first) = names.insert(&rule.name, rule.span) {
            diagnostics.push(
                Diagnostic::error(
                    rule.span,
                    format!("two `[[http]]` rules are named `{}`", rule.name),
                )
                .related(first, "the first one")
                .help("give each rule its own name"),
            );
        }
        if let Some(message) = &rule.message {
            unclosed_warning(
                rule.span,
                "template in the rule's message",
                message,
                diagnostics,
            );
        }
        if let Some(retry_after) = &rule.retry_after {
            placeholder_exists(
                retry_after,
                &[rule.message.as_deref().unwrap_or("")],
                diagnostics,
            );
        }
    }
}

/// `api_enum` joins the responding sections, which must then share a code type; `api_error`
/// alone needs exactly one responding section to alias; neither name may be an enum's.
fn api(catalog: &Catalog, diagnostics: &mut Vec<Diagnostic>) {
    let responding: Vec<&EnumDef> = catalog.enums.iter().filter(|def| def.responses).collect();
    for (name, span) in [&catalog.api.enum_name, &catalog.api.error_name]
        .into_iter()
        .flatten()
    {
        if let Some(def) = catalog.enums.iter().find(|def| &def.name == name) {
            diagnostics.push(
                Diagnostic::error(
                    *span,
                    format!("`{name}` is already the name of an enum of this catalog"),
                )
                .related(def.name_span, "the enum")
                .help("choose another name, e.g. `Code` for api_enum and `Error` for api_error"),
            );
        }
    }
    if let (Some((enum_name, span)), Some((error_name, _))) =
        (&catalog.api.enum_name, &catalog.api.error_name)
        && enum_name == error_name
    {
        diagnostics.push(
            Diagnostic::error(
                *span,
                format!("`api_enum` and `api_error` are both `{enum_name}`"),
            )
            .help("they are two types: e.g. `api_enum = \"Code\"` and `api_error = \"Error\"`"),
        );
    }
    match (&catalog.api.enum_name, &catalog.api.error_name) {
        (Some((name, span)), _) => {
            if responding.is_empty() {
                diagnostics.push(
                    Diagnostic::error(
                        *span,
                        format!(
                            "`{name}` would join no section: every enum has `responses = false`"
                        ),
                    )
                    .help("remove `api_enum`, or let at least one enum answer requests"),
                );
            }
            if let Some(first) = responding.first() {
                for def in &responding[1..] {
                    if def.string_codes() != first.string_codes() {
                        diagnostics.push(
                            Diagnostic::error(
                                def.name_span,
                                format!("`{name}` joins enums with integer and string codes (`{}` and `{}`)", first.name, def.name),
                            )
                            .help("a response carries one code type; mark the other section `responses = false`, or move it to its own catalog"),
                        );
                    }
                }
            }
        }
        (None, _) if catalog.enums.iter().any(|def| def.websocket) => {
            for def in catalog.enums.iter().filter(|def| def.websocket) {
                diagnostics.push(
                    Diagnostic::error(
                        def.name_span,
                        format!("enum `{}` has `websocket = true`, which needs `api_enum`", def.name),
                    )
                    .help("add `api_enum = \"Code\"` to [catalog]: a WebSocket answer's code is looked up there, in this section first"),
                );
            }
        }
        (None, Some((name, span))) if responding.len() != 1 => diagnostics.push(
            Diagnostic::error(
                *span,
                format!(
                    "`{name}` needs one section to read responses with, and this catalog has {}",
                    responding.len()
                ),
            )
            .help("add `api_enum = \"Code\"`: an enum with one variant per responding section"),
        ),
        _ => {}
    }
}

/// A code listed by two responding sections is answered by the first: said, not hidden.
fn shadowed_codes(catalog: &Catalog, diagnostics: &mut Vec<Diagnostic>) {
    if catalog.api.enum_name.is_none() {
        return;
    }
    let mut first: HashMap<&Code, &str> = HashMap::new();
    for def in catalog
        .enums
        .iter()
        .filter(|def| def.responses && !def.websocket)
    {
        for entry in &def.entries {
            match first.get(&entry.code) {
                Some(owner) => diagnostics.push(
                    Diagnostic::warning(
                        entry.code_span,
                        format!("code {} is also listed by `{owner}`, which answers for it in a response", entry.code),
                    )
                    .help(format!("`{}::from_code` still finds this entry; mark the section `responses = false` if it is never sent", def.name)),
                ),
                None => {
                    first.insert(&entry.code, &def.name);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// The errors of a catalog with these `[catalog]` lines and an `[[enum]]` tail of
    /// `section`, as `message | help`.
    fn errors(header: &str, section: &str) -> Vec<String> {
        let text = format!(
            "[catalog]\nname = \"x\"\n{header}\n\n[[enum]]\nname = \"XError\"\n\n[[enum.error]]\ncode = 1\nmessage = \"m\"\nkind = \"other\"\n\n[[enum]]\nname = \"XSocketError\"\n{section}\n\n[[enum.error]]\ncode = 1\nmessage = \"socket\"\nkind = \"rate_limited\"\n"
        );
        crate::check(&text)
            .errors()
            .map(|e| format!("{} | {}", e.message, e.help.as_deref().unwrap_or("")))
            .collect()
    }

    #[test]
    fn a_websocket_section_joins_the_api_enum_without_a_shadowing_warning() {
        let text = "[catalog]\nname = \"x\"\napi_enum = \"Code\"\n\n[[enum]]\nname = \"XError\"\n\n[[enum.error]]\ncode = 1\nmessage = \"m\"\nkind = \"internal\"\n\n[[enum]]\nname = \"XSocketError\"\nwebsocket = true\n\n[[enum.error]]\ncode = 1\nmessage = \"socket\"\nkind = \"rate_limited\"\n";
        let checked = crate::check(text);
        assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
        let socket = &checked.catalog.enums[1];
        assert!(socket.websocket && socket.responses);
    }

    #[test]
    fn a_websocket_section_needs_the_api_enum() {
        assert_eq!(
            errors("", "websocket = true"),
            [
                "enum `XSocketError` has `websocket = true`, which needs `api_enum` | add `api_enum = \"Code\"` to [catalog]: a WebSocket answer's code is looked up there, in this section first"
            ]
        );
    }

    #[test]
    fn a_websocket_section_is_not_also_out_of_responses() {
        assert_eq!(
            errors("api_enum = \"Code\"", "websocket = true\nresponses = false"),
            [
                "enum `XSocketError` has `websocket = true` and `responses = false`: a WebSocket section answers requests, over the socket | remove `responses = false`: `websocket = true` already keeps the section out of REST bodies"
            ]
        );
    }
}
