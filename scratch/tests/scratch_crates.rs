//! The pieces of a scratch build against the file system and a real cargo.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use errcodes_scratch::{
    Cargo, Root, fresh_dir, manifest, repository, seed_lock, write, write_crate,
};

fn scratch(name: &str) -> PathBuf {
    fresh_dir(
        &Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("errcodes-scratch")
            .join(name),
    )
    .unwrap()
}

#[test]
fn manifests_hold_any_path_and_parse_back() {
    let odd = Path::new("/dir with spaces/ünï\"cödé'/back\\slash");
    let manifest = manifest::package(
        "odd",
        &[manifest::path_dependency("errcodes-runtime", odd).unwrap()],
        Root::Standalone,
    );
    let table: toml::Table = manifest.parse().expect("a TOML manifest");
    assert_eq!(table["package"]["name"].as_str(), Some("odd"));
    assert_eq!(table["package"]["publish"].as_bool(), Some(false));
    assert_eq!(
        table["dependencies"]["errcodes-runtime"]["path"].as_str(),
        odd.to_str()
    );
    assert!(table["workspace"].as_table().is_some_and(|t| t.is_empty()));

    let member = manifest::package("member", &[], Root::Member);
    assert!(
        !member
            .parse::<toml::Table>()
            .unwrap()
            .contains_key("workspace")
    );

    let root: toml::Table = manifest::workspace(&["a b", "c\"d"], "[profile.dev]\nopt-level = 1\n")
        .parse()
        .expect("a TOML workspace manifest");
    let members: Vec<&str> = root["workspace"]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|member| member.as_str().unwrap())
        .collect();
    assert_eq!(members, ["a b", "c\"d"]);
    assert_eq!(root["profile"]["dev"]["opt-level"].as_integer(), Some(1));
}

#[test]
fn an_unchanged_file_keeps_its_modification_time() {
    let dir = scratch("write");
    let path = dir.join("deep/er/file.rs");
    write(&path, "one").unwrap();
    let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(old)
        .unwrap();
    write(&path, "one").unwrap();
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), old);
    write(&path, "two").unwrap();
    assert_ne!(fs::metadata(&path).unwrap().modified().unwrap(), old);
    assert_eq!(fs::read_to_string(&path).unwrap(), "two");

    // A fresh directory is empty again.
    assert_eq!(fresh_dir(&dir).unwrap().read_dir().unwrap().count(), 0);
}

#[test]
fn the_lock_is_seeded_once() {
    let dir = scratch("lock");
    seed_lock(&dir).unwrap();
    assert_eq!(
        fs::read(dir.join("Cargo.lock")).unwrap(),
        fs::read(repository().join("Cargo.lock")).unwrap()
    );
    fs::write(dir.join("Cargo.lock"), "# cargo's own\n").unwrap();
    seed_lock(&dir).unwrap();
    assert_eq!(
        fs::read_to_string(dir.join("Cargo.lock")).unwrap(),
        "# cargo's own\n"
    );
}

/// A crate with no dependencies, built and run, then broken: the run's stdout, then the
/// build's stderr. Both share one target directory outside the crate.
#[test]
fn cargo_builds_a_standalone_crate_into_its_target_dir() {
    let dir = scratch("standalone");
    let target = scratch("standalone-target");
    write_crate(
        &dir.join("crate"),
        &manifest::package("standalone", &[], Root::Standalone),
        &[("src/main.rs", "fn main() {\n    println!(\"built\");\n}\n")],
    )
    .unwrap();
    let cargo = Cargo::new(dir.join("crate"))
        .target_dir(&target)
        .time_limit(Duration::from_secs(300));
    let run = cargo.run(&["run", "--quiet"]).unwrap();
    assert_eq!(run.stdout_or_stderr(), Ok("built\n".to_owned()));
    assert!(
        run.command.starts_with("cargo --offline run"),
        "{}",
        run.command
    );
    assert!(target.join("debug/standalone").is_file());
    assert!(!dir.join("crate/target").exists());

    write(
        &dir.join("crate/src/main.rs"),
        "fn main() { undefined(); }\n",
    )
    .unwrap();
    let error = cargo
        .run(&["run", "--quiet"])
        .unwrap()
        .stdout_or_stderr()
        .unwrap_err();
    assert!(
        error.contains("cannot find function `undefined`"),
        "{error}"
    );
}
