//! The saved pages of bundled catalogs import as the catalogs hold them.
//!
//! Binance's error pages list each code as a heading `### -1003 TOO_MANY_REQUESTS` with one
//! bullet per documented message. `errcodes import` reads that layout from the saved pages in
//! `sources/` as they are, and gives every code, name, message and description of the bundled
//! catalogs (whose kinds were reviewed by hand, and which gather the page's sections into one
//! enum: only the entries are compared, not how they are grouped).

mod common;

use std::collections::BTreeMap;

use common::{errcodes, valid, workspace};
use errcodes_codegen::Code;

/// What the import must reproduce of an entry.
#[derive(Debug, PartialEq)]
struct Documented {
    name: String,
    message: String,
    description: Option<String>,
    deprecated: bool,
}

/// The import and the bundled entry agree: the same name, description and deprecation, and
/// the page's message with at most its placeholders renamed (Binance's `'{param}'` is the
/// catalog's `'{tag}'`; `Template::same_shape`).
fn assert_same(imported: &Documented, bundled: &Documented, what: &str) {
    use errcodes_codegen::template::Template;
    assert!(
        Template::new(&bundled.message).same_shape(&Template::new(&imported.message)),
        "{what}: message {:?} is not the page's {:?}",
        bundled.message,
        imported.message
    );
    assert_eq!(
        (&imported.name, &imported.description, imported.deprecated),
        (&bundled.name, &bundled.description, bundled.deprecated),
        "{what}"
    );
}

fn entries(catalog: &errcodes_codegen::Catalog) -> BTreeMap<Code, Documented> {
    let mut out = BTreeMap::new();
    for def in &catalog.enums {
        for entry in &def.entries {
            let documented = Documented {
                name: entry.name.clone(),
                message: entry.message.clone(),
                description: entry.description.clone(),
                deprecated: entry.deprecated,
            };
            let again = out.insert(entry.code.clone(), documented);
            assert!(again.is_none(), "{} listed twice", entry.code);
        }
    }
    out
}

/// Imports `sources/{name}.md` and compares it with `catalogs/{name}.toml`; `added` are the
/// codes the catalog adds by hand (its header says why). Returns the number of entries.
fn compare(name: &str, added: &[i64]) -> usize {
    let page = workspace().join(format!("sources/{name}.md"));
    let run = errcodes(&["import".as_ref(), page.as_os_str()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let imported = entries(&valid(&run.stdout));
    let bundled_text = std::fs::read_to_string(
        workspace().join(format!("errcodes-catalogs/catalogs/{name}.toml")),
    )
    .unwrap();
    let mut bundled = entries(&valid(&bundled_text));
    for code in added {
        assert!(
            bundled.remove(&Code::Int(*code)).is_some(),
            "{name}: {code} is not in the catalog"
        );
    }
    let missing: Vec<&Code> = bundled
        .keys()
        .filter(|c| !imported.contains_key(c))
        .collect();
    let extra: Vec<&Code> = imported
        .keys()
        .filter(|c| !bundled.contains_key(c))
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{name}: codes missing from the import {missing:?}, codes the catalog lacks {extra:?}"
    );
    for (code, entry) in &bundled {
        assert_same(&imported[code], entry, &format!("{name}: code {code}"));
    }
    imported.len()
}

#[test]
fn spot() {
    // -1010 and -2038 are named only in the title of the page's table of engine messages.
    assert_eq!(compare("binance", &[-1010, -2038]), 104);
}

#[test]
fn usds_margined_futures() {
    assert_eq!(compare("binance_usdm", &[]), 201);
}

#[test]
fn coin_margined_futures() {
    assert_eq!(compare("binance_coinm", &[]), 155);
}

#[test]
fn options() {
    assert_eq!(compare("binance_options", &[]), 122);
}

#[test]
fn portfolio_margin() {
    assert_eq!(compare("binance_portfolio", &[]), 165);
}

#[test]
fn the_translation_is_skipped_with_a_warning() {
    let page = workspace().join("sources/binance_usdm.md");
    let run = errcodes(&["import".as_ref(), page.as_os_str()]);
    assert!(
        run.stderr.contains(
            "binance_usdm.md:1296: warning: the part `# 错误代码` lists only codes listed before it"
        ),
        "{}",
        run.stderr
    );
}

/// Bybit's page: 20 sections of pipe tables, some with a header row of more cells than its
/// delimiter row (`|Code |Description |   |` over `|:--|:--|`), which GitHub's rules would not
/// call a table. Every entry, in order, as the bundled catalog holds it.
#[test]
fn bybit_in_order_with_odd_delimiter_rows() {
    let page = workspace().join("sources/bybit.md");
    let run = errcodes(&["import".as_ref(), page.as_os_str()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let flat = |catalog: &errcodes_codegen::Catalog| -> Vec<(String, Code, Documented)> {
        catalog
            .enums
            .iter()
            .flat_map(|def| {
                def.entries.iter().map(|entry| {
                    (
                        def.name.clone(),
                        entry.code.clone(),
                        Documented {
                            name: entry.name.clone(),
                            message: entry.message.clone(),
                            description: entry.description.clone(),
                            deprecated: entry.deprecated,
                        },
                    )
                })
            })
            .collect()
    };
    let imported = flat(&valid(&run.stdout));
    let bundled_text =
        std::fs::read_to_string(workspace().join("errcodes-catalogs/catalogs/bybit.toml")).unwrap();
    // 10403 is the one entry not from this page: the trade guideline's (sources/bybit_websocket.md).
    let bundled: Vec<_> = flat(&valid(&bundled_text))
        .into_iter()
        .filter(|(section, code, _)| {
            !(section == "BybitWsOeGeneralError" && *code == errcodes_codegen::Code::Int(10403))
        })
        .collect();
    assert_eq!(imported.len(), 724);
    for (imported, bundled) in imported.iter().zip(&bundled) {
        assert_eq!((&imported.0, &imported.1), (&bundled.0, &bundled.1));
        assert_same(&imported.2, &bundled.2, &format!("bybit {}", bundled.1));
    }
    assert_eq!(imported.len(), bundled.len());
}

/// `import --update` of a bundled catalog from its own saved page changes nothing, although
/// the Binance catalogs gather the page's sections into one enum: every section goes to the
/// enum that lists its codes. Spot's two hand-added codes and Bybit's 10403 (from the trade
/// guideline, not the error page) are the only entries the pages do not list, so they are the
/// only change: kept, marked deprecated, and said.
#[test]
fn updating_a_catalog_from_its_own_page() {
    let dir = common::scratch("update_bundled");
    for name in [
        "binance",
        "binance_usdm",
        "binance_coinm",
        "binance_options",
        "binance_portfolio",
        "bybit",
    ] {
        let page = workspace().join(format!("sources/{name}.md"));
        let catalog = workspace().join(format!("errcodes-catalogs/catalogs/{name}.toml"));
        let out = dir.join(format!("{name}.toml"));
        let run = errcodes(&[
            "import".as_ref(),
            page.as_os_str(),
            "--update".as_ref(),
            catalog.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        let before = std::fs::read_to_string(&catalog).unwrap();
        let after = std::fs::read_to_string(&out).unwrap();
        if name == "binance" {
            assert!(
                run.stderr.contains("0 added, 0 changed, 2 removed"),
                "{}",
                run.stderr
            );
            for code in ["-1010", "-2038"] {
                assert!(
                    run.stderr
                        .contains(&format!("removed  BinanceError {code}:")),
                    "{}",
                    run.stderr
                );
            }
        } else if name == "bybit" {
            assert!(
                run.stderr.contains("0 added, 0 changed, 1 removed")
                    && run.stderr.contains("removed  BybitWsOeGeneralError 10403:"),
                "{}",
                run.stderr
            );
        } else {
            assert!(
                after == before,
                "{name}: the update changed the catalog:\n{}",
                run.stderr
            );
        }
    }
}
