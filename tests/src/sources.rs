//! The documentation pages kept in `sources/`: a provenance comment, then the page as saved.

use std::path::PathBuf;

/// A page of `sources/`, split into its provenance header and the page itself.
pub struct Source {
    /// The leading `<!-- … -->` comment, with its delimiters.
    pub header: String,
    /// Everything after the header's closing line, byte for byte as the page was saved.
    pub page: String,
}

/// Reads `sources/<name>`; panics with the path when it cannot (a test helper).
pub fn source(name: &str) -> Source {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../sources")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let end = text
        .find("\n-->\n")
        .unwrap_or_else(|| panic!("{}: no provenance header", path.display()))
        + "\n-->\n".len();
    assert!(
        text.starts_with("<!--"),
        "{}: header must come first",
        path.display()
    );
    Source {
        header: text[..end].to_owned(),
        page: text[end..].to_owned(),
    }
}
