//! Writes the baselines of the run-time benchmarks into `OUT_DIR`, from the bundled catalogs:
//! the hand-written `match` equivalent of each catalog and the `phf` maps.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[path = "src/handwritten.rs"]
mod handwritten;

const CATALOGS: &[&str] = &["mexc", "mixpay"];

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    let mut phf = String::new();
    for name in CATALOGS {
        let path = manifest
            .join("../errcodes-catalogs/catalogs")
            .join(format!("{name}.toml"));
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let checked = errcodes_codegen::check(&text);
        assert!(
            checked.is_valid(),
            "{} is not a valid catalog",
            path.display()
        );
        let catalog = &checked.catalog;
        write(
            &out.join(format!("handwritten_{name}.rs")),
            &handwritten::render(catalog, "::errcodes_runtime"),
        );
        for def in &catalog.enums {
            phf_maps(&mut phf, name, def);
        }
    }
    write(&out.join("phf_maps.rs"), &phf);
}

/// For each enum: `code → variant` and `code → Info { message, kind }`, as `phf` builds them.
fn phf_maps(out: &mut String, module: &str, def: &errcodes_codegen::EnumDef) {
    let ty = &def.name;
    let mut variants = phf_codegen::Map::<i64>::new();
    let mut infos = phf_codegen::Map::<i64>::new();
    for entry in &def.entries {
        let errcodes_codegen::Code::Int(code) = entry.code else {
            panic!("the bundled catalogs have integer codes");
        };
        variants.entry(
            code,
            format!("crate::generated::{module}::{ty}::{}", entry.name),
        );
        infos.entry(
            code,
            format!(
                "crate::Info {{ message: {:?}, kind: ::errcodes_runtime::ErrorKind::{} }}",
                entry.message,
                handwritten::upper_camel(entry.kind.as_str())
            ),
        );
    }
    let upper = upper_snake(ty);
    let _ = writeln!(
        out,
        "/// `{ty}`: code → variant.\npub static {upper}: ::phf::Map<i64, crate::generated::{module}::{ty}> = {};\n",
        variants.build()
    );
    let _ = writeln!(
        out,
        "/// `{ty}`: code → message and kind.\npub static {upper}_INFO: ::phf::Map<i64, crate::Info> = {};\n",
        infos.build()
    );
}

/// `MexcError` → `MEXC_ERROR`.
fn upper_snake(name: &str) -> String {
    let mut out = String::new();
    for (at, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && at > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
}
