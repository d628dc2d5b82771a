//! The macro inside real cargo builds of scratch crates: a workspace whose root is elsewhere,
//! a path with spaces and non-ASCII characters, a catalog edited between builds (the rebuild
//! picks it up), deleted, or replaced by a directory (a clear error each time).
//!
//! Scratch crates live under `target/real-builds/`, share one target directory and the
//! workspace's Cargo.lock, and build `--offline`, so only the first build compiles the
//! runtime and the macro.

use std::path::{Path, PathBuf};
use std::process::Command;

// The macro used directly from an integration test, too.
mod from_an_integration_test {
    errcodes_runtime::errcodes!("../catalogs/mixpay.toml");
}

#[test]
fn the_macro_works_from_an_integration_test() {
    use from_an_integration_test::MixPayRefundReason;
    assert_eq!(
        MixPayRefundReason::from_code(40021),
        Some(MixPayRefundReason::DoublePayment)
    );
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn scratch(name: &str) -> PathBuf {
    let dir = workspace().join("target/real-builds").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

const CATALOG_ONE: &str = r#"
[catalog]
name = "scratch"

[[enum]]
name = "ScratchError"

[[enum.error]]
code = 7
message = "First"
kind = "other"
"#;

const CATALOG_TWO: &str = r#"

[[enum.error]]
code = 8
message = "Second, added between builds"
kind = "rate_limited"
"#;

/// A binary crate at `dir` that expands `catalog` (relative to its manifest) and prints
/// every variant.
fn user_crate(dir: &Path, catalog: &str) {
    let runtime = workspace().join("errcodes-runtime");
    write(
        &dir.join("Cargo.toml"),
        &format!(
            "[package]\nname = \"scratch-user\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nerrcodes-runtime = {{ path = {:?} }}\n",
            runtime.to_str().unwrap()
        ),
    );
    write(
        &dir.join("src/main.rs"),
        &format!(
            "errcodes_runtime::errcodes!({catalog:?});\n\n\
             fn main() {{\n    for error in ScratchError::ALL {{\n        \
             assert_eq!(ScratchError::from_code(error.code()), Some(*error));\n        \
             println!(\"{{}} {{}} {{}}\", error.code(), error.name(), error);\n    }}\n}}\n"
        ),
    );
}

/// `cargo run` in `root` (a workspace root or a lone crate); stdout, or the build's stderr.
fn cargo_run(root: &Path) -> Result<String, String> {
    std::fs::copy(workspace().join("Cargo.lock"), root.join("Cargo.lock")).unwrap();
    let output = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--offline", "--target-dir"])
        .arg(workspace().join("target/real-builds/target"))
        .current_dir(root)
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

#[test]
fn real_builds_find_edit_and_reject_catalogs() {
    // A workspace whose root is elsewhere, in a path with spaces and non-ASCII characters,
    // its catalog beside the member crate rather than inside it.
    let root = scratch("dir with spaces/ünïcödé wörkspace");
    write(
        &root.join("Cargo.toml"),
        "[workspace]\nresolver = \"3\"\nmembers = [\"member crate\"]\n",
    );
    let catalog = root.join("shared catalogs/scratch.toml");
    write(&catalog, CATALOG_ONE);
    user_crate(
        &root.join("member crate"),
        "../shared catalogs/scratch.toml",
    );
    assert_eq!(cargo_run(&root).unwrap(), "7 First First\n");

    // Edited between builds: the include_bytes! in the expansion makes cargo rebuild.
    write(&catalog, &format!("{CATALOG_ONE}{CATALOG_TWO}"));
    assert_eq!(
        cargo_run(&root).unwrap(),
        "7 First First\n8 SecondAddedBetweenBuilds Second, added between builds\n"
    );

    // Deleted: a clear error naming the path.
    std::fs::remove_file(&catalog).unwrap();
    let error = cargo_run(&root).unwrap_err();
    assert!(
        error.contains("cannot find catalog `../shared catalogs/scratch.toml`"),
        "{error}"
    );

    // Replaced by a directory.
    std::fs::create_dir_all(&catalog).unwrap();
    let error = cargo_run(&root).unwrap_err();
    assert!(error.contains("is a directory"), "{error}");
    assert!(!error.contains("panicked"), "{error}");
}
