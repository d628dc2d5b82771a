//! `errcodes import DOC`: a documentation page of error codes becomes a catalog.
//!
//! The page is read as HTML ([`html`]) when it holds a `<table>` or `<html>` element, else as
//! markdown ([`markdown`]); both give the same [`blocks`], in which [`layout`] finds the
//! error tables or code headings. A page without any is read as lines
//! `CODE MESSAGE | EXPLANATION |` ([`lines`]). All give [`RawSection`]s of [`RawRow`]s exactly
//! as the page wrote them; [`assemble`] turns those into enums (code types, repeated codes,
//! variant names, suggested kinds) and [`write`] into TOML. The written text is checked with
//! the engine's rules before it leaves, so an import is always a catalog `errcodes check`
//! accepts.

use std::path::Path;
use std::process::ExitCode;

use annotate_snippets::Level;
use errcodes_codegen::Envelope;
use errcodes_codegen::ErrorKind;

use crate::{ImportArgs, check, render};
use columns::{Choice, ColumnName, Missing};

pub mod assemble;
pub mod blocks;
pub mod columns;
pub mod html;
pub mod layout;
pub mod lines;
pub mod markdown;
pub mod update;
pub mod write;

/// The `--help` text of `errcodes import`: the rules, so that a user can predict the output,
/// with every accepted column name (read from the lists the parser uses).
pub fn long_about() -> String {
    let names = |list: &[&str]| list.join(", ");
    LONG_ABOUT
        .replace("{CODE}", &names(columns::CODE_HEADERS))
        .replace("{MESSAGE}", &names(columns::MESSAGE_HEADERS))
        .replace("{DESCRIPTION}", &names(columns::DESCRIPTION_HEADERS))
        .replace("{NAME}", &names(columns::NAME_HEADERS))
}

const LONG_ABOUT: &str = "\
Turn an error-code documentation page into a catalog (TOML, on standard output unless -o).

FORMATS
  The page is HTML when it holds a <table> or <html> element (a saved, built docs page),
  else markdown (CommonMark with GitHub's tables and strike-through). In both, error codes
  are found in tables, code headings or code lists.
  Tables: a header row with a Code column and a Message or Description column, and
  optionally a Name column. Column names accepted (case, `_`, `-`, markup ignored):
    code:        {CODE}
    message:     {MESSAGE}
    description: {DESCRIPTION}
    name:        {NAME}
  With a Message column, a Description column becomes each entry's `description`; without
  one, it is the message. Other columns (HTTP Status...) are ignored. When the header and the
  cells disagree (the Code column holds sentences, the Message column holds codes), the cells
  win, with a warning. When the headers are not enough, name the columns with --code-column
  and --message-column (a header text, or a 1-based column number). An HTML table without a
  <thead> takes its first row as the header, and so does a table whose header row is empty.
  Sections: each heading (<h1>-<h6> in HTML) that holds codes becomes one [[enum]], and so
  does a bullet item (`- Futures related`) or an all-bold line right before a table; anchor
  marks (`[#](#x)`, `{#x}`, `¶`) are dropped from headings. Tables before any title form one
  more.
  Code headings: a heading `### -1003 TOO_MANY_REQUESTS` (an integer code, then the name)
  followed by bullet items lists one documented message per bullet: the first is the
  message, the others go to the description. The codes belong to the section of the heading
  above them. A paragraph holding only a code (`100202`) followed by bullets reads the same.
  A code without a name (heading, paragraph or list item) counts only under a heading that
  speaks of errors, and never when it reads as a date (a changelog's `## 20240715`).
  Code lists: three or more bullet items in a row `CODE - message` (or `CODE: message`).
  A header cell that is no column name but holds one among other words (`code error code`,
  a tooltip run into it) is the code column when its cells look like codes (with a
  warning). A delimiter row of another width than its header row still makes a table.
  A later `# ` title whose sections list only codes listed before it, and at least nine in
  ten of them (a translation of the page), is skipped with a warning.
  Lines `CODE MESSAGE | EXPLANATION |`, one code per line, when the page has none (the
  explanation becomes the `description`). A new section starts where the code decreases and
  the increasing run starting there repeats a code of the current section (a restarted
  numbering).

CLEANING
  Markup is reduced to the text a reader sees: [text](url) -> text, `code` -> code,
  **x**/*x*/_x_ -> x, \\| -> |, entities decoded, <br> -> a space; in HTML, runs of white
  space are one space. A struck-through code (~~110016~~, <del>, <s>) is kept with
  `deprecated = true`. Blank rows, separator rows and repeated header rows are skipped.
  Messages are otherwise byte for byte.

CODES
  A section's codes are integers when every one is a plain i64, otherwise strings; a stray
  row (at most one in ten, e.g. `0 or absent`) in a table of integer codes is skipped with a
  warning naming its line instead of turning every code into a string. A code
  repeated in one section keeps its first row; the later rows' messages are added to its
  description, with a warning (both line numbers). A sub-code CODE_N (OKX's 51004_1101) in an
  integer section is another occurrence of CODE, folded the same way. A row without a message
  uses its description, or else its code, as the message (with a warning).

NAMES
  Enum: the heading in UpperCamelCase, without a final Code(s), Errors -> Error, `Error`
  appended unless it ends in Error or Reason, prefixed with the catalog name unless it starts
  with it (\"Basic code\" in catalog mixpay -> MixpayBasicError). Unnamed sections are
  <Catalog>Error, then <Catalog>Section2Error...
  Variant: the Name column in UpperCamelCase (TOO_MANY_REQUESTS -> TooManyRequests); else, for
  string codes, the code (card_declined -> CardDeclined); else the message's words (the rule
  `errcodes!` uses): placeholders and asides in parentheses left out, filler words (a, the, of,
  for, is, has, please, your...) dropped, at most six kept (\"Account has insufficient balance
  for requested action.\" -> AccountInsufficientBalanceRequestedAction); else Code<code>. A name already used in the enum gets the code
  appended (ParameterError10011), then a counter. Names are always written explicitly.

KINDS
  Suggested from the entry's words by an ordered rule table (too many requests ->
  rate_limited, signature/API key -> authentication, timestamp/recvWindow ->
  invalid_timestamp, ... parameter/invalid -> invalid_request). The Name column or string
  code is read first, then the message, then the description's first sentence; the first
  that matches a rule decides, and `other` is left when none does. `retry = \"verify_first\"` is written when the text says to query
  the outcome before retrying. Review them: `errcodes check --review` lists the entries left at `other`.";

/// One row of a table, or one line of a code list, as the page wrote it (markup removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRow {
    /// 1-based line in the document.
    pub line: usize,
    /// The code's text.
    pub code: String,
    /// The code is struck through.
    pub struck: bool,
    /// The Name column, when the table has one and the cell is not empty.
    pub name: Option<String>,
    /// The message; may be empty (see [`assemble`]).
    pub message: String,
    /// The description or explanation, when not empty.
    pub description: Option<String>,
    /// Another documented message of the code of the row before (a code heading with several
    /// bullets): folded into that entry without a warning, as the page means it.
    pub continues: bool,
}

/// The rows under one heading (or one numbering run of a code list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawSection {
    /// The heading's text, markup removed; `None` for rows before any heading.
    pub heading: Option<String>,
    /// The rows, in document order.
    pub rows: Vec<RawRow>,
}

/// A parsed page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Page {
    /// The first `# ` heading.
    pub title: Option<String>,
    /// Sections that hold at least one row.
    pub sections: Vec<RawSection>,
}

/// Something the importer decided that a person should know about, at a line of DOC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// 1-based line in the document.
    pub line: usize,
    /// What happened, lower-case.
    pub message: String,
}

impl Warning {
    /// A warning at `line`.
    pub fn new(line: usize, message: impl Into<String>) -> Self {
        Warning {
            line,
            message: message.into(),
        }
    }
}

/// Everything the catalog header needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// `[catalog] name`.
    pub name: String,
    /// `[catalog] title`.
    pub title: Option<String>,
    /// `[catalog] source`.
    pub source: Option<String>,
    /// `[catalog] envelope`, written only when given.
    pub envelope: Option<Envelope>,
    /// DOC's file name, for the generated-file comment.
    pub doc_name: String,
    /// Where the `#:schema` first line points.
    pub schema: String,
}

/// The result of an import, before and after writing.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The catalog's TOML text.
    pub toml: String,
    /// Every warning about the document, in line order.
    pub warnings: Vec<Warning>,
    /// How many enums and entries were written.
    pub enums: usize,
    /// How many entries were written.
    pub entries: usize,
    /// How many entries were left at kind `other`.
    pub other: usize,
    /// The enums the catalog was written from (what `--update` merges).
    pub sections: Vec<errcodes_codegen::EnumDef>,
}

/// Why an import failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The command line cannot be carried out (exit code 2).
    Usage(String),
    /// The document holds no error codes, or cannot be read (exit code 1).
    Document(String),
    /// A catalog fails `errcodes check`: the reviewed one of `--update`, or (a bug) the one
    /// made. Its errors are shown against its text, then the message (exit code 1).
    Check {
        /// The catalog's name for the diagnostics: its path, or `<imported catalog>`.
        file: String,
        text: String,
        errors: Vec<errcodes_codegen::Diagnostic>,
        message: String,
    },
}

/// The reviewed catalog of `--update`, checked before anything is merged into it: one that
/// fails `errcodes check` (an empty file, `code = 1.5`) is refused, since the merge would
/// keep its errors and the result could not be used.
pub fn check_reviewed(text: &str, file: &str) -> Result<errcodes_codegen::Catalog, ImportError> {
    let checked = errcodes_codegen::check(text);
    let errors: Vec<_> = checked.errors().cloned().collect();
    if errors.is_empty() {
        return Ok(checked.catalog);
    }
    Err(ImportError::Check {
        file: file.to_owned(),
        text: text.to_owned(),
        message: format!(
            "{file} does not pass `errcodes check` ({}); --update merges a page only into a catalog that checks clean: fix it first (`errcodes check {file}` shows the same), then run the update again",
            check::plural(errors.len(), "error"),
        ),
        errors,
    })
}

/// The promise of `errcodes import`: what it writes passes `errcodes check`. A catalog `toml`
/// made from DOC `shown` that does not is a bug in the importer, reported with the engine's
/// own diagnostics.
pub fn passes_check(toml: &str, shown: &str) -> Result<(), ImportError> {
    let errors: Vec<_> = errcodes_codegen::check(toml).errors().cloned().collect();
    if errors.is_empty() {
        return Ok(());
    }
    Err(ImportError::Check {
        file: "<imported catalog>".to_owned(),
        text: toml.to_owned(),
        errors,
        message: format!(
            "the catalog made from {shown} does not pass `errcodes check`; this is a bug in errcodes import, please report it with the document"
        ),
    })
}

/// Parses `text` (the contents of DOC) and writes the catalog.
pub fn import(text: &str, header: &Header, choice: &Choice) -> Result<Imported, ImportError> {
    let mut warnings = Vec::new();
    let is_html = html::is_html(text);
    let blocks = if is_html {
        html::blocks(text)
    } else {
        markdown::blocks(text)
    }
    .map_err(|deep| ImportError::Document(deep.message(&header.doc_name)))?;
    let layout::Layout { mut page, tables } = layout::read(&blocks, choice, &mut warnings);
    if page.sections.is_empty() && !is_html && tables.is_empty() {
        let mut line_warnings = Vec::new();
        let sections = lines::parse(text, &mut line_warnings);
        if !sections.is_empty() {
            page.sections = sections;
            warnings.extend(line_warnings);
        }
    }
    if page.sections.is_empty() {
        let mut problem = nothing_found(&header.doc_name, is_html, &tables, choice);
        for warning in &warnings {
            problem.push_str(&format!(
                "\n  {}:{}: {}",
                header.doc_name, warning.line, warning.message
            ));
        }
        return Err(ImportError::Document(problem));
    }
    let header = Header {
        title: header.title.clone().or(page.title),
        ..header.clone()
    };
    let enums = assemble::enums(&header.name, page.sections, &mut warnings);
    if enums.is_empty() {
        let mut problem = format!(
            "no row of {} could be kept as an error code: each was skipped, as the warnings below say",
            header.doc_name
        );
        for warning in &warnings {
            problem.push_str(&format!(
                "\n  {}:{}: {}",
                header.doc_name, warning.line, warning.message
            ));
        }
        return Err(ImportError::Document(problem));
    }
    let toml = write::catalog(&header, &enums);
    warnings.sort_by_key(|w| w.line);
    Ok(Imported {
        toml,
        warnings,
        enums: enums.len(),
        entries: enums.iter().map(|e| e.entries.len()).sum(),
        other: enums
            .iter()
            .flat_map(|e| &e.entries)
            .filter(|entry| entry.kind == ErrorKind::Other)
            .count(),
        sections: enums,
    })
}

/// Why a page gave no codes: what it holds, and what to do.
fn nothing_found(
    doc: &str,
    is_html: bool,
    tables: &[layout::SeenTable],
    choice: &Choice,
) -> String {
    let format = if is_html { "HTML" } else { "markdown" };
    if tables.is_empty() {
        return if is_html {
            format!(
                "no table found in {doc} (read as HTML: it holds a <table> or <html> element); errcodes import reads <table>s with a code column, and headings `CODE NAME` followed by one bullet per message"
            )
        } else {
            format!(
                "no table with a Code column found in {doc}; errcodes import reads markdown pipe tables (| Code | Message |) or lines `CODE MESSAGE | EXPLANATION |`, HTML <table>s, and headings `### CODE NAME` followed by one bullet per message"
            )
        };
    }
    let headers = tables
        .iter()
        .map(|t| t.headers.join(" | "))
        .collect::<Vec<_>>()
        .join("; ");
    let found = match tables.len() {
        1 => format!("found 1 {format} table in {doc}"),
        n => format!("found {n} {format} tables in {doc}"),
    };
    let named = tables.iter().find_map(|t| match &t.missing {
        Some(Missing::Named(option, name)) => Some((*option, name.clone())),
        _ => None,
    });
    if let Some((option, name)) = named {
        return format!(
            "{found}, but none has the column {name} named by {option} (headers: {headers}); give a header text or a 1-based column number of the table"
        );
    }
    if tables.iter().all(|t| t.missing == Some(Missing::Code)) {
        return format!(
            "{found}, but none has a column of codes (headers: {headers}); name the code column with --code-column"
        );
    }
    if tables.iter().all(|t| t.missing.is_some()) {
        let hint = if choice.code.is_some() {
            "name the message column with --message-column"
        } else {
            "name the columns with --code-column and --message-column"
        };
        return format!(
            "{found}, but none has both a column of codes and one of messages (headers: {headers}); {hint}"
        );
    }
    format!(
        "{found}, but their rows hold no codes (headers: {headers}); check that the code column is the one with the codes, or name it with --code-column"
    )
}

/// The columns named on the command line.
fn choice(args: &ImportArgs) -> Result<Choice, ImportError> {
    let parse = |flag: &str, value: &Option<String>| match value {
        Some(v) if v.trim().is_empty() => Err(ImportError::Usage(format!(
            "{flag} is empty; give a header text (e.g. `{flag} Code`) or a 1-based column number"
        ))),
        Some(v) => Ok(Some(ColumnName::parse(v))),
        None => Ok(None),
    };
    Ok(Choice {
        code: parse("--code-column", &args.code_column)?,
        message: parse("--message-column", &args.message_column)?,
    })
}

/// `[catalog] name`: `--catalog`, else DOC's stem lower-cased with other characters as `_`.
fn catalog_name(args: &ImportArgs, reviewed: Option<String>) -> Result<String, ImportError> {
    if let (None, Some(name)) = (&args.catalog, reviewed) {
        return Ok(name);
    }
    if let Some(name) = &args.catalog {
        return if errcodes_codegen::naming::is_catalog_name(name) {
            Ok(name.clone())
        } else {
            Err(ImportError::Usage(format!(
                "--catalog `{name}` is not a lower-case id; use lower-case ASCII letters, digits, `_` or `-`, starting with a letter, e.g. `--catalog mexc`"
            )))
        };
    }
    let stem = args
        .doc
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let name: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if errcodes_codegen::naming::is_catalog_name(&name) {
        Ok(name)
    } else {
        Err(ImportError::Usage(format!(
            "cannot make a catalog name from the file name `{}`: it must start with a letter; pass one with `--catalog NAME` (e.g. `--catalog mexc`)",
            args.doc.display()
        )))
    }
}

/// Builds the header from the command line.
fn header(args: &ImportArgs, reviewed_name: Option<String>) -> Result<Header, ImportError> {
    let envelope = (args.envelope_code.is_some()
        || args.envelope_message.is_some()
        || args.envelope_success.is_some())
    .then(|| {
        let defaults = errcodes_codegen::model::default_envelope();
        Envelope {
            code: args.envelope_code.clone().unwrap_or(defaults.code),
            message: args.envelope_message.clone().unwrap_or(defaults.message),
            success: args.envelope_success.clone(),
            ..defaults
        }
    });
    let non_empty = |flag: &str, value: &Option<String>| match value {
        Some(v) if v.trim().is_empty() => Err(ImportError::Usage(format!(
            "{flag} is empty; give a value or leave the option out"
        ))),
        _ => Ok(value.clone()),
    };
    for (flag, value) in [
        ("--envelope-code", &args.envelope_code),
        ("--envelope-message", &args.envelope_message),
        ("--envelope-success", &args.envelope_success),
    ] {
        non_empty(flag, value)?;
    }
    Ok(Header {
        name: catalog_name(args, reviewed_name)?,
        title: non_empty("--title", &args.title)?,
        source: non_empty("--source", &args.source)?,
        envelope,
        schema: match &args.schema {
            Some(schema) => non_empty("--schema", &Some(schema.clone()))?.unwrap_or_default(),
            None => schema_ref(args.output.as_deref()),
        },
        doc_name: args
            .doc
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| args.doc.display().to_string()),
    })
}

/// The `#:schema` reference for a catalog written to `out`: a relative path to the
/// repository's copy when `out` is inside a clone of errcodes (so it works offline and follows
/// the clone's version), else the schema's URL.
fn schema_ref(out: Option<&Path>) -> String {
    let dir = out
        .and_then(|out| out.parent())
        .map(|dir| {
            if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            }
        })
        .and_then(|dir| dir.canonicalize().ok());
    let Some(dir) = dir else {
        return crate::schema::url();
    };
    for (up, ancestor) in dir.ancestors().enumerate() {
        if ancestor.join(crate::schema::REPO_PATH).is_file() {
            let target = ancestor.join(crate::schema::REPO_PATH);
            if target.parent() == Some(dir.as_path()) {
                return "./catalog.schema.json".to_owned();
            }
            return format!("{}{}", "../".repeat(up), crate::schema::REPO_PATH);
        }
    }
    crate::schema::url()
}

/// The reviewed catalog of `--update`.
fn read_reviewed(path: &Path) -> Result<String, ImportError> {
    std::fs::read_to_string(path).map_err(|error| {
        ImportError::Document(format!(
            "cannot read the catalog to update, {}: {error}; give the path of a catalog .toml",
            path.display()
        ))
    })
}

fn read_doc(path: &Path) -> Result<String, ImportError> {
    let bytes = std::fs::read(path).map_err(|error| {
        ImportError::Document(format!(
            "cannot read {}: {error}; give the path of a saved documentation page",
            path.display()
        ))
    })?;
    // A byte-order mark is not text of the page (it would hide the first heading).
    let bytes = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|error| {
        ImportError::Document(format!(
            "{} is not UTF-8 (first bad byte at offset {}); save the page as UTF-8",
            path.display(),
            error.utf8_error().valid_up_to()
        ))
    })
}

/// Runs `errcodes import`.
pub fn run(args: &ImportArgs, styled: bool) -> ExitCode {
    let fail = |error: ImportError| {
        let (text, code) = match error {
            ImportError::Usage(text) => (text, crate::USAGE),
            ImportError::Document(text) => (text, crate::FAILURE),
            ImportError::Check {
                file,
                text,
                errors,
                message,
            } => {
                for error in &errors {
                    eprintln!("{}", render::diagnostic(error, &text, &file, styled));
                }
                (message, crate::FAILURE)
            }
        };
        eprintln!("{}", render::message(Level::ERROR, &text, None, styled));
        ExitCode::from(code)
    };
    let reviewed = match &args.update {
        Some(path) => match read_reviewed(path) {
            Ok(text) => Some((path, text)),
            Err(error) => return fail(error),
        },
        None => None,
    };
    // Enum names are made from the catalog's name: an update uses the reviewed one's.
    let reviewed_name = match &reviewed {
        Some((path, text)) => match check_reviewed(text, &path.display().to_string()) {
            Ok(catalog) => Some(catalog.name),
            Err(error) => return fail(error),
        },
        None => None,
    };
    let header = match header(args, reviewed_name) {
        Ok(header) => header,
        Err(error) => return fail(error),
    };
    let choice = match choice(args) {
        Ok(choice) => choice,
        Err(error) => return fail(error),
    };
    let mut imported = match read_doc(&args.doc).and_then(|text| import(&text, &header, &choice)) {
        Ok(imported) => imported,
        Err(error) => return fail(error),
    };
    let mut changes = None;
    if let Some((path, text)) = &reviewed {
        let file = path.display().to_string();
        match update::merge(text, &imported.sections, &file) {
            Ok(merged) => {
                imported.toml = merged.toml;
                changes = Some((file, merged.changes));
            }
            Err(problem) => return fail(ImportError::Document(problem)),
        }
    }
    let shown = args.doc.display().to_string();
    for warning in &imported.warnings {
        eprintln!("{shown}:{}: warning: {}", warning.line, warning.message);
    }

    if let Err(error) = passes_check(&imported.toml, &shown) {
        return fail(error);
    }

    let written = match &args.output {
        Some(path) => std::fs::write(path, &imported.toml).map_err(|error| {
            ImportError::Document(format!(
                "cannot write {}: {error}; check that its directory exists and is writable",
                path.display()
            ))
        }),
        None => {
            crate::output::print(&imported.toml);
            Ok(())
        }
    };
    if let Err(error) = written {
        return fail(error);
    }
    if let Some((file, changes)) = changes {
        for change in &changes {
            eprintln!("  {change}");
        }
        let count = |f: fn(&update::Change) -> bool| changes.iter().filter(|c| f(c)).count();
        eprintln!(
            "updated {file} from {shown}: {} added, {} changed, {} removed (kept as deprecated), {} other changes; {}",
            count(|c| matches!(c, update::Change::Added { .. })),
            count(|c| matches!(c, update::Change::Changed { .. })),
            count(|c| matches!(c, update::Change::Removed { .. })),
            count(|c| !matches!(
                c,
                update::Change::Added { .. }
                    | update::Change::Changed { .. }
                    | update::Change::Removed { .. }
            )),
            if changes.is_empty() {
                "the catalog is unchanged"
            } else {
                "review the added entries' kinds"
            },
        );
        return ExitCode::SUCCESS;
    }
    eprintln!(
        "imported {} from {shown}: {} in {}, {}, {} left at kind `other` (review the suggested kinds: `errcodes check --review` lists them)",
        header.name,
        check::plural(imported.entries, "entry"),
        check::plural(imported.enums, "enum"),
        check::plural(imported.warnings.len(), "warning"),
        imported.other,
    );
    ExitCode::SUCCESS
}
