//! TOML text → [`Catalog`], checking each field's presence, type and range, and collecting a
//! diagnostic for every problem instead of stopping at the first.
//!
//! Cross-entry rules (duplicates, name collisions) live in `validate.rs`.

use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use crate::diagnostic::{Diagnostic, Span};
use crate::limits::{MAX_REFINEMENTS, text_too_long};
use crate::model::{Api, Catalog, Code, Entry, EnumDef, Envelope, Headers};
use crate::naming::{
    RESERVED_VARIANT_NAMES, check_type_name, derive_variant_name, is_catalog_name,
};
use crate::suggest::{closest, one_of};
use errcodes_core::{ErrorKind, Retry};

const ROOT_FIELDS: &[&str] = &["catalog", "enum", "http"];
const CATALOG_FIELDS: &[&str] = &[
    "name",
    "title",
    "source",
    "envelope",
    "api_enum",
    "api_error",
    "headers",
];
const ENUM_FIELDS: &[&str] = &["name", "doc", "error", "responses"];
const ENTRY_FIELDS: &[&str] = &[
    "code",
    "name",
    "message",
    "kind",
    "retry",
    "description",
    "deprecated",
    "retry_after",
    "refine",
];
const REFINE_FIELDS: &[&str] = &[
    "name",
    "message",
    "detail",
    "kind",
    "retry",
    "description",
    "deprecated",
    "retry_after",
];

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

pub(crate) struct Loader {
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// The fields of one TOML table, read with the spans they were written at.
pub(crate) struct Fields<'t, 'i> {
    pub(crate) table: &'t DeTable<'i>,
    pub(crate) span: Span,
    pub(crate) what: &'static str,
}

fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

impl<'t, 'i> Fields<'t, 'i> {
    pub(crate) fn get(&self, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.table.get(key)
    }

    pub(crate) fn reject_unknown(&self, known: &[&str], loader: &mut Loader) {
        for (key, _) in self.table.iter() {
            let name = key.get_ref().as_ref();
            if known.contains(&name) {
                continue;
            }
            let help = match closest(name, known) {
                Some(guess) => format!("did you mean `{guess}`?"),
                None => format!("the fields of {} are {}", self.what, one_of(known)),
            };
            loader.diagnostics.push(
                Diagnostic::error(
                    key.span(),
                    format!("unknown field `{name}` in {}", self.what),
                )
                .help(help),
            );
        }
    }

    pub(crate) fn missing(&self, key: &str, example: &str, loader: &mut Loader) {
        loader.diagnostics.push(
            Diagnostic::error(self.span, format!("missing field `{key}` in {}", self.what))
                .help(format!("add `{key} = {example}`")),
        );
    }

    pub(crate) fn wrong_type(
        &self,
        key: &str,
        expected: &str,
        value: &Spanned<DeValue<'_>>,
    ) -> Diagnostic {
        Diagnostic::error(
            value.span(),
            format!(
                "`{key}` in {} must be {expected}, found {}",
                self.what,
                type_name(value.get_ref())
            ),
        )
    }

    /// An optional string field; `None` (with a diagnostic) when it has another type.
    pub(crate) fn string(&self, key: &str, loader: &mut Loader) -> Option<(String, Span)> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(s) => Some((s.to_string(), Span::from(value.span()))),
            _ => {
                let error = self
                    .wrong_type(key, "a string", value)
                    .help(format!("quote the value: `{key} = \"…\"`"));
                loader.diagnostics.push(error);
                None
            }
        }
    }

    /// An optional string that, when present, must not be blank.
    pub(crate) fn non_empty_string(
        &self,
        key: &str,
        loader: &mut Loader,
    ) -> Option<(String, Span)> {
        let (value, span) = self.string(key, loader)?;
        if value.trim().is_empty() {
            loader.diagnostics.push(
                Diagnostic::error(span, format!("`{key}` in {} is empty", self.what))
                    .help(format!("write the text, or remove `{key}`")),
            );
            return None;
        }
        Some((value, span))
    }

    pub(crate) fn table(&self, key: &str, loader: &mut Loader) -> Option<Fields<'t, 'i>> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Table(table) => Some(Fields {
                table,
                span: Span::from(value.span()),
                what: "",
            }),
            _ => {
                let error = self.wrong_type(key, "a table", value);
                loader.diagnostics.push(error);
                None
            }
        }
    }

    /// An optional boolean field; `default` when absent, and with a diagnostic when it has
    /// another type.
    pub(crate) fn boolean(&self, key: &str, default: bool, loader: &mut Loader) -> bool {
        let Some(value) = self.get(key) else {
            return default;
        };
        match value.get_ref() {
            DeValue::Boolean(flag) => *flag,
            _ => {
                let error = self
                    .wrong_type(key, "a boolean", value)
                    .help(format!("write `{key} = true` or `{key} = false`"));
                loader.diagnostics.push(error);
                default
            }
        }
    }

    pub(crate) fn array_of_tables(
        &self,
        key: &str,
        header: &str,
        loader: &mut Loader,
    ) -> Option<&'t DeArray<'i>> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Array(array) => Some(array),
            _ => {
                let error = self
                    .wrong_type(key, "an array of tables", value)
                    .help(format!("write each one under its own `{header}` header"));
                loader.diagnostics.push(error);
                None
            }
        }
    }
}

impl Loader {
    fn catalog(&mut self, root: &DeTable<'_>, span: Span) -> Catalog {
        let root = Fields {
            table: root,
            span,
            what: "the catalog file",
        };
        root.reject_unknown(ROOT_FIELDS, self);
        let mut catalog = Catalog {
            name: String::new(),
            title: None,
            source: None,
            envelope: Envelope::default(),
            api: Api::default(),
            headers: Headers::default(),
            http: Vec::new(),
            enums: Vec::new(),
        };
        match root.table("catalog", self) {
            Some(mut header) => {
                header.what = "[catalog]";
                self.catalog_header(&header, &mut catalog);
            }
            None if root.get("catalog").is_none() => self.diagnostics.push(
                Diagnostic::error(Span::default(), "missing [catalog] table")
                    .help("start the file with `[catalog]` and `name = \"my_exchange\"`"),
            ),
            None => {}
        }
        match root.array_of_tables("enum", "[[enum]]", self) {
            Some(enums) => {
                for value in enums.iter() {
                    if let Some(def) = self.enum_def(value) {
                        catalog.enums.push(def);
                    }
                }
            }
            None if root.get("enum").is_none() => self.diagnostics.push(
                Diagnostic::error(Span::default(), "the catalog declares no enum")
                    .help("add an `[[enum]]` table with `name = \"MyApiError\"` and its `[[enum.error]]` entries"),
            ),
            None => {}
        }
        if let Some(rules) = root.array_of_tables("http", "[[http]]", self) {
            for value in rules.iter() {
                if let Some(rule) = self.http_rule(value) {
                    catalog.http.push(rule);
                }
            }
        }
        catalog
    }

    fn catalog_header(&mut self, header: &Fields<'_, '_>, catalog: &mut Catalog) {
        header.reject_unknown(CATALOG_FIELDS, self);
        match header.string("name", self) {
            Some((name, span)) => {
                if !is_catalog_name(&name) {
                    self.diagnostics.push(
                        Diagnostic::error(span, format!("catalog name `{name}` is not a lower-case id"))
                            .help("use lower-case ASCII letters, digits, `_` or `-`, starting with a letter, e.g. `mexc`"),
                    );
                }
                catalog.name = name;
            }
            None if header.get("name").is_none() => header.missing("name", "\"my_exchange\"", self),
            None => {}
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

    fn enum_def(&mut self, value: &Spanned<DeValue<'_>>) -> Option<EnumDef> {
        let DeValue::Table(table) = value.get_ref() else {
            self.diagnostics.push(
                Diagnostic::error(value.span(), "each `enum` must be a table")
                    .help("write each enum under its own `[[enum]]` header"),
            );
            return None;
        };
        let fields = Fields {
            table,
            span: Span::from(value.span()),
            what: "[[enum]]",
        };
        fields.reject_unknown(ENUM_FIELDS, self);
        let (name, name_span) = match fields.string("name", self) {
            Some((name, span)) => {
                if let Err(problem) = check_type_name(&name, "enum name") {
                    self.diagnostics
                        .push(Diagnostic::error(span, problem.message).help(problem.help));
                    return None;
                }
                (name, span)
            }
            None => {
                if fields.get("name").is_none() {
                    fields.missing("name", "\"MyApiError\"", self);
                }
                return None;
            }
        };
        let doc = fields.non_empty_string("doc", self).map(|(s, _)| s);
        let responses = fields.boolean("responses", true, self);
        let mut entries = Vec::new();
        match fields.array_of_tables("error", "[[enum.error]]", self) {
            Some(array) if array.is_empty() => self.diagnostics.push(
                Diagnostic::error(name_span, format!("enum `{name}` has no entries"))
                    .help("add `[[enum.error]]` tables with `code`, `message` and `kind` after this `[[enum]]`"),
            ),
            Some(array) => {
                entries.reserve(array.len());
                for value in array.iter() {
                    if let Some(entry) = self.entry(value, None) {
                        entries.push(entry);
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
            responses,
        })
    }

    /// One `[[enum.error]]`, or with `parent` (the entry's code and where it is written) one
    /// `[[enum.error.refine]]` of it.
    fn entry(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        parent: Option<&(Code, Span)>,
    ) -> Option<Entry> {
        let (what, header) = match parent {
            None => ("[[enum.error]]", "error"),
            Some(_) => ("[[enum.error.refine]]", "refine"),
        };
        let DeValue::Table(table) = value.get_ref() else {
            self.diagnostics.push(
                Diagnostic::error(value.span(), format!("each `{header}` must be a table"))
                    .help(format!("write each one under its own `{what}` header")),
            );
            return None;
        };
        let fields = Fields {
            table,
            span: Span::from(value.span()),
            what,
        };
        let errors_before = self.diagnostics.len();
        let known = if parent.is_some() {
            REFINE_FIELDS
        } else {
            ENTRY_FIELDS
        };
        fields.reject_unknown(known, self);

        let code = match parent {
            Some(parent) => Some(parent.clone()),
            None => self.code(&fields),
        };
        let message = match fields.string("message", self) {
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
            None => {
                if fields.get("message").is_none() {
                    fields.missing("message", "\"the documented message\"", self);
                }
                None
            }
        };
        let name = match fields.string("name", self) {
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
        let kind = self.named(&fields, "kind", ErrorKind::ALL, ErrorKind::as_str, true);
        let retry = self.named(&fields, "retry", Retry::ALL, Retry::as_str, false);
        let description = fields.non_empty_string("description", self).map(|(s, _)| s);
        let deprecated = fields.boolean("deprecated", false, self);
        let retry_after = self.retry_after(&fields);
        let detail = fields.non_empty_string("detail", self).map(|(s, _)| s);
        let mut refinements = Vec::new();
        if let (None, Some(code)) = (parent, &code)
            && let Some(array) = fields.array_of_tables("refine", "[[enum.error.refine]]", self)
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
                for value in array.iter() {
                    if let Some(refinement) = self.entry(value, Some(code)) {
                        refinements.push(refinement);
                    }
                }
            }
        }

        if self.diagnostics.len() > errors_before {
            return None;
        }
        let (
            (code, code_span),
            (message, message_span),
            (name, name_span, name_derived),
            (kind, kind_span),
        ) = (code?, message?, name?, kind?);
        Some(Entry {
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
        let Some(value) = fields.get("code") else {
            fields.missing("code", "700002", self);
            return None;
        };
        if !matches!(value.get_ref(), DeValue::Integer(_) | DeValue::String(_)) {
            let error = fields
                .wrong_type("code", "an integer or a string", value)
                .help("write `code = 700002` or `code = \"card_declined\"`");
            self.diagnostics.push(error);
            return None;
        }
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
        required: bool,
    ) -> Option<(T, Span)> {
        let names: Vec<&str> = values.iter().map(|&value| name_of(value)).collect();
        let names = names.as_slice();
        let Some((name, span)) = fields.string(key, self) else {
            if required && fields.get(key).is_none() {
                self.diagnostics.push(
                    Diagnostic::error(
                        fields.span,
                        format!("missing field `{key}` in {}", fields.what),
                    )
                    .help(format!("add `{key} = \"…\"` with one of {}", one_of(names))),
                );
            }
            return None;
        };
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
