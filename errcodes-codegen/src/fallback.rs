//! Stand-ins emitted beside the compile errors of a broken catalog, so that the user sees the
//! catalog's errors rather than dozens of "cannot find type" or "no function `from_code`"
//! errors at every use: each enum whose name could be read becomes an uninhabited enum with
//! the same inherent items and trait impls as a real one (both written from the one table in
//! `surface.rs`), and so do the API enum and alias, in the catalog's module as a real
//! expansion has them.

use std::collections::HashSet;
use std::fmt::Write as _;

use proc_macro2::TokenStream;

use crate::emit::{CodeTypes, is_ident, lex};
use crate::model::{Catalog, Code};
use crate::surface::{inherent_impl, stub_body, trait_impls};

const RT: &str = "::errcodes_runtime";

/// The stand-ins for every enum of `catalog` whose name is an identifier (once per name, even
/// when the catalog declares a name twice), its API enum and its error alias.
pub fn fallback(catalog: &Catalog) -> TokenStream {
    let mut out = String::new();
    let mut seen = Vec::new();
    let mut unique = HashSet::new();
    let mut first = None;
    for def in &catalog.enums {
        if !is_ident(&def.name) || !unique.insert(def.name.as_str()) {
            continue;
        }
        let string_codes = matches!(def.entries.first().map(|e| &e.code), Some(Code::Str(_)));
        first.get_or_insert((def.name.as_str(), string_codes));
        seen.push(def.name.as_str());
        stub(&mut out, &def.name, string_codes);
    }
    let api_enum = catalog
        .api
        .enum_name
        .as_ref()
        .map(|(name, _)| name.as_str())
        .filter(|name| is_ident(name) && !unique.contains(name));
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
    // In the catalog's module when its name can be read, as in a real expansion, so that the
    // user's `mexc::Code` still resolves; beside the call otherwise.
    let wrapped = match crate::naming::module_name(&catalog.name) {
        Some(module) => {
            let mut wrapped = format!("pub mod {module} {{\n{out}}}\n");
            crate::expand::reexport(&mut wrapped, &module, seen.into_iter());
            wrapped
        }
        None => out,
    };
    lex(&wrapped).unwrap_or_else(|error| error.to_compile_error())
}

fn stub(out: &mut String, ty: &str, string_codes: bool) {
    let types = CodeTypes::of(string_codes);
    let _ = write!(
        out,
        r##"#[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::marker::Copy,
    ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::cmp::PartialOrd,
    ::core::cmp::Ord, ::core::hash::Hash)]
pub enum {ty} {{}}

const _: () = {{
"##
    );
    let inherent = inherent_impl(
        out,
        ty,
        &types,
        "#[allow(dead_code, unused_variables)]\n",
        |item| Some(stub_body(item, ty)),
    );
    if let Err(error) = inherent {
        let _ = writeln!(out, "::core::compile_error!({:?});", error.to_string());
    }
    trait_impls(
        out,
        ty,
        &types,
        "",
        &crate::surface::display_body(ty, false),
    );
    out.push_str("};\n");
}
