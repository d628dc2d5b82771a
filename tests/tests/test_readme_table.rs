//! The README's table of bundled catalogs says how many enums, entries, refinements and
//! `[[http]]` rules each has: counted here by the engine's own loader (`errcodes_codegen::check`),
//! so a catalog that gains a page cannot leave the table behind.

use std::collections::BTreeMap;

const README: &str = include_str!("../../README.md");
const CATALOGS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../errcodes-catalogs/catalogs");

/// `| \`mexc\` | MEXC Spot API v3 | 2 | 94 | 2 | 5 | … |` → ("mexc", [2, 94, 2, 5]).
fn table() -> BTreeMap<String, [usize; 4]> {
    README
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let name = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            let count = |at: usize| cells.get(at)?.replace(',', "").parse().ok();
            Some((
                name.to_owned(),
                [count(3)?, count(4)?, count(5)?, count(6)?],
            ))
        })
        .collect()
}

#[test]
fn the_readme_table_counts_every_bundled_catalog() {
    let table = table();
    let mut bundled = 0;
    let mut stale = Vec::new();
    for entry in std::fs::read_dir(CATALOGS).expect("the bundled catalogs' folder") {
        let path = entry.expect("a folder entry").path();
        if path.extension().is_none_or(|ext| ext != "toml") {
            continue;
        }
        bundled += 1;
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let checked = errcodes_codegen::check(&std::fs::read_to_string(&path).unwrap());
        assert!(checked.is_valid(), "{name} does not check clean");
        let catalog = &checked.catalog;
        let entries = catalog.enums.iter().map(|def| def.entries.len()).sum();
        let refinements = catalog
            .enums
            .iter()
            .flat_map(|def| &def.entries)
            .map(|entry| entry.refinements.len())
            .sum();
        let counted = [
            catalog.enums.len(),
            entries,
            refinements,
            catalog.http.len(),
        ];
        if table.get(&name) != Some(&counted) {
            stale.push(format!(
                "`{name}`: README {:?}, catalog {counted:?}",
                table.get(&name)
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "README rows to update (enums, entries, refinements, [[http]] rules):\n{}",
        stale.join("\n")
    );
    assert_eq!(table.len(), bundled, "one README row per bundled catalog");
}
