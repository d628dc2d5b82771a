//! Compile-fail tests: each `tests/ui/<mistake>.rs` expands a broken catalog from
//! `tests/ui/catalogs/` and its `.stderr` holds the exact diagnostics.
//!
//! trybuild compiles each file inside `<target dir>/tests/trybuild/errcodes-tests/`, which is
//! the `CARGO_MANIFEST_DIR` the macro resolves against. The catalogs are copied there first, so
//! that the cases name them `catalogs/<mistake>.toml` wherever the target directory is
//! (`CARGO_TARGET_DIR` outside the clone included).

use std::path::{Path, PathBuf};

#[test]
fn ui() {
    stage_catalogs().expect("copy tests/ui/catalogs beside the trybuild project");
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*.rs");
}

/// The target directory cargo uses for this workspace, as trybuild finds it.
fn target_dir() -> Result<PathBuf, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = std::process::Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .map_err(|error| format!("cargo metadata: {error}"))?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).map_err(|error| error.to_string())?;
    metadata["target_directory"]
        .as_str()
        .map(PathBuf::from)
        .ok_or_else(|| "cargo metadata has no target_directory".to_owned())
}

fn stage_catalogs() -> Result<(), String> {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/catalogs");
    let to = target_dir()?.join("tests/trybuild/errcodes-tests/catalogs");
    std::fs::create_dir_all(&to).map_err(|error| format!("{}: {error}", to.display()))?;
    for entry in std::fs::read_dir(&from).map_err(|error| format!("{}: {error}", from.display()))? {
        let path = entry.map_err(|error| error.to_string())?.path();
        if let Some(name) = path.file_name() {
            std::fs::copy(&path, to.join(name))
                .map_err(|error| format!("{}: {error}", path.display()))?;
        }
    }
    Ok(())
}
