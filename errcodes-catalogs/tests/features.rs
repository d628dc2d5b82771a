//! Every catalog in `catalogs/` is wired up: its feature, its entry in `all`, its module behind
//! its feature, its module file with the `errcodes!` call and the `doc_facts` test, its row in
//! the crate docs' feature table. A catalog added without one of these fails here, with the
//! missing piece named (see "Adding a catalog" in src/lib.rs).

use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(relative: &str) -> String {
    fs::read_to_string(crate_dir().join(relative))
        .unwrap_or_else(|error| panic!("{relative}: {error}"))
}

/// The stems of `catalogs/*.toml`.
fn catalogs() -> BTreeSet<String> {
    fs::read_dir(crate_dir().join("catalogs"))
        .expect("catalogs/")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "toml")
        })
        .map(|path| {
            let stem = path.file_stem().expect("a file name").to_str();
            stem.expect("a UTF-8 name").to_owned()
        })
        .collect()
}

/// `[features]` of this crate's Cargo.toml.
fn features() -> toml::Table {
    let manifest: toml::Table = read("Cargo.toml").parse().expect("Cargo.toml is TOML");
    manifest["features"]
        .as_table()
        .expect("a [features] table")
        .clone()
}

fn names(list: &toml::Value) -> BTreeSet<String> {
    list.as_array()
        .expect("a feature is a list")
        .iter()
        .map(|name| name.as_str().expect("a feature name").to_owned())
        .collect()
}

/// Features that are not catalogs.
const OTHER_FEATURES: [&str; 5] = ["default", "all", "std", "serde", "json"];

#[test]
fn there_are_catalogs() {
    assert!(catalogs().contains("mexc") && catalogs().contains("mixpay"));
}

#[test]
fn every_catalog_has_a_feature_and_nothing_else_does() {
    let features = features();
    let catalog_features: BTreeSet<String> = features
        .keys()
        .filter(|name| !OTHER_FEATURES.contains(&name.as_str()))
        .cloned()
        .collect();
    assert_eq!(
        catalog_features,
        catalogs(),
        "catalog features vs catalogs/*.toml"
    );
    for catalog in catalogs() {
        assert!(
            names(&features[&catalog]).is_empty(),
            "feature `{catalog}` turns on nothing else: `{catalog} = []`"
        );
    }
}

#[test]
fn all_is_every_catalog() {
    assert_eq!(names(&features()["all"]), catalogs(), "the `all` feature");
}

#[test]
fn the_default_is_no_catalog() {
    // Documented in the crate docs ("No feature is on by default"); change both together.
    assert!(names(&features()["default"]).is_empty());
}

#[test]
fn std_and_serde_are_forwarded_to_the_runtime() {
    let features = features();
    assert_eq!(
        names(&features["std"]),
        BTreeSet::from(["errcodes-runtime/std".to_owned()])
    );
    assert_eq!(
        names(&features["serde"]),
        BTreeSet::from(["errcodes-runtime/serde".to_owned()])
    );
}

#[test]
fn every_catalog_has_a_gated_module() {
    let lib = read("src/lib.rs");
    for catalog in catalogs() {
        let gate = format!("#[cfg(feature = \"{catalog}\")]\n");
        let item = format!("pub mod {catalog};\n");
        let gated = lib.match_indices(&gate).any(|(at, _)| {
            // The module follows its gate, with at most the docsrs attribute in between.
            let after = &lib[at + gate.len()..];
            after.starts_with(&item)
                || after.split_once('\n').is_some_and(|(line, rest)| {
                    line.starts_with("#[cfg_attr(docsrs") && rest.starts_with(&item)
                })
        });
        assert!(gated, "src/lib.rs: `{}{}`", gate, item.trim_end());
        assert_eq!(
            lib.matches(&format!("mod {catalog};")).count(),
            1,
            "src/lib.rs declares `mod {catalog};` once"
        );
        let row = format!("//! | `{catalog}` | `{catalog}` |");
        assert!(
            lib.contains(&row),
            "src/lib.rs: a feature table row `{row} … |`"
        );

        let module = read(&format!("src/{catalog}.rs"));
        // The call hides the expansion's own module and re-exports its items as this module's.
        let flat: String = module.split_whitespace().collect::<Vec<_>>().join(" ");
        let call = format!(
            "errcodes_runtime::errcodes!( #[doc(hidden)] \"catalogs/{catalog}.toml\" ); pub use self::{catalog}::*;"
        );
        assert!(flat.contains(&call), "src/{catalog}.rs: `{call}`");
        let facts = format!("include_str!(\"../catalogs/{catalog}.toml\")");
        assert!(
            module.contains("fn doc_facts()") && module.contains(&facts),
            "src/{catalog}.rs: the `doc_facts` test over `{facts}`"
        );
    }
}

#[test]
fn the_package_takes_the_catalogs() {
    let manifest: toml::Table = read("Cargo.toml").parse().expect("Cargo.toml is TOML");
    let include = manifest["package"]["include"]
        .as_array()
        .expect("package.include");
    assert!(
        include
            .iter()
            .any(|path| path.as_str() == Some("/catalogs/*.toml")),
        "package.include lists \"/catalogs/*.toml\" (tests/packaged.rs checks the real .crate)"
    );
}
