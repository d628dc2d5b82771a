//! The `errcodes!` macro. Depend on `errcodes-runtime`, which re-exports it together with the
//! types the generated code uses.

use std::path::PathBuf;

use errcodes_codegen::read::{self, ReadError};
use errcodes_codegen::{Diagnostic, LineIndex};
use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;

/// Generates a module named after the catalog, holding one exhaustive, documented, classified
/// error enum per `[[enum]]` (re-exported beside the call) and the catalog's API enum and error
/// alias.
///
/// ```ignore
/// errcodes_runtime::errcodes!("catalogs/mexc.toml");
/// errcodes_runtime::errcodes!(
///     /// Attributes before the path go on the generated module.
///     "catalogs/mixpay.toml"
/// );
/// ```
///
/// The path is relative to the invoking crate's `Cargo.toml` (`CARGO_MANIFEST_DIR`). Every
/// problem in the catalog is a compile error naming `path:line:column`.
#[proc_macro]
pub fn errcodes(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let input = TokenStream::from(input);
    match split_input(input) {
        Ok((attributes, path, span)) => expand(&path, span, attributes).into(),
        Err(span) => error(
            span,
            "expected the catalog's path as a string literal, after any attributes for its module: `errcodes!(\"catalogs/my_api.toml\")`",
        )
        .into(),
    }
}

/// The outer attributes (`#[…]`, doc comments) before the path, kept as written so that their
/// spans (an `include_str!` in a doc, say) resolve where the user wrote them, then the path.
fn split_input(input: TokenStream) -> Result<(TokenStream, String, Span), Span> {
    let mut attributes = TokenStream::new();
    let mut tokens = input.into_iter().peekable();
    while let Some(proc_macro2::TokenTree::Punct(punct)) = tokens.peek() {
        if punct.as_char() != '#' {
            return Err(punct.span());
        }
        let pound = tokens.next().ok_or_else(Span::call_site)?;
        match tokens.next() {
            Some(proc_macro2::TokenTree::Group(group))
                if group.delimiter() == proc_macro2::Delimiter::Bracket =>
            {
                attributes.extend([pound, proc_macro2::TokenTree::Group(group)]);
            }
            Some(other) => return Err(other.span()),
            None => return Err(pound.span()),
        }
    }
    let (path, span) = path_literal(tokens)?;
    Ok((attributes, path, span))
}

/// The value and span of the one string literal the macro takes, or the span to put the error
/// on: the first token that is not one.
fn path_literal(
    mut tokens: impl Iterator<Item = proc_macro2::TokenTree>,
) -> Result<(String, Span), Span> {
    let first = tokens.next().ok_or_else(Span::call_site)?;
    let span = first.span();
    let value = match &first {
        proc_macro2::TokenTree::Literal(literal) => litrs::StringLit::parse(literal.to_string())
            .map(|string| string.value().to_owned())
            .map_err(|_| span)?,
        _ => return Err(span),
    };
    match tokens.next() {
        None => Ok((value, span)),
        Some(extra) => Err(extra.span()),
    }
}

/// The expansion, with `attributes` on the catalog's module (the real one, or the stand-ins of a
/// broken catalog); an unreadable catalog has no module, and only its error.
fn expand(relative: &str, span: Span, attributes: TokenStream) -> TokenStream {
    let relative = relative.to_owned();
    let Some(manifest_dir) = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from) else {
        return error(
            span,
            "CARGO_MANIFEST_DIR is not set; build with cargo so that the catalog path can be resolved",
        );
    };
    let path = match read::resolve(&manifest_dir, &relative) {
        Ok(path) => path,
        Err(problem) => return read_error(span, &relative, problem),
    };
    let tracked = path.to_string_lossy().into_owned();
    let track = || {
        errcodes_codegen::expand::track(&tracked).unwrap_or_else(|error| error.to_compile_error())
    };
    let text = match read::read(&path, &relative) {
        Ok(text) => text,
        Err(problem) => {
            let mut tokens = read_error(span, &relative, problem);
            tokens.extend(track());
            return tokens;
        }
    };
    let checked = errcodes_codegen::check(&text);
    let mut tokens = if checked.is_valid() {
        match errcodes_codegen::expand(&checked.catalog, Some(&tracked)) {
            Ok(tokens) => {
                let mut all = attributes;
                all.extend(tokens);
                return all;
            }
            // An engine bug: said as one error, with stubs so that it stays the only one.
            Err(internal) => internal.to_compile_error(),
        }
    } else {
        let lines = LineIndex::new(&text);
        compile_errors(span, &relative, &lines, checked.errors())
    };
    tokens.extend(attributes);
    tokens.extend(errcodes_codegen::fallback(&checked.catalog));
    tokens.extend(track());
    tokens
}

/// `compile_error!` with `message`, pointing at `span`.
fn error(span: Span, message: &str) -> TokenStream {
    quote_spanned!(span=> ::core::compile_error! { #message })
}

fn read_error(span: Span, relative: &str, problem: ReadError) -> TokenStream {
    match problem {
        ReadError::File(message) => error(span, &message),
        ReadError::Encoding {
            valid_prefix,
            diagnostic,
        } => compile_errors(
            span,
            relative,
            &LineIndex::new(&valid_prefix),
            std::iter::once(&diagnostic),
        ),
    }
}

/// Every diagnostic as a compile error on the string literal, all in one build.
fn compile_errors<'a>(
    span: Span,
    relative: &str,
    lines: &LineIndex<'_>,
    diagnostics: impl Iterator<Item = &'a Diagnostic>,
) -> TokenStream {
    diagnostics
        .map(|diagnostic| error(span, &diagnostic.render_plain(relative, lines)))
        .collect()
}
