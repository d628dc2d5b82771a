//! `errcodes docs FILE`: a catalog as a markdown reference page.
//!
//! The tables use the same shape `errcodes import` reads (a Code column, a Name column, a
//! Message column; deprecated codes struck through), so a rendered page can be imported again.

use std::path::Path;
use std::process::ExitCode;

use errcodes_codegen::{Catalog, Code};

use crate::check;

/// Escapes text for one cell of a pipe table: `|` would end the cell, a line break the row.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
        .replace("\r\n", " ")
        .replace(['\n', '\r'], " ")
}

/// A code as a cell: integers as written, strings as inline code (a code holding a backtick
/// is written plainly, since no fence length would be simpler to read).
fn code_cell(code: &Code) -> String {
    match code {
        Code::Int(code) => code.to_string(),
        Code::Str(code) if code.contains('`') => cell(code),
        Code::Str(code) => format!("`{}`", cell(code)),
    }
}

/// The markdown page of a valid catalog.
pub fn render(catalog: &Catalog) -> String {
    let mut out = String::new();
    let title = catalog.title.as_deref().unwrap_or(&catalog.name);
    out.push_str(&format!("# {title}\n\n"));
    if let Some(source) = &catalog.source {
        out.push_str(&format!("Source: <{source}>\n\n"));
    }
    out.push_str(&format!(
        "Catalog `{}`: {} in {}. Kinds and retry advice are those of the `errcodes` runtime; struck-through codes are deprecated.\n",
        catalog.name,
        check::plural(
            catalog.enums.iter().map(|def| def.entries.len()).sum(),
            "code"
        ),
        check::plural(catalog.enums.len(), "enum"),
    ));
    for def in &catalog.enums {
        out.push_str(&format!("\n## {}\n\n", def.name));
        if let Some(doc) = &def.doc {
            out.push_str(&format!("{doc}\n\n"));
        }
        out.push_str("| Code | Name | Kind | Retry | Message |\n");
        out.push_str("| ---: | --- | --- | --- | --- |\n");
        for entry in &def.entries {
            let code = code_cell(&entry.code);
            let code = if entry.deprecated {
                format!("~~{code}~~")
            } else {
                code
            };
            out.push_str(&format!(
                "| {code} | {} | {} | {} | {} |\n",
                entry.name,
                entry.kind.as_str(),
                entry.retry.as_str(),
                cell(&entry.message)
            ));
        }
    }
    out
}

/// Runs `errcodes docs`.
pub fn run(path: &Path, styled: bool) -> ExitCode {
    match check::load_valid(path, styled) {
        Some(catalog) => {
            crate::output::print(&render(&catalog));
            ExitCode::SUCCESS
        }
        None => ExitCode::from(crate::FAILURE),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_cells() {
        assert_eq!(cell("a | b\nc"), "a \\| b c");
        assert_eq!(code_cell(&Code::Str("x|y".into())), "`x\\|y`");
        assert_eq!(code_cell(&Code::Int(-1)), "-1");
    }
}
