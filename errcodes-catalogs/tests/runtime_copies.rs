//! errcodes-runtime keeps copies of the bundled catalogs its doctests and tests expand, in
//! errcodes-runtime/catalogs/, so that they run from its published package too. A copy is the
//! bundled catalog byte for byte: one catalog, kept in two places.

use std::path::Path;

#[test]
fn the_runtimes_catalogs_are_the_bundled_ones() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let copies = root.join("../errcodes-runtime/catalogs");
    let mut checked = 0;
    let mut stale = Vec::new();
    for entry in std::fs::read_dir(&copies).unwrap_or_else(|e| panic!("{}: {e}", copies.display()))
    {
        let copy = entry.expect("a directory entry").path();
        let name = copy.file_name().expect("a file name").to_owned();
        let bundled = root.join("catalogs").join(&name);
        let kept = std::fs::read(&bundled).unwrap_or_else(|e| {
            panic!(
                "{} has no bundled original {}: {e}",
                copy.display(),
                bundled.display()
            )
        });
        if std::fs::read(&copy).expect("the copy") != kept {
            stale.push(format!("cp {} {}", bundled.display(), copy.display()));
        }
        checked += 1;
    }
    assert!(checked > 0, "no catalog in {}", copies.display());
    assert!(
        stale.is_empty(),
        "the runtime's copies differ from the bundled catalogs; copy them again:\n{}",
        stale.join("\n")
    );
}
