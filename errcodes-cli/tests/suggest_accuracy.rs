//! How often the importer's kind suggestion equals the kind a person gave after review, on the
//! bundled catalogs (`catalogs/*.toml`). Run with `cargo test -p errcodes-cli --test
//! suggest_accuracy -- --nocapture` to see the figures; the test fails when a catalog falls below
//! its floor, so a rule change that makes suggestions worse is caught.
//!
//! An integration test rather than a unit test because it reads the repository's catalogs,
//! which the errcodes-cli package does not ship (its `tests/` stay out of the package); the
//! suggestion rules are compiled in from their one source file.
//!
//! Each entry is given what the importer had: its string code (as the terse name), its message
//! and its description.

use std::path::Path;

use errcodes_codegen::Code;

// The command is a binary: its modules are not a library an integration test could import.
// Items of the module that this test does not call would warn as dead code here.
#[allow(dead_code)]
#[path = "../src/suggest_kind.rs"]
mod suggest_kind;

use suggest_kind::suggest;

/// Entries whose suggestion equals the reviewed kind, and all entries, of one catalog file.
pub fn measure(text: &str) -> (usize, usize) {
    let checked = errcodes_codegen::check(text);
    let mut equal = 0;
    let mut all = 0;
    for entry in checked.catalog.enums.iter().flat_map(|e| &e.entries) {
        let terse = match &entry.code {
            Code::Str(code) => Some(code.as_str()),
            Code::Int(_) => None,
        };
        let suggested = suggest(terse, &entry.message, entry.description.as_deref());
        all += 1;
        if suggested == entry.kind {
            equal += 1;
        } else if std::env::var_os("ERRCODES_SHOW_MISSES").is_some() {
            println!(
                "miss: {} -> {} (reviewed {}): {}",
                entry.message,
                suggested.as_str(),
                entry.kind.as_str(),
                entry.description.as_deref().unwrap_or("")
            );
        }
    }
    (equal, all)
}

/// The bundled catalogs' directory.
pub fn catalogs_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../errcodes-catalogs/catalogs")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The share of equal suggestions each catalog must keep, in per mille (measured with
    /// the rules of this commit, rounded down), against the kinds as reviewed in issue #10.
    /// Against the kinds before that review: before the rules of issue #12, kraken 69.0%,
    /// mexc 81.9%, mixpay 81.4%, okx 55.9%, stripe 59.0% (59.7% overall); after them 73.8%,
    /// 83.0%, 80.0%, 60.9%, 58.4% (63.4%). The review changed 36 reviewed kinds, most of them
    /// away from what the words alone suggest. Kraken's floor was 738 until its catalog gained
    /// the nine strings of Kraken's OpenAPI description (KrakenSpecError), of which the words
    /// suggest six kinds as reviewed: the same rules give 48 of 66, 727.
    const FLOORS: &[(&str, usize)] = &[
        ("kraken", 727),
        ("mexc", 829),
        ("mixpay", 771),
        ("okx", 591),
        ("stripe", 578),
    ];

    #[test]
    fn accuracy_on_bundled_catalogs() {
        let mut total = (0, 0);
        let mut below = Vec::new();
        for (name, floor) in FLOORS {
            let path = catalogs_dir().join(format!("{name}.toml"));
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let (equal, all) = measure(&text);
            let per_mille = equal * 1000 / all;
            println!(
                "{name}: {equal}/{all} = {:.1}%",
                equal as f64 * 100.0 / all as f64
            );
            total = (total.0 + equal, total.1 + all);
            if per_mille < *floor {
                below.push(format!("{name}: {per_mille}‰ < {floor}‰"));
            }
        }
        println!(
            "all: {}/{} = {:.1}%",
            total.0,
            total.1,
            total.0 as f64 * 100.0 / total.1 as f64
        );
        assert!(below.is_empty(), "suggestions got worse: {below:?}");
    }
}
