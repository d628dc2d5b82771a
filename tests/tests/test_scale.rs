//! Scale: a 50,000-code enum and a file of 200 enums expand, compile and round-trip every
//! code and message in a real build; the engine's peak heap while expanding the 50,000-code
//! catalog is measured and must stay bounded.
//!
//! Ignored by default because it compiles ~55,000 variants (about a minute on 2 cores); the
//! README's test command, which CI runs, includes it with `--include-ignored`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::fmt::Write as _;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use errcodes_tests::scratch::{cargo_run, scratch, user_crate, write};

/// Tracks live and peak heap bytes of the whole test binary.
struct PeakTracking;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for PeakTracking {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: PeakTracking = PeakTracking;

const KINDS: &[&str] = &[
    "authentication",
    "invalid_request",
    "rate_limited",
    "internal",
    "other",
];

/// Entry `i`: a sparse, unique code and a message with characters that need escaping.
fn entry(i: usize) -> (i64, String) {
    let code = (i as i64) * 7_919 - 3_000_000 + (i as i64 % 7) * 1_000_000_007;
    (
        code,
        format!("Synthetic error {i}: the \"order\" {{id}} failed \\ retry later"),
    )
}

/// A catalog named `name` (each expands into a module of its name, so the two of one crate
/// have their own).
fn catalog(name: &str, enums: &[(String, usize)]) -> String {
    let mut text = format!("[catalog]\nname = \"{name}\"\n");
    for (name, len) in enums {
        write!(text, "\n[[enum]]\nname = \"{name}\"\n").unwrap();
        for i in 0..*len {
            let (code, message) = entry(i);
            let message = message.replace('\\', "\\\\").replace('"', "\\\"");
            let kind = KINDS[i % KINDS.len()];
            write!(
                text,
                "\n[[enum.error]]\ncode = {code}\nname = \"E{i}\"\nmessage = \"{message}\"\nkind = \"{kind}\"\n"
            )
            .unwrap();
        }
    }
    text
}

/// main.rs: for every variant, check the lookup and print `code<TAB>Display`.
fn main_rs(enum_names: &[String]) -> String {
    let mut main = String::from(
        "errcodes_runtime::errcodes!(\"big.toml\");\nerrcodes_runtime::errcodes!(\"many.toml\");\n\n\
         fn dump<E: errcodes_runtime::ErrorCode<Code = i64>>() {\n    \
         for &error in E::ALL {\n        \
         assert_eq!(E::from_code(error.code()), Some(error));\n        \
         println!(\"{}\\t{}\", error.code(), error);\n    }\n}\n\nfn main() {\n",
    );
    for name in enum_names {
        writeln!(main, "    dump::<{name}>();").unwrap();
    }
    main.push_str("}\n");
    main
}

#[test]
#[ignore = "compiles ~55,000 variants; the README test command includes it"]
fn fifty_thousand_codes_and_two_hundred_enums_compile_and_round_trip() {
    let big = vec![("BigError".to_owned(), 50_000)];
    let many: Vec<(String, usize)> = (0..200).map(|j| (format!("Section{j}Error"), 25)).collect();
    let big_text = catalog("scale_big", &big);
    let many_text = catalog("scale_many", &many);

    // The engine alone, in this (unoptimized) test binary, as a proc macro runs in dev builds.
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let started = Instant::now();
    let checked = errcodes_codegen::check(&big_text);
    assert!(checked.is_valid());
    let checking = started.elapsed();
    let tokens = errcodes_codegen::expand(&checked.catalog, None).expect("the big catalog expands");
    let elapsed = started.elapsed();
    println!("check {checking:?}, expand {:?}", elapsed - checking);
    let peak = PEAK.load(Ordering::Relaxed) - before;
    let expansion_bytes = tokens.to_string().len();
    drop((checked, tokens));
    println!(
        "50,000 codes: catalog {} KiB, check + expand {elapsed:?}, peak heap {} KiB ({} bytes per entry), expansion {} KiB",
        big_text.len() / 1024,
        peak / 1024,
        peak / 50_000,
        expansion_bytes / 1024
    );
    assert!(
        peak < 64 * big_text.len(),
        "the expansion's peak heap ({peak} bytes) should stay within a small multiple of the catalog"
    );

    let dir = scratch("scale");
    write(&dir.join("big.toml"), &big_text);
    write(&dir.join("many.toml"), &many_text);
    let names: Vec<String> = big
        .iter()
        .chain(&many)
        .map(|(name, _)| name.clone())
        .collect();
    user_crate(&dir, &main_rs(&names), true);
    let started = Instant::now();
    let output = cargo_run(&dir).unwrap_or_else(|stderr| panic!("{stderr}"));
    println!("build and run of the scale crate: {:?}", started.elapsed());

    let mut expected = String::new();
    for (_, len) in big.iter().chain(&many) {
        for i in 0..*len {
            let (code, message) = entry(i);
            // `Display` prints the template as a sentence, from the generated table.
            let sentence = errcodes_codegen::template::Template::new(&message).sentence();
            writeln!(expected, "{code}\t{sentence}").unwrap();
        }
    }
    assert_eq!(output.lines().count(), 55_000);
    assert!(
        output == expected,
        "the printed codes and messages differ from the catalogs"
    );
}
