//! The macro inside real cargo builds of scratch crates: a workspace whose root is elsewhere,
//! a path with spaces and non-ASCII characters, a catalog edited between builds (the rebuild
//! picks it up), deleted, or replaced by a directory (a clear error each time).

use std::path::Path;

use errcodes_tests::scratch::{cargo_run, scratch, user_crate, write};

// The macro used directly from an integration test, too.
mod from_an_integration_test {
    errcodes_runtime::errcodes!("../errcodes-catalogs/catalogs/mixpay.toml");
}

#[test]
fn the_macro_works_from_an_integration_test() {
    use from_an_integration_test::MixPayRefundReason;
    assert_eq!(
        MixPayRefundReason::from_code(40021),
        Some(MixPayRefundReason::DoublePayment)
    );
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

/// A binary crate that expands `catalog` (relative to its manifest) and prints every variant.
fn printing_crate(dir: &Path, catalog: &str) {
    user_crate(
        dir,
        &format!(
            "errcodes_runtime::errcodes!({catalog:?});\n\n\
             fn main() {{\n    for error in ScratchError::ALL {{\n        \
             assert_eq!(ScratchError::from_code(error.code()), Some(*error));\n        \
             println!(\"{{}} {{}} {{}}\", error.code(), error.name(), error);\n    }}\n}}\n"
        ),
        false,
    );
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
    printing_crate(
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
    // The messages name the path as written and where it led, which depends on the machine:
    // hence checked here rather than by a trybuild `.stderr`.
    let member = root.join("member crate");
    let resolved = member.join("../shared catalogs/scratch.toml");
    let error = cargo_run(&root).unwrap_err();
    assert!(
        error.contains(&format!(
            "cannot find catalog `../shared catalogs/scratch.toml`: {} (No such file or directory (os error 2)); paths are relative to this crate's Cargo.toml",
            resolved.display()
        )),
        "{error}"
    );

    // Replaced by a directory.
    std::fs::create_dir_all(&catalog).unwrap();
    let error = cargo_run(&root).unwrap_err();
    assert!(
        error.contains("catalog `../shared catalogs/scratch.toml` is a directory ("),
        "{error}"
    );
    assert!(error.contains("); name a .toml file inside it"), "{error}");
    assert!(!error.contains("panicked"), "{error}");

    // An absolute path, refused so that the crate builds the same on every machine.
    printing_crate(&member, "/etc/errcodes.toml");
    let error = cargo_run(&root).unwrap_err();
    assert!(
        error.contains(&format!(
            "catalog path `/etc/errcodes.toml` is absolute; write it relative to this crate's Cargo.toml (in {})",
            member.display()
        )),
        "{error}"
    );
}
