//! Every response of `tests/corpus/responses.toml` (documented and real bodies of the bundled
//! venues, each with its source) is read through its catalog's `Error` type with one call,
//! `json::check_response`, and must give the expected success or failure, kind, retry advice,
//! wait, primary code and number of errors.
//!
//! An entry the format cannot read yet carries `unsupported = "why"`; for those the test
//! asserts that the expectation is indeed still missed, so the marker must go when support
//! lands. The totals are printed per catalog, for the whole corpus and for each `set` of
//! entries added together (`cargo test --test test_corpus -- --nocapture`).

use std::collections::BTreeMap;
use std::time::Duration;

use errcodes_catalogs as cat;
use errcodes_runtime::{ErrorCode, json};

/// What one response was read as.
#[derive(Debug, PartialEq)]
struct Reading {
    success: bool,
    kind: Option<String>,
    retry: Option<String>,
    code: Option<String>,
    errors: usize,
    retry_after: Option<Duration>,
}

/// The moment the corpus's absolute waits are measured from: the corpus gives them as Unix
/// milliseconds, so reading them at 0 gives the moment itself.
const NOW_UNIX_MS: u64 = 0;

fn read<E: ErrorCode>(status: u16, headers: &[(&str, &str)], body: &[u8]) -> Reading {
    match json::check_response::<E>(status, headers, body) {
        Ok(()) => Reading {
            success: true,
            kind: None,
            retry: None,
            code: None,
            errors: 0,
            retry_after: None,
        },
        Err(error) => Reading {
            success: false,
            kind: Some(error.kind().to_string()),
            retry: Some(error.retry().to_string()),
            code: error.code().map(|code| code.to_string()),
            errors: error.errors().count(),
            retry_after: error.retry_after_at(NOW_UNIX_MS),
        },
    }
}

fn read_with(catalog: &str, status: u16, headers: &[(&str, &str)], body: &[u8]) -> Reading {
    match catalog {
        "mexc" => read::<cat::mexc::Code>(status, headers, body),
        "mexc_futures" => read::<cat::mexc_futures::Code>(status, headers, body),
        "mixpay" => read::<cat::mixpay::Code>(status, headers, body),
        "okx" => read::<cat::okx::Code>(status, headers, body),
        "kraken" => read::<cat::kraken::Code>(status, headers, body),
        "stripe" => read::<cat::stripe::Code>(status, headers, body),
        "binance" => read::<cat::binance::Code>(status, headers, body),
        "binance_usdm" => read::<cat::binance_usdm::Code>(status, headers, body),
        "binance_coinm" => read::<cat::binance_coinm::Code>(status, headers, body),
        "binance_options" => read::<cat::binance_options::Code>(status, headers, body),
        "binance_portfolio" => read::<cat::binance_portfolio::Code>(status, headers, body),
        "binance_sapi" => read::<cat::binance_sapi::Code>(status, headers, body),
        "bybit" => read::<cat::bybit::Code>(status, headers, body),
        "htx" => read::<cat::htx::Code>(status, headers, body),
        "htx_futures" => read::<cat::htx_futures::Code>(status, headers, body),
        "bitmex" => read::<cat::bitmex::Code>(status, headers, body),
        "bitfinex" => read::<cat::bitfinex::Code>(status, headers, body),
        "coinbase" => read::<cat::coinbase::Code>(status, headers, body),
        other => panic!("the corpus names catalog `{other}`, which is not bundled"),
    }
}

fn hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|at| u8::from_str_radix(&text[at..at + 2], 16).expect("hex digits"))
        .collect()
}

/// The mismatches between what `entry` expects and `got`, one line each.
fn mismatches(entry: &toml::Table, got: &Reading) -> Vec<String> {
    let mut out = Vec::new();
    let mut expect = |field: &str, want: Option<String>, have: Option<String>| {
        if let Some(want) = want
            && Some(&want) != have.as_ref()
        {
            out.push(format!("{field}: expected {want}, got {have:?}"));
        }
    };
    let text = |key: &str| entry.get(key).and_then(|v| v.as_str()).map(str::to_owned);
    let number = |key: &str| entry.get(key).and_then(|v| v.as_integer());
    let success = entry
        .get("success")
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    expect(
        "success",
        Some(success.to_string()),
        Some(got.success.to_string()),
    );
    if !success {
        expect("kind", text("kind"), got.kind.clone());
        expect("retry", text("retry"), got.retry.clone());
        expect("code", text("code"), got.code.clone());
        expect(
            "errors",
            number("errors").map(|n| n.to_string()),
            Some(got.errors.to_string()),
        );
        let wait = number("retry_after_secs")
            .map(|s| Duration::from_secs(s as u64))
            .or_else(|| number("retry_at_unix_ms").map(|ms| Duration::from_millis(ms as u64)));
        expect(
            "retry_after",
            wait.map(|w| format!("{w:?}")),
            got.retry_after.map(|w| format!("{w:?}")),
        );
    }
    out
}

/// Prints, per set of entries (the whole corpus first), how many of each catalog's responses
/// are read as expected.
fn print_figures(figures: &BTreeMap<(String, String), (usize, usize)>) {
    let mut current = None;
    let mut total = (0, 0);
    for ((set, catalog), (right, all)) in figures {
        if current != Some(set) {
            if current.is_some() {
                println!("  all: {} of {}", total.0, total.1);
            }
            let name = if set.is_empty() {
                "whole corpus"
            } else {
                set.as_str()
            };
            println!("{name}:");
            current = Some(set);
            total = (0, 0);
        }
        println!("  {catalog}: {right} of {all}");
        total = (total.0 + right, total.1 + all);
    }
    if current.is_some() {
        println!("  all: {} of {}", total.0, total.1);
    }
}

#[test]
fn every_response_of_the_corpus_is_classified_as_expected() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/responses.toml");
    let corpus: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let responses = corpus["response"].as_array().expect("[[response]] entries");
    let (mut right, mut known_gaps, mut wrong) = (0, 0, Vec::new());
    // (set, catalog) -> (read as expected, entries); set "" is the whole corpus.
    let mut figures: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    // An id names one response: a copy would count it twice in the figures.
    let mut seen = std::collections::BTreeSet::new();
    for entry in responses {
        let entry = entry.as_table().expect("a [[response]] table");
        let id = entry["id"].as_str().expect("an id");
        assert!(seen.insert(id), "{id}: two entries have this id");
        let catalog = entry["catalog"].as_str().expect("a catalog");
        let status = entry
            .get("status")
            .and_then(|v| v.as_integer())
            .map_or(200, |s| s as u16);
        let body = match (entry.get("body"), entry.get("body_hex")) {
            (Some(body), _) => body.as_str().expect("a body").as_bytes().to_vec(),
            (None, Some(bytes)) => hex(bytes.as_str().expect("hex")),
            (None, None) => Vec::new(),
        };
        let headers: Vec<(String, String)> = entry
            .get("headers")
            .and_then(|v| v.as_table())
            .map(|table| {
                table
                    .iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
                    .collect()
            })
            .unwrap_or_default();
        let headers: Vec<(&str, &str)> = headers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let got = read_with(catalog, status, &headers, &body);
        let problems = mismatches(entry, &got);
        let set = entry
            .get("set")
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        let sets: &[&str] = if set.is_empty() { &[""] } else { &["", set] };
        for set in sets {
            let figure = figures
                .entry(((*set).to_owned(), catalog.to_owned()))
                .or_default();
            figure.0 += usize::from(problems.is_empty());
            figure.1 += 1;
        }
        match (entry.get("unsupported"), problems.is_empty()) {
            (None, true) => right += 1,
            (None, false) => wrong.push(format!("{id}: {}", problems.join("; "))),
            (Some(_), false) => known_gaps += 1,
            (Some(reason), true) => wrong.push(format!(
                "{id}: marked unsupported ({reason}) but now read as expected: remove the marker"
            )),
        }
    }
    println!(
        "corpus: {right} of {} right, {known_gaps} marked unsupported, {} wrong",
        responses.len(),
        wrong.len()
    );
    print_figures(&figures);
    assert!(
        responses.len() >= 60,
        "the corpus keeps at least 60 responses"
    );
    assert!(
        wrong.is_empty(),
        "{} responses misread:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
