//! The engine behind `errcodes!` and the `errcodes` command: a catalog's text becomes a checked
//! [`Catalog`] with a [`Diagnostic`] for every problem, and a valid catalog becomes Rust items.
//!
//! **This crate is an implementation detail of `errcodes-runtime` (the macro) and
//! `errcodes-cli` (the command). Its API is internal: it is not covered by semantic versioning
//! and may change in any release.** Depend on `errcodes-runtime` instead, which pins the exact
//! version of this crate that it was released with.
//!
//! ```
//! let text = r#"
//! [catalog]
//! name = "demo"
//!
//! [[enum]]
//! name = "DemoError"
//!
//! [[enum.error]]
//! code = 429
//! message = "Too many requests"
//! kind = "rate_limited"
//! "#;
//! let checked = errcodes_codegen::check(text);
//! assert!(checked.errors().next().is_none());
//! assert_eq!(checked.catalog.enums[0].entries[0].name, "TooManyRequests");
//! let tokens = errcodes_codegen::expand(&checked.catalog, None).expect("a checked catalog expands");
//! assert!(tokens.to_string().contains("pub enum DemoError"));
//! ```

pub mod diagnostic;
pub mod doc_text;
mod emit;
pub mod expand;
mod expand_api;
mod expand_error;
pub mod fallback;
pub mod keys;
pub mod limits;
pub mod load;
mod load_envelope;
mod load_fields;
mod load_venue;
mod load_websocket;
pub mod lookup;
pub mod model;
pub mod naming;
pub mod read;
pub mod suggest;
mod surface;
pub mod templates;
pub mod validate;
mod validate_venue;

pub use diagnostic::{Diagnostic, LineIndex, Position, Severity, Span};
pub use errcodes_core::{ErrorKind, Retry, TimeUnit, template};
pub use expand::expand;
pub use fallback::fallback;
pub use model::{Catalog, Code, Entry, EnumDef, Envelope};

/// A catalog after every check, with all its diagnostics sorted by position.
#[derive(Debug, Clone)]
pub struct Checked {
    /// What could be read; entries with errors are left out.
    pub catalog: Catalog,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// The errors alone.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// True when the catalog can be expanded.
    pub fn is_valid(&self) -> bool {
        self.errors().next().is_none()
    }
}

/// Loads and validates a catalog's text: the one set of rules the macro and the command-line
/// tool share. Warnings (entries left at kind `other`) are included; the macro ignores them.
pub fn check(text: &str) -> Checked {
    let (mut catalog, mut diagnostics) = load::load(text);
    diagnostics.extend(validate::validate(&mut catalog));
    for def in &catalog.enums {
        for entry in def.variants() {
            if entry.kind == ErrorKind::Other {
                diagnostics.push(
                    Diagnostic::warning(
                        entry.kind_span,
                        format!(
                            "code {} of `{}` is left at kind `other`",
                            entry.code, def.name
                        ),
                    )
                    .help("pick the kind that tells a caller what to do, if one fits"),
                );
            }
        }
    }
    diagnostics.sort_by_key(|d| (d.span.start, d.severity));
    Checked {
        catalog,
        diagnostics,
    }
}
