//! The generated API surface, written once: every inherent item a generated enum has, with its
//! doc and signature, and what of it the `ErrorCode` trait repeats. The section enums, the API
//! enum that joins them, the trait impls and the stand-ins of a broken catalog are all written
//! from [`ITEMS`], so that none of them can drift from the others.
//!
//! Generated code never names an associated item through `Self::…` or `Type::…` where a variant
//! could have the same name (a variant called `Error` or `Code` makes `Self::Error` ambiguous):
//! types are written out, and the inherent items a variant could shadow are reserved names
//! (`naming::RESERVED_VARIANT_NAMES`).

use std::fmt::Write as _;

use crate::emit::CodeTypes;
use crate::expand_error::ExpandError;

const RT: &str = "::errcodes_runtime";

/// One inherent item of every generated enum.
pub(crate) struct Item {
    pub(crate) name: &'static str,
    pub(crate) doc: &'static str,
    pub(crate) shape: Shape,
}

/// In the signatures, `$ty` is the enum, `$code_ref` / `$code_param` its code types
/// ([`CodeTypes`]) and `$rt` the runtime's path.
pub(crate) enum Shape {
    /// `pub const NAME: ty = …;`, which the trait repeats as `trait_ty`.
    Const {
        ty: &'static str,
        trait_ty: &'static str,
    },
    /// `pub fn name(self, params) -> ret`, which the trait repeats with `trait_ret`; `wraps`
    /// when it returns the enum (the API enum then puts the section's answer back in its
    /// variant).
    Method {
        params: &'static str,
        args: &'static str,
        ret: &'static str,
        trait_ret: &'static str,
        wraps: bool,
    },
    /// `pub fn from_code(code) -> Option<Self>`: the one item that takes no `self`.
    FromCode,
}

const STR: &str = "&'static ::core::primitive::str";

pub(crate) const ITEMS: &[Item] = &[
    Item {
        name: "ALL",
        doc: "Every variant, in catalog order (each entry followed by its refinements; for an API enum, section by section).",
        shape: Shape::Const {
            ty: "&'static [$ty]",
            trait_ty: "&'static [Self]",
        },
    },
    Item {
        name: "CATALOG",
        doc: "The `name` of the catalog this enum comes from.",
        shape: Shape::Const {
            ty: STR,
            trait_ty: STR,
        },
    },
    Item {
        name: "ENUM",
        doc: "This enum's name.",
        shape: Shape::Const {
            ty: STR,
            trait_ty: STR,
        },
    },
    Item {
        name: "ENVELOPE",
        doc: "Where the API puts the code and the message in its JSON error body.",
        shape: Shape::Const {
            ty: "$rt::Envelope",
            trait_ty: "$rt::Envelope",
        },
    },
    Item {
        name: "code",
        doc: "The code the API sends for this error.",
        shape: Shape::Method {
            params: "",
            args: "",
            ret: "$code_ref",
            trait_ret: "$rt::CodeRef<'static, Self>",
            wraps: false,
        },
    },
    Item {
        name: "from_code",
        doc: "The variant for `code`, or `None` when the catalog does not list it (for an API enum, the first section that lists it). A code with several documented meanings gives its entry; [`refine`](Self::refine) picks the meaning.",
        shape: Shape::FromCode,
    },
    Item {
        name: "message",
        doc: "The documented message, byte for byte, placeholders included (`Insufficient {currency} balance`). `Display` prints it as a sentence: the message, with each placeholder written `…` (`Insufficient … balance`).",
        shape: Shape::Method {
            params: "",
            args: "",
            ret: STR,
            trait_ret: STR,
            wraps: false,
        },
    },
    Item {
        name: "description",
        doc: "The catalog's longer explanation, when it has one.",
        shape: Shape::Method {
            params: "",
            args: "",
            ret: "::core::option::Option<&'static ::core::primitive::str>",
            trait_ret: "::core::option::Option<&'static ::core::primitive::str>",
            wraps: false,
        },
    },
    Item {
        name: "name",
        doc: "The variant's name (for an API enum, within its section).",
        shape: Shape::Method {
            params: "",
            args: "",
            ret: STR,
            trait_ret: STR,
            wraps: false,
        },
    },
    Item {
        name: "kind",
        doc: "What kind of failure this is.",
        shape: Shape::Method {
            params: "",
            args: "",
            ret: "$rt::ErrorKind",
            trait_ret: "$rt::ErrorKind",
            wraps: false,
        },
    },
    Item {
        name: "retry",
        doc: "Whether and how to send the request again.",
        shape: Shape::Method {
            params: "",
            args: "",
            ret: "$rt::Retry",
            trait_ret: "$rt::Retry",
            wraps: false,
        },
    },
    Item {
        name: "refine",
        doc: "The variant that the server's message (or the envelope's detail field) selects among this code's documented meanings; `self` when none matches.",
        shape: Shape::Method {
            params: ", message: &::core::primitive::str, detail: ::core::option::Option<&::core::primitive::str>",
            args: "message, detail",
            ret: "$ty",
            trait_ret: "Self",
            wraps: true,
        },
    },
    Item {
        name: "is_refinement",
        doc: "True for a variant that refines another one's code by its message or detail.",
        shape: Shape::Method {
            params: "",
            args: "",
            ret: "::core::primitive::bool",
            trait_ret: "::core::primitive::bool",
            wraps: false,
        },
    },
    Item {
        name: "retry_after_rule",
        doc: "Where the wait before a retry comes from, when the catalog declares it.",
        shape: Shape::Method {
            params: "",
            args: "",
            ret: "::core::option::Option<$rt::RetryAfterRule>",
            trait_ret: "::core::option::Option<$rt::RetryAfterRule>",
            wraps: false,
        },
    },
];

/// `template` with the placeholders of a signature filled in.
fn fill(template: &str, ty: &str, types: &CodeTypes) -> String {
    template
        .replace("$code_ref", types.code_ref)
        .replace("$code_param", types.code_param)
        .replace("$ty", ty)
        .replace("$rt", RT)
}

/// `impl ty { … }` with every item of [`ITEMS`]; `body` gives each item's value (a const's
/// expression, a function's body), `None` for an item it has no value for (an engine bug, said
/// as an error). `lints` goes on the impl (the stand-ins allow dead code).
pub(crate) fn inherent_impl(
    out: &mut String,
    ty: &str,
    types: &CodeTypes,
    lints: &str,
    mut body: impl FnMut(&Item) -> Option<String>,
) -> Result<(), ExpandError> {
    // No `#[automatically_derived]` here: rustc only accepts it on trait impls, and the warning
    // it raises on an inherent impl (silenced for macro output, but still computed) costs a
    // large crate a third of its rebuild time.
    let _ = writeln!(out, "{lints}impl {ty} {{");
    for item in ITEMS {
        let _ = writeln!(out, "#[doc = {:?}]", item.doc);
        let value = body(item).ok_or_else(|| {
            ExpandError::new(format!("no value for the generated item `{}`", item.name))
        })?;
        match &item.shape {
            Shape::Const { ty: const_ty, .. } => {
                let _ = writeln!(
                    out,
                    "pub const {}: {} = {value};",
                    item.name,
                    fill(const_ty, ty, types)
                );
            }
            Shape::Method { params, ret, .. } => {
                let _ = writeln!(
                    out,
                    "#[inline]\npub fn {}(self{params}) -> {} {{\n{value}\n}}",
                    item.name,
                    fill(ret, ty, types)
                );
            }
            Shape::FromCode => {
                let _ = writeln!(
                    out,
                    "#[inline]\npub fn from_code(code: {}) -> ::core::option::Option<{ty}> {{\n{value}\n}}",
                    types.code_param
                );
            }
        }
    }
    out.push_str("}\n");
    Ok(())
}

/// The body of `Display::fmt` for a section enum `ty`: its message ([`ITEMS`]' `message`), or,
/// when some message is a template, the generated `SENTENCES` table, where each template is a
/// sentence (`Template::sentence`: each placeholder written `…`) computed once at build time.
pub(crate) fn display_body(ty: &str, templated: bool) -> String {
    if templated {
        "f.pad(SENTENCES[*self as usize])".to_owned()
    } else {
        format!("f.pad({ty}::message(*self))")
    }
}

/// The body of `Display::fmt` for an API enum `ty`: each section prints its own error.
pub(crate) fn api_display_body(ty: &str, sections: &[&str]) -> String {
    let mut body = String::from(
        "match self {
",
    );
    for section in sections {
        let _ = writeln!(
            body,
            "{ty}::{section}(error) => ::core::fmt::Display::fmt(error, f),"
        );
    }
    body.push('}');
    body
}

/// `ErrorCode`, `Display`, `Error` and `TryFrom` for `ty`, each delegating to the inherent items
/// of [`ITEMS`]; `venue` holds the trait's `HTTP` and `HEADERS` items, when the catalog has them,
/// and `display` the body of `Display::fmt` ([`display_body`], [`api_display_body`]).
pub(crate) fn trait_impls(
    out: &mut String,
    ty: &str,
    types: &CodeTypes,
    venue: &str,
    display: &str,
) {
    let _ = writeln!(
        out,
        "#[automatically_derived]\nimpl {RT}::ErrorCode for {ty} {{\ntype Code = {};\n{venue}",
        types.code_type
    );
    for item in ITEMS {
        match &item.shape {
            Shape::Const { trait_ty, .. } => {
                let _ = writeln!(
                    out,
                    "const {0}: {1} = {ty}::{0};",
                    item.name,
                    fill(trait_ty, ty, types)
                );
            }
            Shape::Method {
                params,
                args,
                trait_ret,
                ..
            } => {
                let comma = if args.is_empty() { "" } else { ", " };
                let _ = writeln!(
                    out,
                    "#[inline]\nfn {0}(self{params}) -> {1} {{ {ty}::{0}(self{comma}{args}) }}",
                    item.name,
                    fill(trait_ret, ty, types)
                );
            }
            Shape::FromCode => {
                let _ = writeln!(
                    out,
                    "#[inline]\nfn from_code(code: {RT}::CodeRef<'_, Self>) -> ::core::option::Option<Self> {{ {ty}::from_code(code) }}"
                );
            }
        }
    }
    let (code_in, lifetime, unknown) = if types.code_type == "::core::primitive::str" {
        (
            "&'a ::core::primitive::str",
            "<'a>",
            format!("{RT}::UnknownCode<'a, {ty}>"),
        )
    } else {
        (
            "::core::primitive::i64",
            "",
            format!("{RT}::UnknownCode<'static, {ty}>"),
        )
    };
    let _ = write!(
        out,
        r##"}}

#[automatically_derived]
impl ::core::fmt::Display for {ty} {{
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{
        {display}
    }}
}}

#[automatically_derived]
impl ::core::error::Error for {ty} {{}}

#[automatically_derived]
impl{lifetime} ::core::convert::TryFrom<{code_in}> for {ty} {{
    type Error = {unknown};

    fn try_from(code: {code_in}) -> ::core::result::Result<{ty}, {unknown}> {{
        {ty}::from_code(code).ok_or({RT}::UnknownCode::new(code))
    }}
}}

{RT}::__private::serde_impls!({ty});
"##
    );
}

/// The body of `item` for an API enum `ty` over `sections`: each section answers for its own
/// variants. `consts` gives the value of each constant.
pub(crate) fn api_body(
    item: &Item,
    ty: &str,
    sections: &[&str],
    lookup: &[&str],
    consts: impl Fn(&str) -> Option<String>,
) -> Option<String> {
    let mut body = String::new();
    match &item.shape {
        Shape::Const { .. } => return consts(item.name),
        Shape::Method { args, wraps, .. } => {
            body.push_str("match self {\n");
            for section in sections {
                let call = format!("error.{}({args})", item.name);
                let value = if *wraps {
                    format!("{ty}::{section}({call})")
                } else {
                    call
                };
                let _ = writeln!(body, "{ty}::{section}(error) => {value},");
            }
            body.push('}');
        }
        Shape::FromCode => {
            for section in lookup {
                let _ = writeln!(
                    body,
                    "if let ::core::option::Option::Some(error) = {section}::from_code(code) {{ return ::core::option::Option::Some({ty}::{section}(error)); }}"
                );
            }
            body.push_str("::core::option::Option::None");
        }
    }
    Some(body)
}

/// The flat names of an API enum `ty`: one associated constant per variant of its sections,
/// named like the variant, so that a match reads `Code::InvalidSignature` where the nested path
/// is `Code::MexcError(MexcError::InvalidSignature)`. The enums derive `PartialEq` and `Eq`, so a
/// constant is a pattern. A match on them is not checked for exhaustiveness (it needs a `_`
/// arm); the nested variants are. `sections` holds each section's name and variant names.
///
/// A name no constant can take is left out, and the nested path still reaches it: one that
/// several sections share (which section it meant would be a guess) and one that is a section's
/// name (the API enum's own variant holds it).
pub(crate) fn flat_consts(out: &mut String, ty: &str, sections: &[(&str, Vec<&str>)]) {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (_, variants) in sections {
        for variant in variants {
            *seen.entry(variant).or_default() += 1;
        }
    }
    let is_section = |name: &str| sections.iter().any(|(section, _)| *section == name);
    // Named like the variants, not in upper case: the lint is about the definition, which the
    // user does not write; the use site raises nothing.
    let _ = writeln!(out, "#[allow(non_upper_case_globals)]\nimpl {ty} {{");
    for (section, variants) in sections {
        for variant in variants {
            if seen[variant] > 1 || is_section(variant) {
                continue;
            }
            let _ = writeln!(
                out,
                "#[doc = \"[`{section}::{variant}`], to match as `{ty}::{variant}`.\"]\npub const {variant}: {ty} = {ty}::{section}({section}::{variant});"
            );
        }
    }
    out.push_str("}\n");
}

/// The body of `item` for the uninhabited stand-in `ty` of a broken catalog.
pub(crate) fn stub_body(item: &Item, ty: &str) -> String {
    match (&item.shape, item.name) {
        (Shape::Const { .. }, "ALL") => "&[]".to_owned(),
        (Shape::Const { .. }, "CATALOG") => "\"\"".to_owned(),
        (Shape::Const { .. }, "ENUM") => format!("{ty:?}"),
        (Shape::Const { .. }, _) => format!("{RT}::Envelope::DEFAULT"),
        (Shape::Method { .. }, _) => "match self {}".to_owned(),
        (Shape::FromCode, _) => "let _ = code;\n::core::option::Option::None".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names a variant may not take are the table's constants: a variant of the same name
    /// would shadow them (`Type::ALL` would be the variant). One list must follow the other.
    #[test]
    fn reserved_variant_names_are_the_generated_constants() {
        let constants: Vec<&str> = ITEMS
            .iter()
            .filter(|item| matches!(item.shape, Shape::Const { .. }))
            .map(|item| item.name)
            .collect();
        assert_eq!(constants, crate::naming::RESERVED_VARIANT_NAMES);
    }
}
