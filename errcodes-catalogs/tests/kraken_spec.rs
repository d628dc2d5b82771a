//! Every error string of Kraken's OpenAPI description (`sources/kraken_spec.md`) is in the
//! catalog's `KrakenSpecError` section, read from the page itself, not through `errcodes import`,
//! and reaches its entry as Kraken sends it. Before the section, every one was unlisted.

mod source_pages;

use errcodes_catalogs::ErrorKind;
use errcodes_catalogs::kraken::{Code, KrakenError, KrakenSpecError};
use source_pages::{Row, assert_rows_in, rendered, string_catalog, workspace_file};

/// The page's rows: a bullet `- <what>: `<string>`<rest>` gives (string, what), and the one string
/// named in prose (`` will fail with `EFunding:…` ``) gives (string, string). A string repeated
/// under another endpoint is one more row of the same code.
fn rows() -> Vec<Row<String>> {
    let page = workspace_file("sources/kraken_spec.md");
    let (_, page) = page.split_once("-->\n").expect("the header comment");
    page.lines()
        .filter_map(|line| {
            let line = line.trim();
            if let Some(bullet) = line.strip_prefix("- ") {
                let (what, rest) = bullet.split_once(": `")?;
                let (code, _) = rest.split_once('`')?;
                return Some((code.to_owned(), what.to_owned()));
            }
            let (_, named) = line.split_once("will fail with `")?;
            let code = named.strip_suffix('`')?;
            Some((code.to_owned(), code.to_owned()))
        })
        .map(|(code, message)| Row {
            code,
            message: rendered(&message),
            struck: false,
        })
        .collect()
}

#[test]
fn every_string_of_the_specification() {
    let rows = rows();
    assert_eq!(
        rows.len(),
        15,
        "5 + 3 + 4 + 2 bullets of the four Earn endpoints, 1 in prose"
    );
    let enums = string_catalog("kraken");
    let (enum_name, entries) = enums
        .iter()
        .find(|(name, _)| name == "KrakenSpecError")
        .expect("the section");
    assert_rows_in("kraken", enum_name, &rows, entries);
    let mut documented: Vec<&str> = Vec::new();
    for row in &rows {
        if !documented.contains(&row.code.as_str()) {
            documented.push(&row.code);
        }
    }
    let listed: Vec<&str> = entries.iter().map(|entry| entry.code.as_str()).collect();
    assert_eq!(listed, documented, "the distinct strings, in page order");
    assert_eq!(listed.len(), 9);
}

#[test]
fn the_strings_reach_their_entries() {
    for (wire, kind) in [
        ("EEarnings:Busy", ErrorKind::Unavailable),
        (
            "EEarnings:Busy:Another (de)allocation for the same strategy is in progress",
            ErrorKind::Conflict,
        ),
        (
            "EEarnings:Insufficient funds:Insufficient funds to complete the (de)allocation request",
            ErrorKind::InsufficientFunds,
        ),
        // Listed by the examples table too, which reads it first, with the same kind.
        ("EFunding:Max fee exceeded", ErrorKind::InvalidRequest),
    ] {
        let code = Code::from_code(wire).unwrap_or_else(|| panic!("{wire} is listed"));
        assert_eq!(code.kind(), kind, "{wire}");
    }
    // The examples table's template `EGeneral:Invalid arguments{detail}` comes first and reads
    // the strategy string too (the catalog's header says so).
    assert_eq!(
        Code::from_code("EGeneral:Invalid arguments:Invalid strategy ID"),
        Some(Code::KrakenError(KrakenError::EGeneralInvalidArguments))
    );
    assert_eq!(
        Code::from_code("EEarnings:Busy"),
        Some(Code::KrakenSpecError(KrakenSpecError::EEarningsBusy))
    );
}
