//! Replays every input of the four fuzz corpora (`fuzz/corpus/`), and every crash the fuzzer
//! ever saved (`fuzz/regressions/`), through the fuzz targets' bodies on the stable toolchain:
//! `catalog` and `body` from `errcodes_tests::fuzz`, `import` and `update` from
//! `errcodes_cli::fuzz`. One loop for all of them.

use std::path::Path;

/// Runs `target` on every file of `fuzz/corpus/NAME` and then of `fuzz/regressions/NAME`;
/// returns how many of the corpus's files were named seeds (not the hash-named inputs the
/// fuzzer found).
fn replay(name: &str, target: fn(&[u8])) -> usize {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    let mut seeds = 0;
    for folder in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(fuzz.join(folder).join(name)) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("a corpus entry").path();
            let data = std::fs::read(&path).expect("a corpus file");
            let outcome = std::panic::catch_unwind(|| target(&data));
            assert!(outcome.is_ok(), "{} panicked", path.display());
            let file = path.file_name().unwrap_or_default().to_string_lossy();
            let found_by_fuzzer = file.len() == 40 && file.chars().all(|c| c.is_ascii_hexdigit());
            seeds += usize::from(folder == "corpus" && !found_by_fuzzer);
        }
    }
    seeds
}

#[test]
fn the_catalog_corpus_replays_without_a_panic() {
    let seeds = replay("catalog", errcodes_tests::fuzz::catalog);
    assert!(
        seeds >= 20,
        "the corpus holds the real catalogs and the UI fixtures ({seeds})"
    );
}

#[test]
fn the_body_corpus_replays_without_a_panic() {
    let seeds = replay("body", errcodes_tests::fuzz::body);
    assert!(
        seeds >= 14,
        "the corpus holds real and broken bodies ({seeds})"
    );
}

#[test]
fn the_import_corpus_replays_without_a_panic() {
    let seeds = replay("import", errcodes_cli::fuzz::import);
    assert!(seeds >= 18, "the corpus holds the source pages ({seeds})");
}

#[test]
fn the_update_corpus_replays_without_a_panic() {
    let seeds = replay("update", errcodes_cli::fuzz::update);
    assert!(
        seeds >= 8,
        "the corpus holds catalogs with their pages ({seeds})"
    );
}
