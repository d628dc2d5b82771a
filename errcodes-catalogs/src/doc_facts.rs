//! Keeps each bundled module's hand-written documentation true.
//!
//! A module's docs state its catalog's facts as a list, one item per fact:
//!
//! ```text
//! //! - **Title:** MEXC Spot API v3
//! //! - **Source:** <https://…>
//! //! - **Envelope:** code in `code`, message in `msg`, no success field
//! //! - **Enums:** [`MexcError`] (…), [`MexcSubAccountError`] (…)
//! - **Gaps:** none named in the catalog's header.
//! ```
//!
//! [`check`] reads those items from the module's source file and compares them with the catalog
//! file (title, source, enum names and sizes, the header's gaps) and with the constants the
//! macro generated (`CATALOG`, `ENUM`, `ENVELOPE`, `ALL`), so neither can change without the
//! other.

extern crate std;

use std::format;
use std::string::String;
use std::vec::Vec;

use errcodes_runtime::{Envelope, ErrorCode};

/// What the macro generated for one enum.
pub(crate) struct Facts {
    catalog: &'static str,
    name: &'static str,
    envelope: Envelope,
    len: usize,
}

/// The generated constants of `E`.
pub(crate) fn of<E: ErrorCode>() -> Facts {
    Facts {
        catalog: E::CATALOG,
        name: E::ENUM,
        envelope: E::ENVELOPE,
        len: E::ALL.len(),
    }
}

/// How the module docs must state an envelope.
pub(crate) fn envelope_text(envelope: Envelope) -> String {
    let success = match (envelope.success, envelope.failure_text) {
        (Some(field), Some(text)) => format!("`{field}` is `false` or `{text:?}` on errors"),
        (Some(field), None) => format!("`{field}` is `false` on errors"),
        (None, _) => "no success field".into(),
    };
    let field = |first: &str, also: Option<&str>| match also {
        Some(also) => format!("`{first}` (or `{also}`)"),
        None => format!("`{first}`"),
    };
    let array = match envelope.array {
        Some(array) => format!(
            "; an array whose first element is `{:?}` is an error with its code at {} and its message at {}",
            array.tag, array.code, array.message
        ),
        None => String::new(),
    };
    format!(
        "code in {}, message in {}, {success}{array}",
        field(envelope.code, envelope.code_also),
        field(envelope.message, envelope.message_also)
    )
}

/// What the docs say when the catalog's header names no gap.
pub(crate) const NO_GAPS: &str = "none named in the catalog's header.";

/// The header comment that says what the catalog lacks.
const GAPS_MARKER: &str = "# What no reachable page lists: ";

/// The gaps a catalog's header names: the text after [`GAPS_MARKER`] up to the first comment
/// line that ends a sentence (`.`), lines joined by spaces; `None` when the header has none.
fn header_gaps(catalog_toml: &str) -> Option<String> {
    let mut lines = catalog_toml.lines();
    let first = lines.find_map(|line| line.strip_prefix(GAPS_MARKER))?;
    let mut text = String::from(first.trim());
    for line in lines {
        if text.ends_with('.') {
            break;
        }
        let Some(comment) = line.strip_prefix('#') else {
            break;
        };
        text.push(' ');
        text.push_str(comment.trim());
    }
    Some(text)
}

/// The text of the list item `- **{key}:** …` of `docs`, continuation lines joined by spaces.
fn item(docs: &[&str], key: &str) -> String {
    let prefix = format!("- **{key}:** ");
    let mut found = docs
        .iter()
        .enumerate()
        .filter(|(_, line)| line.starts_with(&prefix));
    let (start, first) = found
        .next()
        .unwrap_or_else(|| panic!("the module docs have no `{prefix}…` item"));
    assert!(
        found.next().is_none(),
        "the module docs have two `{prefix}…` items"
    );
    let mut text = String::from(&first[prefix.len()..]);
    for line in docs[start + 1..]
        .iter()
        .take_while(|line| line.starts_with("  ") && !line.trim().is_empty())
    {
        text.push(' ');
        text.push_str(line.trim());
    }
    text
}

/// The names written as intra-doc links (`` [`Name`] ``) in `text`, in order.
fn linked_names(text: &str) -> Vec<&str> {
    text.split("[`")
        .skip(1)
        .filter_map(|rest| rest.split_once("`]").map(|(name, _)| name))
        .collect()
}

/// Panics unless the docs of the module in `module_source` (`//!` lines) state the facts of
/// `catalog_toml`, whose enums, in catalog order, the macro generated as `enums`.
/// `module_path` is the module's `module_path!()`: its last segment must be the catalog's name.
pub(crate) fn check(module_path: &str, module_source: &str, catalog_toml: &str, enums: &[Facts]) {
    let docs: Vec<&str> = module_source
        .lines()
        .filter_map(|line| line.strip_prefix("//!"))
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .collect();
    let catalog: toml::Table = catalog_toml.parse().expect("the catalog is TOML");
    let meta = catalog["catalog"].as_table().expect("a [catalog] table");
    let text = |key: &str| {
        meta.get(key)
            .and_then(toml::Value::as_str)
            .unwrap_or_else(|| panic!("a bundled catalog states its `{key}`"))
    };
    let name = text("name");

    // The module, its feature and the catalog share one name.
    assert_eq!(
        module_path.rsplit("::").next(),
        Some(name),
        "module path vs catalog name"
    );
    assert!(
        docs.first()
            .is_some_and(|line| line.ends_with(&format!("(feature `{name}`).")),),
        "the first line of the module docs ends with \"(feature `{name}`).\""
    );

    // The catalog's own statements.
    assert_eq!(item(&docs, "Title"), text("title"), "Title");
    assert_eq!(
        item(&docs, "Source"),
        format!("<{}>", text("source")),
        "Source"
    );

    // The generated enums are this catalog's, all of them, in catalog order, with a variant
    // per entry and per refinement.
    let catalog_enums: Vec<(&str, usize)> = catalog["enum"]
        .as_array()
        .expect("[[enum]] tables")
        .iter()
        .map(|def| {
            let def = def.as_table().expect("an [[enum]] table");
            let entries = def["error"].as_array().expect("[[enum.error]] tables");
            let refinements: usize = entries
                .iter()
                .filter_map(|entry| entry.get("refine")?.as_array().map(Vec::len))
                .sum();
            (
                def["name"].as_str().expect("an enum name"),
                entries.len() + refinements,
            )
        })
        .collect();
    let generated: Vec<(&str, usize)> = enums.iter().map(|facts| (facts.name, facts.len)).collect();
    assert_eq!(generated, catalog_enums, "generated enums vs catalog");
    let envelope = enums[0].envelope;
    for facts in enums {
        assert_eq!(facts.catalog, name, "{}::CATALOG", facts.name);
        assert_eq!(facts.envelope, envelope, "{}::ENVELOPE", facts.name);
    }

    assert_eq!(item(&docs, "Envelope"), envelope_text(envelope), "Envelope");
    let documented = item(&docs, "Enums");
    let catalog_names: Vec<&str> = catalog_enums.iter().map(|(name, _)| *name).collect();
    assert_eq!(linked_names(&documented), catalog_names, "Enums");

    let gaps = header_gaps(catalog_toml);
    assert_eq!(
        item(&docs, "Gaps"),
        gaps.as_deref().unwrap_or(NO_GAPS),
        "Gaps: the module docs state the catalog header's `{GAPS_MARKER}…` paragraph word for word"
    );
}

#[test]
fn envelope_texts() {
    assert_eq!(
        envelope_text(Envelope::DEFAULT),
        "code in `code`, message in `message`, no success field"
    );
    assert_eq!(
        envelope_text(Envelope {
            code: "errno",
            message: "msg",
            success: Some("ok"),
            ..Envelope::DEFAULT
        }),
        "code in `errno`, message in `msg`, `ok` is `false` on errors"
    );
    assert_eq!(
        envelope_text(Envelope {
            code: "retCode",
            code_also: Some("ret_code"),
            success: Some("status"),
            failure_text: Some("error"),
            ..Envelope::DEFAULT
        }),
        "code in `retCode` (or `ret_code`), message in `message`, `status` is `false` or `\"error\"` on errors"
    );
}

#[test]
fn items_and_links() {
    let docs = [
        "Intro (feature `x`).",
        "",
        "- **Title:** X API",
        "- **Enums:** [`XError`] (general),",
        "  [`XRefund`] (refunds)",
        "",
        "More.",
    ];
    assert_eq!(item(&docs, "Title"), "X API");
    assert_eq!(
        item(&docs, "Enums"),
        "[`XError`] (general), [`XRefund`] (refunds)"
    );
    assert_eq!(linked_names(&item(&docs, "Enums")), ["XError", "XRefund"]);
}

#[test]
#[should_panic(expected = "no `- **Source:** …` item")]
fn a_missing_item_fails() {
    item(&["- **Title:** X API"], "Source");
}

#[test]
fn gaps_of_a_header() {
    let catalog = "#:schema ./catalog.schema.json\n# Kinds reviewed.\n# What no reachable page lists: the v2 codes\n# and the WebSocket ones.\n# Rules applied:\n[catalog]\n";
    assert_eq!(
        header_gaps(catalog).as_deref(),
        Some("the v2 codes and the WebSocket ones.")
    );
    // A paragraph that never ends a sentence stops at the end of the comments.
    let unended = "# What no reachable page lists: the v2 codes\n[catalog]\n# later\n";
    assert_eq!(header_gaps(unended).as_deref(), Some("the v2 codes"));
    assert_eq!(header_gaps("# Kinds reviewed.\n[catalog]\n"), None);
}
