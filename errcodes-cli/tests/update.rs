//! `errcodes import DOC --update CATALOG.toml`: a new version of the docs merged into a
//! reviewed catalog keeps the review, reports every change, and gives an unchanged page's
//! catalog back byte for byte.

mod common;

use std::path::Path;

use common::{errcodes, scratch, valid, workspace, write};
use errcodes_codegen::Code;

const PAGE_V1: &str = "\
# Acme API

## General errors

| Code | Message |
| --- | --- |
| 1001 | Invalid signature |
| 1002 | Too many requests |
| 1003 | Order not found |
";

/// The next version of the docs: 1002's text changed, 1003 gone, 1004 new.
const PAGE_V2: &str = "\
# Acme API

## General errors

| Code | Message |
| --- | --- |
| 1001 | Invalid signature |
| 1002 | Too many requests, slow down |
| 1004 | Insufficient balance |
";

/// The catalog after review: names, kinds, retry, a description, a comment and a v2
/// refinement that the importer never writes.
const REVIEWED: &str = r#"#:schema ./catalog.schema.json
# Reviewed by hand.

[catalog]
name = "acme"
title = "Acme API"

[[enum]]
name = "AcmeGeneralError"
doc = "General errors"

[[enum.error]]
code = 1001
name = "BadSignature"   # renamed in review
message = "Invalid signature"
kind = "authentication"
description = "Sign with the secret key."

[[enum.error.refine]]
name = "BadSignatureEncoding"
message = "Invalid signature: {why}"
kind = "authentication"

[[enum.error]]
code = 1002
name = "Throttled"
message = "Too many requests"
kind = "rate_limited"

[[enum.error]]
code = 1003
name = "UnknownOrder"
message = "Order not found"
kind = "not_found"
retry = "verify_first"
"#;

fn update(test: &str, page: &str) -> (String, String, i32) {
    let dir = scratch(test);
    let doc = write(&dir, "acme.md", page);
    let catalog = write(&dir, "acme.toml", REVIEWED);
    let out = dir.join("out.toml");
    let run = errcodes(&[
        "import".as_ref(),
        doc.as_os_str(),
        "--update".as_ref(),
        catalog.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    let text = std::fs::read_to_string(&out).unwrap_or_default();
    (text, run.stderr, run.code)
}

#[test]
fn an_unchanged_page_gives_the_catalog_back_byte_for_byte() {
    let (text, stderr, code) = update("update_unchanged", PAGE_V1);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(text, REVIEWED);
    assert!(stderr.contains("0 added, 0 changed, 0 removed"), "{stderr}");
}

#[test]
fn a_new_page_adds_updates_and_deprecates_keeping_the_review() {
    let (text, stderr, code) = update("update_changed", PAGE_V2);
    assert_eq!(code, 0, "{stderr}");
    // The review survives: comment, renamed variant, description, refinement, retry.
    assert!(text.starts_with("#:schema ./catalog.schema.json\n# Reviewed by hand.\n"));
    assert!(
        text.contains("name = \"BadSignature\"   # renamed in review\n"),
        "{text}"
    );
    assert!(
        text.contains("[[enum.error.refine]]\nname = \"BadSignatureEncoding\""),
        "{text}"
    );
    assert!(
        text.contains("message = \"Too many requests, slow down\"\nkind = \"rate_limited\""),
        "{text}"
    );
    assert!(text.contains("name = \"UnknownOrder\"\nmessage = \"Order not found\"\nkind = \"not_found\"\nretry = \"verify_first\"\ndeprecated = true\n"), "{text}");
    // Every change is named.
    assert!(stderr.contains("added    AcmeGeneralError 1004 as `InsufficientBalance`, suggested kind `insufficient_funds`"), "{stderr}");
    assert!(stderr.contains("changed  AcmeGeneralError 1002 message: \"Too many requests\" -> \"Too many requests, slow down\""), "{stderr}");
    assert!(
        stderr.contains("removed  AcmeGeneralError 1003"),
        "{stderr}"
    );
    assert!(stderr.contains("1 added, 1 changed, 1 removed"), "{stderr}");

    // The new entry is in its enum; the removed one is still there (matches compile).
    let without_refine = text.replace(
        "\n[[enum.error.refine]]\nname = \"BadSignatureEncoding\"\nmessage = \"Invalid signature: {why}\"\nkind = \"authentication\"\n",
        "",
    );
    let catalog = valid(&without_refine);
    let codes: Vec<&Code> = catalog.enums[0].entries.iter().map(|e| &e.code).collect();
    assert_eq!(
        codes,
        [
            &Code::Int(1001),
            &Code::Int(1002),
            &Code::Int(1003),
            &Code::Int(1004)
        ]
    );
    assert!(catalog.enums[0].entries[2].deprecated);

    // Re-importing the same new page changes nothing more.
    let dir = scratch("update_changed_again");
    let doc = write(&dir, "acme.md", PAGE_V2);
    let catalog_path = write(&dir, "acme.toml", &text);
    let run = errcodes(&[
        "import".as_ref(),
        doc.as_os_str(),
        "--update".as_ref(),
        catalog_path.as_os_str(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, text);
    assert!(
        run.stderr.contains("the catalog is unchanged"),
        "{}",
        run.stderr
    );
}

#[test]
fn bundled_catalogs_update_from_their_sources_unchanged() {
    // The reviewed OKX, Kraken and Stripe catalogs come from sources/: updating each from its
    // page must give it back exactly, with hundreds of hand-reviewed kinds kept.
    for name in ["okx", "kraken", "stripe"] {
        let catalog = workspace().join(format!("errcodes-catalogs/catalogs/{name}.toml"));
        let doc = workspace().join(format!("sources/{name}.md"));
        let run = errcodes(&[
            "import".as_ref(),
            doc.as_os_str(),
            "--update".as_ref(),
            catalog.as_os_str(),
        ]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        let bundled = std::fs::read_to_string(&catalog).unwrap();
        let mut updated = run.stdout.clone();
        if name == "kraken" {
            // Kraken's catalog ends with the sections of two more pages (sources/kraken_spec.md,
            // Kraken's OpenAPI description, then sources/kraken_sdk.md, Kraken's SDK guide), which
            // sources/kraken.md does not list: the update keeps their 9 + 15 entries, marked
            // deprecated, and changes nothing else.
            assert!(
                run.stderr.contains("0 added, 0 changed, 24 removed"),
                "{}",
                run.stderr
            );
            let sdk = updated
                .find("\n[[enum]]\nname = \"KrakenSpecError\"")
                .expect("the sections of the other pages");
            let marked = updated[sdk..].matches("\ndeprecated = true\n").count();
            assert_eq!(marked, 24, "{}", &updated[sdk..]);
            let unmarked = updated[sdk..].replace("\ndeprecated = true\n", "\n");
            updated.replace_range(sdk.., &unmarked);
        }
        assert_eq!(updated, bundled, "{name}");
    }
}

/// Runs `import PAGE_V1 --update CATALOG -o CATALOG` on a reviewed catalog that cannot be
/// used, and also with `-o` a new file; returns the run. Nothing may be written: the catalog
/// keeps its bytes and the new file does not appear.
fn refused_update(test: &str, catalog: &str) -> common::Run {
    let dir = scratch(test);
    let doc = write(&dir, "acme.md", PAGE_V1);
    let path = write(&dir, "acme.toml", catalog);
    let fresh = dir.join("new.toml");
    let mut last = None;
    for out in [&path, &fresh] {
        let run = errcodes(&[
            "import".as_ref(),
            doc.as_os_str(),
            "--update".as_ref(),
            path.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        assert_eq!(run.code, 1, "{}", run.all());
        assert!(run.stdout.is_empty(), "{}", run.stdout);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), catalog);
        assert!(!fresh.exists(), "nothing is written");
        last = Some(run);
    }
    last.expect("two runs")
}

#[test]
fn an_empty_catalog_is_refused_and_nothing_written() {
    let run = refused_update("update_empty", "");
    assert!(
        run.stderr
            .contains("acme.toml does not pass `errcodes check` (2 errors)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("missing [catalog] table"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("fix it first"), "{}", run.stderr);
}

#[test]
fn a_catalog_with_a_float_code_is_refused_and_nothing_written() {
    let catalog = REVIEWED.replace("code = 1003", "code = 1.5");
    let run = refused_update("update_float", &catalog);
    assert!(
        run.stderr
            .contains("acme.toml does not pass `errcodes check` (1 error)"),
        "{}",
        run.stderr
    );
    // The engine's own diagnostic, at the line of the float.
    assert!(run.stderr.contains("acme.toml:31:8"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("must be an integer or a string, found a float"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_catalog_that_is_not_toml_is_refused_and_nothing_written() {
    let run = refused_update("update_not_toml", "[catalog\nname = \"acme\"\n");
    assert!(
        run.stderr.contains("does not pass `errcodes check`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_catalog_to_update_is_refused() {
    let dir = scratch("update_missing");
    let doc = write(&dir, "acme.md", PAGE_V1);
    let out = dir.join("out.toml");
    for catalog in [dir.join("nope.toml"), dir.clone()] {
        let run = errcodes(&[
            "import".as_ref(),
            doc.as_os_str(),
            "--update".as_ref(),
            catalog.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        assert_eq!(run.code, 1, "{}", run.all());
        assert!(
            run.stderr.contains("cannot read the catalog to update"),
            "{}",
            run.stderr
        );
        assert!(!out.exists(), "nothing is written");
    }
}

#[test]
fn a_page_with_string_codes_for_an_enum_of_integers_is_refused() {
    // Found by the `update` fuzz target: a stray code made the page's section string-coded,
    // and the merge wrote an enum that mixes code types (which fails check).
    let page = PAGE_V1
        .replace("| 1003 |", "| 1003 x |")
        .replace("| 1002 |", "| E1002 |");
    let dir = scratch("update_code_types");
    let doc = write(&dir, "acme.md", &page);
    let catalog = write(&dir, "acme.toml", REVIEWED);
    let run = errcodes(&[
        "import".as_ref(),
        doc.as_os_str(),
        "--update".as_ref(),
        catalog.as_os_str(),
        "-o".as_ref(),
        catalog.as_os_str(),
    ]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stderr.contains(
            "enum AcmeGeneralError has integer codes, but the page lists a string code for it"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("this is a bug"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&catalog).unwrap(), REVIEWED);
}

#[test]
fn a_new_entry_does_not_take_the_name_an_unnamed_entry_derives() {
    // Found by the `update` fuzz target: the reviewed 1003 has no `name`, so the engine names
    // it from its message (`OrderNotFound`); the page's new 1004 has the same message and was
    // added as `OrderNotFound` too, a name used twice.
    let reviewed = REVIEWED.replace("name = \"UnknownOrder\"\n", "");
    let page = PAGE_V1.replace(
        "| 1003 | Order not found |",
        "| 1003 | Order not found |\n| 1004 | Order not found |",
    );
    let run = update_texts("update_derived_name", &page, &reviewed);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stdout.contains("name = \"OrderNotFound1004\""),
        "{}",
        run.stdout
    );
}

/// `errcodes import fixtures/update/NAME.md --update CATALOG`, where CATALOG is a copy of
/// `fixtures/update/NAME.toml` or `catalog` when given; returns the run.
fn update_fixture(test: &str, name: &str, catalog: Option<&str>) -> common::Run {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/update");
    let read = |ext: &str| std::fs::read_to_string(fixtures.join(format!("{name}.{ext}"))).unwrap();
    let reviewed = catalog.map_or_else(|| read("toml"), str::to_owned);
    update_texts(test, &read("md"), &reviewed)
}

/// Merges fixture `name`'s page into `merged` (what the first merge wrote): nothing changes.
fn merging_again_changes_nothing(test: &str, name: &str, merged: &str) {
    let again = update_fixture(test, name, Some(merged));
    assert_eq!(again.code, 0, "{}", again.all());
    assert!(
        again.stderr.contains("the catalog is unchanged"),
        "{}",
        again.stderr
    );
    assert_eq!(again.stdout, merged);
}

/// `errcodes import acme.md --update acme.toml` with these texts; returns the run.
fn update_texts(test: &str, page: &str, catalog: &str) -> common::Run {
    let dir = scratch(test);
    let doc = write(&dir, "acme.md", page);
    let path = write(&dir, "acme.toml", catalog);
    errcodes(&[
        "import".as_ref(),
        doc.as_os_str(),
        "--update".as_ref(),
        path.as_os_str(),
    ])
}

#[test]
fn placeholders_the_catalog_named_keep_their_names() {
    // The page writes `{param0}` where the review wrote `{currency}`: the same entry, the
    // same message. Only 50014, whose words changed ("or blank"), takes the page's text.
    let reviewed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/update/placeholders.toml"),
    )
    .unwrap();
    let run = update_fixture("update_placeholders", "placeholders", None);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stderr.contains("0 added, 1 changed, 0 removed"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("changed  AcmeError 50014 message: \"Parameter {name} can not be empty.\" -> \"Parameter {param0} can not be empty or blank.\""),
        "{}",
        run.stderr
    );
    let expected = reviewed.replace(
        "message = \"Parameter {name} can not be empty.\"",
        "message = \"Parameter {param0} can not be empty or blank.\"",
    );
    assert_eq!(run.stdout, expected);
    valid(&run.stdout);
}

#[test]
fn a_template_code_takes_one_documented_code_and_merging_again_changes_nothing() {
    // Found by the `update` fuzz target on Kraken's catalog: both documented codes match the
    // template `EGeneral:Invalid arguments{detail}`, each wrote its message into that one
    // entry, and every later merge wrote both again.
    let first = update_fixture("update_template_once", "templates", None);
    assert_eq!(first.code, 0, "{}", first.all());
    assert!(
        first.stderr.contains("1 added, 0 changed, 1 removed"),
        "{}",
        first.stderr
    );
    assert!(
        first.stdout.contains("code = \"EGeneral:Invalid arguments{detail}\"\nname = \"InvalidArguments\"\nmessage = \"The request payload is malformed, incorrect or ambiguous\"\n"),
        "{}",
        first.stdout
    );
    assert!(
        first
            .stdout
            .contains("code = \"EGeneral:Invalid arguments:Index pricing unavailable\""),
        "{}",
        first.stdout
    );
    valid(&first.stdout);
    merging_again_changes_nothing("update_template_twice", "templates", &first.stdout);
}

#[test]
fn a_new_section_that_cannot_join_the_api_enum_is_added_without_responses() {
    // Found by the `update` fuzz target on MEXC futures: a new section of string codes in a
    // catalog whose `api_enum` joins integer-coded ones gave a catalog that fails check
    // (`Code` joins enums with integer and string codes).
    let first = update_fixture("update_api_enum", "api_enum", None);
    assert_eq!(first.code, 0, "{}", first.all());
    assert!(
        first.stderr.contains("added    enum AcmeErrorCodeExampleError with 1 entries and responses = false: its codes are strings, and `Code` joins sections of integer codes"),
        "{}",
        first.stderr
    );
    assert!(
        first
            .stdout
            .contains("name = \"AcmeErrorCodeExampleError\"\ndoc = \"Error code Example\"\n"),
        "{}",
        first.stdout
    );
    // The integer section of the repeated heading joins `Code`; the string one does not.
    let checked = valid(&first.stdout);
    let responds: Vec<(&str, bool)> = checked
        .enums
        .iter()
        .map(|def| (def.name.as_str(), def.responses))
        .collect();
    assert_eq!(
        responds,
        [
            ("AcmeError", true),
            ("AcmeErrorCodeExampleError", false),
            ("AcmeErrorCodeExampleError2", true)
        ]
    );
    merging_again_changes_nothing("update_api_enum_twice", "api_enum", &first.stdout);
}

#[test]
fn a_new_section_beside_the_one_that_api_error_reads_is_added_without_responses() {
    // `api_error` alone aliases the error type of the one responding section: a second
    // responding section would fail check ("needs one section to read responses with").
    let reviewed = REVIEWED.replace(
        "title = \"Acme API\"\n",
        "title = \"Acme API\"\napi_error = \"Error\"\n",
    );
    let page = format!(
        "{PAGE_V1}\n## Order errors\n\n| Code | Message |\n| --- | --- |\n| 2001 | Order expired |\n"
    );
    let run = update_texts("update_api_error", &page, &reviewed);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stderr.contains("and responses = false: `Error` reads responses with one section, and the catalog has one"),
        "{}",
        run.stderr
    );
    let text = run.stdout.replace(
        "\n[[enum.error.refine]]\nname = \"BadSignatureEncoding\"\nmessage = \"Invalid signature: {why}\"\nkind = \"authentication\"\n",
        "",
    );
    let checked = valid(&text);
    assert_eq!(checked.enums.len(), 2);
    assert!(!checked.enums[1].responses);
}

#[test]
fn an_unnamed_entry_whose_message_changes_keeps_its_variant_name() {
    // Found by the `update` fuzz target: 1003 had no `name`, so its variant was named after
    // its message; the page's new text "`" names nothing, and the merged catalog failed check.
    // A changed message must not rename a variant either way.
    let reviewed = REVIEWED.replace("name = \"UnknownOrder\"\n", "");
    for (test, text) in [
        ("update_unnamed_tick", "`"),
        ("update_unnamed_words", "Order gone"),
    ] {
        let page = PAGE_V1.replace("| 1003 | Order not found |", &format!("| 1003 | {text} |"));
        let run = update_texts(test, &page, &reviewed);
        assert_eq!(run.code, 0, "{}", run.all());
        assert!(
            run.stdout.contains(&format!(
                "code = 1003\nmessage = \"{text}\"\nkind = \"not_found\"\nretry = \"verify_first\"\nname = \"OrderNotFound\"\n"
            )),
            "{}",
            run.stdout
        );
    }
}

#[test]
fn a_message_with_a_brace_never_closed_is_kept_byte_for_byte_and_checks() {
    // Fuzz finding `regressions/update/update-stray-brace-in-message`: the catalog written
    // used to fail `check`, since `{x` at the end of a message was an error.
    let page = PAGE_V1.replace(
        "| 1003 | Order not found |",
        "| 1003 | Order not found {x |",
    );
    let run = update_texts("update_stray_brace", &page, REVIEWED);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stdout.contains("message = \"Order not found {x\""),
        "{}",
        run.stdout
    );
    let checked = errcodes_codegen::check(&run.stdout);
    assert_eq!(checked.errors().count(), 0, "{}", run.stdout);
    let warning = checked
        .diagnostics
        .iter()
        .find(|d| d.message.contains("is never closed"))
        .expect("a warning names the brace");
    assert!(
        warning.message.contains("matched as literal text"),
        "{}",
        warning.message
    );
    let catalog = valid(&run.stdout);
    let entry = catalog.enums[0]
        .entries
        .iter()
        .find(|e| e.code == Code::Int(1003))
        .expect("1003 is kept");
    assert_eq!(entry.message, "Order not found {x");
}
