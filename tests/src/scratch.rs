//! Scratch crates built by a real `cargo`, for tests of the macro inside real builds.
//!
//! They live under `target/real-builds/`, share one target directory and the workspace's
//! Cargo.lock, and build `--offline`, so only the first build compiles the runtime and macro.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// A fresh, empty directory `target/real-builds/<name>`.
pub fn scratch(name: &str) -> PathBuf {
    let dir = workspace().join("target/real-builds").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `text` to `path`, creating its directories.
pub fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A binary crate at `dir` depending on errcodes-runtime by path, with `main` as its main.rs.
/// A `standalone` crate is its own workspace root (it would otherwise be taken for a member
/// of this repository's workspace, which lies above `target/`).
pub fn user_crate(dir: &Path, main: &str, standalone: bool) {
    let runtime = workspace().join("errcodes-runtime");
    write(
        &dir.join("Cargo.toml"),
        &format!(
            "[package]\nname = \"scratch-user\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nerrcodes-runtime = {{ path = {:?} }}\n{}",
            runtime.to_str().unwrap(),
            if standalone { "\n[workspace]\n" } else { "" }
        ),
    );
    write(&dir.join("src/main.rs"), main);
}

/// `cargo run` in `root` (a workspace root or a lone crate): its stdout, or the build's stderr.
pub fn cargo_run(root: &Path) -> Result<String, String> {
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
