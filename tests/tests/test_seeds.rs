//! Every (code, message) row of the MEXC and MixPay pages kept in `sources/` is the `Display`
//! of a variant of the right section's enum, unmodified apart from surrounding whitespace; and
//! the pages are the seed documents byte for byte under their provenance headers.
//!
//! The pages are parsed here, independently of the engine and of the importer.

use errcodes_runtime::ErrorCode;
use errcodes_tests::sources::source;
use errcodes_tests::{mexc, mixpay};
use sha2::{Digest, Sha256};

fn seed(name: &str) -> String {
    source(name).page
}

/// The header names the SHA-256 of the document it was copied from; the page under it must
/// still hash to it.
#[test]
fn the_pages_are_the_seed_documents_byte_for_byte() {
    for name in ["mexc.txt", "mixpay.md"] {
        let source = source(name);
        let digest: String = Sha256::digest(source.page.as_bytes())
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect();
        assert!(
            source.header.contains(&format!(
                "sha256 of the\noriginal file, without this header: {digest}"
            )),
            "{name}: the page hashes to {digest}, which its header does not name"
        );
    }
}

/// Asserts that `rows` are exactly the enum's entries, in order (refinements, which add
/// meanings the page does not list as rows, are not entries).
fn assert_served<E: ErrorCode<Code = i64>>(rows: &[(i64, String)]) {
    let entries: Vec<E> = E::ALL
        .iter()
        .copied()
        .filter(|variant| !variant.is_refinement())
        .collect();
    assert_eq!(rows.len(), entries.len(), "{}: rows vs entries", E::ENUM);
    for ((code, message), &variant) in rows.iter().zip(&entries) {
        let found = E::from_code(*code).unwrap_or_else(|| panic!("{} lacks {code}", E::ENUM));
        assert_eq!(found, variant, "{} is out of document order", code);
        assert_eq!(found.to_string(), *message, "{}: {code}", E::ENUM);
    }
}

#[test]
fn every_mexc_row_is_served_by_its_section() {
    let text = seed("mexc.txt");
    let rows: Vec<(i64, String)> = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let (code, rest) = line.split_once(' ').expect("CODE MESSAGE | …");
            let (message, _) = rest.split_once(" |").expect("MESSAGE | EXPLANATION |");
            (
                code.parse().expect("integer code"),
                message.trim().to_owned(),
            )
        })
        .collect();
    assert_eq!(rows.len(), 94);
    // The sub-account block starts at 730000 and runs to the end of the document.
    let split = rows.iter().position(|(code, _)| *code == 730000).unwrap();
    assert_served::<mexc::MexcError>(&rows[..split]);
    assert_served::<mexc::MexcSubAccountError>(&rows[split..]);
}

#[test]
fn every_mixpay_row_is_served_by_its_section() {
    let text = seed("mixpay.md");
    let mut sections: Vec<(String, Vec<(i64, String)>)> = Vec::new();
    for line in text.lines() {
        if let Some(heading) = line.strip_prefix("### ") {
            sections.push((heading.trim().to_owned(), Vec::new()));
            continue;
        }
        let cells: Vec<&str> = line
            .trim()
            .trim_matches('|')
            .split('|')
            .map(str::trim)
            .collect();
        if let ([code, message], Some((_, rows))) = (cells.as_slice(), sections.last_mut())
            && let Ok(code) = code.parse()
        {
            rows.push((code, (*message).to_owned()));
        }
    }
    let section = |name: &str| {
        &sections
            .iter()
            .find(|(heading, _)| heading == name)
            .unwrap()
            .1
    };
    assert_eq!(section("Basic code").len(), 28);
    assert_eq!(section("Reason for refund").len(), 42);
    assert_served::<mixpay::MixPayError>(section("Basic code"));
    assert_served::<mixpay::MixPayRefundReason>(section("Reason for refund"));
}
