//! Run-time cost of the generated API against its baselines, in one run.
//!
//! Every group measures one operation over every entry of one bundled enum (or over
//! [`UNKNOWN_CODES`] for misses), done four ways:
//!
//! - `errcodes`: the enum `errcodes!` generates;
//! - `match`: the same enum written by hand, one `match` per method;
//! - `hashmap`: a `std::collections::HashMap` built once (code → variant, or code → message
//!   and kind), as CCXT-style clients keep their error tables;
//! - `phf`: a compile-time `phf::Map` of the same codes.
//!
//! `cargo bench -p errcodes-bench --bench runtime`, then
//! `cargo run -p errcodes-bench --bin bench_table` for the table of BENCHMARKS.md.

use std::fmt::Write;
use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use errcodes_bench::{Info, UNKNOWN_CODES, entries, generated, hand, maps, mexc_body, phf_maps};
use errcodes_runtime::{ApiError, ErrorCode};

type Group<'a> = BenchmarkGroup<'a, criterion::measurement::WallTime>;

/// The four implementations of one enum.
struct Subject<E: 'static, H: 'static> {
    name: &'static str,
    phf_variants: &'static phf::Map<i64, E>,
    phf_infos: &'static phf::Map<i64, Info>,
    marker: std::marker::PhantomData<H>,
}

fn group<'a>(c: &'a mut Criterion, name: String, elements: usize) -> Group<'a> {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Elements(elements as u64));
    group
}

impl<E, H> Subject<E, H>
where
    E: ErrorCode<Code = i64>,
    H: ErrorCode<Code = i64>,
{
    fn bench_from_code(&self, c: &mut Criterion) {
        let codes: Vec<i64> = entries::<E>().iter().map(|e| e.code()).collect();
        self.lookups(c, &format!("from_code/{}", self.name), &codes);
    }

    fn lookups(&self, c: &mut Criterion, name: &str, codes: &[i64]) {
        let maps = maps::<E>();
        let mut group = group(c, name.to_owned(), codes.len());
        group.bench_function("errcodes", |b| {
            b.iter(|| {
                for &code in codes {
                    black_box(E::from_code(black_box(code)));
                }
            });
        });
        group.bench_function("match", |b| {
            b.iter(|| {
                for &code in codes {
                    black_box(H::from_code(black_box(code)));
                }
            });
        });
        group.bench_function("hashmap", |b| {
            b.iter(|| {
                for &code in codes {
                    black_box(maps.variants.get(&black_box(code)).copied());
                }
            });
        });
        group.bench_function("phf", |b| {
            b.iter(|| {
                for &code in codes {
                    black_box(self.phf_variants.get(&black_box(code)).copied());
                }
            });
        });
        group.finish();
    }

    /// `write!(buffer, "{error}")` into a reused `String`. The map baselines start from the
    /// code, as a client holding a table does, and write the message they find.
    fn bench_display(&self, c: &mut Criterion) {
        let maps = maps::<E>();
        let generated = entries::<E>();
        let codes: Vec<i64> = generated.iter().map(|e| e.code()).collect();
        let mut out = String::with_capacity(1024);
        let mut group = group(c, format!("display/{}", self.name), generated.len());
        group.bench_function("errcodes", |b| {
            b.iter(|| {
                for &error in &generated {
                    out.clear();
                    let _ = write!(out, "{}", black_box(error));
                    black_box(&out);
                }
            });
        });
        group.bench_function("match", |b| {
            b.iter(|| {
                for &error in H::ALL {
                    out.clear();
                    let _ = write!(out, "{}", black_box(error));
                    black_box(&out);
                }
            });
        });
        group.bench_function("hashmap", |b| {
            b.iter(|| {
                for &code in &codes {
                    out.clear();
                    if let Some(info) = maps.infos.get(&black_box(code)) {
                        let _ = write!(out, "{}", info.message);
                    }
                    black_box(&out);
                }
            });
        });
        group.bench_function("phf", |b| {
            b.iter(|| {
                for &code in &codes {
                    out.clear();
                    if let Some(info) = self.phf_infos.get(&black_box(code)) {
                        let _ = write!(out, "{}", info.message);
                    }
                    black_box(&out);
                }
            });
        });
        group.finish();
    }

    /// `message()` and `kind()` of every entry; the maps start from the code.
    fn bench_message_kind(&self, c: &mut Criterion) {
        let maps = maps::<E>();
        let generated = entries::<E>();
        let codes: Vec<i64> = generated.iter().map(|e| e.code()).collect();
        let mut group = group(c, format!("message_kind/{}", self.name), generated.len());
        group.bench_function("errcodes", |b| {
            b.iter(|| {
                for &error in &generated {
                    let error = black_box(error);
                    black_box((error.message(), error.kind()));
                }
            });
        });
        group.bench_function("match", |b| {
            b.iter(|| {
                for &error in H::ALL {
                    let error = black_box(error);
                    black_box((error.message(), error.kind()));
                }
            });
        });
        group.bench_function("hashmap", |b| {
            b.iter(|| {
                for &code in &codes {
                    let info = maps.infos.get(&black_box(code));
                    black_box(info.map(|info| (info.message, info.kind)));
                }
            });
        });
        group.bench_function("phf", |b| {
            b.iter(|| {
                for &code in &codes {
                    let info = self.phf_infos.get(&black_box(code));
                    black_box(info.map(|info| (info.message, info.kind)));
                }
            });
        });
        group.finish();
    }
}

type Mexc = Subject<generated::mexc::MexcError, hand::mexc::MexcError>;
type MexcSubAccount =
    Subject<generated::mexc::MexcSubAccountError, hand::mexc::MexcSubAccountError>;
type MixPay = Subject<generated::mixpay::MixPayError, hand::mixpay::MixPayError>;
type MixPayRefund =
    Subject<generated::mixpay::MixPayRefundReason, hand::mixpay::MixPayRefundReason>;

fn subjects() -> (Mexc, MexcSubAccount, MixPay, MixPayRefund) {
    (
        Subject {
            name: "MexcError",
            phf_variants: &phf_maps::MEXC_ERROR,
            phf_infos: &phf_maps::MEXC_ERROR_INFO,
            marker: std::marker::PhantomData,
        },
        Subject {
            name: "MexcSubAccountError",
            phf_variants: &phf_maps::MEXC_SUB_ACCOUNT_ERROR,
            phf_infos: &phf_maps::MEXC_SUB_ACCOUNT_ERROR_INFO,
            marker: std::marker::PhantomData,
        },
        Subject {
            name: "MixPayError",
            phf_variants: &phf_maps::MIX_PAY_ERROR,
            phf_infos: &phf_maps::MIX_PAY_ERROR_INFO,
            marker: std::marker::PhantomData,
        },
        Subject {
            name: "MixPayRefundReason",
            phf_variants: &phf_maps::MIX_PAY_REFUND_REASON,
            phf_infos: &phf_maps::MIX_PAY_REFUND_REASON_INFO,
            marker: std::marker::PhantomData,
        },
    )
}

macro_rules! each_subject {
    ($c:expr, $method:ident) => {{
        let (mexc, sub, mixpay, refund) = subjects();
        mexc.$method($c);
        sub.$method($c);
        mixpay.$method($c);
        refund.$method($c);
    }};
}

fn from_code(c: &mut Criterion) {
    each_subject!(c, bench_from_code);
    // Misses: codes no bundled enum lists, against the largest enum.
    subjects().0.lookups(c, "from_code/miss", UNKNOWN_CODES);
}

fn display(c: &mut Criterion) {
    each_subject!(c, bench_display);
}

fn message_kind(c: &mut Criterion) {
    each_subject!(c, bench_message_kind);
}

/// A raw MEXC error body into a typed error: `ApiError<MexcError>` against what users write
/// today, a derived `{ code, msg: String }` struct and then a table lookup.
fn parse_body(c: &mut Criterion) {
    use generated::mexc::MexcError;
    let known: Vec<Vec<u8>> = MexcError::ALL
        .iter()
        .map(|e| mexc_body(e.code(), e.message()))
        .collect();
    let unknown: Vec<Vec<u8>> = UNKNOWN_CODES
        .iter()
        .map(|&code| mexc_body(code, "Something the catalog does not know"))
        .collect();
    let maps = maps::<MexcError>();
    for (name, bodies) in [("known", &known), ("unknown", &unknown)] {
        let mut group = group(c, format!("parse_body/{name}"), bodies.len());
        group.bench_function("errcodes", |b| {
            b.iter(|| {
                for body in bodies {
                    let error: ApiError<MexcError> =
                        serde_json::from_slice(black_box(body)).expect("a MEXC body");
                    black_box(error);
                }
            });
        });
        group.bench_function("match", |b| {
            b.iter(|| {
                for body in bodies {
                    let raw: errcodes_bench::RawMexcBody =
                        serde_json::from_slice(black_box(body)).expect("a MEXC body");
                    black_box((hand::mexc::MexcError::from_code(raw.code), raw));
                }
            });
        });
        group.bench_function("hashmap", |b| {
            b.iter(|| {
                for body in bodies {
                    let raw: errcodes_bench::RawMexcBody =
                        serde_json::from_slice(black_box(body)).expect("a MEXC body");
                    black_box((maps.variants.get(&raw.code).copied(), raw));
                }
            });
        });
        group.bench_function("phf", |b| {
            b.iter(|| {
                for body in bodies {
                    let raw: errcodes_bench::RawMexcBody =
                        serde_json::from_slice(black_box(body)).expect("a MEXC body");
                    black_box((phf_maps::MEXC_ERROR.get(&raw.code).copied(), raw));
                }
            });
        });
        group.finish();
    }
}

/// A response as (status, headers, body).
type Response = (u16, Vec<(&'static str, &'static str)>, Vec<u8>);

/// Responses a MEXC client meets: a listed code with the
/// catalog's message, one with a new message, an unlisted code, a 429 with `Retry-After`, an
/// empty 504, a proxy's HTML 502 and a batch answer with one refused order.
fn mexc_responses() -> Vec<Response> {
    vec![
        (400, vec![], mexc_body(700002, "Signature for this request is not valid")),
        (400, vec![], mexc_body(10101, "Insufficient balance for this order, try again")),
        (400, vec![], mexc_body(123_456, "Something the catalog does not know")),
        (429, vec![("Retry-After", "2")], mexc_body(429, "Too Many Requests")),
        (504, vec![], Vec::new()),
        (502, vec![], b"<html><body>502 Bad Gateway</body></html>".to_vec()),
        (
            200,
            vec![],
            br#"[{"symbol":"BTCUSDT","orderId":"1"},{"newClientOrderId":"2","msg":"The minimum transaction volume cannot be less than:0.5USDT","code":30002}]"#.to_vec(),
        ),
    ]
}

/// What a client writes without errcodes to classify a whole response: a derived
/// `{code, msg}` struct (and a list of them for batches), a `HashMap` from code to kind and
/// advice filled at start-up, the status when the body has no listed code, and `Retry-After`
/// read by hand.
struct Baseline {
    table: std::collections::HashMap<i64, (errcodes_runtime::ErrorKind, errcodes_runtime::Retry)>,
}

impl Baseline {
    fn new<E: ErrorCode<Code = i64>>() -> Self {
        Baseline {
            table: entries::<E>()
                .iter()
                .map(|e| (e.code(), (e.kind(), e.retry())))
                .collect(),
        }
    }

    #[inline(never)]
    fn classify(&self, (status, headers, body): &Response) -> impl Sized {
        use errcodes_runtime::{ErrorKind, Retry};
        let by_status = |status: u16| match status {
            429 | 418 => (ErrorKind::RateLimited, Retry::Backoff),
            500..=599 => (ErrorKind::Internal, Retry::VerifyFirst),
            _ => (ErrorKind::InvalidRequest, Retry::Never),
        };
        let body = black_box(body.as_slice());
        let wait = headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("retry-after"))
            .and_then(|(_, value)| value.parse::<u64>().ok())
            .map(Duration::from_secs);
        let single = serde_json::from_slice::<errcodes_bench::RawMexcBody>(body);
        let classified = match single {
            Ok(raw) => self.table.get(&raw.code).copied().map(|c| (c, Some(raw))),
            Err(_) => serde_json::from_slice::<Vec<errcodes_bench::MaybeRawMexcBody>>(body)
                .ok()
                .and_then(|items| {
                    items
                        .into_iter()
                        .find_map(|item| item.code.map(|code| (code, item.msg)))
                })
                .and_then(|(code, msg)| {
                    self.table.get(&code).copied().map(|c| {
                        (
                            c,
                            Some(errcodes_bench::RawMexcBody {
                                code,
                                msg: msg.unwrap_or_default(),
                            }),
                        )
                    })
                }),
        };
        (
            classified.unwrap_or_else(|| (by_status(*status), None)),
            wait,
        )
    }
}

/// Kind, retry advice and wait from a whole response: one `json::check_response` call on the
/// catalog's `Code` and `kind()`, `retry()`, `retry_after_at()`, against [`Baseline`], per body
/// shape and for the whole mix, in one run.
fn classify<E: ErrorCode<Code = i64>, C: ErrorCode>(
    c: &mut Criterion,
    venue: &str,
    shapes: &[(&str, Response)],
) {
    let baseline = Baseline::new::<E>();
    let errcodes = |response: &Response| {
        let (status, headers, body) = response;
        let result = json::check_response::<C>(*status, headers.as_slice(), black_box(body));
        if let Err(error) = result {
            black_box((error.kind(), error.retry(), error.retry_after_at(0), error));
        }
    };
    let all: Vec<&Response> = shapes.iter().map(|(_, response)| response).collect();
    let mut rows: Vec<(String, Vec<&Response>)> = shapes
        .iter()
        .map(|(shape, response)| (format!("classify_response/{venue}/{shape}"), vec![response]))
        .collect();
    rows.push((format!("classify_response/{venue}/mix"), all));
    for (name, responses) in rows {
        let mut group = group(c, name, responses.len());
        group.bench_function("errcodes", |b| {
            b.iter(|| responses.iter().for_each(|response| errcodes(response)));
        });
        group.bench_function("serde+hashmap", |b| {
            b.iter(|| {
                for response in &responses {
                    black_box(baseline.classify(response));
                }
            });
        });
        group.finish();
    }
}

use errcodes_runtime::json;

fn classify_response(c: &mut Criterion) {
    use generated::{binance_usdm, mexc};
    let mexc: Vec<(&str, Response)> = [
        "listed",
        "new_message",
        "unlisted",
        "retry_after",
        "empty_504",
        "html_502",
        "batch",
    ]
    .into_iter()
    .zip(mexc_responses())
    .collect();
    classify::<mexc::MexcError, mexc::Code>(c, "mexc", &mexc);
    classify::<binance_usdm::BinanceUsdmError, binance_usdm::Code>(
        c,
        "binance_usdm",
        &binance_usdm_responses(),
    );
}

/// Responses a Binance USD-M futures client meets, one per shape.
fn binance_usdm_responses() -> Vec<(&'static str, Response)> {
    let body = |code: i64, message: &str| mexc_body(code, message);
    vec![
        ("listed", (400, vec![], body(-1021, "Timestamp for this request is outside of the recvWindow."))),
        ("new_message", (400, vec![], body(-1021, "Timestamp for this request was 1000ms ahead of the server's time."))),
        ("refined", (503, vec![], body(-1008, "Request throttled by system-level protection. Reduce-only/close-position orders are exempt. Please try again."))),
        ("ip_ban", (418, vec![("Retry-After", "60")], body(-1003, "Way too many requests; IP banned until 1700000060000. Please use the websocket for live updates to avoid bans."))),
        ("retry_after", (429, vec![("Retry-After", "2")], body(-1003, "Too many requests; current limit is 2400 requests per minute. Please use the websocket for live updates to avoid polling the API."))),
        ("unlisted", (400, vec![], body(-9999, "Something the catalog does not know"))),
        ("html_403", (403, vec![], b"<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center><hr><center>CloudFront</center></body></html>".to_vec())),
        ("empty_503", (503, vec![], Vec::new())),
        ("batch", (200, vec![], br#"[{"orderId":1,"symbol":"BTCUSDT","status":"NEW","clientOrderId":"a"},{"code":-2022,"msg":"ReduceOnly Order is rejected."}]"#.to_vec())),
    ]
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(50)
}

criterion_group! {
    name = benches;
    config = config();
    targets = from_code, display, message_kind, parse_body, classify_response
}
criterion_main!(benches);
