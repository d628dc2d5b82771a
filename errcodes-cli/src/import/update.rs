//! `errcodes import DOC --update CATALOG.toml`: a new version of the docs merged into a
//! reviewed catalog without losing the review.
//!
//! The reviewed file is edited as a TOML document (`toml_edit`), so comments, key order,
//! formatting and keys this command does not know (v2 refinements, `retry_after`, `[[http]]`)
//! stay as they are, and a page that did not change gives the file back byte for byte.
//!
//! Per code: unchanged code and message → nothing touched; a new message → `message` replaced;
//! a new code → an entry with a suggested kind appended to its enum; a code gone from the page
//! → kept (users' matches still compile) with `deprecated = true`. Sections are matched by
//! heading (`doc`), then enum name, then position; a new section becomes a new `[[enum]]`.

use std::collections::{HashMap, HashSet};

use errcodes_codegen::template::Template;
use std::fmt;

use errcodes_codegen::Code;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

use errcodes_codegen::{Entry, EnumDef};

use super::assemble::retry_is_advice;

/// One difference between the reviewed catalog and the new page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A code the catalog did not list.
    Added {
        enum_name: String,
        code: String,
        name: String,
        kind: String,
    },
    /// A listed code whose message is now different.
    Changed {
        enum_name: String,
        code: String,
        old: String,
        new: String,
    },
    /// A listed code that the page no longer lists (kept, marked deprecated).
    Removed { enum_name: String, code: String },
    /// A code marked deprecated (struck through or gone) that the page lists again.
    Restored { enum_name: String, code: String },
    /// A code the page now strikes through.
    Struck { enum_name: String, code: String },
    /// A section the catalog did not have; `silent` says why it was written with
    /// `responses = false` (it would have broken the catalog's `api_enum` or `api_error`).
    NewEnum {
        enum_name: String,
        entries: usize,
        silent: Option<String>,
    },
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Added {
                enum_name,
                code,
                name,
                kind,
            } => write!(
                f,
                "added    {enum_name} {code} as `{name}`, suggested kind `{kind}` (review it)"
            ),
            Change::Changed {
                enum_name,
                code,
                old,
                new,
            } => {
                write!(f, "changed  {enum_name} {code} message: {old:?} -> {new:?}")
            }
            Change::Removed { enum_name, code } => write!(
                f,
                "removed  {enum_name} {code}: no longer documented; kept with deprecated = true"
            ),
            Change::Restored { enum_name, code } => write!(
                f,
                "restored {enum_name} {code}: documented again; deprecated removed"
            ),
            Change::Struck { enum_name, code } => write!(
                f,
                "struck   {enum_name} {code}: struck through on the page; deprecated = true"
            ),
            Change::NewEnum {
                enum_name,
                entries,
                silent: None,
            } => write!(
                f,
                "added    enum {enum_name} with {entries} entries (a new section; review its kinds)"
            ),
            Change::NewEnum {
                enum_name,
                entries,
                silent: Some(why),
            } => write!(
                f,
                "added    enum {enum_name} with {entries} entries and responses = false: {why} (a new section; review its kinds, and whether responses read it)"
            ),
        }
    }
}

/// What the merge gives: the new catalog text and every change, in catalog order.
#[derive(Debug, Clone)]
pub struct Merged {
    pub toml: String,
    pub changes: Vec<Change>,
}

/// A code as a summary shows it.
fn shown(code: &Code) -> String {
    match code {
        Code::Int(code) => code.to_string(),
        Code::Str(code) => format!("{code:?}"),
    }
}

/// The code of a reviewed entry table.
fn code_of(entry: &Table) -> Option<Code> {
    let item = entry.get("code")?;
    item.as_integer()
        .map(Code::Int)
        .or_else(|| item.as_str().map(|s| Code::Str(s.to_owned())))
}

fn str_of<'a>(table: &'a Table, key: &str) -> Option<&'a str> {
    table.get(key).and_then(Item::as_str)
}

/// Merges `fresh` (the new page, imported) into `reviewed` (the catalog's text).
pub fn merge(reviewed: &str, fresh: &[EnumDef], file: &str) -> Result<Merged, String> {
    let mut doc: DocumentMut = reviewed.parse().map_err(|error| {
        format!("{file} is not valid TOML ({error}); fix it with `errcodes check {file}` first")
    })?;
    let mut changes = Vec::new();
    let api_names = ["api_enum", "api_error"].map(|key| {
        doc.get("catalog")
            .and_then(|catalog| catalog.get(key))
            .and_then(Item::as_str)
            .map(str::to_owned)
    });
    let enums = match doc.get_mut("enum") {
        Some(item) => item.as_array_of_tables_mut().ok_or_else(|| {
            format!("{file}: `enum` is not an array of tables; write each as [[enum]]")
        })?,
        None => {
            doc.insert("enum", Item::ArrayOfTables(ArrayOfTables::new()));
            doc["enum"].as_array_of_tables_mut().expect("just inserted")
        }
    };
    let mut api = Api::of(&api_names, enums);
    let pairs = pair_sections(enums, fresh);
    let reviewed_count = enums.len();
    let mut matched = HashSet::new();
    for (fresh_at, reviewed_at) in pairs.iter().enumerate() {
        let section = &fresh[fresh_at];
        match reviewed_at {
            // Every section paired with this enum is merged at its first one, together.
            Some(at) if !matched.contains(at) => {
                matched.insert(*at);
                let together = gathered(fresh, &pairs, *at);
                let table = enums.get_mut(*at).expect("a paired index");
                merge_enum(table, &together, &mut changes, file)?;
            }
            Some(_) => {}
            None => {
                let silent = api.joins(section);
                let mut table = new_enum(section);
                if silent.is_some() {
                    table.insert("responses", value(false));
                }
                enums.push(table);
                changes.push(Change::NewEnum {
                    enum_name: section.name.clone(),
                    entries: section.entries.len(),
                    silent,
                });
            }
        }
    }
    // A whole section gone from the page: every code of it is removed.
    for at in (0..reviewed_count).filter(|at| !matched.contains(at)) {
        let table = enums.get_mut(at).expect("an index in range");
        let enum_name = str_of(table, "name").unwrap_or("?").to_owned();
        if let Some(errors) = table
            .get_mut("error")
            .and_then(Item::as_array_of_tables_mut)
        {
            for entry in errors.iter_mut() {
                mark_removed(entry, &enum_name, &mut changes);
            }
        }
    }
    Ok(Merged {
        toml: doc.to_string(),
        changes,
    })
}

/// What the catalog's `api_enum` or `api_error` needs of its responding sections (the
/// engine's rule, `validate_venue::api`): `api_enum` joins sections of one code type,
/// `api_error` alone reads exactly one section. A new section that would break it is written
/// with `responses = false`, so that the merged catalog passes `errcodes check` (fuzz finding
/// `regressions/update/update-new-section-of-the-other-code-type`).
struct Api {
    /// `api_enum`, then `api_error`, as the catalog names them.
    names: [Option<String>; 2],
    /// How many enums respond.
    responding: usize,
    /// Whether the first responding enum has string codes.
    strings: Option<bool>,
}

impl Api {
    fn of(names: &[Option<String>; 2], enums: &ArrayOfTables) -> Api {
        let responding: Vec<&Table> = enums
            .iter()
            .filter(|t| t.get("responses").and_then(Item::as_bool) != Some(false))
            .collect();
        let strings = responding.first().map(|first| {
            let code = first
                .get("error")
                .and_then(Item::as_array_of_tables)
                .and_then(|errors| errors.iter().find_map(code_of));
            matches!(code, Some(Code::Str(_)))
        });
        Api {
            names: names.clone(),
            responding: responding.len(),
            strings,
        }
    }

    /// Why `section` may not respond, or `None` when it joins the others (counted then).
    fn joins(&mut self, section: &EnumDef) -> Option<String> {
        let strings = matches!(section.entries.first().map(|e| &e.code), Some(Code::Str(_)));
        let why = match &self.names {
            [Some(api_enum), _] => match self.strings {
                Some(theirs) if theirs != strings => Some(format!(
                    "its codes are {}, and `{api_enum}` joins sections of {} codes",
                    if strings { "strings" } else { "integers" },
                    if theirs { "string" } else { "integer" },
                )),
                _ => None,
            },
            [None, Some(api_error)] if self.responding >= 1 => Some(format!(
                "`{api_error}` reads responses with one section, and the catalog has one"
            )),
            _ => None,
        };
        if why.is_none() {
            self.responding += 1;
            self.strings.get_or_insert(strings);
        }
        why
    }
}

/// The fresh sections paired with reviewed enum `at`, as one section (the first of them with
/// the others' entries appended; a code listed by two keeps its first entry).
fn gathered(fresh: &[EnumDef], pairs: &[Option<usize>], at: usize) -> EnumDef {
    let mut sections = fresh
        .iter()
        .zip(pairs)
        .filter(|(_, pair)| **pair == Some(at))
        .map(|(section, _)| section);
    let mut together = sections.next().cloned().expect("enum `at` is paired");
    let mut codes: HashSet<Code> = together.entries.iter().map(|e| e.code.clone()).collect();
    for section in sections {
        for entry in &section.entries {
            if codes.insert(entry.code.clone()) {
                together.entries.push(entry.clone());
            }
        }
    }
    together
}

/// For each fresh section, the index of the reviewed `[[enum]]` it updates: same heading (one
/// the page does not repeat), else
/// same name, else the enum that already lists most of its codes (several sections may go
/// to one enum: a reviewed catalog may gather the page's sections, as the Binance catalogs
/// do), else the same position when that enum is still free.
fn pair_sections(enums: &ArrayOfTables, fresh: &[EnumDef]) -> Vec<Option<usize>> {
    let docs: Vec<Option<&str>> = enums.iter().map(|t| str_of(t, "doc")).collect();
    let names: Vec<Option<&str>> = enums.iter().map(|t| str_of(t, "name")).collect();
    let codes: Vec<HashSet<Code>> = enums
        .iter()
        .map(|t| {
            t.get("error")
                .and_then(Item::as_array_of_tables)
                .map(|errors| errors.iter().filter_map(code_of).collect())
                .unwrap_or_default()
        })
        .collect();
    let mut taken = HashSet::new();
    let mut pairs = vec![None; fresh.len()];
    let claim = |pairs: &mut Vec<Option<usize>>,
                 taken: &mut HashSet<usize>,
                 find: &dyn Fn(usize, &EnumDef) -> Option<usize>| {
        for (at, section) in fresh.iter().enumerate() {
            if pairs[at].is_some() {
                continue;
            }
            if let Some(found) = find(at, section).filter(|f| !taken.contains(f)) {
                taken.insert(found);
                pairs[at] = Some(found);
            }
        }
    };
    // A heading the page uses twice names neither section: its codes or names decide (else
    // the second merge pairs the first such section with the enum the first merge made of
    // the second; fuzz finding `regressions/update/update-new-section-of-the-other-code-type`).
    let mut headings: HashMap<&str, usize> = HashMap::new();
    for doc in fresh.iter().filter_map(|section| section.doc.as_deref()) {
        *headings.entry(doc).or_default() += 1;
    }
    claim(&mut pairs, &mut taken, &|_, section| {
        let doc = section.doc.as_deref().filter(|doc| headings[doc] == 1)?;
        docs.iter().position(|d| *d == Some(doc))
    });
    claim(&mut pairs, &mut taken, &|_, section| {
        names.iter().position(|n| *n == Some(section.name.as_str()))
    });
    for (at, section) in fresh.iter().enumerate() {
        if pairs[at].is_some() || section.entries.is_empty() {
            continue;
        }
        let listed = |reviewed: &HashSet<Code>| {
            section
                .entries
                .iter()
                .filter(|e| reviewed.contains(&e.code))
                .count()
        };
        // An enum no section has claimed yet first: a section the first merge added as a new
        // enum claims it by name in the next merge, and may list more of this section's codes
        // than the enum this section went to the first time (fuzz finding
        // `regressions/update/update-repeated-table-pairs-with-the-new-enum`).
        let qualifies = |r: &usize| listed(&codes[*r]) * 2 >= section.entries.len();
        let most = |r: &usize| (listed(&codes[*r]), std::cmp::Reverse(*r));
        let best = (0..codes.len())
            .filter(|r| !taken.contains(r))
            .filter(qualifies)
            .max_by_key(most)
            .or_else(|| (0..codes.len()).filter(qualifies).max_by_key(most));
        if let Some(best) = best {
            taken.insert(best);
            pairs[at] = Some(best);
        }
    }
    claim(&mut pairs, &mut taken, &|at, _| {
        (at < enums.len()).then_some(at)
    });
    pairs
}

fn mark_removed(entry: &mut Table, enum_name: &str, changes: &mut Vec<Change>) {
    if entry.get("deprecated").and_then(Item::as_bool) == Some(true) {
        return;
    }
    entry.insert("deprecated", value(true));
    if let Some(code) = code_of(entry) {
        changes.push(Change::Removed {
            enum_name: enum_name.to_owned(),
            code: shown(&code),
        });
    }
}

/// Updates one reviewed `[[enum]]` from its fresh section.
fn merge_enum(
    table: &mut Table,
    section: &EnumDef,
    changes: &mut Vec<Change>,
    file: &str,
) -> Result<(), String> {
    let enum_name = str_of(table, "name").unwrap_or(&section.name).to_owned();
    if table.get("error").is_none() {
        table.insert("error", Item::ArrayOfTables(ArrayOfTables::new()));
    }
    let errors = table
        .get_mut("error")
        .and_then(Item::as_array_of_tables_mut)
        .ok_or_else(|| {
            format!("{file}: `error` of enum {enum_name} is not written as [[enum.error]]")
        })?;
    // One enum has one code type: a section the page gives as strings (a stray row among
    // the codes) cannot go into an enum of integers, nor the other way round.
    let is_int = |code: &Code| matches!(code, Code::Int(_));
    let ints = errors
        .iter()
        .find_map(code_of)
        .or_else(|| section.entries.first().map(|e| e.code.clone()))
        .map(|code| is_int(&code));
    if let Some(ints) = ints
        && let Some(odd) = section.entries.iter().find(|e| is_int(&e.code) != ints)
    {
        let (has, lists) = if ints {
            ("integer", "a string")
        } else {
            ("string", "an integer")
        };
        return Err(format!(
            "{file}: enum {enum_name} has {has} codes, but the page lists {lists} code for it, {}; one enum has one code type: correct the code on the page, or name its code column with --code-column, then run the update again",
            shown(&odd.code),
        ));
    }
    let mut names: HashSet<String> = HashSet::new();
    for entry in errors.iter() {
        // An entry without `name` takes the one the engine derives from its message: a new
        // entry must not take that name either.
        names.extend(str_of(entry, "name").map(str::to_owned).or_else(|| {
            str_of(entry, "message").and_then(errcodes_codegen::naming::derive_variant_name)
        }));
        if let Some(refine) = entry.get("refine").and_then(Item::as_array_of_tables) {
            names.extend(
                refine
                    .iter()
                    .filter_map(|r| str_of(r, "name"))
                    .map(str::to_owned),
            );
        }
    }
    let reviewed_count = errors.len();
    let mut seen = HashSet::new();
    let targets = claimed_entries(errors, section);
    for (fresh, target) in section.entries.iter().zip(targets) {
        let Some(at) = target else {
            let name = unique(&fresh.name, &fresh.code, &names);
            names.insert(name.clone());
            errors.push(new_entry(fresh, &name));
            changes.push(Change::Added {
                enum_name: enum_name.clone(),
                code: shown(&fresh.code),
                name,
                kind: fresh.kind.as_str().to_owned(),
            });
            continue;
        };
        seen.insert(at);
        let entry = errors.get_mut(at).expect("an index of this array");
        let code = shown(&fresh.code);
        let old = str_of(entry, "message").unwrap_or_default().to_owned();
        // The catalog may name the page's placeholders (`{currency}` for `{param0}`): the
        // same words with other names are the same message, and the catalog's names stay.
        if !Template::new(&old).same_shape(&Template::new(&fresh.message)) {
            // An entry without `name` is named after its message: it keeps that name, written
            // out, so that users' matches still compile and a new text that names nothing
            // (fuzz finding `regressions/update/update-message-that-names-nothing`) is fine.
            if entry.get("name").is_none()
                && let Some(name) = errcodes_codegen::naming::derive_variant_name(&old)
            {
                entry.insert("name", value(name));
            }
            // Replace the value only, keeping the key's comments and spacing.
            if let Some(item) = entry.get_mut("message") {
                let decor = item.as_value().map(|v| v.decor().clone());
                *item = value(fresh.message.as_str());
                if let (Some(decor), Some(v)) = (decor, item.as_value_mut()) {
                    *v.decor_mut() = decor;
                }
            } else {
                entry.insert("message", value(fresh.message.as_str()));
            }
            changes.push(Change::Changed {
                enum_name: enum_name.clone(),
                code: code.clone(),
                old,
                new: fresh.message.clone(),
            });
        }
        let deprecated = entry.get("deprecated").and_then(Item::as_bool) == Some(true);
        if deprecated && !fresh.deprecated {
            entry.remove("deprecated");
            changes.push(Change::Restored {
                enum_name: enum_name.clone(),
                code,
            });
        } else if !deprecated && fresh.deprecated {
            entry.insert("deprecated", value(true));
            changes.push(Change::Struck {
                enum_name: enum_name.clone(),
                code,
            });
        }
    }
    for (at, entry) in errors.iter_mut().enumerate().take(reviewed_count) {
        if !seen.contains(&at) {
            mark_removed(entry, &enum_name, changes);
        }
    }
    Ok(())
}

/// For each fresh entry (in page order), the reviewed entry it updates, or `None` for a new
/// one. A reviewed entry is updated by at most one fresh entry, or one page would write two
/// messages into it and merging it again would write them again (fuzz finding
/// `regressions/update/update-merged-twice-changes`). The same code wins first; then a
/// reviewed entry whose code is a template (Kraken's `EService: Throttled: [UNIX timestamp]`
/// reviewed as `EService: Throttled: {until}`) takes the first documented code it matches,
/// one spelled with the same words ([`Template::same_shape`]) before one it merely matches.
/// A second documented code that the template matches becomes an entry of its own, whose
/// exact code then wins for its own text in the engine as in the next merge.
fn claimed_entries(errors: &ArrayOfTables, section: &EnumDef) -> Vec<Option<usize>> {
    let mut by_code: HashMap<Code, usize> = HashMap::new();
    let mut templates: Vec<(usize, String)> = Vec::new();
    for (at, entry) in errors.iter().enumerate() {
        let Some(code) = code_of(entry) else { continue };
        if let Code::Str(text) = &code
            && Template::new(text).has_placeholders()
        {
            templates.push((at, text.clone()));
        }
        by_code.entry(code).or_insert(at);
    }
    let mut claimed: HashSet<usize> = HashSet::new();
    let mut targets: Vec<Option<usize>> = section
        .entries
        .iter()
        .map(|fresh| {
            // The importer lists a code once per section, so no two fresh entries share one.
            let at = by_code.get(&fresh.code).copied()?;
            claimed.insert(at);
            Some(at)
        })
        .collect();
    let same_words =
        |template: &str, code: &str| Template::new(template).same_shape(&Template::new(code));
    let matched = |template: &str, code: &str| Template::new(template).matches(code);
    for pass in [&same_words as &dyn Fn(&str, &str) -> bool, &matched] {
        for (fresh, target) in section.entries.iter().zip(targets.iter_mut()) {
            let (None, Code::Str(code)) = (&target, &fresh.code) else {
                continue;
            };
            let found = templates
                .iter()
                .find(|(at, template)| !claimed.contains(at) && pass(template, code));
            if let Some((at, _)) = found {
                claimed.insert(*at);
                *target = Some(*at);
            }
        }
    }
    targets
}

/// `name`, or with the code appended, then a counter, when the enum already uses it.
fn unique(name: &str, code: &Code, names: &HashSet<String>) -> String {
    if !names.contains(name) {
        return name.to_owned();
    }
    let suffix = match code {
        Code::Int(c) if *c < 0 => format!("Minus{}", c.unsigned_abs()),
        Code::Int(c) => c.to_string(),
        Code::Str(_) => String::new(),
    };
    let with_code = format!("{name}{suffix}");
    if !names.contains(&with_code) {
        return with_code;
    }
    (2..)
        .map(|n| format!("{with_code}{n}"))
        .find(|candidate| !names.contains(candidate))
        .expect("an unused counter exists")
}

/// A new `[[enum.error]]` table, laid out like the importer's own.
fn new_entry(entry: &Entry, name: &str) -> Table {
    let mut table = Table::new();
    table.decor_mut().set_prefix("\n");
    match &entry.code {
        Code::Int(code) => table.insert("code", value(*code)),
        Code::Str(code) => table.insert("code", value(code.as_str())),
    };
    table.insert("name", value(name));
    table.insert("message", value(entry.message.as_str()));
    table.insert("kind", value(entry.kind.as_str()));
    if retry_is_advice(entry) {
        table.insert("retry", value(entry.retry.as_str()));
    }
    if let Some(description) = &entry.description {
        table.insert("description", value(description.as_str()));
    }
    if entry.deprecated {
        table.insert("deprecated", value(true));
    }
    table
}

/// A new `[[enum]]` with all its entries.
fn new_enum(section: &EnumDef) -> Table {
    let mut table = Table::new();
    table.decor_mut().set_prefix("\n");
    table.insert("name", value(section.name.as_str()));
    if let Some(doc) = &section.doc {
        table.insert("doc", value(doc.as_str()));
    }
    let mut errors = ArrayOfTables::new();
    let mut names = HashSet::new();
    for entry in &section.entries {
        let name = unique(&entry.name, &entry.code, &names);
        names.insert(name.clone());
        errors.push(new_entry(entry, &name));
    }
    table.insert("error", Item::ArrayOfTables(errors));
    table
}
