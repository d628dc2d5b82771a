//! What a user writes after reading the docs of errcodes-catalogs and errcodes-runtime:
//! real answers of Binance, OKX and Bybit read in one call each, then reqwest 0.13 requests
//! to a fake exchange on 127.0.0.1 (started here, no network) sent through the retry helper,
//! which backs off on a rate limit and hands a "maybe placed" timeout straight back.
//! Every check is an `assert!`: the process fails on the first wrong answer.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use backon::ExponentialBuilder;
use errcodes_catalogs::json::check_response;
use errcodes_catalogs::{ErrorKind, Retry, binance, bybit, okx};
use errcodes_runtime::reqwest::{RequestError, send};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

type Failure = Box<dyn std::error::Error>;

#[tokio::main]
async fn main() -> Result<(), Failure> {
    read_real_answers();
    let exchange = FakeExchange::start().await?;
    retry_a_rate_limit(&exchange).await?;
    hand_back_a_timeout(&exchange).await?;
    println!("adopter: all checks passed");
    Ok(())
}

/// One call per answer, with each venue's `Error` (`ApiError<Code>`).
fn read_real_answers() {
    // Binance: HTTP 400, the matching engine's reason in `msg` (sammchardy/python-binance#74).
    let body = br#"{"code":-2010,"msg":"Account has insufficient balance for requested action."}"#;
    let error: binance::Error = check_response(400, &(), body).unwrap_err();
    assert!(matches!(
        error.known(),
        Some(binance::Code::BinanceError(_))
    ));
    assert_eq!(error.kind(), ErrorKind::InsufficientFunds);
    assert_eq!(error.retry(), Retry::Never);
    println!(
        "binance: {error} -> {:?}, {:?}",
        error.kind(),
        error.retry()
    );

    // OKX: HTTP 200, and the order's own error inside `data` (okxapi/python-okx#110).
    let body = br#"{"code":"1","data":[{"clOrdId":"","ordId":"","sCode":"51008","sMsg":"Order failed. Insufficient USDT margin in account ","tag":"","ts":"1754837511941"}],"inTime":"1754837511940445","msg":"All operations failed","outTime":"1754837511941393"}"#;
    let error: okx::Error = check_response(200, &(), body).unwrap_err();
    assert!(matches!(error.known(), Some(okx::Code::OkxTradeError(_))));
    assert_eq!(error.kind(), ErrorKind::InsufficientFunds);
    assert_eq!(
        error.message(),
        "Order failed. Insufficient USDT margin in account "
    );
    println!("okx: {error} -> {:?}, {:?}", error.kind(), error.retry());

    // Bybit: HTTP 200 and a `retCode` other than 0 (ccxt/ccxt#18976).
    let body = br#"{"retCode":10006,"retMsg":"Too many visits","result":{},"retExtInfo":{},"time":1693924869139}"#;
    let error: bybit::Error = check_response(200, &(), body).unwrap_err();
    assert!(matches!(error.known(), Some(bybit::Code::BybitUtaError(_))));
    assert_eq!(error.kind(), ErrorKind::RateLimited);
    assert_eq!(error.retry(), Retry::Backoff);
    println!("bybit: {error} -> {:?}, {:?}", error.kind(), error.retry());

    // A success is Ok: Bybit's documented order answer.
    let body = br#"{"retCode":0,"retMsg":"OK","result":{"orderId":"1321003749386327552","orderLinkId":"spot-test-postonly"},"retExtInfo":{},"time":1672211918471}"#;
    assert!(check_response::<bybit::Code>(200, &(), body).is_ok());
}

/// Binance rate-limits the first order (HTTP 429, `Retry-After: 1`) and accepts the second:
/// the retry helper waits out the server's second and sends again.
async fn retry_a_rate_limit(exchange: &FakeExchange) -> Result<(), Failure> {
    let client = client()?;
    let url = format!("{}/api/v3/order", exchange.url);
    let backoff = ExponentialBuilder::default()
        .with_min_delay(Duration::from_millis(10))
        .with_max_times(3);
    let start = Instant::now();
    let body = errcodes_runtime::backon::retry(backoff, || {
        send::<binance::Code>(client.post(url.as_str()))
    })
    .await?;
    assert_eq!(exchange.orders.load(Ordering::SeqCst), 2, "sent twice");
    assert!(
        start.elapsed() >= Duration::from_secs(1),
        "waited the server's Retry-After"
    );
    assert!(body.starts_with(br#"{"symbol":"BTCUSDT""#));
    println!(
        "binance order: accepted after one rate limit, {:.1} s",
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

/// OKX answers "API endpoint request timeout": the order may exist, so the retry helper
/// returns at once (one request), and the caller checks the order before sending again.
async fn hand_back_a_timeout(exchange: &FakeExchange) -> Result<(), Failure> {
    let client = client()?;
    let url = format!("{}/api/v5/trade/order", exchange.url);
    let backoff = ExponentialBuilder::default().with_max_times(3);
    let sent =
        errcodes_runtime::backon::retry(backoff, || send::<okx::Code>(client.post(url.as_str())))
            .await;
    let error: RequestError<okx::Code> = sent.expect_err("OKX timed out");
    assert_eq!(error.retry(), Retry::VerifyFirst);
    assert_eq!(error.kind(), ErrorKind::Timeout);
    assert_eq!(error.status(), Some(400));
    assert!(
        error
            .api()
            .is_some_and(|api| matches!(api.known(), Some(okx::Code::OkxGeneralError(_))))
    );
    assert_eq!(
        exchange.okx_orders.load(Ordering::SeqCst),
        1,
        "never resent"
    );
    println!("okx order: {error} -> query the order before sending again");
    Ok(())
}

/// A client as the runtime's docs advise: a connect timeout below the total timeout.
fn client() -> Result<reqwest::Client, reqwest::Error> {
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(2))
        .timeout(Duration::from_secs(10))
        .build()
}

/// An HTTP/1.1 server on 127.0.0.1 that answers as Binance and OKX do (real bodies).
struct FakeExchange {
    url: String,
    orders: Arc<AtomicUsize>,
    okx_orders: Arc<AtomicUsize>,
}

impl FakeExchange {
    async fn start() -> Result<Self, Failure> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("http://{}", listener.local_addr()?);
        let orders = Arc::new(AtomicUsize::new(0));
        let okx_orders = Arc::new(AtomicUsize::new(0));
        let (binance, okx) = (orders.clone(), okx_orders.clone());
        tokio::spawn(async move {
            while let Ok((mut stream, _)) = listener.accept().await {
                let (binance, okx) = (binance.clone(), okx.clone());
                tokio::spawn(async move {
                    let mut request = Vec::new();
                    let mut buffer = [0u8; 1024];
                    while !request.windows(4).any(|window| window == b"\r\n\r\n") {
                        match stream.read(&mut buffer).await {
                            Ok(0) | Err(_) => return,
                            Ok(read) => request.extend_from_slice(&buffer[..read]),
                        }
                    }
                    let line = String::from_utf8_lossy(&request);
                    let answer = if line.starts_with("POST /api/v3/order ") {
                        match binance.fetch_add(1, Ordering::SeqCst) {
                            // As quoted in ccxt/ccxt#6905.
                            0 => response(
                                "429 Too Many Requests",
                                "Retry-After: 1\r\n",
                                r#"{"code":-1003,"msg":"Too many requests; current request has limited."}"#,
                            ),
                            // The documented ACK answer of POST /api/v3/order (binance-spot-api-docs rest-api.md).
                            _ => response(
                                "200 OK",
                                "",
                                r#"{"symbol":"BTCUSDT","orderId":28,"orderListId":-1,"clientOrderId":"6gCrw2kRUAF9CvJDGP16IP","transactTime":1507725176595}"#,
                            ),
                        }
                    } else if line.starts_with("POST /api/v5/trade/order ") {
                        okx.fetch_add(1, Ordering::SeqCst);
                        // OKX's docs, 'Public - General Class': 50004, HTTP 400, this text.
                        response(
                            "400 Bad Request",
                            "",
                            r#"{"code":"50004","msg":"API endpoint request timeout. (does not mean that the request was successful or failed, please check the request result).","data":[]}"#,
                        )
                    } else {
                        response("404 Not Found", "", "")
                    };
                    let _ = stream.write_all(answer.as_bytes()).await;
                    let _ = stream.shutdown().await;
                });
            }
        });
        Ok(FakeExchange {
            url,
            orders,
            okx_orders,
        })
    }
}

fn response(status: &str, headers: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n{headers}\r\n{body}",
        body.len()
    )
}
