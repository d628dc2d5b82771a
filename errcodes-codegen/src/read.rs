//! Finding and reading a catalog file: the same rules for the macro and the command line.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Span};

/// Why a catalog could not be read. The message says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Not a readable file; no position in the file applies.
    File(String),
    /// The bytes are not UTF-8; the diagnostic points at the first bad byte.
    Encoding {
        /// The file's text up to the first bad byte, for line and column.
        valid_prefix: String,
        /// Where and what.
        diagnostic: Diagnostic,
    },
}

/// Joins `relative` onto `manifest_dir` (the invoking crate's `CARGO_MANIFEST_DIR`) and
/// canonicalizes it. Absolute paths are refused so that a crate builds the same anywhere.
pub fn resolve(manifest_dir: &Path, relative: &str) -> Result<PathBuf, ReadError> {
    if relative.trim().is_empty() {
        return Err(ReadError::File(
            "the catalog path is empty; write the path of a .toml file relative to this crate's Cargo.toml, e.g. `errcodes!(\"catalogs/mexc.toml\")`".to_owned(),
        ));
    }
    if Path::new(relative).is_absolute() {
        return Err(ReadError::File(format!(
            "catalog path `{relative}` is absolute; write it relative to this crate's Cargo.toml (in {})",
            manifest_dir.display()
        )));
    }
    let joined = manifest_dir.join(relative);
    match joined.canonicalize() {
        Ok(path) if path.is_dir() => Err(ReadError::File(format!(
            "catalog `{relative}` is a directory ({}); name a .toml file inside it",
            path.display()
        ))),
        Ok(path) => Ok(path),
        Err(error) => Err(ReadError::File(format!(
            "cannot find catalog `{relative}`: {} ({error}); paths are relative to this crate's Cargo.toml",
            joined.display()
        ))),
    }
}

/// Reads the whole file as UTF-8.
pub fn read(path: &Path, shown_as: &str) -> Result<String, ReadError> {
    let bytes = std::fs::read(path).map_err(|error| {
        let resolved = path.display().to_string();
        ReadError::File(if resolved == shown_as {
            format!("cannot read catalog `{shown_as}`: {error}")
        } else {
            format!("cannot read catalog `{shown_as}` ({resolved}): {error}")
        })
    })?;
    String::from_utf8(bytes).map_err(|error| {
        let at = error.utf8_error().valid_up_to();
        let bytes = error.into_bytes();
        let valid_prefix = String::from_utf8_lossy(&bytes[..at]).into_owned();
        ReadError::Encoding {
            diagnostic: Diagnostic::error(
                Span { start: at, end: at },
                format!("the catalog is not valid UTF-8 (byte 0x{:02x})", bytes[at]),
            )
            .help("save the file as UTF-8"),
            valid_prefix,
        }
    })
}
