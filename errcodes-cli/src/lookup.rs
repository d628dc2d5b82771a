//! `errcodes lookup FILE CODE`: what a code means in every enum of a catalog that lists it.
//!
//! The same code may mean different things in two enums of one catalog (MEXC's 730001 is
//! "Pair not found" in the general list and "User information error" for sub-accounts), so
//! every enum is searched and every hit is shown.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use errcodes_codegen::{Catalog, Code, Entry, EnumDef};

use annotate_snippets::Level;

use crate::{check, render};

/// The entry of `def` that `from_code` gives for `code`: an integer in integer-coded enums; in
/// string-coded ones the literal string, else the first template code that matches it.
fn find<'a>(def: &'a EnumDef, code: &str) -> Option<&'a Entry> {
    match def.entries.first()?.code {
        Code::Int(_) => {
            let wanted = Code::Int(code.trim().parse().ok()?);
            def.entries.iter().find(|entry| entry.code == wanted)
        }
        Code::Str(_) => {
            let codes = || {
                def.entries
                    .iter()
                    .enumerate()
                    .filter_map(|(at, entry)| match &entry.code {
                        Code::Str(listed) => Some((at, listed.as_str())),
                        Code::Int(_) => None,
                    })
            };
            codes()
                .find(|&(_, listed)| listed == code)
                .map(|(at, _)| at)
                .or_else(|| errcodes_codegen::template::first_template_match(code, codes()))
                .map(|at| &def.entries[at])
        }
    }
}

/// The report for every enum listing `code`; `None` when none does.
pub fn describe(catalog: &Catalog, code: &str) -> Option<String> {
    let mut out = String::new();
    for def in &catalog.enums {
        let Some(entry) = find(def, code) else {
            continue;
        };
        if !out.is_empty() {
            out.push('\n');
        }
        // Writing to a String cannot fail.
        let _ = writeln!(out, "{}::{} (code {})", def.name, entry.name, entry.code);
        let _ = writeln!(out, "  message:     {}", entry.message);
        let _ = writeln!(
            out,
            "  kind:        {} ({})",
            entry.kind.as_str(),
            entry.kind.meaning()
        );
        let _ = writeln!(
            out,
            "  retry:       {} ({})",
            entry.retry.as_str(),
            entry.retry.meaning()
        );
        if let Some(description) = &entry.description {
            let mut lines = description.lines();
            let _ = writeln!(out, "  description: {}", lines.next().unwrap_or(""));
            for line in lines {
                let _ = writeln!(out, "               {line}");
            }
        }
        if entry.deprecated {
            let _ = writeln!(
                out,
                "  deprecated:  yes (the documentation strikes it through)"
            );
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Why no enum lists `code`, with a hint when the code cannot be of the enums' type.
fn not_listed(catalog: &Catalog, shown: &str, code: &str) -> String {
    let names: Vec<&str> = catalog.enums.iter().map(|d| d.name.as_str()).collect();
    let mut text = format!(
        "code `{code}` is not listed in any enum of {shown} (enums: {})",
        names.join(", ")
    );
    let integer_only = catalog
        .enums
        .iter()
        .all(|d| matches!(d.entries.first().map(|e| &e.code), Some(Code::Int(_))));
    if integer_only && code.trim().parse::<i64>().is_err() {
        text.push_str("; every enum of this catalog has integer codes, and this is not an integer");
    }
    text
}

/// Runs `errcodes lookup`.
pub fn run(path: &Path, code: &str, styled: bool) -> ExitCode {
    let Some(catalog) = check::load_valid(path, styled) else {
        return ExitCode::from(crate::FAILURE);
    };
    match describe(&catalog, code) {
        Some(report) => {
            crate::output::print(&report);
            ExitCode::SUCCESS
        }
        None => {
            let problem = not_listed(&catalog, &path.display().to_string(), code);
            let help = "`errcodes docs FILE` lists every code of the catalog";
            eprintln!(
                "{}",
                render::message(Level::ERROR, &problem, Some(help), styled)
            );
            ExitCode::from(crate::FAILURE)
        }
    }
}
