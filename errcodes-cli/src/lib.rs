//! `errcodes`: check, import, document and look up error-code catalogs.
//!
//! This file holds the command line's shape (clap types) and nothing else; each command lives
//! in its own module. Exit codes: 0 on success, 1 when a catalog or document has errors (or a
//! looked-up code is not listed), 2 on usage errors.
//!
//! The command is a library with a two-line `main.rs` so that the fuzz targets in `fuzz/` can
//! call the importer directly ([`fuzz`]); the library is not a stable API.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

mod check;
mod docs;
pub mod fuzz;
mod import;
mod lookup;
mod output;
mod render;
mod schema;
mod suggest_kind;

/// Exit code for a catalog or document with errors.
const FAILURE: u8 = 1;
/// Exit code for a command line that cannot be carried out (clap uses it too).
const USAGE: u8 = 2;

/// Check, import, document and look up error-code catalogs (the TOML files read by
/// `errcodes!`).
#[derive(Debug, Parser)]
#[command(name = "errcodes", version, about, long_about = None)]
struct Cli {
    /// When to color diagnostics.
    #[arg(long, value_enum, default_value_t = Color::Auto, global = true)]
    color: Color,

    #[command(subcommand)]
    command: Command,
}

/// When to color diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    /// Color when standard error is a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always color.
    Always,
    /// Never color.
    Never,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check catalogs with the same rules as the `errcodes!` macro.
    ///
    /// Prints every error rustc-style (file, line, column, the source line and a caret, with a
    /// help line saying how to fix it), then one summary line per file. Exits with 1 when any
    /// file has errors. `--review` adds the review list: the warnings a person decides once,
    /// such as entries left at kind `other`; they never fail.
    Check(CheckArgs),
    /// Turn an error-code documentation page into a catalog.
    #[command(long_about = import::long_about())]
    Import(Box<ImportArgs>),
    /// Render a catalog as a markdown reference page on standard output.
    ///
    /// The page has the catalog's title and source, then, per enum, a heading and a table
    /// `Code | Name | Kind | Retry | Message`. Struck-through codes are deprecated ones.
    Docs(DocsArgs),
    /// Print what a code means in every enum of a catalog that lists it.
    ///
    /// Shows the enum, variant, message, kind, retry advice (with what the advice means),
    /// description and whether the code is deprecated. A code is compared as an integer in
    /// integer-coded enums and as the literal string in string-coded ones. Exits with 1 when no
    /// enum lists the code.
    Lookup(LookupArgs),
    /// Print the JSON Schema of the catalog format (versions 1 and 2) on standard output.
    ///
    /// Editors with TOML language support (Taplo / Even Better TOML, tombi) follow a catalog's
    /// first line `#:schema PATH-OR-URL` to it: completion, hints for every key, kind and retry
    /// value, and errors as you type. The bundled catalogs point to the copy kept beside them,
    /// errcodes-catalogs/catalogs/catalog.schema.json, which the errcodes-catalogs package ships.
    Schema,
}

/// Arguments of `errcodes check`.
#[derive(Debug, Args)]
struct CheckArgs {
    /// Catalog files to check; every one is checked, even after errors.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,

    /// Also print the review list: the warnings a person decides once (entries left at kind
    /// `other`, a code that two responding sections list), and count them in the summary.
    #[arg(long)]
    review: bool,

    /// Print errors only: the default without --review, kept for scripts.
    #[arg(short, long, conflicts_with = "review")]
    quiet: bool,
}

/// Arguments of `errcodes import`.
#[derive(Debug, Args)]
struct ImportArgs {
    /// The documentation page: markdown or HTML with error tables or code headings, or lines
    /// `CODE MESSAGE | EXPLANATION |`.
    #[arg(value_name = "DOC")]
    doc: PathBuf,

    /// The catalog's lower-case id (`[catalog] name`); default: DOC's file stem, lower-cased.
    #[arg(long, value_name = "NAME")]
    catalog: Option<String>,

    /// The catalog's title; default: the page's first `# ` heading.
    #[arg(long, value_name = "T")]
    title: Option<String>,

    /// Where the codes come from, usually the documentation's URL.
    #[arg(long, value_name = "URL")]
    source: Option<String>,

    /// Field of the API's JSON error body holding the code (writes an `envelope`).
    #[arg(long, value_name = "FIELD")]
    envelope_code: Option<String>,

    /// Field of the API's JSON error body holding the message (writes an `envelope`).
    #[arg(long, value_name = "FIELD")]
    envelope_message: Option<String>,

    /// Boolean field of the API's JSON body that is false on errors (writes an `envelope`).
    #[arg(long, value_name = "FIELD")]
    envelope_success: Option<String>,

    /// Merge the page into this reviewed catalog instead of writing a new one: unchanged codes
    /// keep everything (name, kind, retry, description, refinements, comments), new codes are
    /// added with suggested kinds, changed messages are updated, codes gone from the page are
    /// kept with `deprecated = true`; every change is listed. An unchanged page gives the file
    /// back byte for byte. Write the result with -o (it may be CATALOG.toml itself).
    #[arg(long, value_name = "CATALOG.toml")]
    update: Option<PathBuf>,

    /// The column of codes, when the headers do not say: its header text (any case) or its
    /// 1-based number. Every table read must have it.
    #[arg(long, value_name = "NAME")]
    code_column: Option<String>,

    /// The column of messages, when the headers do not say: its header text (any case) or its
    /// 1-based number. A column guessed as the message then goes to the description.
    #[arg(long, value_name = "NAME")]
    message_column: Option<String>,

    /// Write the catalog to this file instead of standard output.
    #[arg(short, long, value_name = "OUT.toml")]
    output: Option<PathBuf>,

    /// The JSON Schema for the catalog's first line `#:schema REF` (editor support); default:
    /// the repository's copy by relative path when OUT.toml is inside a clone of errcodes,
    /// else its URL.
    #[arg(long, value_name = "REF")]
    schema: Option<String>,
}

/// Arguments of `errcodes docs`.
#[derive(Debug, Args)]
struct DocsArgs {
    /// The catalog to render.
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

/// Arguments of `errcodes lookup`.
#[derive(Debug, Args)]
struct LookupArgs {
    /// The catalog to search.
    #[arg(value_name = "FILE")]
    file: PathBuf,

    /// The code, as the API sends it: `700002`, `-1` or `card_declined`.
    #[arg(value_name = "CODE", allow_hyphen_values = true)]
    code: String,
}

/// Runs the `errcodes` command line on the process's arguments and returns its exit code.
///
/// ```no_run
/// fn main() -> std::process::ExitCode {
///     errcodes_cli::main()
/// }
/// ```
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let styled = render::use_color(cli.color);
    match cli.command {
        Command::Check(args) => {
            let shown = if args.review {
                check::Shown::Review
            } else {
                check::Shown::Errors
            };
            check::run(&args.files, shown, styled)
        }
        Command::Import(args) => import::run(&args, styled),
        Command::Docs(args) => docs::run(&args.file, styled),
        Command::Lookup(args) => lookup::run(&args.file, &args.code, styled),
        Command::Schema => schema::run(),
    }
}
