//! Replays the importer's fuzz corpora (`fuzz/corpus/import`, `fuzz/corpus/update`) and
//! every crash the fuzzer saved (`fuzz/regressions/`) through the fuzz targets' bodies on the
//! stable toolchain.

use std::path::Path;

/// Runs `target` on every file of `folder`; returns how many files there were.
fn replay(folder: &str, target: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz")
        .join(folder);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut count = 0;
    for entry in entries {
        let path = entry.expect("a corpus entry").path();
        let data = std::fs::read(&path).expect("a corpus file");
        let outcome = std::panic::catch_unwind(|| target(&data));
        assert!(outcome.is_ok(), "{} panicked", path.display());
        count += 1;
    }
    count
}

#[test]
fn the_import_corpus_replays_without_a_panic() {
    let count = replay("corpus/import", errcodes_cli::fuzz::import);
    assert!(count >= 18, "the corpus holds the source pages ({count})");
    replay("regressions/import", errcodes_cli::fuzz::import);
}

#[test]
fn the_update_corpus_replays_without_a_panic() {
    let count = replay("corpus/update", errcodes_cli::fuzz::update);
    assert!(
        count >= 8,
        "the corpus holds catalogs with their pages ({count})"
    );
    replay("regressions/update", errcodes_cli::fuzz::update);
}
