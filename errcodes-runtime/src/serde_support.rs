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
    use alloc::string::String;

    use serde::de::{DeserializeSeed, MapAccess};
    use serde::ser::{Serialize, SerializeMap, Serializer};

    use super::*;
    use crate::ApiError;

    enum Field {
        Code,
        Message,
        Other,
    }

    /// Sorts the keys of an error body into the catalog's envelope fields.
    struct FieldSeed(crate::Envelope);

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
            Ok(if key == self.0.code {
                Field::Code
            } else if key == self.0.message {
                Field::Message
            } else {
                Field::Other
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
            let mut error: Option<ApiError<E>> = None;
            let mut message: Option<String> = None;
            while let Some(field) = map.next_key_seed(FieldSeed(E::ENVELOPE))? {
                match field {
                    Field::Code => error = Some(map.next_value_seed(CodeSeed(PhantomData))?),
                    Field::Message => message = map.next_value::<Option<String>>()?,
                    Field::Other => {
                        map.next_value::<de::IgnoredAny>()?;
                    }
                }
            }
            let error = error.ok_or_else(|| de::Error::missing_field(E::ENVELOPE.code))?;
            Ok(error.with_message(message.as_deref()))
        }
    }

    /// Reads the catalog's envelope, e.g. `{"code":700002,"msg":"…"}` for MEXC. A code sent as
    /// a numeric string is accepted for integer codes; a missing code, a code of the wrong
    /// type or a body that is not an object is an error that says which.
    impl<'de, E: ErrorCode> de::Deserialize<'de> for ApiError<E> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_map(EnvelopeVisitor(PhantomData))
        }
    }

    /// Writes the catalog's envelope back: the code (when there was one), the message, and
    /// `success: false` when the envelope has a success flag.
    impl<E: ErrorCode> Serialize for ApiError<E> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            struct Code<'a, E: ErrorCode>(CodeRef<'a, E>);
            impl<E: ErrorCode> Serialize for Code<'_, E> {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    E::Code::serialize_code(self.0, serializer)
                }
            }
            let envelope = E::ENVELOPE;
            let mut map = serializer.serialize_map(None)?;
            if let Some(code) = self.code() {
                map.serialize_entry(envelope.code, &Code::<E>(code))?;
            }
            map.serialize_entry(envelope.message, self.message())?;
            if let Some(success) = envelope.success {
                map.serialize_entry(success, &false)?;
            }
            map.end()
        }
    }
}
