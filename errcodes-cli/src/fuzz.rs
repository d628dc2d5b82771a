//! The bodies of the importer's fuzz targets (`fuzz/fuzz_targets/import.rs` and `update.rs`),
//! here so that `tests/tests/test_fuzz_corpus.rs` replays their corpora on the stable toolchain
//! in every test run, with the other targets'.

use crate::import::{self, Header, ImportError, columns::Choice, update};

/// The page of an [`update`] input without a page of its own.
const PAGE: &str = "\
# Acme API

## General errors

| Code | Message |
| --- | --- |
| 1001 | Invalid signature |
| 1002 | Too many requests |

## Order errors

| Code | Message |
| --- | --- |
| 2001 | Order not found |
| ~~2002~~ | Order expired |
";

fn header(name: &str) -> Header {
    Header {
        name: name.to_owned(),
        title: None,
        source: None,
        envelope: None,
        doc_name: "fuzz.md".to_owned(),
        schema: "./catalog.schema.json".to_owned(),
    }
}

/// Any bytes as a documentation page, read the way `errcodes import` reads it (markdown, or
/// HTML when it looks like HTML) and once more as HTML whatever it looks like. Never panics;
/// a page gives a catalog that passes `errcodes check` or an error that says why not.
///
/// ```
/// errcodes_cli::fuzz::import(b"| Code | Message |\n| --- | --- |\n| 1001 | Bad |\n");
/// ```
pub fn import(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let header = header("fuzz");
    for page in [text.to_owned(), format!("<!DOCTYPE html>{text}")] {
        match import::import(&page, &header, &Choice::default()) {
            Ok(imported) => {
                if let Err(error) = import::passes_check(&imported.toml, "fuzz.md") {
                    panic!("{error:?}\n--- page ---\n{page}");
                }
            }
            Err(ImportError::Document(message)) => assert!(!message.is_empty()),
            Err(error) => panic!("an import without options fails only on the page: {error:?}"),
        }
    }
}

/// Bytes as `CATALOG 0xFF PAGE` (without a `0xFF`, all of it is the catalog and a fixed page
/// is merged), run the way `errcodes import PAGE --update CATALOG` runs. Never panics; a
/// catalog that fails `errcodes check` is refused; one that passes gives a merged catalog
/// that passes too (or a refusal that says why), and merging the same page into that again changes nothing.
///
/// ```
/// errcodes_cli::fuzz::update(b"[catalog]\nname = \"acme\"\n");
/// ```
pub fn update(data: &[u8]) {
    let (catalog, page) = match data.iter().position(|&b| b == 0xFF) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, PAGE.as_bytes()),
    };
    let (Ok(catalog), Ok(page)) = (std::str::from_utf8(catalog), std::str::from_utf8(page)) else {
        return;
    };
    let reviewed = match import::check_reviewed(catalog, "fuzz.toml") {
        Ok(reviewed) => reviewed,
        Err(ImportError::Check { errors, .. }) => {
            assert!(!errors.is_empty(), "a refusal names the errors");
            return;
        }
        Err(error) => panic!("a reviewed catalog is refused only for its errors: {error:?}"),
    };
    let Ok(imported) = import::import(page, &header(&reviewed.name), &Choice::default()) else {
        return;
    };
    let merged = match update::merge(catalog, &imported.sections, "fuzz.toml") {
        Ok(merged) => merged,
        // A page that cannot go into this catalog (a code of the other type) is refused.
        Err(problem) => {
            assert!(!problem.is_empty(), "a refused merge says why");
            return;
        }
    };
    if let Err(error) = import::passes_check(&merged.toml, "fuzz.md") {
        panic!("{error:?}\n--- reviewed ---\n{catalog}\n--- page ---\n{page}");
    }
    let again = match update::merge(&merged.toml, &imported.sections, "fuzz.toml") {
        Ok(again) => again,
        Err(problem) => panic!("a merged catalog merges again: {problem}"),
    };
    assert!(
        again.changes.is_empty() && again.toml == merged.toml,
        "the same page merged twice changes the catalog again: {:?}\n--- merged ---\n{}\n--- page ---\n{page}",
        again.changes,
        merged.toml
    );
}
