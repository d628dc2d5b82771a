//! Turns criterion's results (`target/criterion/**/new/*.json`) into the Markdown tables of
//! BENCHMARKS.md, with each measurement next to its baselines and their ratios.
//!
//! ```sh
//! cargo bench -p errcodes-bench
//! cargo run -p errcodes-bench --bin bench_table
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// One criterion benchmark: its group, its function and the median time per element.
struct Result {
    group: String,
    function: String,
    /// Median nanoseconds per iteration.
    median_ns: f64,
    /// Elements per iteration (1 without a throughput).
    elements: f64,
}

fn criterion_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    target.join("criterion")
}

fn collect(dir: &Path, out: &mut Vec<Result>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if !path.is_dir() {
            continue;
        }
        if path.file_name().is_some_and(|name| name == "new") {
            if let Some(result) = read(&path) {
                out.push(result);
            }
        } else {
            collect(&path, out);
        }
    }
}

fn read(dir: &Path) -> Option<Result> {
    let json = |name: &str| -> Option<Value> {
        serde_json::from_str(&std::fs::read_to_string(dir.join(name)).ok()?).ok()
    };
    let benchmark = json("benchmark.json")?;
    let estimates = json("estimates.json")?;
    let elements = benchmark
        .pointer("/throughput/Elements")
        .and_then(Value::as_f64)
        .unwrap_or(1.0);
    Some(Result {
        group: benchmark.get("group_id")?.as_str()?.to_owned(),
        function: benchmark.get("function_id")?.as_str()?.to_owned(),
        median_ns: estimates.pointer("/median/point_estimate")?.as_f64()?,
        elements,
    })
}

fn main() {
    let dir = criterion_dir();
    let mut results = Vec::new();
    collect(&dir, &mut results);
    if results.is_empty() {
        eprintln!(
            "no criterion results under {}; run `cargo bench -p errcodes-bench` first",
            dir.display()
        );
        std::process::exit(1);
    }
    // group → function → (ns per element, elements)
    let mut groups: BTreeMap<String, BTreeMap<String, (f64, f64)>> = BTreeMap::new();
    for result in results {
        groups.entry(result.group).or_default().insert(
            result.function,
            (result.median_ns / result.elements, result.elements),
        );
    }
    let mut out = String::new();
    runtime_table(&mut out, &groups);
    engine_table(&mut out, &groups);
    print!("{out}");
}

fn runtime_table(out: &mut String, groups: &BTreeMap<String, BTreeMap<String, (f64, f64)>>) {
    let order = ["from_code", "display", "message_kind", "parse_body"];
    let _ = writeln!(
        out,
        "| operation | over | n | errcodes (ns) | match (ns) | HashMap (ns) | phf (ns) | **HashMap / errcodes** | **errcodes / match** | errcodes / phf |\n\
         |---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    for operation in order {
        for (group, functions) in groups {
            let Some(over) = group
                .strip_prefix(operation)
                .and_then(|rest| rest.strip_prefix('/'))
            else {
                continue;
            };
            let get = |name: &str| functions.get(name).map(|&(ns, _)| ns);
            let (Some(errcodes), Some(&(_, n))) = (get("errcodes"), functions.get("errcodes"))
            else {
                continue;
            };
            let cell = |value: Option<f64>| value.map_or("–".to_owned(), |ns| format!("{ns:.2}"));
            let ratio = |value: Option<f64>, inverse: bool| {
                value.map_or("–".to_owned(), |ns| {
                    if inverse {
                        format!("{:.1}×", ns / errcodes)
                    } else {
                        format!("{:.2}", errcodes / ns)
                    }
                })
            };
            let _ = writeln!(
                out,
                "| {operation} | {over} | {n} | {} | {} | {} | {} | **{}** | **{}** | {} |",
                cell(Some(errcodes)),
                cell(get("match")),
                cell(get("hashmap")),
                cell(get("phf")),
                ratio(get("hashmap"), true),
                ratio(get("match"), false),
                ratio(get("phf"), false),
            );
        }
    }
    out.push('\n');
}

fn engine_table(out: &mut String, groups: &BTreeMap<String, BTreeMap<String, (f64, f64)>>) {
    let engine: Vec<_> = groups
        .iter()
        .filter_map(|(group, functions)| Some((group.strip_prefix("engine/")?, functions)))
        .collect();
    if engine.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "| catalog | entries | check (µs) | generate (µs) | check + generate (µs) | µs per entry |\n\
         |---|---:|---:|---:|---:|---:|"
    );
    let mut engine = engine;
    engine.sort_by_key(|(_, functions)| {
        functions
            .values()
            .next()
            .map_or(0, |&(_, elements)| elements as u64)
    });
    for (catalog, functions) in engine {
        let get = |name: &str| functions.get(name).copied();
        let Some((total, entries)) = get("check+generate") else {
            continue;
        };
        let whole = |name: &str| {
            get(name).map_or("–".to_owned(), |(per, n)| format!("{:.1}", per * n / 1e3))
        };
        let _ = writeln!(
            out,
            "| {catalog} | {entries} | {} | {} | {} | {:.2} |",
            whole("check"),
            whole("generate"),
            whole("check+generate"),
            total / 1e3
        );
    }
    out.push('\n');
}
