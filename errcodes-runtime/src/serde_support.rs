//! serde for generated enums (as their code) and for [`ApiError`] (as the catalog's envelope).

use core::fmt;
use core::marker::PhantomData;

pub use serde;
use serde::de::{self, Deserializer, Visitor};

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
    }

    impl Position {
        pub(crate) const ROOT: Position = Position {
            depth: 0,
            code: true,
            message: true,
            success: true,
        };
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
            Ok(match (code, message) {
                (Step::Last, _) => Field::Code,
                (_, Step::Last) => Field::Message,
                _ if success == Step::Last => Field::Success,
                (Step::Off, Step::Off) => Field::Other,
                _ => Field::Nested(Position {
                    depth: depth + 1,
                    code: code == Step::Deeper,
                    message: message == Step::Deeper,
                    success: false,
                }),
            })
        }
    }

    struct CodeSeed<E>(PhantomData<E>);

    impl<'de, E: ErrorCode> DeserializeSeed<'de> for CodeSeed<E> {
        type Value = ApiError<E>;

        fn deserialize<D: Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Self::Value, D::Error> {
            deserializer.deserialize_any(CodeVisitor::<E, _>::new(|code: CodeRef<'_, E>| {
                ApiError::<E>::from_code(code, None)
            }))
        }
    }

    /// What the walk over the body found.
    struct Found<'de, E: ErrorCode> {
        error: Option<ApiError<E>>,
        message: Option<Cow<'de, str>>,
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
                Field::Code => found.error = Some(map.next_value_seed(CodeSeed(PhantomData))?),
                Field::Message => found.message = map.next_value_seed(MessageSeed)?,
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

        fn visit_bool<Err: de::Error>(self, _: bool) -> Result<(), Err> {
            Ok(())
        }

        fn visit_i64<Err: de::Error>(self, _: i64) -> Result<(), Err> {
            Ok(())
        }

        fn visit_u64<Err: de::Error>(self, _: u64) -> Result<(), Err> {
            Ok(())
        }

        fn visit_f64<Err: de::Error>(self, _: f64) -> Result<(), Err> {
            Ok(())
        }

        fn visit_str<Err: de::Error>(self, _: &str) -> Result<(), Err> {
            Ok(())
        }

        fn visit_unit<Err: de::Error>(self) -> Result<(), Err> {
            Ok(())
        }
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

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut found = Found {
                error: None,
                message: None,
            };
            walk(&mut map, &mut found, Position::ROOT)?;
            let error = found
                .error
                .ok_or_else(|| de::Error::missing_field(E::ENVELOPE.code))?;
            Ok(error.with_message(found.message.as_deref()))
        }
    }

    /// Reads the catalog's envelope, e.g. `{"code":700002,"msg":"…"}` for MEXC, following
    /// dotted paths into nested objects (`error.code`) and taking the first of a list of
    /// codes. A code sent as a numeric string is accepted for integer codes; a missing code,
    /// a code of the wrong type or a body that is not an object is an error that says which.
    impl<'de, E: ErrorCode> de::Deserialize<'de> for ApiError<E> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_map(EnvelopeVisitor(PhantomData))
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
