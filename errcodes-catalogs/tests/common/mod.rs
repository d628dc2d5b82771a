//! Runs cargo on the fixture crates of `tests/` (`user-mexc`, `user-all`), with a time limit.
//!
//! A fixture is built from a staged copy under `CARGO_TARGET_TMPDIR`, never in place: the copy
//! gets the absolute path of the `errcodes-catalogs` to test (this crate, or an unpacked
//! `.crate`) and the workspace's `Cargo.lock`, so that the source tree stays clean, `--offline`
//! resolves to the versions the workspace already has, and every fixture shares one target
//! directory (`target/tmp/errcodes-catalogs/target`). That directory is not the workspace's own:
//! the `cargo test` running these tests holds the lock on that one.
//!
//! Every cargo command runs `--offline` first and goes online only when the local cache lacks
//! something; each is killed after `ERRCODES_FIXTURE_TIMEOUT_SECS` (300 by default), so a
//! stuck lock or network cannot hang the test run.
#![allow(dead_code)] // each test binary uses its own part

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use std::{env, fs, thread};

/// This crate's directory.
pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The workspace root, the parent of this crate.
pub fn workspace_dir() -> PathBuf {
    crate_dir()
        .parent()
        .expect("the crate lives inside the workspace")
        .to_path_buf()
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

/// How long one cargo command may take before it is killed: `ERRCODES_FIXTURE_TIMEOUT_SECS`,
/// 300 seconds by default (a first build compiles the proc macro's dependencies once).
fn time_limit() -> Duration {
    let seconds = env::var("ERRCODES_FIXTURE_TIMEOUT_SECS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(300);
    Duration::from_secs(seconds)
}

/// The output of a finished cargo command, printable in assertion messages.
pub struct Run {
    pub command: String,
    pub output: Output,
}

impl Run {
    pub fn success(&self) -> bool {
        self.output.status.success()
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    /// Panics with everything cargo printed unless it succeeded.
    pub fn assert_success(&self) -> &Self {
        assert!(
            self.success(),
            "`{}` failed ({}):\n--- stdout\n{}\n--- stderr\n{}",
            self.command,
            self.output.status,
            self.stdout(),
            self.stderr()
        );
        self
    }
}

/// Runs `cargo <args>` in `dir`, killing it after [`time_limit`].
pub fn cargo(dir: &Path, args: &[&str]) -> Run {
    let program = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let command = format!("cargo {}", args.join(" "));
    let mut child = Command::new(program)
        .args(args)
        .current_dir(dir)
        // The outer `cargo test` must not leak its target directory into the fixture builds.
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET_DIR")
        .env("CARGO_TERM_COLOR", "never")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| panic!("cannot start `{command}`: {error}"));
    let mut stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let stdout = thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stdout.read_to_end(&mut bytes);
        bytes
    });
    let stderr = thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stderr.read_to_end(&mut bytes);
        bytes
    });
    let limit = time_limit();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for cargo") {
            break status;
        }
        if started.elapsed() > limit {
            // Hangs come from cargo itself (a lock that is never released, a stuck network):
            // killing it is enough. The output readers are left behind, as a compiler it
            // started may still hold the pipes for a moment.
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "`{command}` in {} took longer than {limit:?} and was killed \
                 (raise ERRCODES_FIXTURE_TIMEOUT_SECS if the machine is just slow)",
                dir.display()
            );
        }
        thread::sleep(Duration::from_millis(50));
    };
    Run {
        command,
        output: Output {
            status,
            stdout: stdout.join().unwrap_or_default(),
            stderr: stderr.join().unwrap_or_default(),
        },
    }
}

/// `cargo <subcommand> --offline <args>`, and only if that fails for want of something that is
/// not in the local cache yet (a fresh `CARGO_HOME`, a dependency a workspace member just
/// gained), the same without `--offline`.
pub fn cargo_offline_first(dir: &Path, args: &[&str]) -> Run {
    let mut offline = args.to_vec();
    offline.insert(1.min(offline.len()), "--offline"); // after the subcommand
    let run = cargo(dir, &offline);
    if run.success() || !run.stderr().contains("offline") {
        return run;
    }
    cargo(dir, args)
}

/// `path` as a TOML literal string.
pub fn toml_path(path: &Path) -> String {
    let path = path.to_str().expect("a UTF-8 path");
    assert!(
        !path.contains('\'') && !path.contains('\n'),
        "path {path:?} cannot be a TOML literal string"
    );
    format!("'{path}'")
}

/// Copies fixture `tests/<fixture>` to `scratch(<stage>)`, its `errcodes-catalogs` dependency
/// pointing at `catalogs_crate`, with the workspace's `Cargo.lock` and `extra_manifest`
/// appended to its `Cargo.toml`. Returns the staged directory.
pub fn stage(fixture: &str, stage: &str, catalogs_crate: &Path, extra_manifest: &str) -> PathBuf {
    let source = crate_dir().join("tests").join(fixture);
    let staged = scratch(stage);
    if staged.exists() {
        fs::remove_dir_all(&staged).expect("removing an old staged fixture");
    }
    fs::create_dir_all(staged.join("src")).expect("creating the staged fixture");

    let manifest = fs::read_to_string(source.join("Cargo.toml")).expect("the fixture's manifest");
    let relative = r#"path = "../..""#;
    assert_eq!(
        manifest.matches(relative).count(),
        1,
        "tests/{fixture}/Cargo.toml depends on errcodes-catalogs with `{relative}`"
    );
    let manifest = manifest.replace(relative, &format!("path = {}", toml_path(catalogs_crate)));
    fs::write(
        staged.join("Cargo.toml"),
        format!("{manifest}\n{extra_manifest}"),
    )
    .expect("writing the staged manifest");

    for entry in fs::read_dir(source.join("src")).expect("the fixture's src/") {
        let entry = entry.expect("a directory entry");
        fs::copy(entry.path(), staged.join("src").join(entry.file_name()))
            .expect("copying a fixture source file");
    }
    let lock = workspace_dir().join("Cargo.lock");
    if lock.is_file() {
        fs::copy(lock, staged.join("Cargo.lock")).expect("copying Cargo.lock");
    }
    staged
}

/// `cargo <subcommand> --quiet --target-dir <fixture target> <args>` on a staged fixture,
/// offline first.
pub fn cargo_fixture(staged: &Path, subcommand: &str, args: &[&str]) -> Run {
    let target = fixture_target();
    let target = target.to_str().expect("a UTF-8 path");
    let mut all = vec![subcommand, "--quiet", "--target-dir", target];
    all.extend_from_slice(args);
    cargo_offline_first(staged, &all)
}
