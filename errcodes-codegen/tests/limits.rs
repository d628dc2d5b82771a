//! A catalog past one of the engine's limits gets its error, and gets it quickly: each limit is
//! checked before the work it bounds. The time bounds are generous sanity guards (the checks
//! these replaced took minutes or tried to allocate tens of gigabytes); the assertions that
//! matter are the errors.

use std::fmt::Write;
use std::time::{Duration, Instant};

use errcodes_codegen::limits::{
    MAX_REFINEMENTS, MAX_TEMPLATE_CODES, MAX_TEXT_CHARS, MAX_TOML_DEPTH,
};
use errcodes_codegen::{Checked, LineIndex, check};

const HEADER: &str = "[catalog]\nname = \"demo\"\n\n[[enum]]\nname = \"DemoError\"\n";

/// Checks `text`, and fails when it takes longer than a few seconds.
fn timed_check(text: &str) -> Checked {
    let started = Instant::now();
    let checked = check(text);
    let took = started.elapsed();
    assert!(
        took < Duration::from_secs(5),
        "checking took {took:?}; every check is meant to be linear or bounded"
    );
    checked
}

/// The errors as `line:column: message`.
fn errors(text: &str, checked: &Checked) -> Vec<String> {
    let lines = LineIndex::new(text);
    checked
        .errors()
        .map(|error| format!("{}: {}", lines.position(error.span.start), error.message))
        .collect()
}

fn entry_with_refinements(count: usize, message: impl Fn(usize) -> String) -> String {
    let mut text =
        format!("{HEADER}\n[[enum.error]]\ncode = 1\nmessage = \"Base\"\nkind = \"other\"\n");
    for at in 0..count {
        write!(
            text,
            "\n[[enum.error.refine]]\nname = \"R{at}\"\nmessage = \"{}\"\nkind = \"other\"\n",
            message(at)
        )
        .unwrap();
    }
    text
}

#[test]
fn ten_thousand_refinements_of_one_code_are_refused_at_once() {
    let text = entry_with_refinements(10_000, |at| format!("Failure {{x}} number {at}"));
    let checked = timed_check(&text);
    assert_eq!(
        errors(&text, &checked),
        [format!(
            "8:8: code 1 has 10000 refinements; at most {MAX_REFINEMENTS} are supported"
        )]
    );
}

#[test]
fn refinements_up_to_the_limit_are_all_compared() {
    // The last two can match one message: the pairwise check still runs at the limit.
    let text = entry_with_refinements(MAX_REFINEMENTS, |at| match at {
        at if at == MAX_REFINEMENTS - 1 => "Failure {x} number 0".to_owned(),
        at => format!("Failure {{x}} number {at}"),
    });
    let checked = timed_check(&text);
    let errors = errors(&text, &checked);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("refinements `R0` and `R254` of code 1 can both match one message"),
        "{errors:?}"
    );
}

#[test]
fn two_long_refinement_messages_are_compared_in_linear_memory() {
    // Both at the limit: the overlap walk this replaced needed 4,096 × 4,096 bytes per pair
    // here and len × len in general (tens of gigabytes for two 100,000-byte messages).
    let long = |end: &str| format!("{{x}}{}{end}", "a".repeat(MAX_TEXT_CHARS - 4));
    let text = entry_with_refinements(2, |at| long(if at == 0 { "b" } else { "c" }));
    assert!(timed_check(&text).is_valid());
}

#[test]
fn a_message_past_the_limit_is_refused_with_its_length() {
    let text = format!(
        "{HEADER}\n[[enum.error]]\ncode = 1\nmessage = \"{}\"\nkind = \"other\"\n",
        "x".repeat(1_000_000)
    );
    let checked = timed_check(&text);
    assert_eq!(
        errors(&text, &checked),
        [format!(
            "9:11: `message` is 1000000 characters long, longer than the limit of {MAX_TEXT_CHARS}"
        )]
    );
}

#[test]
fn a_message_at_the_limit_is_accepted() {
    let text = format!(
        "{HEADER}\n[[enum.error]]\ncode = 1\nmessage = \"{}\"\nname = \"Long\"\nkind = \"other\"\n",
        "x".repeat(MAX_TEXT_CHARS)
    );
    assert!(timed_check(&text).is_valid());
}

#[test]
fn a_string_code_and_an_http_message_past_the_limit_are_refused() {
    let long = "x".repeat(MAX_TEXT_CHARS + 1);
    let text = format!(
        "[catalog]\nname = \"demo\"\n\n[[http]]\nstatus = 418\nname = \"Teapot\"\nmessage = \"{long}\"\nkind = \"other\"\n\n[[enum]]\nname = \"DemoError\"\n\n[[enum.error]]\ncode = \"{long}\"\nmessage = \"Long\"\nkind = \"other\"\n"
    );
    let checked = timed_check(&text);
    let limit = format!("4097 characters long, longer than the limit of {MAX_TEXT_CHARS}");
    assert_eq!(
        errors(&text, &checked),
        [
            format!("7:11: `message` is {limit}"),
            format!("14:8: `code` is {limit}"),
        ]
    );
}

#[test]
fn too_many_template_codes_in_one_enum_are_refused_before_comparing_them() {
    let mut text = HEADER.to_owned();
    for at in 0..5_000 {
        write!(
            text,
            "\n[[enum.error]]\ncode = \"E{at}: {{detail}}\"\nname = \"E{at}\"\nmessage = \"Failure\"\nkind = \"other\"\n"
        )
        .unwrap();
    }
    let checked = timed_check(&text);
    assert_eq!(
        errors(&text, &checked),
        [format!(
            "8:8: enum `DemoError` has 5000 template codes; at most {MAX_TEMPLATE_CODES} are supported"
        )]
    );
}

#[test]
fn many_rejected_entries_are_removed_in_linear_time() {
    // 5,000 copies of one code: each but the first is rejected, and removing them searched the
    // list of rejected positions once per entry; now one flag per entry says it.
    let mut text = HEADER.to_owned();
    for at in 0..5_000 {
        write!(
            text,
            "\n[[enum.error]]\ncode = 1\nname = \"E{at}\"\nmessage = \"Failure\"\nkind = \"other\"\n"
        )
        .unwrap();
    }
    let checked = check(&text);
    assert_eq!(checked.errors().count(), 4_999);
    assert_eq!(checked.catalog.enums[0].entries.len(), 1);
}

/// `key = [[[…]]]`, `depth` arrays deep, inside an entry.
fn nested_arrays(depth: usize) -> String {
    format!(
        "{HEADER}\n[[enum.error]]\ncode = 1\nmessage = \"Failure\"\nkind = \"other\"\ndescription = {}{}\n",
        "[".repeat(depth),
        "]".repeat(depth)
    )
}

#[test]
fn nesting_past_the_toml_parsers_limit_is_a_syntax_error_not_a_crash() {
    for depth in [MAX_TOML_DEPTH + 1, 100_000] {
        let text = nested_arrays(depth);
        let checked = timed_check(&text);
        let errors = errors(&text, &checked);
        assert!(
            errors
                .iter()
                .any(|error| error.contains("invalid TOML: cannot recurse further")),
            "{depth}: {errors:?}"
        );
    }
}

#[test]
fn nesting_at_the_toml_parsers_limit_is_read() {
    // Parsed, then refused by the loader for its type, not by the parser for its depth.
    let text = nested_arrays(MAX_TOML_DEPTH);
    let checked = timed_check(&text);
    let errors = errors(&text, &checked);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("`description` in [[enum.error]] must be a string, found an array"),
        "{errors:?}"
    );
}

#[test]
fn a_huge_unknown_value_or_key_is_reported_without_comparing_it_letter_by_letter() {
    // "did you mean" compares a misspelt kind, retry advice or key with every valid one, at a
    // cost of their lengths multiplied; a long value is too far from any of them to compare.
    let huge = "x".repeat(500_000);
    let text = format!(
        "{HEADER}\n[[enum.error]]\ncode = 1\nmessage = \"Failure\"\nkind = \"{huge}\"\n{huge} = 1\n"
    );
    let checked = timed_check(&text);
    let errors = errors(&text, &checked);
    assert_eq!(
        errors.len(),
        2,
        "{:?}",
        errors.iter().map(|e| &e[..60]).collect::<Vec<_>>()
    );
    assert!(
        errors[0].starts_with("10:8: unknown kind `xxx"),
        "{}",
        &errors[0][..60]
    );
    assert!(
        errors[1].starts_with("11:1: unknown field `xxx"),
        "{}",
        &errors[1][..60]
    );
}
