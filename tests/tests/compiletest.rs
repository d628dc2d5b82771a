//! Compile-fail tests: each `tests/ui/<mistake>.rs` expands a broken catalog from
//! `tests/ui/catalogs/` and its `.stderr` holds the exact diagnostics.
//!
//! trybuild compiles each file inside `target/tests/trybuild/errcodes-tests/`, which is the
//! `CARGO_MANIFEST_DIR` the macro resolves against; hence the `../../../../tests/ui/…` paths.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*.rs");
}
