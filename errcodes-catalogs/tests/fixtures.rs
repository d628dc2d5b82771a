//! User crates, as a user writes them, built and run against this crate: one that names the
//! `mexc` feature, one that takes `all`, and the same `mexc` user reaching for a module whose
//! feature is off. See `common/mod.rs` for how fixtures are staged and timed out.
//!
//! Nothing in a fixture's dependency graph turns on `errcodes-runtime/std`, so these builds
//! also compile this `#![no_std]` crate and its generated code against `core` alone.

mod common;

use common::{cargo_fixture, crate_dir, stage};

#[test]
fn a_user_of_one_catalog_matches_on_its_variants() {
    let staged = stage("user-mexc", "user-mexc", &crate_dir(), "");
    let run = cargo_fixture(&staged, "run", &[]);
    run.assert_success();
    assert_eq!(run.stdout(), include_str!("user-mexc/expected-output.txt"));
}

#[test]
fn a_user_of_all_catalogs_reaches_every_module() {
    let staged = stage("user-all", "user-all", &crate_dir(), "");
    let run = cargo_fixture(&staged, "run", &[]);
    run.assert_success();
    assert_eq!(run.stdout(), include_str!("user-all/expected-output.txt"));
}

#[test]
fn a_feature_that_is_off_leaves_no_module() {
    let staged = stage("user-mexc", "user-mexc-try-mixpay", &crate_dir(), "");
    let run = cargo_fixture(&staged, "build", &["--features", "try-mixpay"]);
    assert!(
        !run.success(),
        "`errcodes_catalogs::mixpay` resolved without the `mixpay` feature:\n{}",
        run.stderr()
    );
    let stderr = run.stderr();
    assert!(
        stderr.contains("could not find `mixpay` in `errcodes_catalogs`"),
        "the build failed for another reason than the missing module:\n{stderr}"
    );
    // Exactly that error: the fixture is otherwise fine.
    assert_eq!(stderr.matches("error[").count(), 1, "{stderr}");
}
