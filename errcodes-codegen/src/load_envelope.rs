//! `[catalog] envelope` and `[catalog.headers]`: where the API's error body keeps its fields and
//! which response headers carry retry advice. Beyond type and presence, each value is checked to
//! be something the run-time reader can follow: a path of non-empty field names, a single key
//! inside each item, a valid HTTP header name.

use errcodes_core::venue::{ArrayError, BODY_ITSELF};

use crate::diagnostic::{Diagnostic, Span};
use crate::limits::MAX_ARRAY_POSITION;
use crate::load_fields::{Fields, Loader};
use crate::model::{Code, Envelope, Headers, default_envelope};

impl Loader {
    /// `envelope = { … }` of `[catalog]`; `None` when absent or not a table.
    pub(crate) fn envelope(&mut self, header: &Fields<'_, '_>) -> Option<Envelope> {
        let envelope = header.table("envelope")?;
        envelope.check(self);
        let mut path = |key: &str, body_itself: bool| {
            let (value, span) = envelope.non_empty_string(key, self)?;
            self.path(key, &value, span, body_itself)
                .then_some((value, span))
        };
        let code = path("code", false);
        let message = path("message", false);
        let code_also = path("code_also", false);
        let message_also = path("message_also", false);
        let success = path("success", false);
        let items = path("items", true);
        let detail = path("detail", false);
        let failure_text = envelope
            .non_empty_string("failure_text", self)
            .map(|(text, _)| text);
        let mut key = |key: &str| {
            let (value, span) = envelope.non_empty_string(key, self)?;
            self.item_key(key, &value, span).then_some(value)
        };
        let item_code = key("item_code");
        let item_message = key("item_message");
        let defaults = default_envelope();
        let ok_codes = self.ok_codes(&envelope).unwrap_or(defaults.ok_codes);
        let code_path = code.as_ref().map_or(defaults.code.as_str(), |(c, _)| c);
        if let Some((items, span)) = &items
            && items != BODY_ITSELF
            && (nested(items, code_path) || nested(code_path, items))
        {
            self.diagnostics.push(
                Diagnostic::error(
                    *span,
                    format!(
                        "`items = \"{items}\"` and the body's code field `{code_path}` are one field: a failure's code would be read as its list of items, and the failure would pass as a success"
                    ),
                )
                .help("name the list of per-item results in `items` (e.g. `items = \"data\"`) and the body's own code in `code` (e.g. `code = \"code\"`)"),
            );
        }
        let message_path = message
            .as_ref()
            .map_or(defaults.message.as_str(), |(m, _)| m);
        self.second_spelling("code", code_path, code_also.as_ref());
        self.second_spelling("message", message_path, message_also.as_ref());
        if let (Some((items, _)), Some((code_also, span))) = (&items, &code_also)
            && items != BODY_ITSELF
            && (nested(items, code_also) || nested(code_also, items))
        {
            self.diagnostics.push(
                Diagnostic::error(
                    *span,
                    format!(
                        "`code_also = \"{code_also}\"` and `items = \"{items}\"` are one field: a failure's code would be read as its list of items"
                    ),
                )
                .help("name the older spelling of the body's own code in `code_also` (e.g. `code_also = \"ret_code\"`) and the list of per-item results in `items`"),
            );
        }
        let array = envelope.table("array").and_then(|array| self.array(&array));
        if let (Some(_), Some((items, span))) = (&array, &items)
            && items == BODY_ITSELF
        {
            self.diagnostics.push(
                Diagnostic::error(
                    *span,
                    "`items = \".\"` and `array` both read a body that is a list: one as per-item results, the other as an error by position",
                )
                .help("keep `array` for errors sent as `[\"error\", code, message]`, or `items = \".\"` for batch answers `[{…}, {…}]`, not both"),
            );
        }
        Some(Envelope {
            code: code.map_or(defaults.code, |(c, _)| c),
            message: message.map_or(defaults.message, |(m, _)| m),
            success: success.map(|(s, _)| s),
            failure_text,
            code_also: code_also.map(|(c, _)| c),
            message_also: message_also.map(|(m, _)| m),
            ok_codes,
            items: items.map(|(i, _)| i),
            item_code,
            item_message,
            detail: detail.map(|(d, _)| d),
            array,
        })
    }

    /// `array = { tag = "error", code = 1, message = 2 }`: two different positions past the tag.
    fn array(&mut self, array: &Fields<'_, '_>) -> Option<ArrayError<String>> {
        array.check(self);
        let tag = array.non_empty_string("tag", self).map(|(tag, _)| tag);
        let mut position = |key: &str| {
            let (number, span) = array.integer(key)?;
            match u8::try_from(number) {
                Ok(position @ 1..=MAX_ARRAY_POSITION) => Some((position, span)),
                _ => {
                    self.diagnostics.push(
                        Diagnostic::error(
                            span,
                            format!(
                                "`{key} = {number}` in envelope.array is no position of the array's {key}: positions run from 1 to {MAX_ARRAY_POSITION}, and 0 is the tag's"
                            ),
                        )
                        .help(format!(
                            "count the array's elements from 0, the tag: `[\"error\", 10020, \"symbol: invalid\"]` has its code at 1 and its message at 2, so `{key} = {}`",
                            if key == "code" { 1 } else { 2 }
                        )),
                    );
                    None
                }
            }
        };
        let code = position("code");
        let message = position("message");
        if let (Some((code, _)), Some((message, span))) = (code, message)
            && code == message
        {
            self.diagnostics.push(
                Diagnostic::error(
                    span,
                    format!("`code` and `message` in envelope.array are both at position {code}"),
                )
                .help("give the message its own position, e.g. `code = 1, message = 2`"),
            );
            return None;
        }
        Some(ArrayError {
            tag: tag?,
            code: code?.0,
            message: message?.0,
        })
    }

    /// `code_also` / `message_also`: a second spelling is another field than the first, and
    /// neither lies inside the other (the reader would take one value for both).
    fn second_spelling(&mut self, key: &str, first: &str, also: Option<&(String, Span)>) {
        let Some((also, span)) = also else {
            return;
        };
        if !(nested(first, also) || nested(also, first)) {
            return;
        }
        let relation = if first == also {
            "is the same field as"
        } else {
            "overlaps"
        };
        let example = if key == "code" { "ret_code" } else { "ret_msg" };
        self.diagnostics.push(
            Diagnostic::error(
                *span,
                format!("`{key}_also = \"{also}\"` {relation} `{key} = \"{first}\"`, so it is no second spelling"),
            )
            .help(format!(
                "name the other field the API uses for the {key} (e.g. `{key}_also = \"{example}\"`), or remove `{key}_also`"
            )),
        );
    }

    /// A dotted path into the body (`error.code`): non-empty field names joined by single dots;
    /// `.` alone (the body itself) only where `body_itself` allows it.
    pub(crate) fn path(&mut self, key: &str, path: &str, span: Span, body_itself: bool) -> bool {
        if path == BODY_ITSELF {
            if body_itself {
                return true;
            }
            self.diagnostics.push(
                Diagnostic::error(
                    span,
                    format!("`{key} = \".\"` names the body itself, which is not a field"),
                )
                .help(format!(
                    "name the field that holds it, e.g. `{key} = \"{key}\"` or a dotted path such as `{key} = \"error.{key}\"`"
                )),
            );
            return false;
        }
        if !path.split('.').any(str::is_empty) {
            return true;
        }
        let fixed: Vec<&str> = path.split('.').filter(|name| !name.is_empty()).collect();
        let problem = if path.starts_with('.') {
            "starts with a dot"
        } else if path.ends_with('.') {
            "ends with a dot"
        } else {
            "has two dots in a row"
        };
        let help = match (body_itself, fixed.is_empty()) {
            (true, true) => format!(
                "write `{key} = \".\"` when the body itself is the list, or the list's path, e.g. `{key} = \"data\"`"
            ),
            (false, true) => format!("name the field, e.g. `{key} = \"{key}\"`"),
            (_, false) => format!(
                "join the field names with single dots: `{key} = \"{}\"`",
                fixed.join(".")
            ),
        };
        self.diagnostics.push(
            Diagnostic::error(
                span,
                format!("`{key}` path `{path}` {problem}, so it names a field with an empty name"),
            )
            .help(help),
        );
        false
    }

    /// A key inside each item of `items` (`sCode`): one field name, read as written.
    fn item_key(&mut self, key: &str, name: &str, span: Span) -> bool {
        if !name.contains('.') {
            return true;
        }
        self.diagnostics.push(
            Diagnostic::error(
                span,
                format!("`{key} = \"{name}\"` has a dot, but it names one field of each item, not a path"),
            )
            .help(format!(
                "write the field of each item as it is named (e.g. `{key} = \"sCode\"`); to reach a list deeper in the body, give its path in `items`"
            )),
        );
        false
    }

    /// `ok_codes = [0]` or `["00000"]`: codes that mean success; `None` when not written.
    fn ok_codes(&mut self, envelope: &Fields<'_, '_>) -> Option<Vec<Code>> {
        let array = envelope.array("ok_codes")?;
        let codes = array
            .iter()
            .filter_map(|item| self.code_value(item, "a code of `ok_codes`"))
            .map(|(code, _)| code)
            .collect();
        Some(codes)
    }

    /// `[catalog.headers]`; `None` when absent or not a table.
    pub(crate) fn headers(&mut self, header: &Fields<'_, '_>) -> Option<Headers> {
        let headers = header.table("headers")?;
        headers.check(self);
        let mut field = |key: &str| {
            let (name, span) = headers.non_empty_string(key, self)?;
            self.header_name(key, &name, span).then_some(name)
        };
        Some(Headers {
            should_retry: field("should_retry"),
            reset_unix_ms: field("reset_unix_ms"),
        })
    }

    /// An HTTP header name is a token (RFC 9110 §5.1): letters, digits and ``!#$%&'*+-.^_`|~``.
    fn header_name(&mut self, key: &str, name: &str, span: Span) -> bool {
        let Some(bad) = name.chars().find(|&c| !is_token_char(c)) else {
            return true;
        };
        let shown = match bad {
            ' ' => "a space".to_owned(),
            '\t' => "a tab".to_owned(),
            other if other.is_control() => format!("the control character {:?}", other),
            other => format!("`{other}`"),
        };
        let fixed: String = name.trim().replace(' ', "-");
        let help = if fixed.chars().all(is_token_char) && !fixed.is_empty() {
            format!("write the header's name as the server sends it, e.g. `{key} = \"{fixed}\"`")
        } else {
            format!(
                "write the header's name as the server sends it: letters, digits and ``!#$%&'*+-.^_`|~``, e.g. `{key} = \"X-Limit-Reset\"`"
            )
        };
        self.diagnostics.push(
            Diagnostic::error(
                span,
                format!("`{key} = {name:?}` is not an HTTP header name: it contains {shown}"),
            )
            .help(help),
        );
        false
    }
}

/// True when the path `inner` is `outer` or lies inside it (`data` and `data.code`).
pub(crate) fn nested(outer: &str, inner: &str) -> bool {
    inner
        .strip_prefix(outer)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
}

fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::LineIndex;

    /// The errors of a catalog whose `[catalog]` table is `header`, as `errcodes check` prints
    /// their first lines: `c.toml:line:column: message`, then the help.
    fn errors(header: &str) -> Vec<String> {
        let text = format!(
            "[catalog]\nname = \"x\"\n{header}\n\n[[enum]]\nname = \"XError\"\n\n[[enum.error]]\ncode = 1\nmessage = \"m\"\nkind = \"other\"\n"
        );
        let lines = LineIndex::new(&text);
        crate::check(&text)
            .errors()
            .map(|error| {
                let at = lines.position(error.span.start);
                format!(
                    "c.toml:{}:{}: {} | {}",
                    at.line,
                    at.column,
                    error.message,
                    error.help.as_deref().unwrap_or("")
                )
            })
            .collect()
    }

    #[test]
    fn the_new_keys_are_read() {
        let text = "[catalog]\nname = \"x\"\nenvelope = { code = \"retCode\", message = \"retMsg\", code_also = \"ret_code\", message_also = \"ret_msg\", success = \"status\", failure_text = \"error\" }\n\n[[enum]]\nname = \"XError\"\n\n[[enum.error]]\ncode = 1\nmessage = \"m\"\nkind = \"other\"\n";
        let checked = crate::check(text);
        assert!(checked.is_valid(), "{:?}", checked.diagnostics);
        let envelope = checked.catalog.envelope;
        assert_eq!(envelope.code_also.as_deref(), Some("ret_code"));
        assert_eq!(envelope.message_also.as_deref(), Some("ret_msg"));
        assert_eq!(envelope.success.as_deref(), Some("status"));
        assert_eq!(envelope.failure_text.as_deref(), Some("error"));
    }

    #[test]
    fn failure_text_needs_the_success_field() {
        assert_eq!(
            errors("envelope = { code = \"err-code\", failure_text = \"error\" }"),
            [
                "c.toml:3:12: `failure_text` in [catalog] envelope needs `success`, which is missing | add `success = \"status\"`"
            ]
        );
    }

    #[test]
    fn a_blank_failure_text_is_refused() {
        assert_eq!(
            errors("envelope = { success = \"status\", failure_text = \" \" }"),
            [
                "c.toml:3:49: `failure_text` in [catalog] envelope is empty | write the text, or remove `failure_text`"
            ]
        );
    }

    #[test]
    fn a_second_spelling_is_another_field() {
        assert_eq!(
            errors("envelope = { code = \"retCode\", code_also = \"retCode\" }"),
            [
                "c.toml:3:44: `code_also = \"retCode\"` is the same field as `code = \"retCode\"`, so it is no second spelling | name the other field the API uses for the code (e.g. `code_also = \"ret_code\"`), or remove `code_also`"
            ]
        );
        // Against the default `message`, and inside it.
        assert_eq!(
            errors("envelope = { message_also = \"message.text\" }"),
            [
                "c.toml:3:29: `message_also = \"message.text\"` overlaps `message = \"message\"`, so it is no second spelling | name the other field the API uses for the message (e.g. `message_also = \"ret_msg\"`), or remove `message_also`"
            ]
        );
    }

    #[test]
    fn a_second_spelling_of_the_code_is_not_the_items() {
        let errors = errors(
            "envelope = { code = \"retCode\", code_also = \"data\", items = \"data\", item_code = \"c\" }",
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with(
                "c.toml:3:44: `code_also = \"data\"` and `items = \"data\"` are one field"
            ),
            "{errors:?}"
        );
    }

    #[test]
    fn a_second_spelling_is_a_path() {
        let errors = errors("envelope = { code_also = \"ret..code\" }");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0]
                .starts_with("c.toml:3:26: `code_also` path `ret..code` has two dots in a row"),
            "{errors:?}"
        );
    }

    #[test]
    fn an_array_error_is_read_by_position() {
        let text = "[catalog]\nname = \"x\"\nenvelope = { code = \"code\", message = \"msg\", array = { tag = \"error\", code = 1, message = 2 } }\n\n[[enum]]\nname = \"XError\"\n\n[[enum.error]]\ncode = 1\nmessage = \"m\"\nkind = \"other\"\n";
        let checked = crate::check(text);
        assert!(checked.is_valid(), "{:?}", checked.diagnostics);
        let array = checked.catalog.envelope.array.expect("the array is read");
        assert_eq!(
            (array.tag.as_str(), array.code, array.message),
            ("error", 1, 2)
        );
    }

    #[test]
    fn an_array_position_is_past_the_tag_and_within_the_limit() {
        assert_eq!(
            errors("envelope = { array = { tag = \"error\", code = 0, message = 2 } }"),
            [
                "c.toml:3:46: `code = 0` in envelope.array is no position of the array's code: positions run from 1 to 31, and 0 is the tag's | count the array's elements from 0, the tag: `[\"error\", 10020, \"symbol: invalid\"]` has its code at 1 and its message at 2, so `code = 1`"
            ]
        );
        let errors = errors("envelope = { array = { tag = \"error\", code = 1, message = 300 } }");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains("`message = 300` in envelope.array is no position"),
            "{errors:?}"
        );
    }

    #[test]
    fn an_array_keeps_code_and_message_apart() {
        assert_eq!(
            errors("envelope = { array = { tag = \"error\", code = 1, message = 1 } }"),
            [
                "c.toml:3:59: `code` and `message` in envelope.array are both at position 1 | give the message its own position, e.g. `code = 1, message = 2`"
            ]
        );
    }

    #[test]
    fn an_array_needs_its_tag_and_positions_as_numbers() {
        let errors = errors("envelope = { array = { code = \"1\", message = 2 } }");
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].contains(
                "c.toml:3:22: missing field `tag` in envelope.array | add `tag = \"error\"`"
            ),
            "{errors:?}"
        );
        assert!(errors[1].contains("c.toml:3:31: `code` in envelope.array must be an integer, found a string | write the position as a number: `code = 1`"), "{errors:?}");
    }

    #[test]
    fn an_array_and_the_body_as_items_are_not_both_read() {
        let errors = errors(
            "envelope = { items = \".\", item_code = \"c\", array = { tag = \"error\", code = 1, message = 2 } }",
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains("`items = \".\"` and `array` both read a body that is a list"),
            "{errors:?}"
        );
    }
}
