//! Rules that span entries: unique codes, unique names, one code type per enum, unique enum
//! names. Every check is a hash-map pass, so a 50,000-code catalog costs linear time.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Span};
use crate::model::{Catalog, Code, Entry, EnumDef};

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
        duplicates_among_rejected(def, &mut diagnostics);
        let rejected = check_entries(&def.name, &def.entries, &mut diagnostics);
        if rejected.contains(&true) {
            let mut flags = rejected.into_iter();
            def.entries.retain(|_| !flags.next().unwrap_or(false));
        }
    }
    diagnostics
}

/// A code used twice where one of the two entries was left out for another mistake: said now,
/// not after that mistake is fixed. Said once, at the later of the two, like the check of
/// whole entries; pairs of whole entries are that check's.
fn duplicates_among_rejected(def: &EnumDef, diagnostics: &mut Vec<Diagnostic>) {
    if def.rejected_codes.is_empty() {
        return;
    }
    let first: HashMap<&Code, Span> = def
        .entries
        .iter()
        .map(|entry| (&entry.code, entry.code_span))
        .collect();
    let mut seen: HashMap<&Code, Span> = HashMap::with_capacity(def.rejected_codes.len());
    for (code, span) in &def.rejected_codes {
        let earlier = [first.get(code), seen.get(code)]
            .into_iter()
            .flatten()
            .copied()
            .min_by_key(|other| other.start);
        if let Some(other) = earlier {
            let (at, before) = if other.start < span.start {
                (*span, other)
            } else {
                (other, *span)
            };
            diagnostics.push(
                Diagnostic::error(
                    at,
                    format!("code {code} appears twice in enum `{}`", def.name),
                )
                .related(before, "first used here")
                .help("keep one entry per code; if the code means something else in another section, put that section in its own [[enum]]"),
            );
        }
        seen.entry(code).or_insert(*span);
    }
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
