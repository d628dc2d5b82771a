//! Times the engine alone — `check` (parse + validate) and `expand::source` (generate the
//! items' text) — over the bundled catalogs and synthetic ones, in whatever profile this binary
//! was built with. Lexing that text is left out: in the macro the compiler's lexer does it
//! (its cost is inside the build-time driver's `macro − expanded` column), while here it would
//! run proc-macro2's own lexer, which the macro never uses.
//! The build-time driver runs it twice: in the dev profile (how the macro runs in a user's
//! debug build) and in release.
//!
//! ```sh
//! cargo run -p errcodes-bench --bin expand_time -- 100,1000,10000,50000
//! ```
//!
//! Prints one tab-separated line per catalog: name, entries, check µs, generate µs, total µs
//! (medians).

use std::time::{Duration, Instant};

use errcodes_bench::synthetic;

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "100,1000,10000,50000".to_owned())
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| s.trim().parse().expect("sizes are numbers, e.g. 100,1000"))
        .collect();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../errcodes-catalogs/catalogs");
    let mut catalogs: Vec<(String, String)> = ["mexc", "mixpay"]
        .iter()
        .map(|name| {
            let text =
                std::fs::read_to_string(format!("{root}/{name}.toml")).expect("a bundled catalog");
            ((*name).to_owned(), text)
        })
        .collect();
    catalogs.extend(
        sizes
            .iter()
            .map(|&size| (format!("synthetic-{size}"), synthetic::catalog(size))),
    );
    println!("catalog\tentries\tcheck_us\tgenerate_us\ttotal_us");
    for (name, text) in catalogs {
        let (mut check, mut expand, mut total) = (Vec::new(), Vec::new(), Vec::new());
        let mut entries = 0;
        let started = Instant::now();
        // At least 5 runs and half a second, at most 200 runs.
        while check.len() < 5
            || (started.elapsed() < Duration::from_millis(500) && check.len() < 200)
        {
            let t0 = Instant::now();
            let checked = errcodes_codegen::check(std::hint::black_box(&text));
            let t1 = Instant::now();
            let source = errcodes_codegen::expand::source(&checked.catalog, Some("/catalog.toml"))
                .expect("a valid catalog expands");
            let t2 = Instant::now();
            std::hint::black_box(source);
            assert!(checked.is_valid(), "{name}");
            entries = checked.catalog.enums.iter().map(|e| e.entries.len()).sum();
            check.push(t1 - t0);
            expand.push(t2 - t1);
            total.push(t2 - t0);
        }
        println!(
            "{name}\t{entries}\t{:.1}\t{:.1}\t{:.1}",
            median(check).as_secs_f64() * 1e6,
            median(expand).as_secs_f64() * 1e6,
            median(total).as_secs_f64() * 1e6
        );
    }
}
