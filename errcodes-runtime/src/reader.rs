//! The one walk over a response body: a serde visitor that follows the catalog's envelope and
//! records, in a single pass, everything both questions need: did the body report a failure,
//! and which error does it carry (a code or a list of codes, the message and detail, the failed
//! items of a batch, the envelope around them).
//!
//! It reads only what the envelope names and skips everything else with `IgnoredAny`, so it
//! keeps no copy of the body: strings are borrowed from it (copied only when they hold
//! escapes), and the only allocations are the lists of a second code or of failed items.
//! No recursion on the body's depth: the walk descends only along the envelope's paths (their
//! segments, plus two levels for batch items); every other value is skipped by `IgnoredAny`,
//! which `serde_json` does iteratively. Past that, its own limit of 128 levels stands.
//!
//! Two readings share the walk: lenient ([`json`](crate::json): a value that cannot be a code
//! is "no usable code", and the rest of the body still counts) and strict (`Deserialize` for
//! [`ApiError`]: such a value is a serde error that says what was wrong).

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};

use crate::api_error::Lookup;
use crate::{ApiError, ArrayError, BodyProblem, CodeType, Envelope, ErrorCode};
use errcodes_core::venue::BODY_ITSELF;
use errcodes_core::websocket::FrameField;

/// The visit methods of the JSON scalars (and `null`) for a visitor that reads only objects or
/// lists: each gives `$value`, so a value of another shape is skipped.
macro_rules! skip_scalars {
    ($value:expr) => {
        fn visit_bool<Err: de::Error>(self, _: bool) -> Result<Self::Value, Err> {
            Ok($value)
        }

        fn visit_i64<Err: de::Error>(self, _: i64) -> Result<Self::Value, Err> {
            Ok($value)
        }

        fn visit_u64<Err: de::Error>(self, _: u64) -> Result<Self::Value, Err> {
            Ok($value)
        }

        fn visit_f64<Err: de::Error>(self, _: f64) -> Result<Self::Value, Err> {
            Ok($value)
        }

        fn visit_str<Err: de::Error>(self, _: &str) -> Result<Self::Value, Err> {
            Ok($value)
        }

        fn visit_unit<Err: de::Error>(self) -> Result<Self::Value, Err> {
            Ok($value)
        }
    };
}

/// Skips a map or a list whose content does not matter.
fn skip_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map
        .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
        .is_some()
    {}
    Ok(())
}

fn skip_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<de::IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Which envelope paths (`code`, `message`, `success`; dotted for nested objects, e.g.
/// Stripe's `error.code`) still lead somewhere at this depth of the body. The second
/// spellings (`code_also`, `message_also`) have flags of their own: their paths may part from
/// the first spellings' at any depth.
#[derive(Clone, Copy)]
pub(crate) struct Position {
    pub(crate) depth: usize,
    pub(crate) code: bool,
    pub(crate) message: bool,
    pub(crate) code_also: bool,
    pub(crate) message_also: bool,
    pub(crate) success: bool,
    pub(crate) detail: bool,
    pub(crate) items: bool,
    /// One bit per frame path of [`Reading::frame`].
    pub(crate) frame: u8,
}

impl Position {
    pub(crate) const ROOT: Position = Position {
        depth: 0,
        code: true,
        message: true,
        code_also: true,
        message_also: true,
        success: true,
        detail: true,
        items: true,
        frame: u8::MAX,
    };
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    Off,
    Last,
    Deeper,
}

/// Where `key` at `depth` takes `path`.
pub(crate) fn step(path: &str, depth: usize, key: &str) -> Step {
    // Most envelopes are flat: compare directly instead of splitting on every key.
    if depth == 0 && !path.as_bytes().contains(&b'.') {
        return if path == key { Step::Last } else { Step::Off };
    }
    let mut segments = path.split('.').skip(depth);
    match segments.next() {
        Some(segment) if segment == key && segments.next().is_none() => Step::Last,
        Some(segment) if segment == key => Step::Deeper,
        _ => Step::Off,
    }
}

/// How a body is read: with which envelope, and whether a value that cannot be what the
/// envelope says is an error (strict) or "no usable code" (lenient).
#[derive(Clone, Copy)]
pub(crate) struct Reading {
    /// By reference: the reading is copied into every seed, once per key of the body.
    pub(crate) envelope: &'static Envelope,
    pub(crate) strict: Option<Strict>,
    /// The WebSocket frame fields to pick up besides the envelope's (none for a REST body).
    pub(crate) frame: FramePaths,
}

/// The paths of a WebSocket envelope's frame fields, in [`FrameField::ALL`] order.
pub(crate) type FramePaths = [Option<&'static str>; FrameField::ALL.len()];

/// What a strict reading says about the enum it reads for.
#[derive(Clone, Copy)]
pub(crate) struct Strict {
    /// The enum's name, for the error messages.
    pub(crate) name: &'static str,
    /// Whether text is a code of the enum (`"429"` is for integer codes, `"abc"` is not).
    pub(crate) text_is_code: fn(&str) -> bool,
}

impl Reading {
    /// The lenient reading of `E`'s envelope (what `json` reads bodies with).
    #[cfg(feature = "json")]
    pub(crate) fn lenient<E: ErrorCode>() -> Reading {
        Reading {
            envelope: &E::ENVELOPE,
            strict: None,
            frame: [None; FrameField::ALL.len()],
        }
    }

    /// The strict reading of `E`'s envelope.
    pub(crate) fn strict<E: ErrorCode>() -> Reading {
        Reading {
            envelope: &E::ENVELOPE,
            strict: Some(Strict {
                name: E::ENUM,
                text_is_code: |text| E::Code::with_str(text, |_| ()).is_some(),
            }),
            frame: [None; FrameField::ALL.len()],
        }
    }

    /// In a strict reading, the error for a value that is not a code.
    fn not_a_code<Err: de::Error>(
        self,
        unexpected: Unexpected<'_>,
    ) -> Result<CodeSlot<'static>, Err> {
        match self.strict {
            Some(strict) => Err(Err::invalid_type(unexpected, &Expected(strict.name))),
            None => Ok(CodeSlot::Unusable),
        }
    }
}

/// "a code of MexcError".
struct Expected(&'static str);

impl de::Expected for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a code of {} (a number or a string)", self.0)
    }
}

enum Field {
    Code,
    Message,
    /// The second spelling of the code's field, read when the first is absent.
    CodeAlso,
    MessageAlso,
    Success,
    Detail,
    /// The list of per-item results.
    Items,
    /// A WebSocket frame field, by its index in [`FrameField::ALL`].
    Frame(usize),
    Nested(Position),
    Other,
}

/// Sorts the keys of one level of the body by where they lead.
struct FieldSeed {
    envelope: &'static Envelope,
    frame: FramePaths,
    at: Position,
}

impl<'de> DeserializeSeed<'de> for FieldSeed {
    type Value = Field;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Field, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for FieldSeed {
    type Value = Field;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<Err: de::Error>(self, key: &str) -> Result<Field, Err> {
        let Position { depth, .. } = self.at;
        let on = |wanted: bool, path: Option<&str>| match path {
            Some(path) if wanted => step(path, depth, key),
            _ => Step::Off,
        };
        let items = match self.envelope.items {
            Some(BODY_ITSELF) => Step::Off,
            path => on(self.at.items, path),
        };
        if items == Step::Last {
            return Ok(Field::Items);
        }
        let code = on(self.at.code, Some(self.envelope.code));
        let message = on(self.at.message, Some(self.envelope.message));
        let success = on(self.at.success, self.envelope.success);
        let detail = on(self.at.detail, self.envelope.detail);
        let code_also = on(self.at.code_also, self.envelope.code_also);
        let message_also = on(self.at.message_also, self.envelope.message_also);
        let frame = self
            .frame
            .map(|path| path.map_or(Step::Off, |p| step(p, depth, key)));
        let frame_at = |bit: usize| self.at.frame & (1 << bit) != 0;
        let frame_last = (0..frame.len()).find(|&i| frame_at(i) && frame[i] == Step::Last);
        let frame_deeper = (0..frame.len())
            .filter(|&i| frame_at(i) && frame[i] == Step::Deeper)
            .fold(0u8, |bits, i| bits | 1 << i);
        // The engine refuses a frame path that is also an envelope path.
        if let Some(index) = frame_last {
            return Ok(Field::Frame(index));
        }
        let off = [code, message, detail, items, code_also, message_also]
            .iter()
            .all(|&step| step == Step::Off)
            && frame_deeper == 0;
        Ok(match (code, message) {
            (Step::Last, _) => Field::Code,
            (_, Step::Last) => Field::Message,
            _ if success == Step::Last => Field::Success,
            _ if detail == Step::Last => Field::Detail,
            _ if code_also == Step::Last => Field::CodeAlso,
            _ if message_also == Step::Last => Field::MessageAlso,
            _ if off => Field::Other,
            _ => Field::Nested(Position {
                depth: depth + 1,
                code: code == Step::Deeper,
                message: message == Step::Deeper,
                code_also: code_also == Step::Deeper,
                message_also: message_also == Step::Deeper,
                success: false,
                detail: detail == Step::Deeper,
                items: items == Step::Deeper,
                frame: frame_deeper,
            }),
        })
    }
}

/// One code as the body wrote it, before it is read as a code of a particular enum.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum CodeSlot<'de> {
    Int(i64),
    Text(Cow<'de, str>),
    /// A value that cannot be a code (lenient reading only): `null` inside an item, a bool, an
    /// object, a list inside a list, a fraction, a number past `i64`.
    Unusable,
}

impl CodeSlot<'_> {
    /// Whether the envelope calls this code a success: [`Envelope::is_ok_code`] on the code's
    /// text, whatever its type. An unusable value is never a success.
    pub(crate) fn is_ok(&self, envelope: &Envelope) -> bool {
        match self {
            CodeSlot::Int(code) => envelope.is_ok_int(*code),
            CodeSlot::Text(code) => envelope.is_ok_code(code),
            CodeSlot::Unusable => false,
        }
    }

    /// The error for this code, with `message` and `detail`; one without a code (keeping the
    /// message) when the value is not a code of `E`.
    fn into_error<E: ErrorCode>(
        self,
        lookup: Lookup,
        message: Option<&str>,
        detail: Option<&str>,
    ) -> ApiError<E> {
        let error = match &self {
            CodeSlot::Int(code) => Some(E::Code::with_int(*code, |code| {
                ApiError::<E>::from_code_and_detail(code, lookup, message, detail)
            })),
            CodeSlot::Text(code) => E::Code::with_str(code, |code| {
                ApiError::<E>::from_code_and_detail(code, lookup, message, detail)
            }),
            CodeSlot::Unusable => None,
        };
        error.unwrap_or_else(|| ApiError::without_code(BodyProblem::NoCode, message.unwrap_or("")))
    }
}

/// Reads one code value.
#[derive(Clone, Copy)]
struct CodeSeed(Reading);

impl<'de> DeserializeSeed<'de> for CodeSeed {
    type Value = CodeSlot<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for CodeSeed {
    type Value = CodeSlot<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a code")
    }

    fn visit_i64<Err: de::Error>(self, code: i64) -> Result<Self::Value, Err> {
        Ok(CodeSlot::Int(code))
    }

    fn visit_u64<Err: de::Error>(self, code: u64) -> Result<Self::Value, Err> {
        match (i64::try_from(code), self.0.strict) {
            (Ok(code), _) => Ok(CodeSlot::Int(code)),
            (Err(_), Some(strict)) => Err(Err::custom(format_args!(
                "code {code} is out of range for {} (integer codes are i64)",
                strict.name
            ))),
            (Err(_), None) => Ok(CodeSlot::Unusable),
        }
    }

    /// Leniently, `0.0` and `51008.0` are the integers they write; any other number is no
    /// code.
    fn visit_f64<Err: de::Error>(self, code: f64) -> Result<Self::Value, Err> {
        if self.0.strict.is_some() {
            return self.0.not_a_code(Unexpected::Float(code));
        }
        // `as` saturates, so the round trip is exact only for an integral value in range.
        let int = code as i64;
        Ok(if int as f64 == code && int != i64::MAX {
            CodeSlot::Int(int)
        } else {
            CodeSlot::Unusable
        })
    }

    fn visit_borrowed_str<Err: de::Error>(self, code: &'de str) -> Result<Self::Value, Err> {
        self.text(code)?;
        Ok(CodeSlot::Text(Cow::Borrowed(code)))
    }

    fn visit_str<Err: de::Error>(self, code: &str) -> Result<Self::Value, Err> {
        self.text(code)?;
        Ok(CodeSlot::Text(Cow::Owned(code.into())))
    }

    fn visit_bool<Err: de::Error>(self, flag: bool) -> Result<Self::Value, Err> {
        self.0.not_a_code(Unexpected::Bool(flag))
    }

    fn visit_unit<Err: de::Error>(self) -> Result<Self::Value, Err> {
        self.0.not_a_code(Unexpected::Unit)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.not_a_code::<A::Error>(Unexpected::Map)?;
        skip_map(map)?;
        Ok(CodeSlot::Unusable)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.0.not_a_code::<A::Error>(Unexpected::Seq)?;
        skip_seq(seq)?;
        Ok(CodeSlot::Unusable)
    }
}

impl CodeSeed {
    /// In a strict reading, text that is no code of the enum is an error.
    fn text<Err: de::Error>(self, code: &str) -> Result<(), Err> {
        match self.0.strict {
            Some(strict) if !(strict.text_is_code)(code) => Err(Err::custom(format_args!(
                "code {code:?} is not an integer, and {} codes are integers",
                strict.name
            ))),
            _ => Ok(()),
        }
    }
}

/// The top-level code: one value, or a list of them (Kraken's `{"error":["…","…"]}`).
#[derive(Debug, Default)]
enum Codes<'de> {
    /// No code field, or (leniently) `null` or an empty list.
    #[default]
    Absent,
    One(CodeSlot<'de>),
    List(Vec<CodeSlot<'de>>),
}

#[derive(Clone, Copy)]
struct CodesSeed(Reading);

impl<'de> DeserializeSeed<'de> for CodesSeed {
    type Value = Codes<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// Every scalar is read by [`CodeSeed`].
macro_rules! forward_to_code_seed {
    ($($method:ident($ty:ty)),*) => {$(
        fn $method<Err: de::Error>(self, value: $ty) -> Result<Self::Value, Err> {
            CodeSeed(self.0).$method(value).map(Codes::One)
        }
    )*};
}

impl<'de> Visitor<'de> for CodesSeed {
    type Value = Codes<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a code or a list of codes")
    }

    forward_to_code_seed!(
        visit_i64(i64),
        visit_u64(u64),
        visit_f64(f64),
        visit_borrowed_str(&'de str),
        visit_str(&str),
        visit_bool(bool)
    );

    /// Leniently, `"code": null` is no code.
    fn visit_unit<Err: de::Error>(self) -> Result<Self::Value, Err> {
        self.0.not_a_code(Unexpected::Unit)?;
        Ok(Codes::Absent)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        CodeSeed(self.0).visit_map(map).map(Codes::One)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut codes = Vec::new();
        while let Some(code) = seq.next_element_seed(CodeSeed(self.0))? {
            codes.push(code);
        }
        match (codes.is_empty(), self.0.strict) {
            (true, Some(_)) => Err(de::Error::invalid_length(0, &"at least one code")),
            (true, None) => Ok(Codes::Absent),
            (false, _) => Ok(Codes::List(codes)),
        }
    }
}

/// A text field (message, detail), borrowed from the body when it has no escapes. `null` is
/// absent; a value of another type is an error in a strict reading and absent otherwise.
#[derive(Clone, Copy)]
struct TextSeed(Reading);

impl<'de> DeserializeSeed<'de> for TextSeed {
    type Value = Option<Cow<'de, str>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl TextSeed {
    fn other<Err: de::Error>(
        self,
        unexpected: Unexpected<'_>,
    ) -> Result<Option<Cow<'static, str>>, Err> {
        match self.0.strict {
            Some(_) => Err(Err::invalid_type(unexpected, &"a string")),
            None => Ok(None),
        }
    }
}

impl<'de> Visitor<'de> for TextSeed {
    type Value = Option<Cow<'de, str>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<Err: de::Error>(self, text: &'de str) -> Result<Self::Value, Err> {
        Ok(Some(Cow::Borrowed(text)))
    }

    fn visit_str<Err: de::Error>(self, text: &str) -> Result<Self::Value, Err> {
        Ok(Some(Cow::Owned(text.into())))
    }

    fn visit_string<Err: de::Error>(self, text: String) -> Result<Self::Value, Err> {
        Ok(Some(Cow::Owned(text)))
    }

    fn visit_unit<Err: de::Error>(self) -> Result<Self::Value, Err> {
        Ok(None)
    }

    fn visit_bool<Err: de::Error>(self, value: bool) -> Result<Self::Value, Err> {
        self.other(Unexpected::Bool(value))
    }

    fn visit_i64<Err: de::Error>(self, value: i64) -> Result<Self::Value, Err> {
        self.other(Unexpected::Signed(value))
    }

    fn visit_u64<Err: de::Error>(self, value: u64) -> Result<Self::Value, Err> {
        self.other(Unexpected::Unsigned(value))
    }

    fn visit_f64<Err: de::Error>(self, value: f64) -> Result<Self::Value, Err> {
        self.other(Unexpected::Float(value))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.other::<A::Error>(Unexpected::Map)?;
        skip_map(map).map(|()| None)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.other::<A::Error>(Unexpected::Seq)?;
        skip_seq(seq).map(|()| None)
    }
}

/// The success field: `false`, or the envelope's `failure_text`, is a failure; any other
/// value says nothing. The text is compared where it lies in the body, never copied.
struct FlagSeed(&'static Envelope);

impl<'de> DeserializeSeed<'de> for FlagSeed {
    type Value = Option<bool>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for FlagSeed {
    type Value = Option<bool>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a boolean")
    }

    fn visit_bool<Err: de::Error>(self, flag: bool) -> Result<Self::Value, Err> {
        Ok(Some(flag))
    }

    fn visit_i64<Err: de::Error>(self, _: i64) -> Result<Self::Value, Err> {
        Ok(None)
    }

    fn visit_u64<Err: de::Error>(self, _: u64) -> Result<Self::Value, Err> {
        Ok(None)
    }

    fn visit_f64<Err: de::Error>(self, _: f64) -> Result<Self::Value, Err> {
        Ok(None)
    }

    fn visit_str<Err: de::Error>(self, text: &str) -> Result<Self::Value, Err> {
        Ok(self.0.is_failure_text(text).then_some(false))
    }

    fn visit_unit<Err: de::Error>(self) -> Result<Self::Value, Err> {
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        skip_map(map).map(|()| None)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        skip_seq(seq).map(|()| None)
    }
}

/// One item of the list of per-item results, as far as the envelope cares.
#[derive(Debug)]
struct Item<'de> {
    code: CodeSlot<'de>,
    message: Option<Cow<'de, str>>,
}

/// What the walk over a body found.
#[derive(Debug, Default)]
pub(crate) struct Found<'de> {
    codes: Codes<'de>,
    message: Option<Cow<'de, str>>,
    /// The second spellings' values, which fill `codes` and `message` only where those are
    /// absent once the walk is over.
    codes_also: Codes<'de>,
    message_also: Option<Cow<'de, str>>,
    detail: Option<Cow<'de, str>>,
    success: Option<bool>,
    /// The items whose code is not a success (or is no code at all), in body order.
    failed_items: Vec<Item<'de>>,
    /// The body is a list (read as items or skipped).
    list_body: bool,
    /// The WebSocket frame fields found, by their index in [`FrameField::ALL`].
    pub(crate) frame: [Option<CodeSlot<'de>>; FrameField::ALL.len()],
}

impl<'de> Found<'de> {
    /// Walks one body.
    pub(crate) fn read<D: Deserializer<'de>>(
        reading: Reading,
        deserializer: D,
    ) -> Result<Self, D::Error> {
        let (found, result) = Found::read_partly(reading, deserializer);
        result.map(|()| found)
    }

    /// Walks one body, and keeps what was found before the walk stopped at an error.
    pub(crate) fn read_partly<D: Deserializer<'de>>(
        reading: Reading,
        deserializer: D,
    ) -> (Self, Result<(), D::Error>) {
        let mut found = Found::default();
        let result = Walk {
            reading,
            found: &mut found,
            at: Position::ROOT,
        }
        .deserialize(deserializer);
        if matches!(found.codes, Codes::Absent) {
            found.codes = core::mem::take(&mut found.codes_also);
        }
        if found.message.is_none() {
            found.message = found.message_also.take();
        }
        (found, result)
    }

    /// Whether the body reports a failure: the success flag `false`, a top-level code that is
    /// not a success (or no usable code at all), a non-empty list of codes, or a failed item.
    #[cfg(feature = "json")]
    pub(crate) fn failed(&self, envelope: &Envelope) -> bool {
        self.success == Some(false)
            || !self.failed_items.is_empty()
            || match &self.codes {
                Codes::Absent => false,
                Codes::One(code) => !code.is_ok(envelope),
                Codes::List(_) => true,
            }
    }

    /// Whether the body said anything an answer says: a code, a success flag or a failed item.
    #[cfg(feature = "json")]
    pub(crate) fn answers(&self) -> bool {
        !matches!(self.codes, Codes::Absent)
            || self.success.is_some()
            || !self.failed_items.is_empty()
    }

    /// The field a strict reading reports missing when the body has no code.
    pub(crate) fn missing_field(&self, envelope: &Envelope) -> &'static str {
        match (self.list_body, envelope.item_code) {
            (true, Some(item_code)) => item_code,
            _ => envelope.code,
        }
    }

    /// The error the body carries; when it has neither a code nor a failed item, the body's
    /// message instead (if the envelope's message field held text).
    ///
    /// The first failed item that has a code is the error (an item without a usable code is
    /// kept beside it, so that one odd item does not hide the others), with the envelope
    /// around the items kept as [`ApiError::envelope_error`]; otherwise the top-level code
    /// (the first usable one of a list) with the body's message and detail. Every other error
    /// follows in body order.
    pub(crate) fn into_error<E: ErrorCode>(
        self,
        lookup: Lookup,
    ) -> Result<ApiError<E>, Option<Cow<'de, str>>> {
        // A code this catalog's type cannot hold (`"1N0101"` for integer codes) is as unusable
        // as a missing one: the body is then kept whole rather than an empty message.
        let usable = |code: &CodeSlot<'_>| match code {
            CodeSlot::Unusable => false,
            CodeSlot::Int(_) => true,
            CodeSlot::Text(text) => E::Code::with_str(text, |_| ()).is_some(),
        };
        let top_usable = match &self.codes {
            Codes::Absent => false,
            Codes::One(code) => usable(code),
            Codes::List(codes) => codes.iter().any(usable),
        };
        // A body whose only code is unusable is read like one without a code: its text is kept.
        if self.failed_items.is_empty() && !top_usable {
            return Err(self.message);
        }
        let (message, detail) = (self.message.as_deref(), self.detail.as_deref());
        let mut top: Vec<ApiError<E>> = Vec::new();
        let mut primary_top = None;
        match self.codes {
            Codes::Absent => {}
            Codes::One(code) => primary_top = Some(code.into_error::<E>(lookup, message, detail)),
            Codes::List(codes) => {
                let first = codes.iter().position(usable).unwrap_or(0);
                for (index, code) in codes.into_iter().enumerate() {
                    if index == first {
                        primary_top = Some(code.into_error::<E>(lookup, message, detail));
                    } else {
                        top.push(code.into_error::<E>(lookup, None, None));
                    }
                }
            }
        }
        if self.failed_items.is_empty() {
            return match primary_top {
                Some(primary) => Ok(primary.with_batch(None, top)),
                None => Err(self.message),
            };
        }
        let mut items: Vec<ApiError<E>> = self
            .failed_items
            .into_iter()
            .map(|item| {
                item.code
                    .into_error::<E>(lookup, item.message.as_deref(), None)
            })
            .collect();
        let first = items
            .iter()
            .position(|item| item.code().is_some())
            .unwrap_or(0);
        let primary = items.remove(first);
        items.extend(top);
        Ok(primary.with_batch(primary_top, items))
    }
}

/// One object of the body on the way to the envelope's paths (the top level or a nested
/// object); a value of another shape is skipped, and the body is judged by what was found.
struct Walk<'a, 'de> {
    reading: Reading,
    found: &'a mut Found<'de>,
    at: Position,
}

impl<'de> DeserializeSeed<'de> for Walk<'_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let envelope = &self.reading.envelope;
        write!(
            f,
            "an error body with fields `{}` and `{}`",
            envelope.code, envelope.message
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let reading = self.reading;
        let envelope = reading.envelope;
        while let Some(field) = map.next_key_seed(FieldSeed {
            envelope,
            frame: reading.frame,
            at: self.at,
        })? {
            match field {
                // The first spelling wins wherever it stands, unless it is null: the second
                // fills only a gap ([`Found::read_partly`]). A key written twice keeps its
                // last non-null value, as `serde_json::Value` does.
                Field::Code => {
                    let codes = map.next_value_seed(CodesSeed(reading))?;
                    if !matches!(codes, Codes::Absent) {
                        self.found.codes = codes;
                    }
                }
                Field::Message => {
                    let message = map.next_value_seed(TextSeed(reading))?;
                    if message.is_some() {
                        self.found.message = message;
                    }
                }
                Field::CodeAlso => {
                    let codes = map.next_value_seed(CodesSeed(reading))?;
                    if !matches!(codes, Codes::Absent) {
                        self.found.codes_also = codes;
                    }
                }
                Field::MessageAlso => {
                    let message = map.next_value_seed(TextSeed(reading))?;
                    if message.is_some() {
                        self.found.message_also = message;
                    }
                }
                Field::Detail => self.found.detail = map.next_value_seed(TextSeed(reading))?,
                Field::Success => self.found.success = map.next_value_seed(FlagSeed(envelope))?,
                Field::Items => map.next_value_seed(Items {
                    reading,
                    failed: &mut self.found.failed_items,
                })?,
                // Leniently: an id or a status is kept as the frame wrote it.
                Field::Frame(index) => {
                    let lenient = Reading {
                        strict: None,
                        ..reading
                    };
                    self.found.frame[index] = Some(map.next_value_seed(CodeSeed(lenient))?);
                }
                Field::Nested(at) => map.next_value_seed(Walk {
                    reading,
                    found: &mut *self.found,
                    at,
                })?,
                Field::Other => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }

    /// A body that is a list is an error by position when the envelope's `array` marks it so,
    /// or the list of per-item results when `items = "."`.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let at_root = self.at.depth == 0;
        if at_root {
            self.found.list_body = true;
        }
        if at_root && let Some(array) = &self.reading.envelope.array {
            let tagged = seq.next_element_seed(TagSeed(array.tag))? == Some(true);
            if tagged {
                return ArrayBody {
                    reading: self.reading,
                    found: self.found,
                    array,
                }
                .read(seq);
            }
            skip_seq(seq)?;
            // Any other list (a ticker, a list of orders) says nothing about failure.
            return match self.reading.strict {
                Some(_) => Err(de::Error::invalid_type(Unexpected::Seq, &self)),
                None => Ok(()),
            };
        }
        if at_root && self.reading.envelope.items == Some(BODY_ITSELF) {
            Items {
                reading: self.reading,
                failed: &mut self.found.failed_items,
            }
            .visit_seq(seq)
        } else if at_root && self.reading.strict.is_some() {
            Err(de::Error::invalid_type(Unexpected::Seq, &self))
        } else {
            skip_seq(seq)
        }
    }

    fn visit_bool<Err: de::Error>(self, value: bool) -> Result<(), Err> {
        self.scalar(Unexpected::Bool(value))
    }

    fn visit_i64<Err: de::Error>(self, value: i64) -> Result<(), Err> {
        self.scalar(Unexpected::Signed(value))
    }

    fn visit_u64<Err: de::Error>(self, value: u64) -> Result<(), Err> {
        self.scalar(Unexpected::Unsigned(value))
    }

    fn visit_f64<Err: de::Error>(self, value: f64) -> Result<(), Err> {
        self.scalar(Unexpected::Float(value))
    }

    fn visit_str<Err: de::Error>(self, value: &str) -> Result<(), Err> {
        self.scalar(Unexpected::Str(value))
    }

    fn visit_unit<Err: de::Error>(self) -> Result<(), Err> {
        self.scalar(Unexpected::Unit)
    }
}

impl Walk<'_, '_> {
    /// A scalar where an object could lead to the envelope's paths: skipped, except as the
    /// whole body of a strict reading.
    fn scalar<Err: de::Error>(self, unexpected: Unexpected<'_>) -> Result<(), Err> {
        if self.at.depth == 0 && self.reading.strict.is_some() {
            Err(Err::invalid_type(unexpected, &self))
        } else {
            Ok(())
        }
    }
}

/// Whether a value is the text that marks an array as an error; any other value is not.
struct TagSeed(&'static str);

impl<'de> DeserializeSeed<'de> for TagSeed {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TagSeed {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the text {:?}", self.0)
    }

    fn visit_str<Err: de::Error>(self, text: &str) -> Result<bool, Err> {
        Ok(text == self.0)
    }

    fn visit_bool<Err: de::Error>(self, _: bool) -> Result<bool, Err> {
        Ok(false)
    }

    fn visit_i64<Err: de::Error>(self, _: i64) -> Result<bool, Err> {
        Ok(false)
    }

    fn visit_u64<Err: de::Error>(self, _: u64) -> Result<bool, Err> {
        Ok(false)
    }

    fn visit_f64<Err: de::Error>(self, _: f64) -> Result<bool, Err> {
        Ok(false)
    }

    fn visit_unit<Err: de::Error>(self) -> Result<bool, Err> {
        Ok(false)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<bool, A::Error> {
        skip_map(map).map(|()| false)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<bool, A::Error> {
        skip_seq(seq).map(|()| false)
    }
}

/// The rest of an array the tag marked as an error: the code and the message by position.
struct ArrayBody<'a, 'de> {
    reading: Reading,
    found: &'a mut Found<'de>,
    array: &'static ArrayError,
}

impl<'de> ArrayBody<'_, 'de> {
    fn read<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        // The tag is a failure whatever follows: `["error"]` alone still failed.
        self.found.success = Some(false);
        // Positions past 255 are skipped like any other element: no declared one is there.
        let mut at: u8 = 1;
        loop {
            let more = if at == self.array.code {
                seq.next_element_seed(CodesSeed(self.reading))?
                    .map(|codes| self.found.codes = codes)
            } else if at == self.array.message {
                seq.next_element_seed(TextSeed(self.reading))?
                    .map(|message| self.found.message = message)
            } else {
                seq.next_element::<de::IgnoredAny>()?.map(drop)
            };
            if more.is_none() {
                return Ok(());
            }
            at = at.saturating_add(1);
        }
    }
}

/// The list of per-item results: each item whose code is not a success is kept.
struct Items<'a, 'de> {
    reading: Reading,
    failed: &'a mut Vec<Item<'de>>,
}

impl<'de> DeserializeSeed<'de> for Items<'_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Items<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of items")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let reading = self.reading;
        while let Some(item) = seq.next_element_seed(ItemSeed(reading))? {
            if let Some(item) = item.filter(|item| !item.code.is_ok(reading.envelope)) {
                self.failed.push(item);
            }
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        skip_map(map)
    }

    skip_scalars!(());
}

/// One item: its code and message; `None` when it is not an object with the item's code
/// field (an item without one says nothing about failure).
#[derive(Clone, Copy)]
struct ItemSeed(Reading);

impl<'de> DeserializeSeed<'de> for ItemSeed {
    type Value = Option<Item<'de>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

enum ItemField {
    Code,
    Message,
    Other,
}

/// Sorts an item's keys without copying them.
struct ItemKey(&'static Envelope);

impl<'de> DeserializeSeed<'de> for ItemKey {
    type Value = ItemField;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<ItemField, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for ItemKey {
    type Value = ItemField;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<Err: de::Error>(self, key: &str) -> Result<ItemField, Err> {
        Ok(if Some(key) == self.0.item_code {
            ItemField::Code
        } else if Some(key) == self.0.item_message {
            ItemField::Message
        } else {
            ItemField::Other
        })
    }
}

impl<'de> Visitor<'de> for ItemSeed {
    type Value = Option<Item<'de>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an item")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut code = None;
        let mut message = None;
        while let Some(field) = map.next_key_seed(ItemKey(self.0.envelope))? {
            match field {
                // Inside an item, `null` is not "no code": the item said something unreadable.
                ItemField::Code => code = Some(map.next_value_seed(CodeSeed(self.0))?),
                ItemField::Message => message = map.next_value_seed(TextSeed(self.0))?,
                ItemField::Other => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(code.map(|code| Item { code, message }))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        skip_seq(seq).map(|()| None)
    }

    skip_scalars!(None);
}
