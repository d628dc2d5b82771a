//! serde for generated enums (as their code) and for [`ApiError`] (as the catalog's envelope).

use core::fmt;
use core::marker::PhantomData;

pub use serde;

/// The visit methods of the JSON scalars (and `null`) for a visitor that reads only objects or
/// lists: each gives `$value`, so a value of another shape is skipped and the caller judges by
/// what it found.
#[cfg(feature = "alloc")]
macro_rules! skip_scalars {
    ($value:expr) => {
        fn visit_bool<Err: serde::de::Error>(self, _: bool) -> Result<Self::Value, Err> {
            Ok($value)
        }

        fn visit_i64<Err: serde::de::Error>(self, _: i64) -> Result<Self::Value, Err> {
            Ok($value)
        }

        fn visit_u64<Err: serde::de::Error>(self, _: u64) -> Result<Self::Value, Err> {
            Ok($value)
        }

        fn visit_f64<Err: serde::de::Error>(self, _: f64) -> Result<Self::Value, Err> {
            Ok($value)
        }

        fn visit_str<Err: serde::de::Error>(self, _: &str) -> Result<Self::Value, Err> {
            Ok($value)
        }

        fn visit_unit<Err: serde::de::Error>(self) -> Result<Self::Value, Err> {
            Ok($value)
        }
    };
}
use serde::de::{self, Deserializer, Visitor};
#[cfg(feature = "json")]
pub(crate) use skip_scalars;

use crate::{CodeRef, CodeType, ErrorCode};

/// Reads a code sent as a number or a string and hands it to `f` while it is borrowed.
struct CodeVisitor<E, F> {
    on_code: F,
    marker: PhantomData<E>,
}

impl<E: ErrorCode, F> CodeVisitor<E, F> {
    fn new(on_code: F) -> Self {
        CodeVisitor {
            on_code,
            marker: PhantomData,
        }
    }
}

impl<'de, E, F, R> Visitor<'de> for CodeVisitor<E, F>
where
    E: ErrorCode,
    F: FnOnce(CodeRef<'_, E>) -> R,
{
    type Value = R;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a code of {} (a number or a string)", E::ENUM)
    }

    fn visit_i64<Err: de::Error>(self, code: i64) -> Result<R, Err> {
        Ok(E::Code::with_int(code, self.on_code))
    }

    fn visit_u64<Err: de::Error>(self, code: u64) -> Result<R, Err> {
        match i64::try_from(code) {
            Ok(code) => self.visit_i64(code),
            Err(_) => Err(Err::custom(format_args!(
                "code {code} is out of range for {} (integer codes are i64)",
                E::ENUM
            ))),
        }
    }

    fn visit_str<Err: de::Error>(self, code: &str) -> Result<R, Err> {
        E::Code::with_str(code, self.on_code).ok_or_else(|| {
            Err::custom(format_args!(
                "code {code:?} is not an integer, and {} codes are integers",
                E::ENUM
            ))
        })
    }

    /// A list of codes (Kraken sends `{"error":["EOrder:Insufficient funds"]}`): the first
    /// is the code; the rest are read and skipped.
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<R, A::Error> {
        let found = seq
            .next_element_seed(FirstCode(self))?
            .ok_or_else(|| de::Error::invalid_length(0, &"at least one code"))?;
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(found)
    }
}

/// The first element of a list of codes, read by the same visitor.
struct FirstCode<V>(V);

impl<'de, V: Visitor<'de>> de::DeserializeSeed<'de> for FirstCode<V> {
    type Value = V::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        deserializer.deserialize_any(self.0)
    }
}

/// `Deserialize` for a generated enum: its code, which must be listed.
pub fn deserialize_code<'de, E: ErrorCode, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<E, D::Error> {
    deserializer.deserialize_any(CodeVisitor::<E, _>::new(|code: CodeRef<'_, E>| {
        E::from_code(code).ok_or_else(|| {
            de::Error::custom(format_args!(
                "unknown code {code} for {} (catalog `{}`)",
                E::ENUM,
                E::CATALOG
            ))
        })
    }))?
}

#[cfg(feature = "alloc")]
pub(crate) mod api_error {
    use alloc::borrow::Cow;
    use alloc::string::String;
    use alloc::vec::Vec;

    use serde::de::{DeserializeSeed, MapAccess};
    use serde::ser::{Serialize, SerializeMap, Serializer};

    use super::*;
    use crate::{ApiError, Envelope};

    /// Which envelope paths (`code`, `message`, `success`; dotted for nested objects, e.g.
    /// Stripe's `error.code`) still lead somewhere at this depth of the body.
    #[derive(Clone, Copy)]
    pub(crate) struct Position {
        depth: usize,
        code: bool,
        message: bool,
        success: bool,
        detail: bool,
        items: bool,
    }

    impl Position {
        pub(crate) const ROOT: Position = Position {
            depth: 0,
            code: true,
            message: true,
            success: true,
            detail: true,
            items: true,
        };
    }

    impl Position {
        /// True at the top level of the body.
        #[cfg(feature = "json")]
        pub(crate) fn is_root(&self) -> bool {
            self.depth == 0
        }
    }

    /// `items = "."`: the body itself is the list of per-item results (a batch endpoint that
    /// answers `[{…}, {…}]`).
    pub(crate) fn items_at_root(envelope: &Envelope) -> bool {
        envelope.items == Some(".")
    }

    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Step {
        Off,
        Last,
        Deeper,
    }

    /// Where `key` at `depth` takes `path`.
    fn step(path: &str, depth: usize, key: &str) -> Step {
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

    pub(crate) enum Field {
        Code,
        Message,
        Success,
        Detail,
        /// The list of per-item results (top level only).
        Items,
        Nested(Position),
        Other,
    }

    /// Sorts the keys of one level of an error body by where they lead.
    pub(crate) struct FieldSeed {
        pub(crate) envelope: Envelope,
        pub(crate) at: Position,
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
            let items = match self.envelope.items {
                Some(path) if self.at.items && path != "." => step(path, depth, key),
                _ => Step::Off,
            };
            if items == Step::Last {
                return Ok(Field::Items);
            }
            let code = if self.at.code {
                step(self.envelope.code, depth, key)
            } else {
                Step::Off
            };
            let message = if self.at.message {
                step(self.envelope.message, depth, key)
            } else {
                Step::Off
            };
            let success = match self.envelope.success {
                Some(path) if self.at.success => step(path, depth, key),
                _ => Step::Off,
            };
            let detail = match self.envelope.detail {
                Some(path) if self.at.detail => step(path, depth, key),
                _ => Step::Off,
            };
            Ok(match (code, message) {
                (Step::Last, _) => Field::Code,
                (_, Step::Last) => Field::Message,
                _ if success == Step::Last => Field::Success,
                _ if detail == Step::Last => Field::Detail,
                (Step::Off, Step::Off) if detail == Step::Off && items == Step::Off => Field::Other,
                _ => Field::Nested(Position {
                    depth: depth + 1,
                    code: code == Step::Deeper,
                    message: message == Step::Deeper,
                    success: false,
                    detail: detail == Step::Deeper,
                    items: items == Step::Deeper,
                }),
            })
        }
    }

    /// One code, or every code of a list (Kraken's `{"error":["…","…"]}`), each as an error
    /// of its own, with whether the envelope calls it a success.
    struct CodeSeed<E>(PhantomData<E>);

    /// The first code inline and the rest in a `Vec`, which allocates only for a second one.
    struct Codes<E: ErrorCode> {
        first: (ApiError<E>, bool),
        rest: Vec<(ApiError<E>, bool)>,
    }

    impl<E: ErrorCode> Codes<E> {
        fn one(first: (ApiError<E>, bool)) -> Self {
            Codes {
                first,
                rest: Vec::new(),
            }
        }
    }

    fn one_code<E: ErrorCode>(code: CodeRef<'_, E>) -> (ApiError<E>, bool) {
        (
            ApiError::<E>::from_code(code, None),
            E::Code::is_ok(code, &E::ENVELOPE),
        )
    }

    impl<'de, E: ErrorCode> DeserializeSeed<'de> for CodeSeed<E> {
        type Value = Codes<E>;

        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Codes<E>, D::Error> {
            deserializer.deserialize_any(self)
        }
    }

    impl<'de, E: ErrorCode> Visitor<'de> for CodeSeed<E> {
        type Value = Codes<E>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a code of {} or a list of them", E::ENUM)
        }

        fn visit_i64<Err: de::Error>(self, code: i64) -> Result<Codes<E>, Err> {
            Ok(Codes::one(
                CodeVisitor::<E, _>::new(one_code::<E>).visit_i64(code)?,
            ))
        }

        fn visit_u64<Err: de::Error>(self, code: u64) -> Result<Codes<E>, Err> {
            Ok(Codes::one(
                CodeVisitor::<E, _>::new(one_code::<E>).visit_u64(code)?,
            ))
        }

        fn visit_str<Err: de::Error>(self, code: &str) -> Result<Codes<E>, Err> {
            Ok(Codes::one(
                CodeVisitor::<E, _>::new(one_code::<E>).visit_str(code)?,
            ))
        }

        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Codes<E>, A::Error> {
            let element = || FirstCode(CodeVisitor::<E, _>::new(one_code::<E>));
            let first = seq
                .next_element_seed(element())?
                .ok_or_else(|| de::Error::invalid_length(0, &"at least one code"))?;
            let mut rest = Vec::new();
            while let Some(error) = seq.next_element_seed(element())? {
                rest.push(error);
            }
            Ok(Codes { first, rest })
        }
    }

    /// What the walk over the body found.
    struct Found<'de, E: ErrorCode> {
        codes: Option<Codes<E>>,
        message: Option<Cow<'de, str>>,
        detail: Option<Cow<'de, str>>,
        /// The failed items of a list of per-item results, each with its own message.
        items: Vec<ApiError<E>>,
    }

    /// The server's message, borrowed from the body when it has no escapes: it is copied only
    /// if it differs from the catalog's.
    struct MessageSeed;

    impl<'de> DeserializeSeed<'de> for MessageSeed {
        type Value = Option<Cow<'de, str>>;

        fn deserialize<D: Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Self::Value, D::Error> {
            deserializer.deserialize_option(self)
        }
    }

    impl<'de> Visitor<'de> for MessageSeed {
        type Value = Option<Cow<'de, str>>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }

        fn visit_none<Err: de::Error>(self) -> Result<Self::Value, Err> {
            Ok(None)
        }

        fn visit_unit<Err: de::Error>(self) -> Result<Self::Value, Err> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Self::Value, D::Error> {
            deserializer.deserialize_str(self)
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
    }

    fn walk<'de, A: MapAccess<'de>, E: ErrorCode>(
        map: &mut A,
        found: &mut Found<'de, E>,
        at: Position,
    ) -> Result<(), A::Error> {
        let envelope = E::ENVELOPE;
        while let Some(field) = map.next_key_seed(FieldSeed { envelope, at })? {
            match field {
                Field::Code => found.codes = Some(map.next_value_seed(CodeSeed(PhantomData))?),
                Field::Message => found.message = map.next_value_seed(MessageSeed)?,
                Field::Detail => found.detail = map.next_value_seed(MessageSeed)?,
                Field::Items => map.next_value_seed(Items {
                    items: &mut found.items,
                })?,
                Field::Nested(at) => map.next_value_seed(Nested {
                    found: &mut *found,
                    at,
                })?,
                Field::Success | Field::Other => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }

    /// The list of per-item results: each item that is an object with a code the envelope does
    /// not call a success becomes an error, with the item's message.
    struct Items<'a, E: ErrorCode> {
        items: &'a mut Vec<ApiError<E>>,
    }

    impl<'de, E: ErrorCode> DeserializeSeed<'de> for Items<'_, E> {
        type Value = ();

        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
            deserializer.deserialize_any(self)
        }
    }

    impl<'de, E: ErrorCode> Visitor<'de> for Items<'_, E> {
        type Value = ();

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of items")
        }

        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            while let Some(item) = seq.next_element_seed(Item(PhantomData::<E>))? {
                self.items.extend(item);
            }
            Ok(())
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while map
                .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                .is_some()
            {}
            Ok(())
        }

        skip_scalars!(());
    }

    /// One item: its error, when its code is not a success.
    struct Item<E>(PhantomData<E>);

    impl<'de, E: ErrorCode> DeserializeSeed<'de> for Item<E> {
        type Value = Option<ApiError<E>>;

        fn deserialize<D: Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Self::Value, D::Error> {
            deserializer.deserialize_any(self)
        }
    }

    impl<'de, E: ErrorCode> Visitor<'de> for Item<E> {
        type Value = Option<ApiError<E>>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an item")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let envelope = E::ENVELOPE;
            let mut code: Option<(ApiError<E>, bool)> = None;
            let mut message: Option<Cow<'de, str>> = None;
            while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                if Some(&*key) == envelope.item_code {
                    code = Some(map.next_value_seed(CodeSeed::<E>(PhantomData))?.first);
                } else if Some(&*key) == envelope.item_message {
                    message = map.next_value_seed(MessageSeed)?;
                } else {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
            Ok(match code {
                Some((error, false)) => Some(error.with_message(message.as_deref())),
                _ => None,
            })
        }

        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<de::IgnoredAny>()?.is_some() {}
            Ok(None)
        }

        skip_scalars!(None);
    }

    /// A nested object on the way to a dotted path; a value of another shape is skipped, so
    /// the body is judged by what is missing at the end.
    struct Nested<'a, 'de, E: ErrorCode> {
        found: &'a mut Found<'de, E>,
        at: Position,
    }

    impl<'de, E: ErrorCode> DeserializeSeed<'de> for Nested<'_, 'de, E> {
        type Value = ();

        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
            deserializer.deserialize_any(self)
        }
    }

    impl<'de, E: ErrorCode> Visitor<'de> for Nested<'_, 'de, E> {
        type Value = ();

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("any value")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            walk(&mut map, self.found, self.at)
        }

        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            while seq.next_element::<de::IgnoredAny>()?.is_some() {}
            Ok(())
        }

        skip_scalars!(());
    }

    struct EnvelopeVisitor<E>(PhantomData<E>);

    impl<'de, E: ErrorCode> Visitor<'de> for EnvelopeVisitor<E> {
        type Value = ApiError<E>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(
                f,
                "an error body of {} with fields `{}` and `{}`",
                E::ENUM,
                E::ENVELOPE.code,
                E::ENVELOPE.message
            )
        }

        /// A body that is a list: with `items = "."`, the list of per-item results; its first
        /// failed item is the error, and the others are kept beside it.
        fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            if !items_at_root(&E::ENVELOPE) {
                return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
            }
            let mut items = Vec::new();
            Items { items: &mut items }.visit_seq(seq)?;
            let mut items = items.into_iter();
            match items.next() {
                Some(first) => Ok(first.with_batch(None, items.collect())),
                None => Err(de::Error::missing_field(
                    E::ENVELOPE.item_code.unwrap_or(E::ENVELOPE.code),
                )),
            }
        }

        /// The body's error: the first failed item when items failed (with the envelope
        /// around them kept), else the envelope's code; every other error is kept beside it.
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut found = Found {
                codes: None,
                message: None,
                detail: None,
                items: Vec::new(),
            };
            walk(&mut map, &mut found, Position::ROOT)?;
            let (message, detail) = (found.message.as_deref(), found.detail.as_deref());
            let (top, rest) = match found.codes {
                Some(Codes { first, rest }) => {
                    (Some(first.0.with_message_and_detail(message, detail)), rest)
                }
                None => (None, Vec::new()),
            };
            let rest = rest.into_iter().map(|(error, _)| error);
            let mut items = found.items.into_iter();
            match (items.next(), top) {
                (Some(first), outer) => Ok(first.with_batch(outer, items.chain(rest).collect())),
                (None, Some(top)) => Ok(top.with_batch(None, rest.collect())),
                (None, None) => Err(de::Error::missing_field(E::ENVELOPE.code)),
            }
        }
    }

    /// Reads the catalog's envelope, e.g. `{"code":700002,"msg":"…"}` for MEXC, following
    /// dotted paths into nested objects (`error.code`) and taking the first of a list of
    /// codes. A code sent as a numeric string is accepted for integer codes; a missing code,
    /// a code of the wrong type or a body that is not an object is an error that says which.
    impl<'de, E: ErrorCode> de::Deserialize<'de> for ApiError<E> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(EnvelopeVisitor(PhantomData))
        }
    }

    /// Writes the catalog's envelope back, nested objects included: the code (when there was
    /// one), the message, and `false` for the success flag when the envelope has one.
    impl<E: ErrorCode> Serialize for ApiError<E> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            Level {
                error: self,
                at: Position::ROOT,
            }
            .serialize(serializer)
        }
    }

    /// One object of the envelope: the fields whose paths pass through it.
    struct Level<'a, E: ErrorCode> {
        error: &'a ApiError<E>,
        at: Position,
    }

    impl<E: ErrorCode> Serialize for Level<'_, E> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            struct Code<'a, E: ErrorCode>(CodeRef<'a, E>);
            impl<E: ErrorCode> Serialize for Code<'_, E> {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    E::Code::serialize_code(self.0, serializer)
                }
            }
            let envelope = E::ENVELOPE;
            let depth = self.at.depth;
            let paths = [
                (self.at.code && self.error.code().is_some()).then_some(envelope.code),
                self.at.message.then_some(envelope.message),
                envelope.success.filter(|_| self.at.success),
            ];
            let mut map = serializer.serialize_map(None)?;
            for (index, path) in paths.iter().enumerate() {
                let Some(path) = path else { continue };
                let Some(key) = path.split('.').nth(depth) else {
                    continue;
                };
                // A key shared by several paths is written once, by the first of them.
                let earlier = paths[..index]
                    .iter()
                    .flatten()
                    .any(|other| other.split('.').nth(depth) == Some(key));
                if earlier {
                    continue;
                }
                match (index, step(path, depth, key)) {
                    (0, Step::Last) => {
                        if let Some(code) = self.error.code() {
                            map.serialize_entry(key, &Code::<E>(code))?;
                        }
                    }
                    (1, Step::Last) => map.serialize_entry(key, self.error.message())?,
                    (_, Step::Last) => map.serialize_entry(key, &false)?,
                    _ => {
                        let on = |path: Option<&str>| {
                            path.is_some_and(|p| step(p, depth, key) == Step::Deeper)
                        };
                        let nested = Level {
                            error: self.error,
                            at: Position {
                                depth: depth + 1,
                                code: on(paths[0]),
                                message: on(paths[1]),
                                success: on(paths[2]),
                                detail: false,
                                items: false,
                            },
                        };
                        map.serialize_entry(key, &nested)?;
                    }
                }
            }
            map.end()
        }
    }
}
