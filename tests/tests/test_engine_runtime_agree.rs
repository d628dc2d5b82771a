//! The engine and the runtime are separate crates that must agree: the engine builds the
//! `from_code` tables and writes each variant's kind and retry advice as positions in
//! `ErrorKind::ALL`/`Retry::ALL`; generated code reads them back. Both use `errcodes_core`'s one
//! definition of each, and these tests hold what the engine decided against what the generated
//! code answers.

use errcodes_codegen::Code;
use errcodes_codegen::lookup::{self, Table};
use errcodes_runtime::__private::{Lookup, int_key, str_key};
use errcodes_runtime::ErrorCode;

/// Every variant of a compiled catalog answers the kind and retry advice the engine's model of
/// the same file holds.
fn same_classification<E: ErrorCode>(catalog: &str) {
    let path = format!(
        "{}/../errcodes-catalogs/catalogs/{catalog}",
        env!("CARGO_MANIFEST_DIR")
    );
    let checked = errcodes_codegen::check(&std::fs::read_to_string(path).unwrap());
    let def = checked
        .catalog
        .enums
        .iter()
        .find(|def| def.name == E::ENUM)
        .unwrap();
    assert_eq!(def.variants().count(), E::ALL.len());
    for (entry, variant) in def.variants().zip(E::ALL) {
        assert_eq!(variant.name(), entry.name);
        assert_eq!(variant.kind(), entry.kind, "{}", entry.name);
        assert_eq!(variant.retry(), entry.retry, "{}", entry.name);
    }
}

#[test]
fn generated_kinds_and_retry_advice_are_the_engines() {
    same_classification::<errcodes_tests::mexc::MexcError>("mexc.toml");
    same_classification::<errcodes_tests::mexc::MexcSubAccountError>("mexc.toml");
    same_classification::<errcodes_tests::mixpay::MixPayError>("mixpay.toml");
    same_classification::<errcodes_tests::mixpay::MixPayRefundReason>("mixpay.toml");
}

/// The engine's table as the runtime reads it (leaked: the runtime takes `'static` bytes).
fn runtime_view(table: &Table) -> Lookup {
    let leak = |bytes: &Vec<u8>| -> &'static [u8] { Box::leak(bytes.clone().into_boxed_slice()) };
    match table {
        Table::Empty => Lookup::Empty,
        Table::Dense { min, width, table } => Lookup::Dense {
            min: *min,
            width: *width,
            table: leak(table),
        },
        Table::MultiplyShift {
            mult,
            shift,
            width,
            slots,
        } => Lookup::MultiplyShift {
            mult: *mult,
            shift: *shift,
            width: *width,
            slots: leak(slots),
        },
        Table::Displace {
            seed,
            bucket_shift,
            displacements,
            slot_shift,
            width,
            slots,
        } => Lookup::Displace {
            seed: *seed,
            bucket_shift: *bucket_shift,
            displacements: leak(displacements),
            slot_shift: *slot_shift,
            width: *width,
            slots: leak(slots),
        },
    }
}

fn runtime_key(code: &Code) -> u64 {
    match code {
        Code::Int(code) => int_key(*code),
        Code::Str(code) => str_key(code),
    }
}

/// The runtime finds every listed code at its index (with the engine's key for it), and for a
/// code that is not listed it proposes nothing or an entry with another code, which the
/// generated `from_code` then rejects.
fn agree(codes: &[Code], misses: &[Code]) -> Table {
    let table = lookup::build(codes);
    let runtime = runtime_view(&table);
    for (index, code) in codes.iter().enumerate() {
        assert_eq!(runtime_key(code), lookup::key(code), "{code}");
        assert_eq!(
            runtime.candidate(runtime_key(code)),
            Some(index),
            "{code} in {table:?}"
        );
    }
    for code in misses.iter().filter(|miss| !codes.contains(miss)) {
        if let Some(index) = runtime.candidate(runtime_key(code)) {
            assert_ne!(&codes[index], code);
        }
    }
    table
}

#[test]
fn every_table_kind_is_read_by_the_runtime_as_the_engine_built_it() {
    let misses: Vec<Code> = [i64::MIN, -1, 0, 1, 7, 12_345, i64::MAX]
        .map(Code::Int)
        .to_vec();
    // Dense: a short range.
    agree(&(-3..60).map(Code::Int).collect::<Vec<_>>(), &misses);
    // One-level multiply-shift: MEXC-like sparse codes.
    agree(
        &(0..90)
            .map(|i| Code::Int(i * 7_919 + (i % 5) * 100_003))
            .collect::<Vec<_>>(),
        &misses,
    );
    // Hash and displace, two-byte indexes.
    agree(
        &(0..3_000)
            .map(|i| Code::Int(i * 104_729 - 77))
            .collect::<Vec<_>>(),
        &misses,
    );
    // Hash and displace, four-byte indexes.
    agree(
        &(0..70_000)
            .map(|i| Code::Int(i * 31 + 5))
            .collect::<Vec<_>>(),
        &misses,
    );
    // The extremes.
    agree(
        &[Code::Int(i64::MIN), Code::Int(i64::MAX), Code::Int(0)],
        &[Code::Int(1)],
    );
    // String codes, including text that hashes unusually.
    let strings: Vec<Code> = [
        "card_declined",
        "EOrder:Insufficient funds",
        "é",
        "\u{0}",
        "429",
    ]
    .map(|s| Code::Str(s.to_owned()))
    .to_vec();
    let string_misses: Vec<Code> = ["", "card_declined ", "430"]
        .map(|s| Code::Str(s.to_owned()))
        .to_vec();
    agree(&strings, &string_misses);
    let many: Vec<Code> = (0..2_000)
        .map(|i| Code::Str(format!("E{i}:code")))
        .collect();
    agree(&many, &string_misses);
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config { cases: 64, ..Default::default() })]

    #[test]
    fn any_integer_codes_are_found_by_the_runtime(
        codes in proptest::collection::btree_set(
            proptest::prop_oneof![
                proptest::num::i64::ANY,
                proptest::strategy::Just(i64::MIN),
                proptest::strategy::Just(i64::MAX),
                -300i64..300,
            ],
            1..400,
        ),
        misses in proptest::collection::vec(proptest::num::i64::ANY, 0..50),
    ) {
        let codes: Vec<Code> = codes.into_iter().map(Code::Int).collect();
        let misses: Vec<Code> = misses.into_iter().map(Code::Int).collect();
        agree(&codes, &misses);
    }

    #[test]
    fn any_string_codes_are_found_by_the_runtime(
        codes in proptest::collection::btree_set("\\PC{0,24}", 1..300),
        misses in proptest::collection::vec("\\PC{0,24}", 0..50),
    ) {
        let codes: Vec<Code> = codes.into_iter().map(Code::Str).collect();
        let misses: Vec<Code> = misses.into_iter().map(Code::Str).collect();
        agree(&codes, &misses);
    }
}
