//! A fake exchange on 127.0.0.1, served by axum, that answers in the shapes of MEXC, OKX and
//! MixPay, including the failures their documentation does not show: a gateway that times out
//! after the order was filled, a proxy's HTML page, a connection cut mid-answer, silence.
//!
//! Each path is one scenario. The exchange keeps the truth a status query reports (which
//! orders exist) and counts every request, so that a test can check from the server's side
//! that no order was sent twice and that a ban was waited out.

use std::collections::HashMap;
use std::io;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use futures_util::StreamExt;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// The server stops by itself after this long, even if nobody drops it.
const MAX_LIFETIME: Duration = Duration::from_secs(60);
/// How long the silent route keeps a request without answering: far above the bot's timeout,
/// short enough that a leftover connection task ends soon after.
const SILENCE: Duration = Duration::from_secs(3);
/// The IP ban of the `ip-ban` route.
pub const BAN: Duration = Duration::from_secs(1);

/// A running fake exchange; dropping it stops the server.
pub struct FakeExchange {
    addr: SocketAddr,
    state: Arc<Mutex<Ledger>>,
    server: JoinHandle<()>,
}

/// What the exchange remembers.
#[derive(Default)]
struct Ledger {
    /// Requests received, by `"METHOD /path"`.
    hits: HashMap<String, u32>,
    /// Orders the matching engine has, by client order id.
    orders: HashMap<String, String>,
    next_order: u32,
    /// Until when the `ip-ban` route refuses everyone.
    banned_until: Option<Instant>,
    /// Requests that came back while banned.
    early_returns: u32,
}

type Shared = Arc<Mutex<Ledger>>;

impl FakeExchange {
    /// Binds an OS-assigned port on 127.0.0.1 (never another interface) and serves on a task
    /// of the current tokio runtime.
    pub async fn start() -> io::Result<FakeExchange> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let state = Shared::default();
        let app = Router::new()
            .route("/mexc/order/status", get(mexc_status))
            .route("/mexc/order/{scenario}", post(mexc_order))
            .route("/okx/order/{scenario}", post(okx_order))
            .route("/mixpay/payment/{scenario}", post(mixpay_payment))
            .with_state(Arc::clone(&state));
        let server = tokio::spawn(async move {
            let serve = axum::serve(listener, app);
            // Lifetime reached or serving failed: either way the exchange is gone.
            let _ = tokio::time::timeout(MAX_LIFETIME, serve).await;
        });
        Ok(FakeExchange {
            addr,
            state,
            server,
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Requests `method path` received: lets a test check that an order was not sent twice.
    pub fn hits(&self, method: &str, path: &str) -> u32 {
        let ledger = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        ledger
            .hits
            .get(&format!("{method} {path}"))
            .copied()
            .unwrap_or(0)
    }

    /// How many orders the exchange holds under `client_order_id` (0 or 1: it deduplicates).
    pub fn has_order(&self, client_order_id: &str) -> bool {
        let ledger = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        ledger.orders.contains_key(client_order_id)
    }

    /// Requests that came back to the `ip-ban` route before the ban ended.
    pub fn early_returns(&self) -> u32 {
        let ledger = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        ledger.early_returns
    }
}

impl Drop for FakeExchange {
    fn drop(&mut self) {
        self.server.abort();
    }
}

type OrderQuery = Query<HashMap<String, String>>;

/// Counts the request and returns how many `method path` has had, this one included.
fn hit(state: &Shared, method: &str, path: &str) -> u32 {
    let mut ledger = state.lock().unwrap_or_else(PoisonError::into_inner);
    let count = ledger.hits.entry(format!("{method} {path}")).or_default();
    *count += 1;
    *count
}

async fn mexc_order(
    State(state): State<Shared>,
    Path(scenario): Path<String>,
    Query(query): OrderQuery,
) -> Response {
    let count = hit(&state, "POST", &format!("/mexc/order/{scenario}"));
    let client_id = query.get("newClientOrderId").cloned().unwrap_or_default();
    match (scenario.as_str(), count) {
        ("ok", _) => fill(&state, &client_id),
        ("bad-signature", _) => json(
            400,
            r#"{"code":700002,"msg":"Signature for this request is not valid."}"#,
        ),
        // A code newer than the catalog: the client must keep it, not lose it.
        ("unknown-code", _) => json(
            400,
            r#"{"code":731001,"msg":"Order rejected by a new risk rule."}"#,
        ),
        ("rate-limited", 1 | 2) => json(429, r#"{"code":429,"msg":"Too Many Requests"}"#),
        ("rate-limited", _) => fill(&state, &client_id),
        ("ip-ban", _) => ip_ban(&state, &client_id),
        // The engine filled the order; the gateway gave up waiting and answered nothing.
        ("gateway-timeout", _) => {
            fill(&state, &client_id);
            (StatusCode::GATEWAY_TIMEOUT, "").into_response()
        }
        // The proxy failed before forwarding: no order. It recovers for the next try.
        ("bad-gateway", 1) => (
            StatusCode::BAD_GATEWAY,
            [(header::CONTENT_TYPE, "text/html")],
            BAD_GATEWAY,
        )
            .into_response(),
        ("bad-gateway", _) => fill(&state, &client_id),
        // The order is filled and the answer starts, then the connection is cut.
        ("cut-mid-answer", _) => {
            fill(&state, &client_id);
            cut_mid_answer()
        }
        // The engine is stuck before placing the order and the server says nothing; the
        // next try is served.
        ("silent", 1) => {
            tokio::time::sleep(SILENCE).await;
            json(503, "")
        }
        ("silent", _) => fill(&state, &client_id),
        _ => (StatusCode::NOT_FOUND, "no such scenario").into_response(),
    }
}

/// MEXC's "query order": the exchange's truth, whatever the gateway told the client.
async fn mexc_status(State(state): State<Shared>, Query(query): OrderQuery) -> Response {
    hit(&state, "GET", "/mexc/order/status");
    let client_id = query.get("origClientOrderId").cloned().unwrap_or_default();
    let order = {
        let ledger = state.lock().unwrap_or_else(PoisonError::into_inner);
        ledger.orders.get(&client_id).cloned()
    };
    match order {
        Some(order_id) => json(200, &mexc_order_body(&order_id, &client_id)),
        None => json(400, r#"{"code":-2011,"msg":"Unknown order sent."}"#),
    }
}

/// A ban with `Retry-After`; a request that comes back early is counted and refused again.
fn ip_ban(state: &Shared, client_id: &str) -> Response {
    let now = Instant::now();
    let remaining = {
        let mut ledger = state.lock().unwrap_or_else(PoisonError::into_inner);
        match ledger.banned_until {
            None => {
                ledger.banned_until = Some(now + BAN);
                Some(BAN)
            }
            Some(until) if now < until => {
                ledger.early_returns += 1;
                Some(until - now)
            }
            Some(_) => None,
        }
    };
    match remaining {
        Some(wait) => {
            let seconds = wait.as_secs_f64().ceil().to_string();
            let mut response = json(429, r#"{"code":429,"msg":"Too Many Requests"}"#);
            if let Ok(value) = seconds.parse() {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            response
        }
        None => fill(state, client_id),
    }
}

/// A chunked answer whose stream fails after its first chunk: the head and the chunk reach the
/// client, then hyper drops the connection with the body unfinished.
fn cut_mid_answer() -> Response {
    let chunks = futures_util::stream::iter([true, false]).then(|first| async move {
        if first {
            Ok(Bytes::from_static(br#"{"symbol":"BTCUSDT","orderId":"#))
        } else {
            // Long enough for hyper to flush the head and the first chunk.
            tokio::time::sleep(Duration::from_millis(50)).await;
            Err(io::Error::new(io::ErrorKind::ConnectionReset, "cut"))
        }
    });
    let body = Body::from_stream(chunks);
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response()
}

/// OKX answers batch and order errors with HTTP 200; the reason is per order in `data`.
async fn okx_order(State(state): State<Shared>, Path(scenario): Path<String>) -> Response {
    hit(&state, "POST", &format!("/okx/order/{scenario}"));
    match scenario.as_str() {
        "insufficient" => json(
            200,
            r#"{"code":"1","msg":"All operations failed","data":[{"sCode":"51008","sMsg":"Order failed. Insufficient USDT balance in account."}]}"#,
        ),
        _ => (StatusCode::NOT_FOUND, "no such scenario").into_response(),
    }
}

/// MixPay's global error response: HTTP 200, `success: false`.
async fn mixpay_payment(State(state): State<Shared>, Path(scenario): Path<String>) -> Response {
    hit(&state, "POST", &format!("/mixpay/payment/{scenario}"));
    match scenario.as_str() {
        "maintenance" => json(
            200,
            r#"{"code":10008,"success":false,"message":"The system is under maintenance and cannot be paid temporarily. If you have any questions, please contact customer service.","data":[]}"#,
        ),
        _ => (StatusCode::NOT_FOUND, "no such scenario").into_response(),
    }
}

/// Fills an order once per client order id, as MEXC deduplicates on it.
fn fill(state: &Shared, client_id: &str) -> Response {
    let order_id = {
        let mut ledger = state.lock().unwrap_or_else(PoisonError::into_inner);
        match ledger.orders.get(client_id) {
            Some(order_id) => order_id.clone(),
            None => {
                ledger.next_order += 1;
                let order_id = format!("C02__{:06}", ledger.next_order);
                ledger.orders.insert(client_id.to_owned(), order_id.clone());
                order_id
            }
        }
    };
    json(200, &mexc_order_body(&order_id, client_id))
}

fn mexc_order_body(order_id: &str, client_id: &str) -> String {
    serde_json::json!({
        "symbol": "BTCUSDT",
        "orderId": order_id,
        "clientOrderId": client_id,
        "status": "FILLED",
    })
    .to_string()
}

fn json(status: u16, body: &str) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_owned(),
    )
        .into_response()
}

/// What nginx in front of an API sends when the upstream is down.
const BAD_GATEWAY: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
