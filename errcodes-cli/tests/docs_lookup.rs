//! `errcodes docs` and `errcodes lookup` on a small catalog.

mod common;

use std::path::PathBuf;

use common::{errcodes, scratch, valid, write};

const DEMO: &str = r#"[catalog]
name = "demo"
title = "Demo API"
source = "https://demo.example/errors"

[[enum]]
name = "DemoError"
doc = "General codes."

[[enum.error]]
code = 429
name = "TooManyRequests"
message = "Too many requests"
kind = "rate_limited"

[[enum.error]]
code = 1001
name = "PairNotFound"
message = "Pair not found | check the symbol"
kind = "invalid_symbol"
description = "The pair is unknown.\nList pairs first."
deprecated = true

[[enum]]
name = "DemoSubAccountError"

[[enum.error]]
code = 1001
name = "UserInfoError"
message = "User information error"
kind = "not_found"
retry = "verify_first"

[[enum]]
name = "DemoCardError"

[[enum.error]]
code = "card_declined"
name = "CardDeclined"
message = "The card was declined."
kind = "other"
"#;

fn demo(test: &str) -> PathBuf {
    write(&scratch(test), "demo.toml", DEMO)
}

#[test]
fn docs_renders_a_markdown_reference() {
    let path = demo("docs_renders");
    let run = errcodes(&["docs".as_ref(), path.as_os_str()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected = "\
# Demo API

Source: <https://demo.example/errors>

Catalog `demo`: 4 codes in 3 enums. Kinds and retry advice are those of the `errcodes` runtime; struck-through codes are deprecated.

## DemoError

General codes.

| Code | Name | Kind | Retry | Message |
| ---: | --- | --- | --- | --- |
| 429 | TooManyRequests | rate_limited | backoff | Too many requests |
| ~~1001~~ | PairNotFound | invalid_symbol | never | Pair not found \\| check the symbol |

## DemoSubAccountError

| Code | Name | Kind | Retry | Message |
| ---: | --- | --- | --- | --- |
| 1001 | UserInfoError | not_found | verify_first | User information error |

## DemoCardError

| Code | Name | Kind | Retry | Message |
| ---: | --- | --- | --- | --- |
| `card_declined` | CardDeclined | other | never | The card was declined. |
";
    assert_eq!(run.stdout, expected);
}

#[test]
fn docs_output_imports_back_to_the_same_codes_and_messages() {
    let dir = scratch("docs_round_trip");
    let path = write(&dir, "demo.toml", DEMO);
    let page = errcodes(&["docs".as_ref(), path.as_os_str()]).stdout;
    let doc = write(&dir, "demo.md", &page);
    let run = errcodes(&["import".as_ref(), doc.as_os_str()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let original = valid(DEMO);
    let again = valid(&run.stdout);
    let rows = |c: &errcodes_codegen::Catalog| -> Vec<Vec<(String, String, String, bool)>> {
        c.enums
            .iter()
            .map(|d| {
                d.entries
                    .iter()
                    .map(|e| {
                        (
                            e.code.to_string(),
                            e.name.clone(),
                            e.message.clone(),
                            e.deprecated,
                        )
                    })
                    .collect()
            })
            .collect()
    };
    assert_eq!(rows(&again), rows(&original));
}

#[test]
fn lookup_shows_every_enum_listing_the_code() {
    let path = demo("lookup_every_enum");
    let run = errcodes(&["lookup".as_ref(), path.as_os_str(), "1001".as_ref()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected = "\
DemoError::PairNotFound (code 1001)
  message:     Pair not found | check the symbol
  kind:        invalid_symbol (symbol, pair or currency does not exist or is not tradable)
  retry:       never (fix the request first; sending it again unchanged fails the same way)
  description: The pair is unknown.
               List pairs first.
  deprecated:  yes (the documentation strikes it through)

DemoSubAccountError::UserInfoError (code 1001)
  message:     User information error
  kind:        not_found (order, record, user or resource does not exist)
  retry:       verify_first (the outcome is unknown: query the order, transfer or balance before sending again)
";
    assert_eq!(run.stdout, expected);
}

#[test]
fn lookup_reads_string_and_negative_codes() {
    let path = demo("lookup_strings");
    let run = errcodes(&[
        "lookup".as_ref(),
        path.as_os_str(),
        "card_declined".as_ref(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("DemoCardError::CardDeclined (code \"card_declined\")\n")
    );
    assert!(
        run.stdout
            .contains("kind:        other (nothing else fits)")
    );

    let negative = errcodes(&["lookup".as_ref(), path.as_os_str(), "-1".as_ref()]);
    assert_eq!(negative.code, 1, "a negative code is a code, not a flag");
    assert!(
        negative
            .stderr
            .contains("code `-1` is not listed in any enum of")
    );
}

#[test]
fn lookup_finds_a_template_code_as_from_code_does() {
    let catalog = r#"[catalog]
name = "demo"

[[enum]]
name = "DemoCardError"

[[enum.error]]
code = "card_declined"
message = "The card was declined."
kind = "other"

[[enum.error]]
code = "EService: Throttled: {until}"
name = "Throttled"
message = "Throttled until {until}"
kind = "rate_limited"
"#;
    let path = write(&scratch("lookup_template"), "demo.toml", catalog);
    let run = errcodes(&[
        "lookup".as_ref(),
        path.as_os_str(),
        "EService: Throttled: 1700000000".as_ref(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("DemoCardError::Throttled (code \"EService: Throttled: {until}\")\n"),
        "{}",
        run.stdout
    );
    let other = errcodes(&[
        "lookup".as_ref(),
        path.as_os_str(),
        "EService: Busy".as_ref(),
    ]);
    assert_eq!(other.code, 1, "{}", other.stdout);
}

#[test]
fn lookup_fails_clearly_when_no_enum_lists_the_code() {
    let path = demo("lookup_missing");
    let run = errcodes(&["lookup".as_ref(), path.as_os_str(), "404".as_ref()]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr
            .contains("error: code `404` is not listed in any enum of")
            && run
                .stderr
                .contains("(enums: DemoError, DemoSubAccountError, DemoCardError)"),
        "{}",
        run.stderr
    );
}

#[test]
fn docs_and_lookup_refuse_a_broken_catalog() {
    let dir = scratch("docs_broken");
    let broken = write(
        &dir,
        "broken.toml",
        &DEMO.replace("rate_limited", "rate_limitd"),
    );
    for args in [vec!["docs"], vec!["lookup"]] {
        let mut argv: Vec<std::ffi::OsString> = args.iter().map(Into::into).collect();
        argv.push(broken.clone().into_os_string());
        if args[0] == "lookup" {
            argv.push("429".into());
        }
        let run = errcodes(&argv);
        assert_eq!(run.code, 1, "{}", run.all());
        assert!(
            run.stderr.contains("unknown kind `rate_limitd`"),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("errcodes check"), "{}", run.stderr);
    }
}
