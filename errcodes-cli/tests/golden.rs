//! The importer's output for the seeds and the sources in `sources/` is kept in
//! `tests/imported/*.toml` (golden files that the tests crate compiles with `errcodes!`).
//! Each must be exactly what `errcodes import` writes today, and pass `errcodes check` with no
//! error.
//!
//! After an intended change to the importer, regenerate them with
//! `ERRCODES_BLESS=1 cargo test -p errcodes-cli --test golden` and review the diff.

mod common;

use std::path::PathBuf;

use common::{errcodes, mexc_seed, mixpay_seed, valid, workspace};

/// The `#:schema` of the golden files: the repository's copy, from `tests/imported/`.
const SCHEMA: &str = "../../errcodes-catalogs/catalogs/catalog.schema.json";

/// One golden file: its name, the document, and the extra `errcodes import` arguments.
struct Golden {
    name: &'static str,
    doc: PathBuf,
    args: &'static [&'static str],
}

fn goldens() -> Vec<Golden> {
    let sources = workspace().join("sources");
    vec![
        Golden {
            name: "mexc",
            doc: mexc_seed(),
            args: &[
                "--catalog",
                "mexc",
                "--title",
                "MEXC Spot API v3",
                "--source",
                "https://mexcdevelop.github.io/apidocs/spot_v3_en/#error-code",
                "--envelope-message",
                "msg",
            ],
        },
        Golden {
            name: "mixpay",
            doc: mixpay_seed(),
            args: &[
                "--catalog",
                "mixpay",
                "--title",
                "MixPay API",
                "--source",
                "https://developers.mixpay.me/api/error-codes",
                "--envelope-success",
                "success",
            ],
        },
        Golden {
            name: "okx",
            doc: sources.join("okx.md"),
            args: &[
                "--source",
                "https://www.okx.com/docs-v5/en/#error-code",
                "--envelope-message",
                "msg",
            ],
        },
        Golden {
            name: "kraken",
            doc: sources.join("kraken.md"),
            args: &[
                "--source",
                "https://docs.kraken.com/api/docs/guides/spot-errors",
            ],
        },
        Golden {
            name: "stripe",
            doc: sources.join("stripe.md"),
            args: &["--source", "https://docs.stripe.com/error-codes"],
        },
    ]
}

#[test]
fn imported_catalogs_match_their_golden_files() {
    let bless = std::env::var_os("ERRCODES_BLESS").is_some_and(|v| !v.is_empty() && v != "0");
    let dir = workspace().join("tests/imported");
    let mut stale = Vec::new();
    for golden in goldens() {
        let mut args = vec!["import".into(), golden.doc.clone().into_os_string()];
        args.extend(golden.args.iter().map(Into::into));
        args.extend(["--schema".into(), SCHEMA.into()]);
        let run = errcodes(&args);
        assert_eq!(run.code, 0, "{}: {}", golden.name, run.stderr);

        // Valid for the engine, and expandable: the tests crate compiles these.
        let catalog = valid(&run.stdout);
        let expansion = errcodes_codegen::expand(&catalog, None)
            .unwrap_or_else(|error| panic!("{}: {error}", golden.name))
            .to_string();
        for def in &catalog.enums {
            assert!(
                expansion.contains(&format!("pub enum {}", def.name)),
                "{}: the expansion lacks enum {}",
                golden.name,
                def.name
            );
        }

        let path = dir.join(format!("{}.toml", golden.name));
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &run.stdout).unwrap();
            continue;
        }
        let kept = std::fs::read_to_string(&path).unwrap_or_default();
        if kept != run.stdout {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "golden files differ from what `errcodes import` writes now: {stale:?}; \
         if the change is intended, run `ERRCODES_BLESS=1 cargo test -p errcodes-cli --test golden` and review the diff"
    );

    // The files as kept pass `errcodes check` (warnings, for kinds left at `other`, allowed).
    let mut args = vec!["check".into(), "--quiet".into()];
    let names: Vec<&str> = goldens().iter().map(|g| g.name).collect();
    args.extend(
        names
            .iter()
            .map(|name| dir.join(format!("{name}.toml")).into_os_string()),
    );
    let run = errcodes::<std::ffi::OsString>(&args);
    assert_eq!(run.code, 0, "{}", run.all());
    assert_eq!(
        run.stdout.matches(": ok (").count(),
        names.len(),
        "{}",
        run.stdout
    );
}
