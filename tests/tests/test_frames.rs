//! Every frame of `tests/corpus/frames.toml` (WebSocket API answers and pushes of the bundled
//! venues, each with its source) is read with one call, `websocket::read_frame`, through its
//! catalog's `Error` type, and must give the expected outcome (error answer, success answer,
//! not an answer), request id, kind, retry advice, primary code, number of errors and wait.
//!
//! An entry the format cannot read yet carries `unsupported = "why"`; the test asserts that it
//! is still misread, so the marker must go when support lands. The figures per catalog are
//! printed (`cargo test -p errcodes-tests --test test_frames -- --nocapture`).

use std::collections::BTreeMap;
use std::time::Duration;

use errcodes_catalogs as cat;
use errcodes_runtime::ErrorCode;
use errcodes_runtime::websocket::{Frame, read_frame};

/// What one frame was read as, in the corpus's words.
#[derive(Debug, Default, PartialEq)]
struct Reading {
    outcome: &'static str,
    request_id: Option<String>,
    kind: Option<String>,
    retry: Option<String>,
    code: Option<String>,
    errors: usize,
    retry_after: Option<Duration>,
}

/// Waits are read at Unix time 0: a moment is then the moment itself.
const NOW_UNIX_MS: u64 = 0;

fn read<E: ErrorCode>(text: &str) -> Reading {
    let frame = read_frame::<E>(text);
    let request_id = frame.id().map(ToString::to_string);
    match frame {
        Frame::Error { error, .. } => Reading {
            outcome: "error",
            request_id,
            kind: Some(error.kind().to_string()),
            retry: Some(error.retry().to_string()),
            code: error.code().map(|code| code.to_string()),
            errors: error.errors().count(),
            retry_after: error.retry_after_at(NOW_UNIX_MS),
        },
        Frame::Success { .. } => Reading {
            outcome: "success",
            request_id,
            ..Reading::default()
        },
        Frame::NotAnAnswer => Reading {
            outcome: "not_an_answer",
            ..Reading::default()
        },
    }
}

fn read_with(catalog: &str, section: Option<&str>, text: &str) -> Reading {
    match (catalog, section) {
        ("bybit", Some("BybitWsOeGeneralError")) => read::<cat::bybit::BybitWsOeGeneralError>(text),
        (_, Some(other)) => {
            panic!("frames.toml names enum `{other}`, which this test does not read with")
        }
        (catalog, None) => read_catalog(catalog, text),
    }
}

fn read_catalog(catalog: &str, text: &str) -> Reading {
    match catalog {
        "binance" => read::<cat::binance::Code>(text),
        "binance_usdm" => read::<cat::binance_usdm::Code>(text),
        "okx" => read::<cat::okx::Code>(text),
        "bybit" => read::<cat::bybit::Code>(text),
        "kraken" => read::<cat::kraken::Code>(text),
        "bitfinex" => read::<cat::bitfinex::Code>(text),
        other => panic!("frames.toml names catalog `{other}`, which has no [catalog.websocket]"),
    }
}

/// The mismatches between what `entry` expects and `got`, one line each.
fn mismatches(entry: &toml::Table, got: &Reading) -> Vec<String> {
    let text = |key: &str| entry.get(key).and_then(|v| v.as_str()).map(str::to_owned);
    let number = |key: &str| entry.get(key).and_then(|v| v.as_integer());
    let mut out = Vec::new();
    let mut expect = |field: &str, want: Option<String>, have: Option<String>| {
        if want != have {
            out.push(format!("{field}: expected {want:?}, got {have:?}"));
        }
    };
    expect("outcome", text("outcome"), Some(got.outcome.to_owned()));
    expect("request_id", text("request_id"), got.request_id.clone());
    if got.outcome == "error" || text("outcome").as_deref() == Some("error") {
        expect("kind", text("kind"), got.kind.clone());
        expect("retry", text("retry"), got.retry.clone());
        expect("code", text("code"), got.code.clone());
        let errors = number("errors").unwrap_or(1).to_string();
        expect("errors", Some(errors), Some(got.errors.to_string()));
        let wait = number("retry_at_unix_ms").map(|ms| Duration::from_millis(ms as u64));
        expect(
            "retry_after",
            wait.map(|w| format!("{w:?}")),
            got.retry_after.map(|w| format!("{w:?}")),
        );
    }
    out
}

#[test]
fn every_frame_of_the_corpus_is_read_as_expected() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/frames.toml");
    let corpus: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let frames = corpus["frame"].as_array().expect("[[frame]] entries");
    let mut figures: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut wrong = Vec::new();
    for entry in frames {
        let entry = entry.as_table().expect("a [[frame]] table");
        let id = entry["id"].as_str().expect("an id");
        let catalog = entry["catalog"].as_str().expect("a catalog");
        let frame = entry["frame"].as_str().expect("a frame");
        for key in ["source", "why", "outcome"] {
            assert!(entry.contains_key(key), "{id}: no `{key}`");
        }
        let section = entry.get("enum").and_then(|v| v.as_str());
        let problems = mismatches(entry, &read_with(catalog, section, frame));
        let figure = figures.entry(catalog).or_default();
        figure.0 += usize::from(problems.is_empty());
        figure.1 += 1;
        match (entry.get("unsupported"), problems.is_empty()) {
            (None, false) => wrong.push(format!("{id}:\n    {}", problems.join("\n    "))),
            (Some(_), true) => wrong.push(format!(
                "{id}: read as expected, so its `unsupported` marker must go"
            )),
            _ => {}
        }
    }
    let total: (usize, usize) = figures.values().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    for (catalog, (right, all)) in &figures {
        println!("  {catalog}: {right} of {all}");
    }
    println!("  all: {} of {}", total.0, total.1);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Every documented WebSocket error frame of a venue with `[catalog.websocket]` is read with
/// the venue's own frame fields: the same frames read with the REST envelope alone (what a
/// catalog without the table gets) lose their request id or their error.
#[test]
fn the_websocket_tables_are_what_reads_the_frames() {
    let frame = r#"{"id":"fc93a61a","status":418,"error":{"code":-1003,"msg":"Way too much request weight used; IP banned until 1659146400000. Please use WebSocket Streams for live updates to avoid bans.","data":{"retryAfter":1659146400000}}}"#;
    assert_eq!(read_catalog("binance", frame).outcome, "error");
    // binance_sapi has the same REST envelope and no [catalog.websocket].
    assert_eq!(
        read::<cat::binance_sapi::Code>(frame).outcome,
        "not_an_answer"
    );
}
