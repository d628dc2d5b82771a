//! Runs cargo on the fixture crates of `tests/` (`user-mexc`, `user-all`), with a time limit.
//!
//! A fixture is built from a staged copy under `CARGO_TARGET_TMPDIR`, never in place: the copy
//! gets the absolute path of the `errcodes-catalogs` to test (this crate, or an unpacked
//! `.crate`) and the workspace's `Cargo.lock`, so that the source tree stays clean, `--offline`
//! resolves to the versions the workspace already has, and every fixture shares one target
//! directory (`target/tmp/errcodes-catalogs/target`). That directory is not the workspace's own:
//! the `cargo test` running these tests holds the lock on that one.
//!
//! cargo itself runs through [`errcodes_scratch::Cargo`]: `--offline` first and online only when
//! the local cache lacks something, killed after `ERRCODES_FIXTURE_TIMEOUT_SECS` (300 by
//! default), so a stuck lock or network cannot hang the test run.
#![allow(dead_code)] // each test binary uses its own part

use std::fs;
use std::path::{Path, PathBuf};

use errcodes_scratch::Cargo;
pub use errcodes_scratch::Run;

/// This crate's directory.
pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The workspace root, the parent of this crate.
pub fn workspace_dir() -> PathBuf {
    errcodes_scratch::repository()
}

/// Scratch space of these tests: `target/tmp/errcodes-catalogs/<name>`.
pub fn scratch(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("errcodes-catalogs")
        .join(name)
}

/// The target directory every fixture build shares.
pub fn fixture_target() -> PathBuf {
    scratch("target")
}

/// `cargo <args>` in `dir`, offline first, in `target`; panics if cargo does not start or
/// finish in time (a failed build is a [`Run`] to look at).
pub fn cargo_offline_first(dir: &Path, target: &Path, args: &[&str]) -> Run {
    Cargo::new(dir)
        .target_dir(target)
        .run(args)
        .unwrap_or_else(|error| panic!("{error}"))
}

/// `path` as a TOML string.
pub fn toml_path(path: &Path) -> String {
    errcodes_scratch::manifest::path(path).unwrap_or_else(|error| panic!("{error}"))
}

/// Copies fixture `tests/<fixture>` to `scratch(<stage>)`, its `errcodes-catalogs` dependency
/// pointing at `catalogs_crate`, with the workspace's `Cargo.lock` and `extra_manifest`
/// appended to its `Cargo.toml`. Returns the staged directory.
pub fn stage(fixture: &str, stage: &str, catalogs_crate: &Path, extra_manifest: &str) -> PathBuf {
    let source = crate_dir().join("tests").join(fixture);
    let staged = errcodes_scratch::fresh_dir(&scratch(stage)).unwrap_or_else(|e| panic!("{e}"));

    let manifest = fs::read_to_string(source.join("Cargo.toml")).expect("the fixture's manifest");
    let relative = r#"path = "../..""#;
    assert_eq!(
        manifest.matches(relative).count(),
        1,
        "tests/{fixture}/Cargo.toml depends on errcodes-catalogs with `{relative}`"
    );
    let manifest = manifest.replace(relative, &format!("path = {}", toml_path(catalogs_crate)));

    let mut files = Vec::new();
    for entry in fs::read_dir(source.join("src")).expect("the fixture's src/") {
        let entry = entry.expect("a directory entry");
        let name = entry.file_name().into_string().expect("a UTF-8 file name");
        let text = fs::read_to_string(entry.path()).expect("a fixture source file");
        files.push((format!("src/{name}"), text));
    }
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    errcodes_scratch::write_crate(&staged, &format!("{manifest}\n{extra_manifest}"), &files)
        .and_then(|()| errcodes_scratch::seed_lock(&staged))
        .unwrap_or_else(|error| panic!("{error}"));
    staged
}

/// `cargo <subcommand> --quiet <args>` on a staged fixture, offline first, in the shared
/// fixture target directory.
pub fn cargo_fixture(staged: &Path, subcommand: &str, args: &[&str]) -> Run {
    let mut all = vec![subcommand, "--quiet"];
    all.extend_from_slice(args);
    cargo_offline_first(staged, &fixture_target(), &all)
}
