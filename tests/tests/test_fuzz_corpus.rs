//! Replays every input of the fuzz corpus (`fuzz/corpus/`), and every crash the fuzzer ever
//! saved (`fuzz/regressions/`), through the fuzz targets' bodies on the stable toolchain.

use std::path::Path;

/// Runs `target` on every file of `folder`; returns how many were named seeds (not the
/// hash-named inputs the fuzzer found).
fn replay(folder: &str, target: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz")
        .join(folder);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut seeds = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| target(&data));
        assert!(outcome.is_ok(), "{} panicked", path.display());
        let name = path.file_name().unwrap().to_string_lossy();
        let found_by_fuzzer = name.len() == 40 && name.chars().all(|c| c.is_ascii_hexdigit());
        seeds += usize::from(!found_by_fuzzer);
    }
    seeds
}

#[test]
fn the_catalog_corpus_replays_without_a_panic() {
    let seeds = replay("corpus/catalog", errcodes_tests::fuzz::catalog);
    assert!(
        seeds >= 20,
        "the corpus holds the real catalogs and the UI fixtures ({seeds})"
    );
    replay("regressions/catalog", errcodes_tests::fuzz::catalog);
}

#[test]
fn the_body_corpus_replays_without_a_panic() {
    let seeds = replay("corpus/body", errcodes_tests::fuzz::body);
    assert!(
        seeds >= 14,
        "the corpus holds real and broken bodies ({seeds})"
    );
    replay("regressions/body", errcodes_tests::fuzz::body);
}
