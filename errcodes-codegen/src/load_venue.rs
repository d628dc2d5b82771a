//! The parts of a catalog that describe a venue's behaviour beyond its code list: `[[http]]`
//! rules and `retry_after` declarations. Loaded with the same span-keeping helpers as the rest.

use errcodes_core::{ErrorKind, Retry, TimeUnit};
use toml::de::DeValue;

use crate::diagnostic::{Diagnostic, Span};
use crate::load_fields::{Fields, Loader};
use crate::model::{At, HttpRule, RetryAfter, Status};
use crate::naming::check_type_name;
use errcodes_core::venue::RetryAfterRule;

impl Loader {
    /// One `[[http]]` rule; `None` (with diagnostics) when any field is wrong.
    pub(crate) fn http_rule(&mut self, fields: &Fields<'_, '_>) -> Option<HttpRule> {
        let errors_before = self.diagnostics.len();
        fields.check(self);
        let status = self.status(fields);
        let name = match fields.string("name") {
            Some((name, span)) => match check_type_name(&name, "rule name") {
                Ok(()) => Some(name),
                Err(problem) => {
                    self.diagnostics
                        .push(Diagnostic::error(span, problem.message).help(problem.help));
                    None
                }
            },
            None => None,
        };
        let message = fields
            .non_empty_string("message", self)
            .and_then(|(message, span)| {
                match crate::limits::text_too_long(span, "`message`", &message) {
                    Some(error) => {
                        self.diagnostics.push(error);
                        None
                    }
                    None => Some(message),
                }
            });
        let kind = self.named(fields, "kind", ErrorKind::ALL, ErrorKind::as_str);
        let retry = self.named(fields, "retry", Retry::ALL, Retry::as_str);
        let retry_after = self.retry_after(fields);
        let description = fields.non_empty_string("description", self).map(|(s, _)| s);
        if self.diagnostics.len() > errors_before {
            return None;
        }
        let (kind, _) = kind?;
        Some(At {
            value: errcodes_core::venue::HttpRule {
                status: status?,
                name: name?,
                message,
                kind,
                retry: retry.map_or_else(|| kind.default_retry(), |(retry, _)| retry),
                retry_after,
                description,
            },
            span: fields.span,
        })
    }

    /// `status = 418` or `status = "5xx"`.
    fn status(&mut self, fields: &Fields<'_, '_>) -> Option<Status> {
        let value = fields.typed("status")?;
        let span = Span::from(value.span());
        let help =
            "write an HTTP status such as `status = 418`, or a class such as `status = \"5xx\"`";
        match value.get_ref() {
            DeValue::Integer(integer) => {
                match u16::from_str_radix(integer.as_str(), integer.radix()) {
                    Ok(status @ 100..=599) => Some(Status::Exact(status)),
                    _ => {
                        self.diagnostics.push(
                            Diagnostic::error(
                                span,
                                format!("status {integer} is not an HTTP status (100 to 599)"),
                            )
                            .help(help),
                        );
                        None
                    }
                }
            }
            DeValue::String(class) => match class.as_bytes() {
                [digit @ b'1'..=b'5', b'x', b'x'] => Some(Status::Class(u16::from(digit - b'0'))),
                _ => {
                    self.diagnostics.push(
                        Diagnostic::error(
                            span,
                            format!("status class `{class}` is not one of \"1xx\" to \"5xx\""),
                        )
                        .help(help),
                    );
                    None
                }
            },
            _ => None,
        }
    }

    /// `retry_after = { from = "until", unit = "unix_seconds" }`. Whether `from` names a
    /// placeholder is checked in `validate.rs`, where the templates are read.
    pub(crate) fn retry_after(&mut self, fields: &Fields<'_, '_>) -> Option<RetryAfter> {
        let table = fields.table("retry_after")?;
        table.check(self);
        let from = table.non_empty_string("from", self);
        let unit = self.named(&table, "unit", TimeUnit::ALL, TimeUnit::as_str);
        Some(At {
            value: RetryAfterRule {
                from: from?.0,
                unit: unit?.0,
            },
            span: table.span,
        })
    }
}
