//! `[catalog.websocket]`: how the venue's WebSocket answers look. The frame's envelope is read
//! by the REST envelope's loader (same keys, same checks); each frame field is a path checked
//! like the envelope's, and may not be, or lie inside or around, another field the reader
//! follows: the reader would take one for the other, and a failure could pass unseen.

use errcodes_core::TimeUnit;
use errcodes_core::venue::RetryAfterRule;
use errcodes_core::websocket::{FrameField, WebSocketEnvelope};

use crate::diagnostic::{Diagnostic, Span};
use crate::load_envelope::nested;
use crate::load_fields::{Fields, Loader};
use crate::model::{Envelope, WebSocket};

impl Loader {
    /// `[catalog.websocket]` of `[catalog]`; `None` when absent, not a table, or wrong.
    /// `rest` is the catalog's envelope, the frame's when the table names none.
    pub(crate) fn websocket(
        &mut self,
        header: &Fields<'_, '_>,
        rest: &Envelope,
    ) -> Option<WebSocket> {
        let table = header.table("websocket")?;
        let errors_before = self.diagnostics.len();
        table.check(self);
        let envelope = self.envelope(&table).unwrap_or_else(|| rest.clone());
        let mut path = |key: &str| {
            let (value, span) = table.non_empty_string(key, self)?;
            self.path(key, &value, span, false).then_some((value, span))
        };
        let id = path("id");
        let status = path("status");
        let answer = path("answer");
        let retry_after = table.table("retry_after").and_then(|wait| {
            wait.check(self);
            let from = wait.non_empty_string("from", self)?;
            let unit = self.named(&wait, "unit", TimeUnit::ALL, TimeUnit::as_str);
            self.path("from", &from.0, from.1, false)
                .then_some((from, unit?.0))
        });
        let spans = [
            id.as_ref().map(|(_, span)| *span),
            status.as_ref().map(|(_, span)| *span),
            retry_after.as_ref().map(|((_, span), _)| *span),
            answer.as_ref().map(|(_, span)| *span),
        ];
        let websocket = WebSocketEnvelope {
            envelope,
            id: id.map(|(value, _)| value),
            status: status.map(|(value, _)| value),
            retry_after: retry_after.map(|((from, _), unit)| RetryAfterRule { from, unit }),
            answer: answer.map(|(value, _)| value),
        };
        self.frame_fields_apart(&websocket, spans);
        (self.diagnostics.len() == errors_before).then_some(websocket)
    }

    /// Each frame field is a field of its own: not one of the envelope's, nor another frame
    /// field, nor inside or around either.
    fn frame_fields_apart(&mut self, websocket: &WebSocket, spans: [Option<Span>; 4]) {
        let envelope = &websocket.envelope;
        let followed = [
            ("envelope.code", Some(&envelope.code)),
            ("envelope.message", Some(&envelope.message)),
            ("envelope.success", envelope.success.as_ref()),
            ("envelope.items", envelope.items.as_ref()),
            ("envelope.detail", envelope.detail.as_ref()),
        ];
        for (index, field) in FrameField::ALL.into_iter().enumerate() {
            let (Some(path), Some(span)) = (websocket.path(field), spans[index]) else {
                continue;
            };
            let earlier = FrameField::ALL[..index]
                .iter()
                .map(|&other| (other.key(), websocket.path(other)));
            let clash = followed
                .into_iter()
                .chain(earlier)
                .find_map(|(name, other)| {
                    other
                        .filter(|other| nested(other, path) || nested(path, other))
                        .map(|other| (name, other))
                });
            let Some((name, other)) = clash else {
                continue;
            };
            let key = field.key();
            let written = if field == FrameField::RetryAfter {
                "retry_after.from"
            } else {
                key
            };
            self.diagnostics.push(
                Diagnostic::error(
                    span,
                    format!(
                        "`{written} = \"{path}\"` and `{name} = \"{other}\"` are one field of the frame: the reader would take one for the other, and a failure could pass unseen"
                    ),
                )
                .help(format!(
                    "name the frame's own `{key}` field (e.g. `id = \"id\"`, `status = \"status\"`), apart from the envelope's fields"
                )),
            );
        }
    }
}
