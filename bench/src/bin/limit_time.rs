//! How long a catalog past one of the engine's limits takes to get its error, and where the
//! time goes: the `toml` parser alone (`DeTable::parse_recoverable`, the first thing `check`
//! does) against the whole `check` (parse, then the loader and the validation). Run it in the
//! dev profile, as the macro runs in a user's debug build:
//!
//! ```sh
//! cargo run -p errcodes-bench --bin limit_time
//! ```
//!
//! Prints one tab-separated line per catalog: the shape, its size, the parse and check times
//! in milliseconds (medians of at least 5 runs), the part of `check` that is not parsing, and
//! the first error. The catalogs at the limit show what the checks cost when they do run.

use std::fmt::Write;
use std::time::{Duration, Instant};

use errcodes_codegen::limits::{MAX_REFINEMENTS, MAX_TEMPLATE_CODES, MAX_TEXT_CHARS};

const HEADER: &str = "[catalog]\nname = \"demo\"\n\n[[enum]]\nname = \"DemoError\"\n";

/// One code with `count` refinements, each with a message of at least `length` characters.
fn refinements(count: usize, length: usize) -> String {
    let mut text =
        format!("{HEADER}\n[[enum.error]]\ncode = 1\nmessage = \"Base\"\nkind = \"other\"\n");
    for at in 0..count {
        let pad = "a".repeat(length.saturating_sub(24));
        write!(
            text,
            "\n[[enum.error.refine]]\nname = \"R{at}\"\nmessage = \"Failure {{x}} {pad} number {at}\"\nkind = \"other\"\n"
        )
        .expect("writing to a String");
    }
    text
}

/// One enum of `count` string codes, each a template.
fn template_codes(count: usize) -> String {
    let mut text = HEADER.to_owned();
    for at in 0..count {
        write!(
            text,
            "\n[[enum.error]]\ncode = \"E{at}: {{detail}}\"\nname = \"E{at}\"\nmessage = \"Failure\"\nkind = \"other\"\n"
        )
        .expect("writing to a String");
    }
    text
}

/// One entry with a message of `length` characters.
fn long_message(length: usize) -> String {
    format!(
        "{HEADER}\n[[enum.error]]\ncode = 1\nname = \"Long\"\nmessage = \"{}\"\nkind = \"other\"\n",
        "x".repeat(length)
    )
}

/// One entry whose description is `depth` arrays deep.
fn nested(depth: usize) -> String {
    format!(
        "{HEADER}\n[[enum.error]]\ncode = 1\nmessage = \"Failure\"\nkind = \"other\"\ndescription = {}{}\n",
        "[".repeat(depth),
        "]".repeat(depth)
    )
}

fn median(mut values: Vec<Duration>) -> f64 {
    values.sort();
    values[values.len() / 2].as_secs_f64() * 1e3
}

fn main() {
    let catalogs = [
        (
            "10,000 refinements of one code".to_owned(),
            refinements(10_000, 0),
        ),
        (
            "1,000 refinements of 10,000 characters".to_owned(),
            refinements(1_000, 10_000),
        ),
        (
            format!("{MAX_REFINEMENTS} refinements (the limit)"),
            refinements(MAX_REFINEMENTS, 0),
        ),
        (
            format!("{MAX_REFINEMENTS} refinements of {MAX_TEXT_CHARS} characters (the limit)"),
            refinements(MAX_REFINEMENTS, MAX_TEXT_CHARS),
        ),
        ("5,000 template codes".to_owned(), template_codes(5_000)),
        (
            format!("{MAX_TEMPLATE_CODES} template codes (the limit)"),
            template_codes(MAX_TEMPLATE_CODES),
        ),
        (
            "a 1,000,000-character message".to_owned(),
            long_message(1_000_000),
        ),
        ("100,000 nested arrays".to_owned(), nested(100_000)),
    ];
    println!("catalog\tbytes\tparse_ms\tcheck_ms\tafter_parse_ms\tfirst error");
    for (name, text) in catalogs {
        let (mut parse, mut check) = (Vec::new(), Vec::new());
        let mut first = String::new();
        while parse.len() < 5 {
            let t0 = Instant::now();
            std::hint::black_box(toml::de::DeTable::parse_recoverable(std::hint::black_box(
                &text,
            )));
            let t1 = Instant::now();
            let checked = errcodes_codegen::check(std::hint::black_box(&text));
            let t2 = Instant::now();
            first = checked.errors().next().map_or_else(
                || "none".to_owned(),
                |e| e.message.chars().take(90).collect(),
            );
            parse.push(t1 - t0);
            check.push(t2 - t1);
        }
        let (parse, check) = (median(parse), median(check));
        println!(
            "{name}\t{}\t{parse:.1}\t{check:.1}\t{:.1}\t{first}",
            text.len(),
            check - parse
        );
    }
}
