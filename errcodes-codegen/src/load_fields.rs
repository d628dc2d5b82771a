//! Reading one TOML table against its description in `keys.rs`: unknown keys, wrong types,
//! missing keys and missing companions are reported here, from the table, once; the readers
//! then hand out only values of the right type, and the loader checks what they mean.

use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use crate::diagnostic::{Diagnostic, Span};
use crate::keys::{Key, Table, Value, Written};
use crate::suggest::{closest, one_of};
use errcodes_core::{ErrorKind, Retry, TimeUnit};

/// Where the loader collects its diagnostics.
pub(crate) struct Loader {
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// The fields of one TOML table, read with the spans they were written at.
pub(crate) struct Fields<'t, 'i> {
    pub(crate) table: &'t DeTable<'i>,
    pub(crate) span: Span,
    pub(crate) keys: &'static Table,
}

pub(crate) fn type_name(value: &DeValue<'_>) -> &'static str {
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

fn is_written_as(value: &DeValue<'_>, written: Written) -> bool {
    matches!(
        (written, value),
        (Written::String, DeValue::String(_))
            | (
                Written::IntegerOrString,
                DeValue::Integer(_) | DeValue::String(_)
            )
            | (Written::Boolean, DeValue::Boolean(_))
            | (Written::Integer, DeValue::Integer(_))
            | (Written::Array, DeValue::Array(_))
            | (Written::Table, DeValue::Table(_))
    )
}

/// The catalog names a [`Value`] of names accepts, for messages.
pub(crate) fn value_names(value: Value) -> Option<Vec<&'static str>> {
    match value {
        Value::Kind => Some(ErrorKind::ALL.iter().map(|kind| kind.as_str()).collect()),
        Value::Retry => Some(Retry::ALL.iter().map(|retry| retry.as_str()).collect()),
        Value::Unit => Some(TimeUnit::ALL.iter().map(|unit| unit.as_str()).collect()),
        _ => None,
    }
}

/// How to write a value of the right type.
fn type_help(key: &Key) -> Option<String> {
    let name = key.name;
    Some(match key.value {
        Value::Boolean => format!("write `{name} = true` or `{name} = false`"),
        Value::Code => format!("write `{name} = 700002` or `{name} = \"card_declined\"`"),
        Value::Status => {
            "write an HTTP status such as `status = 418`, or a class such as `status = \"5xx\"`"
                .to_owned()
        }
        Value::Codes => format!("write `{name} = [0]` or `{name} = [\"00000\"]`"),
        Value::Position => format!("write the position as a number: `{name} = 1`"),
        Value::Table(_) => return None,
        Value::Tables { table, .. } => {
            format!("write each one under its own `{}` header", table.what)
        }
        _ => format!("quote the value: `{name} = \"…\"`"),
    })
}

impl<'t, 'i> Fields<'t, 'i> {
    /// The fields of `table`, described by `keys`.
    pub(crate) fn new(table: &'t DeTable<'i>, span: Span, keys: &'static Table) -> Self {
        Fields { table, span, keys }
    }

    /// How messages name the table: `[[enum.error]]`.
    pub(crate) fn what(&self) -> &'static str {
        self.keys.what
    }

    /// Reports every key the table does not have, every value of the wrong type, every
    /// required key that is missing (a missing table is reported by the loader, which knows
    /// what it is for) and every key written without the keys it needs.
    pub(crate) fn check(&self, loader: &mut Loader) {
        let what = self.what();
        for (name, value) in self.table.iter() {
            let name = name.get_ref().as_ref();
            let Some(key) = self.keys.key(name) else {
                let known: Vec<&str> = self.keys.names().collect();
                let help = match closest(name, &known) {
                    Some(guess) => format!("did you mean `{guess}`?"),
                    None => format!("the fields of {what} are {}", one_of(&known)),
                };
                loader.diagnostics.push(
                    Diagnostic::error(
                        self.table
                            .get_key_value(name)
                            .map_or(value.span(), |(k, _)| k.span()),
                        format!("unknown field `{name}` in {what}"),
                    )
                    .help(help),
                );
                continue;
            };
            if !is_written_as(value.get_ref(), key.value.written()) {
                let mut error = Diagnostic::error(
                    value.span(),
                    format!(
                        "`{name}` in {what} must be {}, found {}",
                        key.value.expected(),
                        type_name(value.get_ref())
                    ),
                );
                if let Some(help) = type_help(key) {
                    error = error.help(help);
                }
                loader.diagnostics.push(error);
            }
            for other in key.requires {
                if self.get(other).is_none() {
                    let example = self.keys.key(other).map_or("\"…\"", |k| k.example);
                    loader.diagnostics.push(
                        Diagnostic::error(
                            self.span,
                            format!("`{name}` in {what} needs `{other}`, which is missing"),
                        )
                        .help(format!("add `{other} = {example}`")),
                    );
                }
            }
        }
        for key in self.keys.keys {
            let table = matches!(key.value, Value::Table(_) | Value::Tables { .. });
            if key.required && !table && self.get(key.name).is_none() {
                self.missing(key, loader);
            }
        }
    }

    fn missing(&self, key: &Key, loader: &mut Loader) {
        let name = key.name;
        let help = match value_names(key.value) {
            Some(names) => format!("add `{name} = \"…\"` with one of {}", one_of(&names)),
            None => format!("add `{name} = {}`", key.example),
        };
        loader.diagnostics.push(
            Diagnostic::error(
                self.span,
                format!("missing field `{name}` in {}", self.what()),
            )
            .help(help),
        );
    }

    /// The value of `key` as written, whatever its type.
    pub(crate) fn get(&self, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.table.get(key)
    }

    /// The value of `key` when it has the type the table gives it (`check` reported it
    /// otherwise).
    pub(crate) fn typed(&self, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
        let value = self.get(key)?;
        let written = self.keys.key(key)?.value.written();
        is_written_as(value.get_ref(), written).then_some(value)
    }

    /// A string field.
    pub(crate) fn string(&self, key: &str) -> Option<(String, Span)> {
        let value = self.typed(key)?;
        match value.get_ref() {
            DeValue::String(s) => Some((s.to_string(), Span::from(value.span()))),
            _ => None,
        }
    }

    /// A string field that, when present, must not be blank.
    pub(crate) fn non_empty_string(
        &self,
        key: &str,
        loader: &mut Loader,
    ) -> Option<(String, Span)> {
        let (value, span) = self.string(key)?;
        if value.trim().is_empty() {
            loader.diagnostics.push(
                Diagnostic::error(span, format!("`{key}` in {} is empty", self.what()))
                    .help(format!("write the text, or remove `{key}`")),
            );
            return None;
        }
        Some((value, span))
    }

    /// A table field, read with the keys the table gives it.
    pub(crate) fn table(&self, key: &str) -> Option<Fields<'t, 'i>> {
        let value = self.typed(key)?;
        let (DeValue::Table(table), Value::Table(keys)) =
            (value.get_ref(), self.keys.key(key)?.value)
        else {
            return None;
        };
        Some(Fields::new(table, Span::from(value.span()), keys))
    }

    /// A boolean field; `default` when absent or of another type.
    pub(crate) fn boolean(&self, key: &str, default: bool) -> bool {
        match self.typed(key).map(Spanned::get_ref) {
            Some(DeValue::Boolean(flag)) => *flag,
            _ => default,
        }
    }

    /// An integer field, with its span; `None` when absent, of another type or past `i64`
    /// (the `toml` parser refuses those).
    pub(crate) fn integer(&self, key: &str) -> Option<(i64, Span)> {
        let value = self.typed(key)?;
        match value.get_ref() {
            DeValue::Integer(integer) => i64::from_str_radix(integer.as_str(), integer.radix())
                .ok()
                .map(|number| (number, Span::from(value.span()))),
            _ => None,
        }
    }

    /// An array field: of tables or of codes.
    pub(crate) fn array(&self, key: &str) -> Option<&'t DeArray<'i>> {
        match self.typed(key)?.get_ref() {
            DeValue::Array(array) => Some(array),
            _ => None,
        }
    }

    /// Each table of an array of tables, with the keys the array gives them; an item that is
    /// not a table is reported and left out.
    pub(crate) fn tables(&self, key: &str, loader: &mut Loader) -> Vec<Fields<'t, 'i>> {
        let (Some(Value::Tables { table: keys, .. }), Some(array)) =
            (self.keys.key(key).map(|k| k.value), self.array(key))
        else {
            return Vec::new();
        };
        let mut tables = Vec::with_capacity(array.len());
        for value in array.iter() {
            match value.get_ref() {
                DeValue::Table(table) => {
                    tables.push(Fields::new(table, Span::from(value.span()), keys))
                }
                other => loader.diagnostics.push(
                    Diagnostic::error(
                        value.span(),
                        format!("each `{key}` must be a table, found {}", type_name(other)),
                    )
                    .help(format!(
                        "write each one under its own `{}` header",
                        keys.what
                    )),
                ),
            }
        }
        tables
    }
}
