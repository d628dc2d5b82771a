//! Build-time benchmarks of `errcodes!`: what the macro costs a user's build, against the same
//! crate written out by hand.
//!
//! ```sh
//! cargo run --release -p errcodes-bench --bin build_time                       # everything
//! cargo run --release -p errcodes-bench --bin build_time -- --sizes 100,1000 --runs 3
//! cargo run --release -p errcodes-bench --bin build_time -- --only rebuild,expand
//! ```
//!
//! Sections (`--only` takes a comma-separated subset):
//!
//! - `expand`: the engine alone (parse + validate + generate) over the bundled catalogs and the
//!   synthetic sizes, built in the dev profile (as the macro runs in a user's debug build) and
//!   in release.
//! - `rebuild`: for each size, a user crate calling `errcodes!` on a synthetic catalog
//!   (`macro`), the same crate with the enum and impls written by hand (`hand`), and the same
//!   crate with the macro's expansion pasted in as source (`expanded`, to split the macro's own
//!   cost from the cost of compiling what it generates). Runs alternate between the three:
//!   `touch src/lib.rs && cargo build` in the dev profile; medians and their ratio are reported.
//! - `size`: tokens and lines of the expansion per entry, against the hand-written source, and
//!   the release binary of a program using the MEXC catalog against the hand-written
//!   equivalent.
//! - `cold`: a clean build of a minimal user crate depending on `errcodes-runtime` against one
//!   depending on `thiserror`, each with an enum of the MEXC catalog's general codes.
//!
//! Everything is generated under `target/errcodes-bench/` (or `$CARGO_TARGET_DIR`). The user
//! crates are written and built with `errcodes-scratch`: cargo runs with `--offline` first and
//! goes online only when a dependency is not in the local cache yet (`thiserror`, on a fresh
//! machine), with no time limit (the hand-written crates take long on purpose). A Markdown
//! report is printed and written to `target/errcodes-bench/report.md`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use errcodes_bench::{handwritten, synthetic};
use errcodes_scratch::{Cargo, Root, manifest, repository};

struct Options {
    /// The errcodes checkout whose `errcodes-runtime` (and so engine) the user crates use.
    engine: PathBuf,
    sizes: Vec<usize>,
    runs: usize,
    cold_runs: usize,
    only: Vec<String>,
}

fn usage() -> ! {
    eprintln!(
        "usage: build_time [--sizes 100,1000,10000,50000] [--runs 5] [--cold-runs 2] \
         [--only expand,rebuild,size,cold] [--engine PATH-OF-ANOTHER-ERRCODES-CHECKOUT]"
    );
    std::process::exit(2)
}

fn options() -> Options {
    let mut options = Options {
        engine: repository(),
        sizes: vec![100, 1_000, 10_000, 50_000],
        runs: 5,
        cold_runs: 2,
        only: ["expand", "rebuild", "size", "cold"]
            .map(str::to_owned)
            .to_vec(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match arg.as_str() {
            "--sizes" => {
                options.sizes = value()
                    .split(',')
                    .map(|s| {
                        s.trim()
                            .replace('_', "")
                            .parse()
                            .unwrap_or_else(|_| usage())
                    })
                    .collect();
            }
            "--runs" => options.runs = value().parse().unwrap_or_else(|_| usage()),
            "--cold-runs" => options.cold_runs = value().parse().unwrap_or_else(|_| usage()),
            "--only" => options.only = value().split(',').map(str::to_owned).collect(),
            "--engine" => {
                options.engine = PathBuf::from(value())
                    .canonicalize()
                    .unwrap_or_else(|_| usage());
            }
            _ => usage(),
        }
    }
    if options.runs == 0 || options.cold_runs == 0 {
        usage();
    }
    options
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repository().join("target"))
}

fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Runs a cargo command offline first, untimed by any limit, and returns how long it took.
/// Panics with cargo's output when it fails.
fn run_cargo(dir: &Path, target: &Path, args: &[&str]) -> Duration {
    let run = Cargo::new(dir)
        .target_dir(target)
        .no_time_limit()
        .run(args)
        .unwrap_or_else(|error| panic!("{error}"));
    run.assert_success().elapsed
}

fn write(path: &Path, text: &str) {
    errcodes_scratch::write(path, text).unwrap_or_else(|error| panic!("{error}"));
}

fn touch(path: &Path) {
    let file = std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    file.set_modified(SystemTime::now())
        .expect("set the modification time");
}

fn median(values: &[Duration]) -> Duration {
    let mut sorted = values.to_vec();
    sorted.sort();
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }
}

fn secs(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64())
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|_| "unknown".to_owned())
}

fn checked(text: &str) -> errcodes_codegen::Catalog {
    let checked = errcodes_codegen::check(text);
    assert!(checked.is_valid(), "{:?}", checked.errors().next());
    checked.catalog
}

fn runtime_dependency(options: &Options) -> String {
    manifest::path_dependency("errcodes-runtime", &options.engine.join("errcodes-runtime"))
        .unwrap_or_else(|error| panic!("{error}"))
}

/// A throw-away workspace of generated crates sharing one lock file and one target dir.
struct Scratch {
    root: PathBuf,
    target: PathBuf,
    members: Vec<String>,
}

impl Scratch {
    fn new(name: &str) -> Scratch {
        let root = target_dir().join("errcodes-bench").join(name);
        Scratch {
            target: root.join("target"),
            root,
            members: Vec::new(),
        }
    }

    fn add(&mut self, name: &str, dependency: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir = self.root.join(name);
        let manifest = manifest::package(name, &[dependency.to_owned()], Root::Member);
        errcodes_scratch::write_crate(&dir, &manifest, files)
            .unwrap_or_else(|error| panic!("{error}"));
        self.members.push(name.to_owned());
        dir
    }

    /// Writes the workspace manifest, seeded with the errcodes lock file so that the offline
    /// resolution picks the versions already in the cache.
    fn finish(&self, profile: &str) {
        let members: Vec<&str> = self.members.iter().map(String::as_str).collect();
        write(
            &self.root.join("Cargo.toml"),
            &manifest::workspace(&members, profile),
        );
        errcodes_scratch::seed_lock(&self.root).unwrap_or_else(|error| panic!("{error}"));
    }

    fn build(&self, args: &[&str]) -> Duration {
        run_cargo(&self.root, &self.target, args)
    }
}

// ---------------------------------------------------------------------------------------------
// expand

struct EngineRow {
    catalog: String,
    entries: usize,
    check_us: f64,
    generate_us: f64,
    total_us: f64,
}

fn engine_times(release: bool, sizes: &[usize]) -> Vec<EngineRow> {
    let sizes: Vec<String> = sizes.iter().map(usize::to_string).collect();
    let mut command = cargo();
    command
        .args([
            "run",
            "-q",
            "--offline",
            "-p",
            "errcodes-bench",
            "--bin",
            "expand_time",
        ])
        .args(release.then_some("--release"))
        .arg("--")
        .arg(sizes.join(","))
        .current_dir(repository())
        .stderr(Stdio::inherit());
    let output = command.output().expect("cargo runs");
    assert!(output.status.success(), "expand_time failed");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            let number = |at: usize| cells[at].parse::<f64>().expect("a number");
            EngineRow {
                catalog: cells[0].to_owned(),
                entries: cells[1].parse().expect("a count"),
                check_us: number(2),
                generate_us: number(3),
                total_us: number(4),
            }
        })
        .collect()
}

fn expand_section(options: &Options, report: &mut String) {
    let _ = writeln!(
        report,
        "### Engine alone: parse + validate + generate\n\n\
         `check` parses and validates the catalog, `generate` writes the items' source text \
         (`errcodes_codegen::expand::source`); median of repeated runs in one process. The \
         compiler's lexing of that text is not included (it is part of `macro − expanded` \
         below). `dev` is how the macro runs in a user's debug build.\n"
    );
    let _ = writeln!(
        report,
        "| catalog | entries | profile | check (ms) | generate (ms) | total (ms) | µs per entry |\n\
         |---|---:|---|---:|---:|---:|---:|"
    );
    // One size beyond the largest: time per entry from there to twice as many shows whether
    // the growth is linear, past the cache effects that raise it between smaller sizes.
    let mut sizes = options.sizes.clone();
    if let Some(&largest) = sizes.iter().max() {
        sizes.push(2 * largest);
    }
    for release in [false, true] {
        eprintln!(
            "expand: engine times ({})",
            if release { "release" } else { "dev" }
        );
        for row in engine_times(release, &sizes) {
            let _ = writeln!(
                report,
                "| {} | {} | {} | {:.2} | {:.2} | {:.2} | {:.2} |",
                row.catalog,
                row.entries,
                if release { "release" } else { "dev" },
                row.check_us / 1e3,
                row.generate_us / 1e3,
                row.total_us / 1e3,
                row.total_us / row.entries as f64
            );
        }
    }
    report.push('\n');
}

// ---------------------------------------------------------------------------------------------
// rebuild

/// The crates of one size: the macro, by hand, the expansion as source; the fourth is the macro
/// crate again in a workspace that builds proc macros with optimizations.
const VARIANTS: [&str; 4] = ["macro", "hand", "expanded", "macro-opt"];

const MACRO_LIB: &str = "//! A user crate: one synthetic catalog through `errcodes!`.\n\n\
                         errcodes_runtime::errcodes!(\"catalogs/synthetic.toml\");\n";

fn rebuild_section(options: &Options, report: &mut String) {
    let mut scratch = Scratch::new("rebuild");
    // The same macro crates where the user opted into an optimized engine.
    let mut optimized = Scratch::new("rebuild-opt");
    for &size in &options.sizes {
        let text = synthetic::catalog(size);
        let catalog = checked(&text);
        let dependency = runtime_dependency(options);
        let macro_files = [
            ("catalogs/synthetic.toml", text.as_str()),
            ("src/lib.rs", MACRO_LIB),
        ];
        scratch.add(&format!("macro_{size}"), &dependency, &macro_files);
        optimized.add(&format!("macro_{size}"), &dependency, &macro_files);
        scratch.add(
            &format!("hand_{size}"),
            &dependency,
            &[(
                "src/lib.rs",
                &format!(
                    "//! The same crate written by hand.\n\n{}",
                    handwritten::render(&catalog, "::errcodes_runtime")
                ),
            )],
        );
        scratch.add(
            &format!("expanded_{size}"),
            &dependency,
            &[(
                "src/lib.rs",
                &format!(
                    "//! The macro's expansion pasted in as source.\n\n{}\n",
                    errcodes_codegen::expand::source(&catalog, None)
                        .expect("the synthetic catalog expands")
                ),
            )],
        );
    }
    scratch.finish("");
    optimized.finish("[profile.dev.build-override]\nopt-level = 3\n");
    eprintln!("rebuild: first build of every crate (not timed; the hand-written ones take long)");
    scratch.build(&["build", "--workspace"]);
    optimized.build(&["build", "--workspace"]);

    let _ = writeln!(
        report,
        "### Rebuild of a user crate (dev profile)\n\n\
         `touch src/lib.rs && cargo build`, {} alternating runs per variant, medians in seconds. \
         `macro` calls `errcodes!`; `hand` is the same enum and impls written by hand (one `match` \
         per method); `expanded` is the macro's output pasted in as source, so `macro − expanded` \
         is what running the macro costs (the engine, unoptimized as in every dev build, plus \
         the compiler lexing its output) and `expanded / hand` what compiling its output costs \
         against the hand-written code. `macro-opt` is the `macro` crate in a workspace with \
         `[profile.dev.build-override] opt-level = 3`.\n",
        options.runs
    );
    let _ = writeln!(
        report,
        "| codes | macro (s) | hand (s) | expanded (s) | macro-opt (s) | **macro / hand** | expanded / hand | macro − expanded (s) | macro-opt / hand | load |\n\
         |---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    );
    for &size in &options.sizes {
        let mut times: [Vec<Duration>; 4] = Default::default();
        for run in 0..options.runs {
            for (variant, samples) in VARIANTS.iter().zip(times.iter_mut()) {
                let (workspace, package) = match *variant {
                    "macro-opt" => (&optimized, format!("macro_{size}")),
                    _ => (&scratch, format!("{variant}_{size}")),
                };
                touch(&workspace.root.join(&package).join("src/lib.rs"));
                let elapsed = workspace.build(&["build", "-q", "-p", &package]);
                eprintln!(
                    "rebuild: {size} codes, run {}/{}: {variant} {:.3}s",
                    run + 1,
                    options.runs,
                    elapsed.as_secs_f64()
                );
                samples.push(elapsed);
            }
        }
        let [macro_, hand, expanded, macro_opt] = times.map(|samples| median(&samples));
        let _ = writeln!(
            report,
            "| {size} | {} | {} | {} | {} | **{:.2}** | {:.2} | {:+.3} | {:.2} | {} |",
            secs(macro_),
            secs(hand),
            secs(expanded),
            secs(macro_opt),
            macro_.as_secs_f64() / hand.as_secs_f64(),
            expanded.as_secs_f64() / hand.as_secs_f64(),
            macro_.as_secs_f64() - expanded.as_secs_f64(),
            macro_opt.as_secs_f64() / hand.as_secs_f64(),
            load_average()
        );
    }
    report.push('\n');
}

// ---------------------------------------------------------------------------------------------
// size

/// Leaves and groups of a token stream.
fn count_tokens(stream: proc_macro2::TokenStream) -> usize {
    stream
        .into_iter()
        .map(|tree| match tree {
            proc_macro2::TokenTree::Group(group) => 1 + count_tokens(group.stream()),
            _ => 1,
        })
        .sum()
}

/// Lines of `source` once rustfmt has formatted it; `None` without rustfmt.
fn formatted_lines(source: &str) -> Option<usize> {
    use std::io::Write;
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2024", "--emit", "stdout"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let input = source.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).lines().count())
}

/// Exercises every method of every variant of `E` so that nothing is left out of the binary.
const SIZE_MAIN: &str = r#"
use std::fmt::Write;

use errcodes_runtime::ErrorCode;

fn exercise<E>(codes: &[i64], out: &mut String) -> u64
where
    E: ErrorCode<Code = i64> + TryFrom<i64>,
    <E as TryFrom<i64>>::Error: std::fmt::Display,
{
    let mut sum = 0u64;
    for &error in std::hint::black_box(E::ALL) {
        sum += error.code() as u64 + error.kind() as u64 + error.retry() as u64;
        // The text itself is used, not only its length, so that no string can be left out.
        out.clear();
        out.push_str(error.message());
        out.push_str(error.name());
        out.push_str(error.description().unwrap_or_default());
        let _ = write!(out, "{error} {error:?}");
        sum += out.bytes().map(u64::from).sum::<u64>();
    }
    for &code in codes {
        if let Some(error) = E::from_code(code) {
            sum += error.message().len() as u64 ^ 1;
        }
        if let Err(unknown) = E::try_from(code) {
            let _ = write!(out, "{unknown}");
        }
    }
    sum + E::CATALOG.len() as u64 + E::ENUM.len() as u64 + E::ENVELOPE.code.len() as u64
}

fn main() {
    let codes: Vec<i64> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let mut out = String::new();
    let sum = exercise::<MexcError>(&codes, &mut out)
        + exercise::<MexcSubAccountError>(&codes, &mut out);
    println!("{sum} {out}");
}
"#;

fn size_section(options: &Options, report: &mut String) {
    // Tokens and lines per entry.
    let mut catalogs: Vec<(String, String)> = ["mexc", "mixpay"]
        .iter()
        .map(|name| {
            let path = repository()
                .join("errcodes-catalogs/catalogs")
                .join(format!("{name}.toml"));
            let text = std::fs::read_to_string(&path).expect("a bundled catalog");
            ((*name).to_owned(), text)
        })
        .collect();
    catalogs.extend(
        options
            .sizes
            .iter()
            .map(|&size| (format!("synthetic-{size}"), synthetic::catalog(size))),
    );
    let _ = writeln!(
        report,
        "### Generated code size\n\n\
         Tokens of the expansion (`errcodes_codegen::expand`, every leaf and group counted) and \
         lines once formatted by rustfmt, per catalog entry, against the hand-written \
         equivalent (doc comments count as the `#[doc]` attributes they are).\n"
    );
    let _ = writeln!(
        report,
        "| catalog | entries | expansion tokens / entry | hand tokens / entry | tokens ratio | expansion lines / entry | hand lines / entry | lines ratio |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|"
    );
    for (name, text) in &catalogs {
        eprintln!("size: counting tokens of {name}");
        let catalog = checked(text);
        let entries: usize = catalog.enums.iter().map(|e| e.entries.len()).sum();
        let expansion_source = errcodes_codegen::expand::source(&catalog, None)
            .expect("the synthetic catalog expands");
        let expansion_tokens = count_tokens(
            errcodes_codegen::expand(&catalog, None).expect("the synthetic catalog expands"),
        );
        let hand_source = handwritten::render(&catalog, "::errcodes_runtime");
        let hand_tokens = count_tokens(hand_source.parse().expect("hand-written code parses"));
        // rustfmt takes long on the largest sources; lines are counted up to 10,000 entries.
        let lines = if entries <= 10_000 {
            formatted_lines(&expansion_source).zip(formatted_lines(&hand_source))
        } else {
            None
        };
        let per = |n: usize| n as f64 / entries as f64;
        let (expansion_lines, hand_lines, lines_ratio) = match lines {
            Some((e, h)) => (
                format!("{:.1}", per(e)),
                format!("{:.1}", per(h)),
                format!("{:.2}", e as f64 / h as f64),
            ),
            None => ("–".into(), "–".into(), "–".into()),
        };
        let _ = writeln!(
            report,
            "| {name} | {entries} | {:.1} | {:.1} | {:.2} | {expansion_lines} | {hand_lines} | {lines_ratio} |",
            per(expansion_tokens),
            per(hand_tokens),
            expansion_tokens as f64 / hand_tokens as f64,
        );
    }
    report.push('\n');

    // Release binaries.
    let mut scratch = Scratch::new("size");
    let mexc = std::fs::read_to_string(repository().join("errcodes-catalogs/catalogs/mexc.toml"))
        .expect("the bundled MEXC catalog");
    let hand = handwritten::render(&checked(&mexc), "::errcodes_runtime");
    let dependency = runtime_dependency(options);
    scratch.add(
        "size_macro",
        &dependency,
        &[
            ("catalogs/mexc.toml", &mexc),
            (
                "src/main.rs",
                &format!("errcodes_runtime::errcodes!(\"catalogs/mexc.toml\");\n{SIZE_MAIN}"),
            ),
        ],
    );
    scratch.add(
        "size_hand",
        &dependency,
        &[("src/main.rs", &format!("{hand}\n{SIZE_MAIN}"))],
    );
    scratch.add(
        "size_none",
        &dependency,
        &[(
            "src/main.rs",
            "fn main() {\n    let n = std::env::args().filter_map(|a| a.parse::<i64>().ok()).count();\n    \
             println!(\"{n} {}\", errcodes_runtime::ErrorKind::Other);\n}\n",
        )],
    );
    scratch.finish("[profile.release]\ncodegen-units = 1\n");
    eprintln!("size: release builds of the MEXC programs");
    scratch.build(&["build", "--release", "--workspace"]);
    let bytes = |name: &str| {
        let path = scratch.target.join("release").join(name);
        std::fs::metadata(&path)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
            .len()
    };
    let (macro_, hand, none) = (bytes("size_macro"), bytes("size_hand"), bytes("size_none"));
    let _ = writeln!(
        report,
        "Release binary (`opt-level = 3`, `codegen-units = 1`, default strip of debug info) of a \
         program calling every method of every variant of MEXC's two enums. `net` subtracts a \
         program that uses no catalog (std's formatting and start-up code):\n\n\
         | program | bytes | net bytes |\n|---|---:|---:|\n\
         | `errcodes!(\"catalogs/mexc.toml\")` | {macro_} | {} |\n\
         | hand-written equivalent | {hand} | {} |\n\
         | no catalog | {none} | 0 |\n\
         | **ratio** | **{:.3}** | **{:.3}** |\n",
        macro_ - none.min(macro_),
        hand - none.min(hand),
        macro_ as f64 / hand as f64,
        (macro_ - none.min(macro_)) as f64 / (hand - none.min(hand)).max(1) as f64
    );
}

// ---------------------------------------------------------------------------------------------
// cold

fn thiserror_source(catalog: &errcodes_codegen::Catalog) -> String {
    let def = &catalog.enums[0];
    let mut out = format!(
        "//! A minimal user crate: MEXC's general codes with thiserror.\n\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]\npub enum {} {{\n",
        def.name
    );
    for entry in &def.entries {
        let message = entry.message.replace('{', "{{").replace('}', "}}");
        let _ = writeln!(out, "    #[error({message:?})]\n    {},", entry.name);
    }
    out.push_str("}\n");
    out
}

fn cold_section(options: &Options, report: &mut String) {
    let mexc = std::fs::read_to_string(repository().join("errcodes-catalogs/catalogs/mexc.toml"))
        .expect("the bundled MEXC catalog");
    let catalog = checked(&mexc);
    let mut scratch = Scratch::new("cold");
    scratch.add(
        "cold_errcodes",
        &runtime_dependency(options),
        &[
            ("catalogs/mexc.toml", &mexc),
            (
                "src/lib.rs",
                "//! A minimal user crate: the MEXC catalog through errcodes.\n\n\
                 errcodes_runtime::errcodes!(\"catalogs/mexc.toml\");\n",
            ),
        ],
    );
    scratch.add(
        "cold_thiserror",
        "thiserror = \"2\"",
        &[("src/lib.rs", &thiserror_source(&catalog))],
    );
    scratch.finish("");
    // Resolve (and, on a fresh machine, download) once, untimed.
    run_cargo(&scratch.root, &scratch.target, &["fetch"]);
    let mut times: [Vec<Duration>; 2] = Default::default();
    for run in 0..options.cold_runs {
        for (at, name) in ["cold_errcodes", "cold_thiserror"].into_iter().enumerate() {
            let target = scratch.root.join(format!("target-{name}"));
            let _ = std::fs::remove_dir_all(&target);
            let elapsed = run_cargo(&scratch.root, &target, &["build", "-q", "-p", name]);
            eprintln!(
                "cold: run {}/{}: {name} {:.2}s",
                run + 1,
                options.cold_runs,
                elapsed.as_secs_f64()
            );
            times[at].push(elapsed);
        }
    }
    let [errcodes, thiserror] = times.map(|samples| median(&samples));
    let _ = writeln!(
        report,
        "### Cold build of the dependency\n\n\
         `cargo build` (dev profile) of a minimal crate in an empty target directory, median of {} \
         alternating runs: one calling `errcodes!` on the MEXC catalog with `errcodes-runtime` \
         (default features), one declaring MEXC's {} general codes with `thiserror` 2.\n\n\
         | crate | clean build (s) |\n|---|---:|\n\
         | errcodes-runtime | {} |\n| thiserror | {} |\n| **ratio** | **{:.2}** |\n\n\
         load average at the end: {}\n",
        options.cold_runs,
        catalog.enums[0].entries.len(),
        secs(errcodes),
        secs(thiserror),
        errcodes.as_secs_f64() / thiserror.as_secs_f64(),
        load_average()
    );
}

fn main() {
    let options = options();
    let started = Instant::now();
    let mut report = format!(
        "## Build-time report\n\n{} cores, load average at start: {}, sizes {:?}, {} runs, engine of {}.\n\n",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        load_average(),
        options.sizes,
        options.runs,
        options.engine.display()
    );
    let wanted = |section: &str| options.only.iter().any(|s| s == section);
    if wanted("expand") {
        expand_section(&options, &mut report);
    }
    if wanted("rebuild") {
        rebuild_section(&options, &mut report);
    }
    if wanted("size") {
        size_section(&options, &mut report);
    }
    if wanted("cold") {
        cold_section(&options, &mut report);
    }
    let _ = writeln!(
        report,
        "Total driver time: {:.0} s; load average at the end: {}.",
        started.elapsed().as_secs_f64(),
        load_average()
    );
    let path = target_dir().join("errcodes-bench").join("report.md");
    write(&path, &report);
    println!("{report}");
    eprintln!("written to {}", path.display());
}
