//! Running the `errcodes` binary from tests, and the files the tests read.
#![allow(dead_code)] // each test file uses its own part of this module

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// What one run of `errcodes` did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Standard output and standard error together, for "the output contains" checks.
    pub fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

impl From<Output> for Run {
    fn from(output: Output) -> Self {
        Run {
            code: output.status.code().expect("errcodes exited normally"),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }
}

/// Runs `errcodes ARGS` without colors.
pub fn errcodes<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Run {
    Command::new(env!("CARGO_BIN_EXE_errcodes"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run errcodes")
        .into()
}

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the crate is in the workspace")
        .to_path_buf()
}

/// The seed documents, beside the workspace (`../shared/seeds`), or in the directory named by
/// `ERRCODES_SEEDS` (a worktree has no `shared/` beside it).
pub fn seed(name: &str) -> PathBuf {
    match std::env::var_os("ERRCODES_SEEDS") {
        Some(dir) => PathBuf::from(dir).join(name),
        None => workspace().join("../shared/seeds").join(name),
    }
}

/// The MEXC seed (lines `CODE MESSAGE | EXPLANATION |`).
pub fn mexc_seed() -> PathBuf {
    seed("000_ab98179f6fd28ba0.txt")
}

/// The MixPay seed (markdown tables).
pub fn mixpay_seed() -> PathBuf {
    seed("003_eca065aff58c01a5.txt")
}

/// A fresh directory for one test's files.
pub fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

/// Writes `text` to `dir/name` and returns the path.
pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write test file");
    path
}

/// Checks a catalog's text with the engine and panics on any error.
pub fn valid(text: &str) -> errcodes_codegen::Catalog {
    let checked = errcodes_codegen::check(text);
    let errors: Vec<_> = checked.errors().map(|d| d.message.clone()).collect();
    assert!(errors.is_empty(), "catalog has errors: {errors:#?}\n{text}");
    checked.catalog
}
