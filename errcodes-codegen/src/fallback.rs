//! Stand-ins emitted beside the compile errors of a broken catalog, so that the user sees the
//! catalog's errors rather than dozens of "cannot find type" errors at every use.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::model::{Catalog, Code};

/// An uninhabited enum with the same trait impls for every enum whose name could be read
/// (once per name, even when the catalog declares a name twice).
pub fn fallback(catalog: &Catalog) -> TokenStream {
    let rt = quote!(::errcodes_runtime);
    let mut seen = std::collections::HashSet::new();
    catalog
        .enums
        .iter()
        .filter(|def| seen.insert(def.name.as_str()))
        .map(|def| {
            let ty = Ident::new(&def.name, Span::call_site());
            let code_type = match def.entries.first().map(|entry| &entry.code) {
                Some(Code::Str(_)) => quote!(::core::primitive::str),
                _ => quote!(::core::primitive::i64),
            };
            quote! {
                #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::marker::Copy,
                    ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::cmp::PartialOrd,
                    ::core::cmp::Ord, ::core::hash::Hash)]
                pub enum #ty {}

                const _: () = {
                    impl ::core::fmt::Display for #ty {
                        fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                            match *self {}
                        }
                    }
                    impl ::core::error::Error for #ty {}
                    impl #rt::ErrorCode for #ty {
                        type Code = #code_type;
                        const ALL: &'static [Self] = &[];
                        const CATALOG: &'static ::core::primitive::str = "";
                        const ENUM: &'static ::core::primitive::str = "";
                        const ENVELOPE: #rt::Envelope = #rt::Envelope::DEFAULT;
                        fn code(self) -> #rt::CodeRef<'static, Self> { match self {} }
                        fn from_code(_: #rt::CodeRef<'_, Self>) -> ::core::option::Option<Self> {
                            ::core::option::Option::None
                        }
                        fn message(self) -> &'static ::core::primitive::str { match self {} }
                        fn description(self) -> ::core::option::Option<&'static ::core::primitive::str> { match self {} }
                        fn name(self) -> &'static ::core::primitive::str { match self {} }
                        fn kind(self) -> #rt::ErrorKind { match self {} }
                        fn retry(self) -> #rt::Retry { match self {} }
                    }
                };
            }
        })
        .collect()
}
