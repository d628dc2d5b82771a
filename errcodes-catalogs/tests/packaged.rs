//! The crate as published: `cargo package`, unpack the `.crate`, build a user crate with every
//! feature against the unpacked files (not the workspace's), and check that the catalogs are in
//! it as real files.
//!
//! `cargo package` writes a `Cargo.lock` into the `.crate`, for which it resolves every
//! dependency as if from crates.io. The errcodes crates are not published, so this crate is
//! packaged together with `errcodes-runtime`, `errcodes-macros`, `errcodes-codegen` and
//! `errcodes-core`: cargo
//! then resolves them from a local registry of the freshly packaged crates. Only
//! `errcodes-catalogs-*.crate` is unpacked; the build points `errcodes-runtime` at the
//! workspace with `[patch.crates-io]` (the runtime brings the macro and the engine with it).
//! Everything runs `--offline` when the local cache allows, with the workspace's `Cargo.lock`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{
    cargo_fixture, cargo_offline_first, crate_dir, scratch, stage, toml_path, workspace_dir,
};

/// `cargo package` into scratch space; returns the unpacked `errcodes-catalogs` directory.
fn package_and_unpack() -> PathBuf {
    let target = scratch("package-target");
    let run = cargo_offline_first(
        &workspace_dir(),
        &target,
        &[
            "package",
            "--no-verify",
            "--allow-dirty",
            "--quiet",
            "-p",
            "errcodes-catalogs",
            "-p",
            "errcodes-runtime",
            "-p",
            "errcodes-macros",
            "-p",
            "errcodes-codegen",
            "-p",
            "errcodes-core",
        ],
    );
    run.assert_success();

    let version = env!("CARGO_PKG_VERSION");
    let file = target
        .join("package")
        .join(format!("errcodes-catalogs-{version}.crate"));
    assert!(
        file.is_file(),
        "`{}` wrote no {}",
        run.command,
        file.display()
    );
    let unpacked = scratch("unpacked");
    if unpacked.exists() {
        fs::remove_dir_all(&unpacked).expect("removing the old unpacked crate");
    }
    fs::create_dir_all(&unpacked).expect("creating the unpack directory");
    // A .crate is a gzipped tar holding `<name>-<version>/…`. Its files carry a fixed old
    // mtime; `-m` stamps them with the current time instead, so that cargo, which compares
    // mtimes, rebuilds the unpacked crate rather than reuse the previous run's artifacts.
    let status = std::process::Command::new("tar")
        .arg("-xzmf")
        .arg(&file)
        .arg("-C")
        .arg(&unpacked)
        .status()
        .expect("running tar");
    assert!(status.success(), "tar -xzf {} failed", file.display());
    unpacked.join(format!("errcodes-catalogs-{version}"))
}

/// The names of the `*.toml` files in `dir`, sorted.
fn catalog_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.expect("a directory entry").file_name())
        .map(|name| name.into_string().expect("a UTF-8 file name"))
        .filter(|name| name.ends_with(".toml"))
        .collect();
    names.sort();
    names
}

/// `[patch.crates-io]` pointing the unpacked crate's registry dependency at the workspace.
fn patch_to_workspace() -> String {
    format!(
        "[patch.crates-io]\nerrcodes-runtime = {{ path = {} }}\n",
        toml_path(&workspace_dir().join("errcodes-runtime"))
    )
}

#[test]
fn the_packaged_crate_builds_from_its_own_files() {
    let unpacked = package_and_unpack();

    // The catalogs travel inside the package, as real files, byte for byte.
    let shipped = catalog_files(&crate_dir().join("catalogs"));
    assert!(!shipped.is_empty(), "no catalogs in catalogs/");
    assert_eq!(catalog_files(&unpacked.join("catalogs")), shipped);
    for name in &shipped {
        let packaged = unpacked.join("catalogs").join(name);
        let metadata = fs::symlink_metadata(&packaged).expect("the packaged catalog");
        assert!(
            metadata.is_file(),
            "{} is not a plain file",
            packaged.display()
        );
        assert_eq!(
            fs::read(&packaged).expect("the packaged catalog"),
            fs::read(crate_dir().join("catalogs").join(name)).expect("the catalog"),
            "{name} differs in the package"
        );
    }
    // Path dependencies became registry dependencies: nothing in the .crate's manifest points
    // back into the workspace, so the builds below read only the unpacked files (and the
    // runtime the patch names).
    let manifest: toml::Table = fs::read_to_string(unpacked.join("Cargo.toml"))
        .expect("the packaged manifest")
        .parse()
        .expect("a TOML manifest");
    for table in ["dependencies", "dev-dependencies", "build-dependencies"] {
        for (name, dependency) in manifest
            .get(table)
            .and_then(toml::Value::as_table)
            .into_iter()
            .flatten()
        {
            assert!(
                dependency.get("path").is_none(),
                "the packaged manifest keeps a path for {table}.{name}: {dependency:?}"
            );
        }
    }

    // Every feature, built and run from the unpacked files.
    let staged = stage(
        "user-all",
        "packaged-user-all",
        &unpacked,
        &patch_to_workspace(),
    );
    let run = cargo_fixture(&staged, "run", &[]);
    run.assert_success();
    assert_eq!(run.stdout(), include_str!("user-all/expected-output.txt"));

    // A feature that is off costs nothing, not even a read of its catalog: without
    // mixpay.toml, the package still builds and runs for a `mexc` user.
    fs::remove_file(unpacked.join("catalogs").join("mixpay.toml")).expect("removing mixpay.toml");
    let staged = stage(
        "user-mexc",
        "packaged-user-mexc",
        &unpacked,
        &patch_to_workspace(),
    );
    let run = cargo_fixture(&staged, "run", &[]);
    run.assert_success();
    assert_eq!(run.stdout(), include_str!("user-mexc/expected-output.txt"));
}
