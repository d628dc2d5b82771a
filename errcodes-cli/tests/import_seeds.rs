//! Importing the seed documents gives catalogs equivalent to the hand-kept ones: the same
//! sections in the same order, the same codes in the same order, the same messages byte for
//! byte (names and kinds may differ: the importer only suggests them).

mod common;

use std::path::Path;

use common::{errcodes, mexc_seed, mixpay_seed, valid, workspace};
use errcodes_codegen::Catalog;

fn import(doc: &Path, catalog: &str) -> Catalog {
    let run = errcodes(&[
        "import".as_ref(),
        doc.as_os_str(),
        "--catalog".as_ref(),
        catalog.as_ref(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    valid(&run.stdout)
}

fn hand_kept(name: &str) -> Catalog {
    let path = workspace().join("errcodes-catalogs/catalogs").join(name);
    valid(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

fn assert_equivalent(imported: &Catalog, hand: &Catalog) {
    assert_eq!(
        imported.enums.len(),
        hand.enums.len(),
        "sections: imported {:?}",
        imported.enums.iter().map(|d| &d.name).collect::<Vec<_>>()
    );
    for (ours, theirs) in imported.enums.iter().zip(&hand.enums) {
        let rows = |def: &errcodes_codegen::EnumDef| -> Vec<(errcodes_codegen::Code, String)> {
            def.entries
                .iter()
                .map(|e| (e.code.clone(), e.message.clone()))
                .collect()
        };
        assert_eq!(rows(ours), rows(theirs), "{} vs {}", ours.name, theirs.name);
        let deprecated = |def: &errcodes_codegen::EnumDef| -> Vec<bool> {
            def.entries.iter().map(|e| e.deprecated).collect()
        };
        assert_eq!(deprecated(ours), deprecated(theirs));
    }
}

#[test]
fn mexc_seed_imports_as_the_hand_kept_catalog() {
    let imported = import(&mexc_seed(), "mexc");
    assert_equivalent(&imported, &hand_kept("mexc.toml"));
    assert_eq!(imported.enums[0].name, "MexcError");
    assert_eq!(imported.enums[1].name, "MexcSection2Error");
    // The second section starts where the numbering restarts, at 730000.
    assert_eq!(
        imported.enums[1].entries[0].code,
        errcodes_codegen::Code::Int(730000)
    );
}

#[test]
fn mixpay_seed_imports_as_the_hand_kept_catalog() {
    let imported = import(&mixpay_seed(), "mixpay");
    assert_equivalent(&imported, &hand_kept("mixpay.toml"));
    let names: Vec<&str> = imported.enums.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["MixpayBasicError", "MixpayReasonForRefundError"]);
    assert_eq!(imported.title.as_deref(), Some("Error Codes"));
    // Two codes with one message: the second variant name gets its code.
    let refund = &imported.enums[1].entries;
    let name_of = |code: i64| {
        &refund
            .iter()
            .find(|e| e.code == errcodes_codegen::Code::Int(code))
            .unwrap()
            .name
    };
    assert_eq!(name_of(10021), "PayeeMemoDoesNotSupportSettlement");
    assert_eq!(name_of(10066), "PayeeMemoDoesNotSupportSettlement10066");
}

#[test]
fn seed_imports_pass_check_with_no_errors() {
    let dir = common::scratch("seed_imports_pass_check");
    for (doc, name) in [(mexc_seed(), "mexc"), (mixpay_seed(), "mixpay")] {
        let out = dir.join(format!("{name}.toml"));
        let run = errcodes(&[
            "import".as_ref(),
            doc.as_os_str(),
            "--catalog".as_ref(),
            name.as_ref(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stdout.is_empty(), "-o writes the file, not stdout");
        let check = errcodes(&["check".as_ref(), out.as_os_str()]);
        assert_eq!(check.code, 0, "{}", check.all());
        assert!(check.stdout.contains(": ok ("), "{}", check.stdout);
    }
}
