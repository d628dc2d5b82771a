//! Rules that span entries: unique codes, unique names, one code type per enum, unique enum
//! names. Every check is a hash-map pass, so a 50,000-code catalog costs linear time.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Span};
use crate::model::{Catalog, Code, Entry};

/// Checks `catalog` and returns a diagnostic for every rule it breaks. Entries that break a
/// rule are removed, so code generation can still produce stubs for the rest.
pub fn validate(catalog: &mut Catalog) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut enum_names: HashMap<&str, Span> = HashMap::new();
    for def in &catalog.enums {
        if let Some(first) = enum_names.insert(&def.name, def.name_span) {
            diagnostics.push(
                Diagnostic::error(
                    def.name_span,
                    format!("enum `{}` is declared twice", def.name),
                )
                .related(first, "first declared here")
                .help("give each [[enum]] its own name, or merge the two"),
            );
        }
    }
    crate::validate_venue::validate(catalog, &mut diagnostics);
    for def in &mut catalog.enums {
        let rejected = check_entries(&def.name, &def.entries, &mut diagnostics);
        if rejected.contains(&true) {
            let mut flags = rejected.into_iter();
            def.entries.retain(|_| !flags.next().unwrap_or(false));
        }
    }
    diagnostics
}

/// Returns, for each entry, whether it breaks a rule (a flag per entry, so that removing them
/// stays linear however many are rejected).
fn check_entries(
    enum_name: &str,
    entries: &[Entry],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<bool> {
    let mut rejected = vec![false; entries.len()];
    let Some(first) = entries.first() else {
        return rejected;
    };
    let mut codes: HashMap<&Code, usize> = HashMap::with_capacity(entries.len());
    let mut names: HashMap<&str, usize> = HashMap::with_capacity(entries.len());
    for (at, entry) in entries.iter().enumerate() {
        if std::mem::discriminant(&entry.code) != std::mem::discriminant(&first.code) {
            diagnostics.push(
                Diagnostic::error(
                    entry.code_span,
                    format!(
                        "enum `{enum_name}` mixes code types: this code is {} {}, the enum's first code is {} {}",
                        article(&entry.code),
                        entry.code.type_name(),
                        article(&first.code),
                        first.code.type_name()
                    ),
                )
                .related(first.code_span, "the first code of the enum")
                .help(format!(
                    "every code of one enum has one type: use integers throughout `{enum_name}`, or quote every code to make them all strings"
                )),
            );
            rejected[at] = true;
            continue;
        }
        if let Some(&earlier) = codes.get(&entry.code) {
            diagnostics.push(
                Diagnostic::error(
                    entry.code_span,
                    format!("code {} appears twice in enum `{enum_name}`", entry.code),
                )
                .related(entries[earlier].code_span, "first used here")
                .help("keep one entry per code; if the code means something else in another section, put that section in its own [[enum]]"),
            );
            rejected[at] = true;
            continue;
        }
        codes.insert(&entry.code, at);
        if let Some(&earlier) = names.get(entry.name.as_str()) {
            let other = &entries[earlier];
            let help = if entry.name_derived || other.name_derived {
                "the name is derived from the message when `name` is absent; add an explicit `name = \"…\"` to one of the entries"
            } else {
                "give each entry of one enum its own `name`"
            };
            let origin = if entry.name_derived && other.name_derived {
                "derived variant names collide"
            } else {
                "variant name is used twice"
            };
            diagnostics.push(
                Diagnostic::error(
                    entry.name_span,
                    format!(
                        "{origin}: `{}` in enum `{enum_name}` (codes {} and {})",
                        entry.name, other.code, entry.code
                    ),
                )
                .related(other.name_span, "first used here")
                .help(help),
            );
            rejected[at] = true;
            continue;
        }
        names.insert(&entry.name, at);
    }
    // A refinement is a variant too: its name is unique among all of the enum's.
    let mut refinement_names: HashMap<&str, Span> = HashMap::new();
    for (at, entry) in entries.iter().enumerate() {
        for refinement in &entry.refinements {
            let clash = names
                .get(refinement.name.as_str())
                .map(|&index| entries[index].name_span)
                .or_else(|| refinement_names.get(refinement.name.as_str()).copied());
            match clash {
                Some(first) => {
                    diagnostics.push(
                        Diagnostic::error(
                            refinement.name_span,
                            format!(
                                "variant name is used twice: refinement `{}` of code {} in enum `{enum_name}`",
                                refinement.name, entry.code
                            ),
                        )
                        .related(first, "first used here")
                        .help("give the refinement its own `name = \"…\"`"),
                    );
                    rejected[at] = true;
                }
                None => {
                    refinement_names.insert(&refinement.name, refinement.name_span);
                }
            }
        }
    }
    rejected
}

fn article(code: &Code) -> &'static str {
    match code {
        Code::Int(_) => "an",
        Code::Str(_) => "a",
    }
}
