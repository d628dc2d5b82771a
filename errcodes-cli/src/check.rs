//! `errcodes check FILE…`: the macro's rules (`errcodes_codegen::check`), run from the shell.
//!
//! Errors are what the macro refuses; they are always printed. The engine's warnings (an entry
//! left at kind `other`, a code that two responding sections list) are the review list: things a
//! person decides once when importing or updating a catalog, and then leaves as decided. A
//! reviewed catalog still has them, so printing them on every check would bury the errors under
//! noise that asks for nothing; they are printed, and counted, only with `--review`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use annotate_snippets::Level;
use errcodes_codegen::read::{ReadError, read};
use errcodes_codegen::{Catalog, Checked, Diagnostic};

use crate::render;

/// A catalog file after reading and checking.
pub struct Report {
    /// The path as the user wrote it, used in every message.
    pub shown: String,
    /// The text diagnostics point into (for a non-UTF-8 file, the part before the first bad
    /// byte).
    pub text: String,
    /// What the engine made of it; `None` when the file could not be read at all.
    pub checked: Option<Checked>,
    /// Diagnostics that are not the engine's (reading problems).
    pub read_problems: Vec<Diagnostic>,
    /// A problem with no position: the file is missing or unreadable.
    pub unreadable: Option<String>,
}

impl Report {
    /// Every diagnostic, reading problems first.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.read_problems
            .iter()
            .chain(self.checked.iter().flat_map(|c| c.diagnostics.iter()))
    }

    /// Number of errors, an unreadable file counting as one.
    pub fn error_count(&self) -> usize {
        usize::from(self.unreadable.is_some()) + self.diagnostics().filter(|d| d.is_error()).count()
    }

    /// Prints the errors (and, with [`Shown::Review`], the review list) to standard error.
    pub fn print_diagnostics(&self, shown: Shown, styled: bool) {
        let mut stderr = std::io::stderr().lock();
        if let Some(problem) = &self.unreadable {
            let _ = writeln!(
                stderr,
                "{}",
                render::message(Level::ERROR, problem, None, styled)
            );
        }
        for diagnostic in self.diagnostics() {
            if shown == Shown::Errors && !diagnostic.is_error() {
                continue;
            }
            let text = render::diagnostic(diagnostic, &self.text, &self.shown, styled);
            let _ = writeln!(stderr, "{text}\n");
        }
    }

    /// `path: ok (2 enums, 94 codes)`, or `path: 3 errors`; with [`Shown::Review`], the size of
    /// the review list too: `path: ok (2 enums, 94 codes), 1 warning`.
    pub fn summary(&self, shown: Shown) -> String {
        let errors = self.error_count();
        let warnings = match shown {
            Shown::Errors => 0,
            Shown::Review => self.diagnostics().filter(|d| !d.is_error()).count(),
        };
        if errors > 0 {
            let mut line = format!("{}: {}", self.shown, plural(errors, "error"));
            if warnings > 0 {
                line.push_str(&format!(", {}", plural(warnings, "warning")));
            }
            return line;
        }
        let catalog = &self.checked.as_ref().expect("read without errors").catalog;
        let codes: usize = catalog.enums.iter().map(|def| def.entries.len()).sum();
        let mut line = format!(
            "{}: ok ({}, {})",
            self.shown,
            plural(catalog.enums.len(), "enum"),
            plural(codes, "code")
        );
        if warnings > 0 {
            line.push_str(&format!(", {}", plural(warnings, "warning")));
        }
        line
    }
}

/// Which diagnostics `errcodes check` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Errors only: what must be fixed (the default).
    Errors,
    /// Errors and the review list, the engine's warnings (`--review`).
    Review,
}

/// `1 error`, `2 errors`, `3 entries`.
pub fn plural(count: usize, noun: &str) -> String {
    match (count, noun.strip_suffix('y')) {
        (1, _) => format!("{count} {noun}"),
        (_, Some(stem)) => format!("{count} {stem}ies"),
        (_, None) => format!("{count} {noun}s"),
    }
}

/// Reads and checks the catalog at `path` with the engine's rules.
pub fn load(path: &Path) -> Report {
    let shown = path.display().to_string();
    match read(path, &shown) {
        Ok(text) => Report {
            checked: Some(errcodes_codegen::check(&text)),
            shown,
            text,
            read_problems: Vec::new(),
            unreadable: None,
        },
        Err(ReadError::Encoding {
            valid_prefix,
            diagnostic,
        }) => Report {
            shown,
            text: valid_prefix,
            checked: None,
            read_problems: vec![diagnostic],
            unreadable: None,
        },
        Err(ReadError::File(problem)) => Report {
            shown,
            text: String::new(),
            checked: None,
            read_problems: Vec::new(),
            unreadable: Some(problem),
        },
    }
}

/// Loads a catalog that a command needs whole (`docs`, `lookup`): on any error, prints the
/// errors and returns `None`.
pub fn load_valid(path: &Path, styled: bool) -> Option<Catalog> {
    let report = load(path);
    if report.error_count() == 0 {
        return report.checked.map(|checked| checked.catalog);
    }
    report.print_diagnostics(Shown::Errors, styled);
    eprintln!(
        "{}; fix it first (`errcodes check {}` lists every problem)",
        report.summary(Shown::Errors),
        report.shown
    );
    None
}

/// Runs `errcodes check` on every file, then prints one summary line per file.
pub fn run(files: &[impl AsRef<Path>], shown: Shown, styled: bool) -> ExitCode {
    let mut failed = false;
    for path in files {
        let report = load(path.as_ref());
        report.print_diagnostics(shown, styled);
        failed |= report.error_count() > 0;
        crate::output::print(&format!("{}\n", report.summary(shown)));
    }
    if failed {
        ExitCode::from(crate::FAILURE)
    } else {
        ExitCode::SUCCESS
    }
}
