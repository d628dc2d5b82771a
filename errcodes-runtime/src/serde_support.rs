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
mod api_error {
    use serde::ser::{Serialize, SerializeMap, Serializer};

    use super::*;
    use crate::ApiError;
    use crate::reader::{Found, Position, Reading, Step, step};

    /// Reads the catalog's envelope, e.g. `{"code":700002,"msg":"…"}` for MEXC, following
    /// dotted paths into nested objects (`error.code`) and taking the first of a list of
    /// codes: the walk of [`json`](crate::json), strict. A code sent as a numeric string is
    /// accepted for integer codes; a missing code, a code or message of the wrong type or a
    /// body that is not an object is an error that says which.
    impl<'de, E: ErrorCode> de::Deserialize<'de> for ApiError<E> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let found = Found::read(Reading::strict::<E>(), deserializer)?;
            let missing = found.missing_field(&E::ENVELOPE);
            found
                .into_error(crate::api_error::Lookup::Rest)
                .map_err(|_| de::Error::missing_field(missing))
        }
    }

    /// Writes the catalog's envelope back, nested objects included: the code (when there was
    /// one), the message, and `false` for the success flag when the envelope has one (its
    /// `failure_text` for a text one). The first spelling of each field is written.
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
                    // A text success field is written as the text that marks failure.
                    (_, Step::Last) => match envelope.failure_text {
                        Some(text) => map.serialize_entry(key, text)?,
                        None => map.serialize_entry(key, &false)?,
                    },
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
                                // Written in the first spelling only.
                                code_also: false,
                                message_also: false,
                                detail: false,
                                items: false,
                                frame: 0,
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
