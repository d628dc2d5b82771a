//! What a trading bot does with what an exchange sends back: each answer below is one an
//! exchange really sends (shapes from the venues' docs and public issue threads), read in one
//! call into a typed error, and turned into the decision a trader would make.
#![deny(warnings)]

use errcodes_catalogs::{ErrorKind, Retry, binance, bybit, json, kraken, mexc, okx};

/// One answer as it came off the wire.
struct Answer {
    venue: &'static str,
    request: &'static str,
    status: u16,
    headers: &'static [(&'static str, &'static str)],
    body: &'static str,
}

/// The decision, in a trader's words.
fn decision(retry: Retry, kind: ErrorKind, wait: Option<std::time::Duration>) -> String {
    match (retry, wait) {
        (Retry::Never, _) => match kind {
            ErrorKind::InsufficientFunds => {
                "rejected, nothing was placed: free up funds or size the order down".to_owned()
            }
            ErrorKind::Authentication => {
                "rejected: the API key or signature is wrong, fix it before any other request"
                    .to_owned()
            }
            _ => format!(
                "rejected, nothing was placed: fix the order ({kind}) and do not resend it as is"
            ),
        },
        (Retry::Backoff, Some(wait)) => format!(
            "nothing was placed: stop sending for {} s, then resend",
            wait.as_secs()
        ),
        (Retry::Backoff, None) => "nothing was placed: slow down, then resend".to_owned(),
        (Retry::VerifyFirst, _) => "outcome unknown, the order may be live: query it before \
             resending, or you may double the position"
            .to_owned(),
    }
}

/// Reads `answer` with venue `E`'s catalog and prints what it means.
fn show<E: errcodes_catalogs::ErrorCode>(answer: &Answer) {
    let (venue, request, status) = (answer.venue, answer.request, answer.status);
    println!("{venue} {request}: HTTP {status} {}", shorten(answer.body));
    // The one call: status, headers and body in, `Ok` or a typed error out. It is this call
    // that sees OKX's failed order inside an HTTP 200.
    match json::check_response::<E>(answer.status, answer.headers, answer.body.as_bytes()) {
        Ok(()) => println!("  -> accepted\n"),
        Err(error) => {
            let what = match error.known() {
                Some(known) => format!("code {} `{}`", known.code(), known.name()),
                None => match error.http_rule() {
                    Some(rule) => format!("not a listed code; the venue's rule `{}`", rule.name),
                    None => "no code; the HTTP status decides".to_owned(),
                },
            };
            println!(
                "  read as {what}: kind {}, retry {}",
                error.kind(),
                error.retry()
            );
            println!(
                "  -> {}\n",
                decision(error.retry(), error.kind(), error.retry_after())
            );
        }
    }
}

fn shorten(body: &str) -> String {
    match body.char_indices().nth(90) {
        Some((at, _)) => format!("{}…", &body[..at]),
        None if body.is_empty() => "(empty body)".to_owned(),
        None => body.to_owned(),
    }
}

fn main() {
    show::<binance::Code>(&Answer {
        venue: "Binance",
        request: "POST /api/v3/order",
        status: 400,
        headers: &[],
        // One code, -2010, for every rejected order: the message says which rejection.
        body: r#"{"code":-2010,"msg":"Account has insufficient balance for requested action."}"#,
    });
    show::<okx::Code>(&Answer {
        venue: "OKX",
        request: "POST /api/v5/trade/order",
        status: 200,
        headers: &[],
        // A failure inside HTTP 200: the order's own code is in `data`.
        body: r#"{"code":"1","data":[{"clOrdId":"","ordId":"","sCode":"51008","sMsg":"Order failed. Insufficient USDT balance in account.","tag":""}],"inTime":"1695190491421339","msg":"All operations failed","outTime":"1695190491423240"}"#,
    });
    show::<binance::Code>(&Answer {
        venue: "Binance",
        request: "GET /api/v3/depth",
        status: 418,
        headers: &[("Retry-After", "1382")],
        // Kept sending after 429s: the IP is banned, and the wait is in the header.
        body: r#"{"code":-1003,"msg":"Way too many requests; IP(203.0.113.7) banned until 1764702000000. Please use the websocket for live updates to avoid bans."}"#,
    });
    show::<bybit::Code>(&Answer {
        venue: "Bybit",
        request: "POST /v5/order/create",
        status: 200,
        headers: &[("Retry-After", "1")],
        body: r#"{"retCode":10006,"retMsg":"Too many visits. Exceeded the API Rate Limit.","result":{},"retExtInfo":{},"time":1764700000000}"#,
    });
    show::<binance::Code>(&Answer {
        venue: "Binance",
        request: "POST /api/v3/order",
        status: 504,
        headers: &[],
        // The gateway gave up waiting: the order may or may not have reached the book.
        body: "",
    });
    show::<kraken::Code>(&Answer {
        venue: "Kraken",
        request: "POST /0/private/AddOrder",
        status: 200,
        headers: &[],
        body: r#"{"error":["EOrder:Insufficient funds"],"result":{}}"#,
    });
    show::<mexc::Code>(&Answer {
        venue: "MEXC",
        request: "POST /api/v3/order",
        status: 502,
        headers: &[],
        // Not the exchange: a proxy's page, no code at all.
        body: "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>",
    });
    show::<okx::Code>(&Answer {
        venue: "OKX",
        request: "POST /api/v5/trade/order",
        status: 200,
        headers: &[],
        body: r#"{"code":"0","msg":"","data":[{"clOrdId":"b15","ordId":"312269865356374016","sCode":"0","sMsg":"Order placed","tag":""}]}"#,
    });

    // The codes are enums: a `match` over the ones a bot handles is checked by the compiler,
    // and a code added to the catalog in a later release makes an exhaustive one fail to build.
    let known = binance::BinanceError::from_code(-1021).expect("a documented code");
    assert_eq!(known, binance::BinanceError::InvalidTimestamp);
    println!(
        "Binance -1021 is `{}` ({}): resync the clock, then resend.",
        known.name(),
        known.message()
    );
}
