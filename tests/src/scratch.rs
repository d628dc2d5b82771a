//! Scratch crates built by a real `cargo`, for tests of the macro inside real builds.
//!
//! They live under `target/real-builds/`, share one target directory and the workspace's
//! Cargo.lock, and build with [`errcodes_scratch::Cargo`] (offline first, under
//! `ERRCODES_FIXTURE_TIMEOUT_SECS`), so only the first build compiles the runtime and macro.
//! Each helper panics with the shared crate's message: a test cannot go on without its crate.

use std::path::{Path, PathBuf};

use errcodes_scratch::{Cargo, Root, manifest};

/// The repository root.
pub fn workspace() -> PathBuf {
    errcodes_scratch::repository()
}

/// A fresh, empty directory `target/real-builds/<name>`.
pub fn scratch(name: &str) -> PathBuf {
    errcodes_scratch::fresh_dir(&workspace().join("target/real-builds").join(name)).unwrap()
}

/// Writes `text` to `path`, creating its directories.
pub fn write(path: &Path, text: &str) {
    errcodes_scratch::write(path, text).unwrap();
}

/// A binary crate at `dir` depending on errcodes-runtime by path, with `main` as its main.rs.
/// A `standalone` crate is its own workspace root (it would otherwise be taken for a member
/// of this repository's workspace, which lies above `target/`).
pub fn user_crate(dir: &Path, main: &str, standalone: bool) {
    let runtime =
        manifest::path_dependency("errcodes-runtime", &workspace().join("errcodes-runtime"))
            .unwrap();
    let root = if standalone {
        Root::Standalone
    } else {
        Root::Member
    };
    let manifest = manifest::package("scratch-user", &[runtime], root);
    errcodes_scratch::write_crate(dir, &manifest, &[("src/main.rs", main)]).unwrap();
}

/// `cargo run` in `root` (a workspace root or a lone crate): its stdout, or the build's stderr.
pub fn cargo_run(root: &Path) -> Result<String, String> {
    errcodes_scratch::seed_lock(root).unwrap();
    Cargo::new(root)
        .target_dir(workspace().join("target/real-builds/target"))
        .run(&["run", "--quiet"])
        .unwrap()
        .stdout_or_stderr()
}
