//! The fuzz targets' bodies, shared by `fuzz/` (cargo-fuzz, libFuzzer) and the corpus replay
//! in `tests/tests/test_fuzz_corpus.rs`, which runs on the stable toolchain in CI.

use errcodes_runtime::websocket::{Frame, read_frame};
use errcodes_runtime::{ApiError, ErrorCode, json};

use crate::{
    frames::FrameError, mexc::MexcError, mixpay::MixPayError, nested::NestedError,
    strings::StringCodeError, venue::VenueError, venue_strings::VenueStringError,
};

/// Catalog loading, validation and expansion: must never panic, and a catalog that checks
/// clean must expand to Rust that parses.
pub fn catalog(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let checked = errcodes_codegen::check(text);
    let lines = errcodes_codegen::LineIndex::new(text);
    for diagnostic in &checked.diagnostics {
        let _ = diagnostic.render_plain("fuzz.toml", &lines);
    }
    if checked.is_valid() {
        let tokens = errcodes_codegen::expand(&checked.catalog, None)
            .unwrap_or_else(|error| panic!("a valid catalog expands: {error}"));
        if let Err(error) = syn::parse2::<syn::File>(tokens) {
            panic!("the expansion of a valid catalog is Rust: {error}");
        }
    }
}

/// Response parsing: the first two bytes choose an HTTP status (or none); then, up to a
/// `0xFF` byte, header lines `name: value` (when the data has one); the rest is the body.
/// The body is also read as a WebSocket frame ([`frame`]). Every enum shape (integer codes,
/// MixPay's envelope, string codes, a nested envelope, a venue with refinements, templates,
/// items and `[[http]]` rules, Bitfinex's errors sent as arrays) must give an error value
/// without panicking, keep what the server sent, read it the same way through both entry
/// points ([`crate::agree::check`]), and round-trip through serde when the body parses.
pub fn body(data: &[u8]) {
    let (status, rest) = match data {
        [high, low, rest @ ..] => (u16::from_be_bytes([*high, *low]) % 700, rest),
        _ => (0, data),
    };
    let (head, body) = match rest.iter().position(|&b| b == 0xFF) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (&[][..], rest),
    };
    let head = String::from_utf8_lossy(head);
    let headers: Vec<(&str, &str)> = head
        .lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim(), value.trim()))
        .collect();
    one::<MexcError>(status, &headers, body);
    one::<MixPayError>(status, &headers, body);
    one::<StringCodeError>(status, &headers, body);
    one::<NestedError>(status, &headers, body);
    one::<VenueError>(status, &headers, body);
    one::<VenueStringError>(status, &headers, body);
    one::<crate::bitfinex::Code>(status, &headers, body);
    // The same bytes as a WebSocket text frame (lossy, as a frame is UTF-8 by definition).
    let text = String::from_utf8_lossy(body);
    frame::<FrameError>(&text);
    frame::<MexcError>(&text);
    frame::<NestedError>(&text);
    frame::<crate::bitfinex::Code>(&text);
}

/// One WebSocket frame: never panics, and agrees with itself: read twice it gives the same
/// answer, an error answer holds at least one error, and a frame a catalog without
/// `[catalog.websocket]` calls an error is a failing body to `json::check_response` at 200.
pub fn frame<E: ErrorCode>(text: &str) {
    let summary = |frame: &Frame<'_, E>| match frame {
        Frame::Error { id, error } => (
            1,
            id.as_ref().map(ToString::to_string),
            Some((
                error.code().map(|code| code.to_string()),
                error.kind(),
                error.retry(),
                error.retry_after_at(0),
                error.errors().count(),
                error.to_string(),
            )),
        ),
        Frame::Success { id } => (2, id.as_ref().map(ToString::to_string), None),
        Frame::NotAnAnswer => (3, None, None),
    };
    let first = read_frame::<E>(text);
    let again = read_frame::<E>(text);
    assert_eq!(summary(&first), summary(&again), "one frame, two readings");
    if let Frame::Error { error, .. } = &first {
        assert!(error.errors().count() >= 1);
        if E::WEBSOCKET.id.is_none()
            && E::WEBSOCKET.status.is_none()
            && E::WEBSOCKET.envelope == E::ENVELOPE
        {
            assert!(
                json::check_response::<E>(200, &(), text.as_bytes()).is_err(),
                "a failed frame is a failed body under the same envelope"
            );
        }
    }
}

fn one<E: ErrorCode>(status: u16, headers: &[(&str, &str)], body: &[u8]) {
    let error = json::error_from_response::<E>(status, headers, body);
    let _ = (
        error.kind(),
        error.retry(),
        error.retry_after_at(0),
        error.retry_after_at(u64::MAX),
        error.placeholder("until"),
        error.errors().count(),
        error.to_string(),
        format!("{error:?}"),
    );
    if error.code().is_none() && !body.trim_ascii().is_empty() {
        // The body is kept; JSON without a code but with the envelope's message field keeps
        // that message, which is then part of the body.
        let text = String::from_utf8_lossy(body);
        // The message is read from either spelling of its field, or from its position in an
        // error sent as an array.
        let value = serde_json::from_str::<serde_json::Value>(&text).ok();
        let at_path = |path: &str| {
            path.split('.')
                .try_fold(value.as_ref()?, |at, key| at.get(key))
                .and_then(|field| field.as_str().map(str::to_owned))
        };
        let at_position = E::ENVELOPE.array.and_then(|array| {
            let items = value.as_ref()?.as_array()?;
            (items.first()?.as_str()? == array.tag).then(|| {
                items
                    .get(usize::from(array.message))?
                    .as_str()
                    .map(str::to_owned)
            })?
        });
        let fields: Vec<String> = [Some(E::ENVELOPE.message), E::ENVELOPE.message_also]
            .into_iter()
            .flatten()
            .filter_map(at_path)
            .chain(at_position)
            .collect();
        // Almost-JSON (invalid UTF-8, a raw tab in a string, `NaN`) is read after a repair
        // that serde_json cannot make: its message field is then one serde_json cannot see.
        let strict_json = serde_json::from_str::<serde_json::Value>(&text).is_ok();
        assert!(
            error.message() == text
                || fields.iter().any(|field| field == error.message())
                // A key written twice: the reader keeps its last non-null value, which
                // `serde_json::Value` may have replaced by a later `null`.
                || (!error.message().is_empty() && text.contains(error.message()))
                || (!strict_json && error.message().len() <= 6 * text.len()),
            "the body, or its message field, is kept"
        );
    }
    if let Err(disagreement) = crate::agree::check::<E>(status, headers, body) {
        panic!("{disagreement}");
    }
    if let Ok(parsed) = serde_json::from_slice::<ApiError<E>>(body) {
        let written = serde_json::to_vec(&parsed).expect("an ApiError serializes");
        let again: ApiError<E> =
            serde_json::from_slice(&written).expect("what it wrote reads back");
        assert_eq!(again.code(), parsed.code());
        assert_eq!(again.message(), parsed.message());
    }
}
