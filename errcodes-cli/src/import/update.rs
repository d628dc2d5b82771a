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
    /// A section the catalog did not have.
    NewEnum { enum_name: String, entries: usize },
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
            Change::NewEnum { enum_name, entries } => write!(
                f,
                "added    enum {enum_name} with {entries} entries (a new section; review its kinds)"
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
    let enums = match doc.get_mut("enum") {
        Some(item) => item.as_array_of_tables_mut().ok_or_else(|| {
            format!("{file}: `enum` is not an array of tables; write each as [[enum]]")
        })?,
        None => {
            doc.insert("enum", Item::ArrayOfTables(ArrayOfTables::new()));
            doc["enum"].as_array_of_tables_mut().expect("just inserted")
        }
    };
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
                enums.push(new_enum(section));
                changes.push(Change::NewEnum {
                    enum_name: section.name.clone(),
                    entries: section.entries.len(),
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

/// For each fresh section, the index of the reviewed `[[enum]]` it updates: same heading, else
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
    claim(&mut pairs, &mut taken, &|_, section| {
        let doc = section.doc.as_deref()?;
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
        let best = (0..codes.len()).max_by_key(|&r| (listed(&codes[r]), std::cmp::Reverse(r)));
        if let Some(best) = best
            && listed(&codes[best]) * 2 >= section.entries.len()
        {
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
    let mut by_code: HashMap<Code, usize> = HashMap::new();
    let mut names: HashSet<String> = HashSet::new();
    for (at, entry) in errors.iter().enumerate() {
        if let Some(code) = code_of(entry) {
            by_code.entry(code).or_insert(at);
        }
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
    // A reviewed entry may write a documented code as a template (Kraken's
    // `EService: Throttled: [UNIX timestamp]` as `EService: Throttled: {until}`): the
    // documented spelling is then the entry's code when the template matches it.
    let templates: Vec<(usize, String)> = errors
        .iter()
        .enumerate()
        .filter_map(|(at, entry)| match code_of(entry) {
            Some(Code::Str(code)) if Template::new(&code).has_placeholders() => Some((at, code)),
            _ => None,
        })
        .collect();
    let by_template = |code: &Code| match code {
        Code::Str(text) => templates
            .iter()
            .find(|(_, template)| Template::new(template).matches(text))
            .map(|(at, _)| *at),
        Code::Int(_) => None,
    };
    for fresh in &section.entries {
        let Some(at) = by_code
            .get(&fresh.code)
            .copied()
            .or_else(|| by_template(&fresh.code))
        else {
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
        // Renamed placeholders (`{currency}` for the page's `{param0}`) are the reviewer's: the
        // message is the same as long as its words are.
        if !errcodes_codegen::template::Template::new(&old)
            .same_shape(&errcodes_codegen::template::Template::new(&fresh.message))
        {
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
