//! TOML text → [`Catalog`], checking each field's presence, type and range, and collecting a
//! diagnostic for every problem instead of stopping at the first.
//!
//! Cross-entry rules (duplicates, name collisions) live in `validate.rs`.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Diagnostic, Span};
use crate::keys;
use crate::limits::{MAX_REFINEMENTS, text_too_long};
use crate::load_fields::{Fields, Loader, type_name};
use crate::model::{Api, Catalog, Code, Entry, EnumDef, Headers, default_envelope};
use crate::naming::{
    RESERVED_VARIANT_NAMES, check_type_name, derive_variant_name, is_catalog_name,
};
use crate::suggest::{closest, one_of};
use errcodes_core::{ErrorKind, Retry};

/// Parses `text` and returns what could be read, with a diagnostic for every problem found.
///
/// Entries with a problem are left out of the catalog, so that later checks do not report
/// follow-on errors; enums keep their names so that stubs can be generated.
pub fn load(text: &str) -> (Catalog, Vec<Diagnostic>) {
    let (root, syntax_errors) = DeTable::parse_recoverable(text);
    let mut loader = Loader {
        diagnostics: Vec::new(),
    };
    for error in syntax_errors {
        let span = error.span().unwrap_or(0..0);
        loader.diagnostics.push(
            Diagnostic::error(
                span,
                format!("invalid TOML: {}", error.message().trim_end()),
            )
            .help("fix the TOML syntax; see https://toml.io"),
        );
    }
    let catalog = loader.catalog(root.get_ref(), Span::from(root.span()));
    (catalog, loader.diagnostics)
}

impl Loader {
    fn catalog(&mut self, root: &DeTable<'_>, span: Span) -> Catalog {
        let root = Fields::new(root, span, &keys::ROOT);
        root.check(self);
        let mut catalog = Catalog {
            name: String::new(),
            title: None,
            source: None,
            envelope: default_envelope(),
            api: Api::default(),
            headers: Headers::default(),
            websocket: None,
            http: Vec::new(),
            enums: Vec::new(),
        };
        match root.table("catalog") {
            Some(header) => self.catalog_header(&header, &mut catalog),
            None if root.get("catalog").is_none() => self.diagnostics.push(
                Diagnostic::error(Span::default(), "missing [catalog] table")
                    .help("start the file with `[catalog]` and `name = \"my_exchange\"`"),
            ),
            None => {}
        }
        match root.get("enum") {
            Some(_) => {
                for fields in root.tables("enum", self) {
                    if let Some(def) = self.enum_def(&fields) {
                        catalog.enums.push(def);
                    }
                }
            }
            None => self.diagnostics.push(
                Diagnostic::error(Span::default(), "the catalog declares no enum")
                    .help("add an `[[enum]]` table with `name = \"MyApiError\"` and its `[[enum.error]]` entries"),
            ),
        }
        for fields in root.tables("http", self) {
            if let Some(rule) = self.http_rule(&fields) {
                catalog.http.push(rule);
            }
        }
        catalog
    }

    fn catalog_header(&mut self, header: &Fields<'_, '_>, catalog: &mut Catalog) {
        header.check(self);
        if let Some((name, span)) = header.string("name") {
            if !is_catalog_name(&name) {
                self.diagnostics.push(
                    Diagnostic::error(span, format!("catalog name `{name}` is not a lower-case id"))
                        .help("use lower-case ASCII letters, digits, `_` or `-`, starting with a letter, e.g. `mexc`"),
                );
            } else if crate::naming::module_name(&name).is_none() {
                self.diagnostics.push(
                    Diagnostic::error(span, format!("catalog name `{name}` is a Rust keyword"))
                        .help(format!("the catalog expands into a module of its name; choose another, e.g. `{name}_api`")),
                );
            }
            catalog.name = name;
        }
        catalog.title = header.non_empty_string("title", self).map(|(s, _)| s);
        catalog.source = header.non_empty_string("source", self).map(|(s, _)| s);
        if let Some(envelope) = self.envelope(header) {
            catalog.envelope = envelope;
        }
        catalog.api = Api {
            enum_name: self.type_name_field(header, "api_enum"),
            error_name: self.type_name_field(header, "api_error"),
        };
        if let Some(headers) = self.headers(header) {
            catalog.headers = headers;
        }
        catalog.websocket = self.websocket(header, &catalog.envelope);
    }

    /// A string field naming a Rust type (`api_enum = "Code"`), checked like an enum name.
    fn type_name_field(&mut self, fields: &Fields<'_, '_>, key: &str) -> Option<(String, Span)> {
        let (name, span) = fields.non_empty_string(key, self)?;
        match check_type_name(&name, key) {
            Ok(()) => Some((name, span)),
            Err(problem) => {
                self.diagnostics
                    .push(Diagnostic::error(span, problem.message).help(problem.help));
                None
            }
        }
    }

    fn enum_def(&mut self, fields: &Fields<'_, '_>) -> Option<EnumDef> {
        fields.check(self);
        let (name, name_span) = match fields.string("name") {
            Some((name, span)) => {
                if let Err(problem) = check_type_name(&name, "enum name") {
                    self.diagnostics
                        .push(Diagnostic::error(span, problem.message).help(problem.help));
                    return None;
                }
                (name, span)
            }
            None => return None,
        };
        let doc = fields.non_empty_string("doc", self).map(|(s, _)| s);
        let responses = fields.boolean("responses", true);
        let websocket = fields.boolean("websocket", false);
        if websocket
            && !responses
            && let Some(written) = fields.get("responses")
        {
            self.diagnostics.push(
                Diagnostic::error(
                    Span::from(written.span()),
                    format!("enum `{name}` has `websocket = true` and `responses = false`: a WebSocket section answers requests, over the socket"),
                )
                .help("remove `responses = false`: `websocket = true` already keeps the section out of REST bodies"),
            );
        }
        let mut entries = Vec::new();
        let mut rejected_codes = Vec::new();
        match fields.array("error") {
            Some(array) if array.is_empty() => self.diagnostics.push(
                Diagnostic::error(name_span, format!("enum `{name}` has no entries"))
                    .help("add `[[enum.error]]` tables with `code`, `message` and `kind` after this `[[enum]]`"),
            ),
            Some(_) => {
                for entry in fields.tables("error", self) {
                    match self.entry(&entry, None) {
                        Ok(entry) => entries.push(entry),
                        Err(Some(code)) => rejected_codes.push(code),
                        Err(None) => {}
                    }
                }
            }
            None if fields.get("error").is_none() => self.diagnostics.push(
                Diagnostic::error(name_span, format!("enum `{name}` has no entries"))
                    .help("add `[[enum.error]]` tables with `code`, `message` and `kind` after this `[[enum]]`"),
            ),
            None => {}
        }
        Some(EnumDef {
            name,
            name_span,
            doc,
            entries,
            responses: responses || websocket,
            websocket,
            rejected_codes,
        })
    }

    /// One `[[enum.error]]`, or with `parent` (the entry's code and where it is written) one
    /// `[[enum.error.refine]]` of it.
    ///
    /// A rejected entry gives back its code when the code itself was readable: the duplicate
    /// check still sees it, so that every mistake of a catalog shows in one build.
    fn entry(
        &mut self,
        fields: &Fields<'_, '_>,
        parent: Option<&(Code, Span)>,
    ) -> Result<Entry, Option<(Code, Span)>> {
        let errors_before = self.diagnostics.len();
        fields.check(self);

        let code = match parent {
            Some(parent) => Some(parent.clone()),
            None => self.code(fields),
        };
        let message = match fields.string("message") {
            Some((message, span)) if message.trim().is_empty() => {
                self.diagnostics.push(
                    Diagnostic::error(span, "`message` is empty")
                        .help("write the documented message: it is what `Display` prints"),
                );
                None
            }
            Some((message, span)) => match text_too_long(span, "`message`", &message) {
                Some(error) => {
                    self.diagnostics.push(error);
                    None
                }
                None => Some((message, span)),
            },
            None => None,
        };
        let name = match fields.string("name") {
            Some((name, span)) => match check_type_name(&name, "variant name") {
                Err(problem) => {
                    self.diagnostics
                        .push(Diagnostic::error(span, problem.message).help(problem.help));
                    None
                }
                Ok(()) => Some((name, span, false)),
            },
            None if fields.get("name").is_none() => match &message {
                Some((message, span)) => match derive_variant_name(message) {
                    Some(derived) => Some((derived, *span, true)),
                    None => {
                        self.diagnostics.push(
                            Diagnostic::error(
                                *span,
                                "cannot derive a variant name from this message: it has no ASCII letter or digit",
                            )
                            .help("add `name = \"SomeName\"` to the entry"),
                        );
                        None
                    }
                },
                None => None,
            },
            None => None,
        };
        if let Some((name, span, derived)) = &name
            && RESERVED_VARIANT_NAMES.contains(&name.as_str())
        {
            let origin = if *derived { "derived " } else { "" };
            self.diagnostics.push(
                Diagnostic::error(*span, format!(
                    "{origin}variant name `{name}` clashes with the generated associated constant of the same name"
                ))
                .help("choose another `name` for the entry"),
            );
        }
        let kind = self.named(fields, "kind", ErrorKind::ALL, ErrorKind::as_str);
        let retry = self.named(fields, "retry", Retry::ALL, Retry::as_str);
        let description = fields.non_empty_string("description", self).map(|(s, _)| s);
        let deprecated = fields.boolean("deprecated", false);
        let retry_after = self.retry_after(fields);
        let detail = fields.non_empty_string("detail", self).map(|(s, _)| s);
        let mut refinements = Vec::new();
        if let (None, Some(code)) = (parent, &code)
            && let Some(array) = fields.array("refine")
        {
            // Counted before any refinement is read: the checks that compare refinements pair
            // by pair are bounded by this limit.
            if array.len() > MAX_REFINEMENTS {
                self.diagnostics.push(
                    Diagnostic::error(
                        code.1,
                        format!(
                            "code {} has {} refinements; at most {MAX_REFINEMENTS} are supported",
                            code.0,
                            array.len()
                        ),
                    )
                    .help("move the rarest messages into the entry's description"),
                );
            } else {
                for refinement in fields.tables("refine", self) {
                    if let Ok(refinement) = self.entry(&refinement, Some(code)) {
                        refinements.push(refinement);
                    }
                }
            }
        }

        let (
            Some((code, code_span)),
            Some((message, message_span)),
            Some((name, name_span, name_derived)),
            Some((kind, kind_span)),
        ) = (code.clone(), message, name, kind)
        else {
            return Err(code);
        };
        if self.diagnostics.len() > errors_before {
            return Err(Some((code, code_span)));
        }
        Ok(Entry {
            code,
            code_span,
            name,
            name_span,
            name_derived,
            message,
            message_span,
            kind,
            kind_span,
            retry: retry.map_or_else(|| kind.default_retry(), |(retry, _)| retry),
            description,
            deprecated,
            retry_after,
            detail,
            refinements,
        })
    }

    fn code(&mut self, fields: &Fields<'_, '_>) -> Option<(Code, Span)> {
        let value = fields.typed("code")?;
        self.code_value(value, "`code`")
    }

    /// A code (`what` names it in messages): an integer in range or a non-empty string.
    pub(crate) fn code_value(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        what: &str,
    ) -> Option<(Code, Span)> {
        let span = Span::from(value.span());
        match value.get_ref() {
            DeValue::Integer(integer) => {
                match i64::from_str_radix(integer.as_str(), integer.radix()) {
                    Ok(code) => Some((Code::Int(code), span)),
                    Err(_) => {
                        self.diagnostics.push(
                        Diagnostic::error(span, format!("code {integer} is out of range for an integer code"))
                            .help(format!(
                                "integer codes are i64 ({}..={}); write a larger code as a string: `code = \"{integer}\"`",
                                i64::MIN,
                                i64::MAX
                            )),
                    );
                        None
                    }
                }
            }
            DeValue::String(code) if code.is_empty() => {
                self.diagnostics.push(
                    Diagnostic::error(span, format!("{what} is an empty string"))
                        .help("write the code the API sends, e.g. `code = \"card_declined\"`"),
                );
                None
            }
            DeValue::String(code) => match text_too_long(span, what, code) {
                Some(error) => {
                    self.diagnostics.push(error);
                    None
                }
                None => Some((Code::Str(code.to_string()), span)),
            },
            other => {
                self.diagnostics.push(
                    Diagnostic::error(
                        span,
                        format!(
                            "{what} must be an integer or a string, found {}",
                            type_name(other)
                        ),
                    )
                    .help("write a code such as `700002` or `\"card_declined\"`"),
                );
                None
            }
        }
    }

    /// A field naming one of `values` (kinds, retry advice) by its catalog name.
    pub(crate) fn named<T: Copy>(
        &mut self,
        fields: &Fields<'_, '_>,
        key: &str,
        values: &[T],
        name_of: fn(T) -> &'static str,
    ) -> Option<(T, Span)> {
        let names: Vec<&str> = values.iter().map(|&value| name_of(value)).collect();
        let names = names.as_slice();
        let (name, span) = fields.string(key)?;
        if let Some(&value) = values.iter().find(|&&value| name_of(value) == name) {
            return Some((value, span));
        }
        let help = match closest(&name, names) {
            Some(guess) => format!(
                "did you mean `{guess}`? the valid values are {}",
                one_of(names)
            ),
            None => format!("the valid values are {}", one_of(names)),
        };
        self.diagnostics
            .push(Diagnostic::error(span, format!("unknown {key} `{name}`")).help(help));
        None
    }
}
