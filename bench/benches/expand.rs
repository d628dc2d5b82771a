//! The engine alone, as the macro runs it: parse and validate a catalog's text
//! (`errcodes_codegen::check`), then generate the items' source text
//! (`errcodes_codegen::expand::source`, which the macro hands to the compiler's lexer), for the
//! bundled catalogs and synthetic ones of 100 to 50,000 codes, so that growth with the size can
//! be read off (time per entry should stay flat).
//!
//! Benches build with optimizations; the macro runs in a user's dev build without them. The
//! build-time driver (`cargo run -p errcodes-bench --bin build_time`) times the same work in
//! both profiles.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use errcodes_bench::synthetic;

fn catalogs() -> Vec<(String, String)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../errcodes-catalogs/catalogs");
    let mut all: Vec<(String, String)> = ["mexc", "mixpay"]
        .iter()
        .map(|name| {
            let path = format!("{root}/{name}.toml");
            let text = std::fs::read_to_string(&path).expect("a bundled catalog");
            ((*name).to_owned(), text)
        })
        .collect();
    let sizes: &[usize] = if std::env::var_os("ERRCODES_BENCH_QUICK").is_some() {
        &[100, 1_000]
    } else {
        &[100, 1_000, 10_000, 50_000]
    };
    all.extend(
        sizes
            .iter()
            .map(|&size| (format!("synthetic-{size}"), synthetic::catalog(size))),
    );
    all
}

fn engine(c: &mut Criterion) {
    for (name, text) in catalogs() {
        let checked = errcodes_codegen::check(&text);
        assert!(checked.is_valid(), "{name}");
        let entries: usize = checked.catalog.enums.iter().map(|e| e.entries.len()).sum();
        let mut group = c.benchmark_group(format!("engine/{name}"));
        group.throughput(Throughput::Elements(entries as u64));
        if entries >= 10_000 {
            group
                .sample_size(10)
                .measurement_time(Duration::from_secs(8));
        }
        group.bench_function("check", |b| {
            b.iter(|| errcodes_codegen::check(black_box(&text)));
        });
        group.bench_function("generate", |b| {
            b.iter(|| {
                errcodes_codegen::expand::source(black_box(&checked.catalog), Some("/catalog.toml"))
            });
        });
        group.bench_function("check+generate", |b| {
            b.iter(|| {
                let checked = errcodes_codegen::check(black_box(&text));
                errcodes_codegen::expand::source(&checked.catalog, Some("/catalog.toml"))
            });
        });
        group.finish();
    }
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20)
}

criterion_group! {
    name = benches;
    config = config();
    targets = engine
}
criterion_main!(benches);
