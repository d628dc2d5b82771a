//! The sizes past which a catalog is refused, each checked before the work it bounds, so that
//! every check of the engine stays linear (or bounded) in time and memory whatever the input.
//!
//! Real catalogs are far below each limit (the bundled ones peak at 537-byte messages, 86-byte
//! codes, 59 refinements of one code and 2 template codes in one enum).
//!
//! ```
//! use errcodes_codegen::limits;
//!
//! assert_eq!(limits::MAX_REFINEMENTS, 255);
//! let text = format!(
//!     "[catalog]\nname = \"demo\"\n[[enum]]\nname = \"DemoError\"\n[[enum.error]]\ncode = 1\nmessage = \"{}\"\nkind = \"other\"\n",
//!     "x".repeat(limits::MAX_TEXT_CHARS + 1),
//! );
//! let checked = errcodes_codegen::check(&text);
//! assert!(checked.errors().any(|e| e.message.contains("longer than")));
//! ```

/// Refinements one entry may have: generated code counts a code's variants in a byte, and the
/// check that no two refinements can match one message compares every pair.
pub const MAX_REFINEMENTS: usize = 255;

/// Template codes (string codes with a placeholder) one enum may have: no two may match one
/// code, which is checked pair by pair.
pub const MAX_TEMPLATE_CODES: usize = 1_000;

/// Characters in a message (of an entry, a refinement or an `[[http]]` rule) or a string code:
/// the texts that the overlap checks compare, in time linear in their length. Counted in
/// characters, as JSON Schema's `maxLength` counts, so that the schema says the same.
pub const MAX_TEXT_CHARS: usize = 4_096;

/// The last position an error sent as an array (`envelope.array`) may keep its code or message
/// at: real ones are at 1 and 2 (Bitfinex's `["error", 10020, "symbol: invalid"]`), and the
/// reader counts positions in a byte.
pub const MAX_ARRAY_POSITION: u8 = 31;

/// How deeply arrays and inline tables may nest, and how many parts a dotted key may have: the
/// limit of the `toml` parser itself (`toml::de`'s recursion guard), which reports
/// "cannot recurse further; max recursion depth met" past it. The loader never recurses on the
/// input's depth: it reads the catalog's fixed shape.
pub const MAX_TOML_DEPTH: usize = 80;

/// The error for a message or code past [`MAX_TEXT_CHARS`], or `None` when it fits.
pub(crate) fn text_too_long(
    span: crate::Span,
    what: &str,
    text: &str,
) -> Option<crate::Diagnostic> {
    // Bytes bound characters from above: most texts are measured without counting.
    if text.len() <= MAX_TEXT_CHARS {
        return None;
    }
    let length = text.chars().count();
    (length > MAX_TEXT_CHARS).then(|| {
        crate::Diagnostic::error(
            span,
            format!(
                "{what} is {length} characters long, longer than the limit of {MAX_TEXT_CHARS}"
            ),
        )
        .help("keep the documented text short; put the long explanation in `description`")
    })
}
