//! Stand-ins emitted beside the compile errors of a broken catalog, so that the user sees the
//! catalog's errors rather than dozens of "cannot find type" or "no function `from_code`"
//! errors at every use: each enum whose name could be read becomes an uninhabited enum with
//! the same inherent items and trait impls as a real one, and so do the API enum and alias.

use std::collections::HashSet;
use std::fmt::Write as _;

use proc_macro2::TokenStream;

use crate::expand::{CodeTypes, is_ident, lex};
use crate::expand_api::try_from;
use crate::model::{Catalog, Code};

const RT: &str = "::errcodes_runtime";

/// The stand-ins for every enum of `catalog` whose name is an identifier (once per name, even
/// when the catalog declares a name twice), its API enum and its error alias.
pub fn fallback(catalog: &Catalog) -> TokenStream {
    let mut out = String::new();
    let mut seen = HashSet::new();
    let mut first = None;
    for def in &catalog.enums {
        if !is_ident(&def.name) || !seen.insert(def.name.as_str()) {
            continue;
        }
        let string_codes = matches!(def.entries.first().map(|e| &e.code), Some(Code::Str(_)));
        first.get_or_insert((def.name.as_str(), string_codes));
        stub(&mut out, &def.name, string_codes);
    }
    let api_enum = catalog
        .api
        .enum_name
        .as_ref()
        .map(|(name, _)| name.as_str())
        .filter(|name| is_ident(name) && !seen.contains(name));
    if let Some(name) = api_enum {
        stub(
            &mut out,
            name,
            first.is_some_and(|(_, string_codes)| string_codes),
        );
    }
    let target = api_enum.or(first.map(|(name, _)| name));
    if let (Some((error, _)), Some(target)) = (&catalog.api.error_name, target)
        && is_ident(error)
    {
        let _ = writeln!(out, "{RT}::__private::api_error!({error} = {target});");
    }
    lex(&out).unwrap_or_else(|error| error.to_compile_error())
}

fn stub(out: &mut String, ty: &str, string_codes: bool) {
    let CodeTypes {
        code_type,
        code_ref,
        code_param,
        ..
    } = CodeTypes::of(string_codes);
    let _ = write!(
        out,
        r##"#[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::marker::Copy,
    ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::cmp::PartialOrd,
    ::core::cmp::Ord, ::core::hash::Hash)]
pub enum {ty} {{}}

const _: () = {{
    #[allow(dead_code)]
    impl {ty} {{
        pub const ALL: &'static [{ty}] = &[];
        pub const CATALOG: &'static ::core::primitive::str = "";
        pub const ENUM: &'static ::core::primitive::str = {ty:?};
        pub const ENVELOPE: {RT}::Envelope = {RT}::Envelope::DEFAULT;
        pub fn code(self) -> {code_ref} {{ match self {{}} }}
        pub fn from_code(_: {code_param}) -> ::core::option::Option<Self> {{ ::core::option::Option::None }}
        pub fn message(self) -> &'static ::core::primitive::str {{ match self {{}} }}
        pub fn description(self) -> ::core::option::Option<&'static ::core::primitive::str> {{ match self {{}} }}
        pub fn name(self) -> &'static ::core::primitive::str {{ match self {{}} }}
        pub fn kind(self) -> {RT}::ErrorKind {{ match self {{}} }}
        pub fn retry(self) -> {RT}::Retry {{ match self {{}} }}
        pub fn refine(self, _: &::core::primitive::str, _: ::core::option::Option<&::core::primitive::str>) -> Self {{ match self {{}} }}
        pub fn is_refinement(self) -> ::core::primitive::bool {{ match self {{}} }}
        pub fn retry_after_rule(self) -> ::core::option::Option<{RT}::RetryAfterRule> {{ match self {{}} }}
    }}
    impl ::core::fmt::Display for {ty} {{
        fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{
            match *self {{}}
        }}
    }}
    impl ::core::error::Error for {ty} {{}}
    impl {RT}::ErrorCode for {ty} {{
        type Code = {code_type};
        const ALL: &'static [Self] = &[];
        const CATALOG: &'static ::core::primitive::str = "";
        const ENUM: &'static ::core::primitive::str = {ty:?};
        const ENVELOPE: {RT}::Envelope = {RT}::Envelope::DEFAULT;
        fn code(self) -> {RT}::CodeRef<'static, Self> {{ match self {{}} }}
        fn from_code(_: {RT}::CodeRef<'_, Self>) -> ::core::option::Option<Self> {{
            ::core::option::Option::None
        }}
        fn message(self) -> &'static ::core::primitive::str {{ match self {{}} }}
        fn description(self) -> ::core::option::Option<&'static ::core::primitive::str> {{ match self {{}} }}
        fn name(self) -> &'static ::core::primitive::str {{ match self {{}} }}
        fn kind(self) -> {RT}::ErrorKind {{ match self {{}} }}
        fn retry(self) -> {RT}::Retry {{ match self {{}} }}
    }}
"##
    );
    try_from(out, ty, string_codes);
    let _ = writeln!(out, "{RT}::__private::serde_impls!({ty});\n}};");
}
