//! The one failure of an expansion that is not the catalog's: an engine bug, said as an error.

use proc_macro2::TokenStream;
use quote::quote;

/// Why the engine could not expand a catalog that passed `check`: a bug in the engine, never
/// a mistake in the catalog (those are [`Diagnostic`](crate::Diagnostic)s).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpandError {
    what: String,
}

impl std::fmt::Display for ExpandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "errcodes: internal error: {}; please report it with the catalog that caused it",
            self.what
        )
    }
}

impl std::error::Error for ExpandError {}

impl ExpandError {
    pub(crate) fn new(what: impl Into<String>) -> Self {
        ExpandError { what: what.into() }
    }

    /// The error as a `compile_error!` item, for the macro to emit.
    pub fn to_compile_error(&self) -> TokenStream {
        let message = self.to_string();
        quote!(::core::compile_error!(#message);)
    }
}
