//! Importing a messy page: links, strike-through, emphasis, inline code, repeated header
//! rows, blank rows, repeated codes, sub-codes, string codes, empty messages, code blocks and
//! comments that only look like tables.

mod common;

use common::{errcodes, scratch, valid, write};
use errcodes_codegen::{Catalog, Code, Entry};

const PAGE: &str = r#"---
title: front matter | not a table
---
# Acme Pay API

Intro text with a | pipe.

```md
| Code | Message |
| --- | --- |
| 999 | inside a code block |
```

<!--
| Code | Message |
| --- | --- |
| 998 | inside a comment |
-->

## General errors

| Code | HTTP Status | Message | Explanation |
| :--- | --- | --- | --- |
| [401](../auth#401) | 401 | **Unauthorized** request | See [auth docs](https://x.io/auth) |
| ~~110016~~ | 400 | Old *style* parameter error | Removed in v2 \| use 110017 |
|  |  |  |  |
| Code | HTTP Status | Message | Explanation |
| --- | --- | --- | --- |
| 110017 | 400 | Parameter `amount` is _invalid_ | |
| 401 | 401 | Token expired | Log in again |
| 51004_1101 | 200 | Order failed: size too large | |
| 51004_1102 | 200 | Order amendment failed | |
| 0 | 200 |  | |
| 7 | 200 |  | Only an explanation |
| 10011 | 400 | Parameter error | |
| 10012 | 400 | Parameter error | |
| 5 | 500 | Say "hi" to C:\path | |

| 6 | 500 | After a blank line | |

## Card errors

| Error Code | Name | Description |
| --- | --- | --- |
| `card_declined` | CARD_DECLINED | The card was _declined_. |
| `expired_card` |  | The card has expired. |
| `card_declined` | | Declined again. |

## Notes

| Field | Type |
| --- | --- |
| id | string |
"#;

struct Imported {
    catalog: Catalog,
    stderr: String,
}

/// Imports [`PAGE`] in a directory of its own (`test` names it: tests run in parallel).
fn import_page(test: &str) -> Imported {
    let dir = scratch(test);
    let doc = write(&dir, "acme.md", PAGE);
    let run = errcodes(&["import".as_ref(), doc.as_os_str()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    Imported {
        catalog: valid(&run.stdout),
        stderr: run.stderr,
    }
}

fn entry(catalog: &Catalog, enum_at: usize, code: Code) -> &Entry {
    catalog.enums[enum_at]
        .entries
        .iter()
        .find(|e| e.code == code)
        .unwrap_or_else(|| panic!("no {code} in {}", catalog.enums[enum_at].name))
}

#[test]
fn reads_only_real_error_tables() {
    let Imported { catalog, stderr } = import_page("reads_only_real_error_tables");
    assert_eq!(catalog.name, "acme");
    assert_eq!(catalog.title.as_deref(), Some("Acme Pay API"));
    let names: Vec<&str> = catalog.enums.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["AcmeGeneralError", "AcmeCardError"]);
    assert_eq!(catalog.enums[0].doc.as_deref(), Some("General errors"));
    let codes: Vec<Code> = catalog.enums[0]
        .entries
        .iter()
        .map(|e| e.code.clone())
        .collect();
    assert_eq!(
        codes,
        [401, 110016, 110017, 51004, 0, 7, 10011, 10012, 5, 6].map(Code::Int)
    );
    // The Notes table has no Code column: skipped, with a warning that says why.
    assert!(
        stderr.contains("acme.md:51: warning: table skipped: no Code column"),
        "{stderr}"
    );
}

#[test]
fn reduces_markup_to_text() {
    let Imported { catalog, .. } = import_page("reduces_markup_to_text");
    let unauthorized = entry(&catalog, 0, Code::Int(401));
    assert_eq!(unauthorized.message, "Unauthorized request");
    assert_eq!(unauthorized.name, "UnauthorizedRequest");
    assert_eq!(unauthorized.kind.as_str(), "authentication");
    let invalid = entry(&catalog, 0, Code::Int(110017));
    assert_eq!(invalid.message, "Parameter amount is invalid");
    assert_eq!(invalid.description, None);
    let quoted = entry(&catalog, 0, Code::Int(5));
    assert_eq!(quoted.message, r#"Say "hi" to C:\path"#);
    assert_eq!(
        entry(&catalog, 0, Code::Int(6)).message,
        "After a blank line"
    );
}

#[test]
fn keeps_struck_codes_as_deprecated() {
    let Imported { catalog, .. } = import_page("keeps_struck_codes_as_deprecated");
    let old = entry(&catalog, 0, Code::Int(110016));
    assert!(old.deprecated);
    assert_eq!(old.message, "Old style parameter error");
    assert_eq!(
        old.description.as_deref(),
        Some("Removed in v2 | use 110017")
    );
    assert!(!entry(&catalog, 0, Code::Int(110017)).deprecated);
}

#[test]
fn folds_repeated_codes_and_sub_codes_with_warnings() {
    let Imported { catalog, stderr } =
        import_page("folds_repeated_codes_and_sub_codes_with_warnings");
    let unauthorized = entry(&catalog, 0, Code::Int(401));
    assert_eq!(
        unauthorized.description.as_deref(),
        Some("See auth docs\nAlso documented as: Token expired — Log in again")
    );
    assert!(
        stderr.contains(
            "acme.md:30: warning: code 401 appears again in `AcmeGeneralError` (first at line 24)"
        ),
        "{stderr}"
    );
    let order = entry(&catalog, 0, Code::Int(51004));
    assert_eq!(order.message, "Order failed: size too large");
    assert_eq!(
        order.description.as_deref(),
        Some(
            "Documented as sub-code 51004_1101.\nAlso documented as sub-code 51004_1102: Order amendment failed"
        )
    );
    assert!(
        stderr.contains("acme.md:32: warning: sub-code 51004_1102 is folded into code 51004 of `AcmeGeneralError` (first at line 31)"),
        "{stderr}"
    );
    let declined = entry(&catalog, 1, Code::Str("card_declined".into()));
    assert_eq!(
        declined.description.as_deref(),
        Some("Also documented as: Declined again.")
    );
    assert!(stderr.contains("acme.md:47: warning: code `card_declined` appears again"));
}

#[test]
fn fills_empty_messages_and_says_so() {
    let Imported { catalog, stderr } = import_page("fills_empty_messages_and_says_so");
    let zero = entry(&catalog, 0, Code::Int(0));
    assert_eq!((zero.message.as_str(), zero.name.as_str()), ("0", "Code0"));
    assert!(stderr.contains(
        "acme.md:33: warning: code 0 of `AcmeGeneralError` has neither message nor description"
    ));
    let seven = entry(&catalog, 0, Code::Int(7));
    assert_eq!(seven.message, "Only an explanation");
    assert_eq!(seven.description, None);
    assert!(stderr.contains(
        "acme.md:34: warning: code 7 of `AcmeGeneralError` has no message; its description is used"
    ));
}

#[test]
fn names_variants_uniquely() {
    let Imported { catalog, .. } = import_page("names_variants_uniquely");
    assert_eq!(entry(&catalog, 0, Code::Int(10011)).name, "ParameterError");
    assert_eq!(
        entry(&catalog, 0, Code::Int(10012)).name,
        "ParameterError10012"
    );
    // String codes: the Name column first, else the code itself.
    let cards = &catalog.enums[1].entries;
    let names: Vec<(&Code, &str)> = cards.iter().map(|e| (&e.code, e.name.as_str())).collect();
    assert_eq!(
        names,
        [
            (&Code::Str("card_declined".into()), "CardDeclined"),
            (&Code::Str("expired_card".into()), "ExpiredCard"),
        ]
    );
    assert_eq!(cards[0].message, "The card was declined.");
}

#[test]
fn writes_explicit_names_in_field_order_with_a_generated_comment() {
    let dir = scratch("import_messy_text");
    let doc = write(&dir, "acme.md", PAGE);
    let run = errcodes(&[
        "import".as_ref(),
        doc.as_os_str(),
        "--source".as_ref(),
        "https://acme.example/errors".as_ref(),
        "--envelope-message".as_ref(),
        "msg".as_ref(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = run.stdout;
    // Written to standard output (no clone around it): the schema by URL, then the comment.
    let (schema, rest) = text.split_once('\n').unwrap();
    assert!(
        schema.starts_with("#:schema https://") && schema.ends_with("/catalog.schema.json"),
        "{schema}"
    );
    assert!(rest.starts_with("# Generated by `errcodes import` from acme.md.\n"));
    assert!(text.contains("review them"));
    assert!(text.contains(
        "[catalog]\nname = \"acme\"\ntitle = \"Acme Pay API\"\nsource = \"https://acme.example/errors\"\nenvelope = { code = \"code\", message = \"msg\" }\n"
    ), "{text}");
    assert!(text.contains(
        "[[enum.error]]\ncode = 110016\nname = \"OldStyleParameterError\"\nmessage = \"Old style parameter error\"\nkind = \"invalid_request\"\ndescription = \"Removed in v2 | use 110017\"\ndeprecated = true\n\n"
    ), "{text}");
    let catalog = valid(&text);
    assert!(
        catalog
            .enums
            .iter()
            .flat_map(|d| &d.entries)
            .all(|e| !e.name_derived)
    );
    assert_eq!(catalog.envelope.message, "msg");
}

#[test]
fn reports_pages_without_codes_and_bad_arguments() {
    let dir = scratch("import_failures");
    let prose = write(&dir, "prose.md", "# Nothing here\n\nJust words.\n");
    let run = errcodes(&["import".as_ref(), prose.as_os_str()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("no table with a Code column found in prose.md; errcodes import reads markdown pipe tables (| Code | Message |) or lines `CODE MESSAGE | EXPLANATION |`"),
        "{}",
        run.stderr
    );
    let missing = dir.join("missing.md");
    let run = errcodes(&["import".as_ref(), missing.as_os_str()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("cannot read"), "{}", run.stderr);
    let doc = write(&dir, "acme.md", PAGE);
    let run = errcodes(&[
        "import".as_ref(),
        doc.as_os_str(),
        "--catalog".as_ref(),
        "Acme Pay".as_ref(),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("is not a lower-case id"),
        "{}",
        run.stderr
    );
    let digits = write(&dir, "003_x.md", PAGE);
    let run = errcodes(&["import".as_ref(), digits.as_os_str()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--catalog NAME"), "{}", run.stderr);
}

#[test]
fn imports_code_lists_and_splits_restarted_numbering() {
    let dir = scratch("import_lines");
    let doc = write(
        &dir,
        "demo.txt",
        "1 first | one |\n5 [second](x) | |\n2 again | restart |\n5 repeats | |\n3 three | |\n",
    );
    let run = errcodes(&["import".as_ref(), doc.as_os_str()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let catalog = valid(&run.stdout);
    let sections: Vec<(&str, Vec<&str>)> = catalog
        .enums
        .iter()
        .map(|d| {
            (
                d.name.as_str(),
                d.entries.iter().map(|e| e.message.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        sections,
        [
            ("DemoError", vec!["first", "second"]),
            ("DemoSection2Error", vec!["again", "repeats", "three"]),
        ]
    );
    assert_eq!(
        catalog.enums[0].entries[0].description.as_deref(),
        Some("one")
    );
}

#[test]
fn a_byte_order_mark_does_not_hide_the_title() {
    let dir = scratch("import_bom");
    let doc = write(
        &dir,
        "bom.md",
        "\u{feff}# Bom API\n\n| Code | Message |\n| -- | -- |\n| 1 | One |\n",
    );
    let run = errcodes(&["import".as_ref(), doc.as_os_str()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(valid(&run.stdout).title.as_deref(), Some("Bom API"));
}

#[test]
fn a_message_ending_in_an_open_brace_is_kept_and_the_catalog_checks() {
    // `{x` never closed is the venue's text, not a placeholder: it is copied byte for byte
    // and `check` warns about it without failing (fuzz finding
    // `regressions/update/update-stray-brace-in-message`).
    let dir = scratch("open_brace");
    let page = "# Acme\n\n| Code | Message |\n| --- | --- |\n| 1 | bad {x |\n| 2 | Field {amount} too large |\n";
    let doc = write(&dir, "acme.md", page);
    let run = errcodes(&["import".as_ref(), doc.as_os_str()]);
    assert_eq!(run.code, 0, "{}", run.all());
    let catalog = valid(&run.stdout);
    assert_eq!(entry(&catalog, 0, Code::Int(1)).message, "bad {x");
    assert_eq!(
        entry(&catalog, 0, Code::Int(2)).message,
        "Field {amount} too large"
    );
}
