//! No catalog text can inject code, attributes or doctests: the hostile catalog compiles (the
//! crate denies warnings), every message is kept byte for byte, and `cargo test --doc` of this
//! crate would fail if any text had opened a code block (they contain `compile_error!`).

use errcodes_tests::hostile::HostileError;

#[test]
fn hostile_messages_round_trip_byte_for_byte() {
    let catalog = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/hostile.toml"
    ))
    .unwrap();
    let checked = errcodes_codegen::check(&catalog);
    assert!(checked.is_valid(), "{:?}", checked.diagnostics);
    let entries = &checked.catalog.enums[0].entries;
    assert_eq!(entries.len(), HostileError::ALL.len());
    for (entry, &variant) in entries.iter().zip(HostileError::ALL) {
        let errcodes_codegen::Code::Int(code) = entry.code else {
            panic!("integer codes")
        };
        assert_eq!(HostileError::from_code(code), Some(variant));
        assert_eq!(variant.message(), entry.message, "{}", entry.name);
        // Display reads a template as a sentence (`…` for each placeholder); a message without
        // placeholders prints byte for byte.
        let sentence = errcodes_codegen::template::Template::new(&entry.message)
            .sentence()
            .to_string();
        assert_eq!(variant.to_string(), sentence, "{}", entry.name);
        assert_eq!(variant.description(), entry.description.as_deref());
    }
    assert_eq!(
        HostileError::Trailing.message(),
        "   spaces kept exactly   "
    );
    assert_eq!(HostileError::from_code(i64::MIN), Some(HostileError::Fence));
    assert_eq!(
        HostileError::from_code(i64::MAX),
        Some(HostileError::Indented)
    );
}
