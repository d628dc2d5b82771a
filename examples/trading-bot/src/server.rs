//! A fake exchange on loopback that answers the way MEXC and MixPay do, including the ways
//! they fail that a client cannot learn from their documentation: a gateway that times out
//! after the order was placed, a proxy's HTML page, an empty body, a code sent as a string.
//!
//! Each path is one scenario, so that a test can provoke exactly one behaviour; a few paths
//! keep a counter because the point is what happens on the *next* request.

use std::collections::HashMap;
use std::io;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use tiny_http::{Header, Method, Request, Response, Server};

/// The server stops by itself after this long, even if nobody drops it: a test that loses
/// its handle (a panic on another thread) must not leave a thread serving forever.
const MAX_LIFETIME: Duration = Duration::from_secs(60);
/// ... or after this many requests: a client stuck in a retry loop ends up refused, not served.
const MAX_REQUESTS: u32 = 1_000;
/// How often the serving thread looks at the stop flag; bounds how long `drop` waits.
const POLL: Duration = Duration::from_millis(20);

/// The order of the bot's scenarios, as MEXC's "place order" answers it.
const SYMBOL: &str = "BTCUSDT";

/// A running fake exchange; dropping it stops the server and waits for its thread.
pub struct FakeExchange {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    state: Arc<Mutex<State>>,
    thread: Option<JoinHandle<()>>,
}

/// What the exchange remembers between requests.
#[derive(Default)]
struct State {
    /// Requests received, by `"METHOD /path"` (query left out).
    hits: HashMap<String, u32>,
    /// Orders the matching engine has, by client order id: the truth a status query reports,
    /// whatever the gateway told the client.
    orders: HashMap<String, String>,
    next_order: u32,
}

impl FakeExchange {
    /// Binds an OS-assigned port on 127.0.0.1 (never another interface) and serves on a
    /// background thread.
    pub fn start() -> io::Result<FakeExchange> {
        let server = Server::http("127.0.0.1:0").map_err(io::Error::other)?;
        let addr = server
            .server_addr()
            .to_ip()
            .ok_or_else(|| io::Error::other("tiny_http did not bind an IP address"))?;
        let stop = Arc::new(AtomicBool::new(false));
        let state = Arc::new(Mutex::new(State::default()));
        let thread = std::thread::Builder::new()
            .name("fake-exchange".into())
            .spawn({
                let stop = Arc::clone(&stop);
                let state = Arc::clone(&state);
                move || serve(&server, &stop, &state)
            })?;
        Ok(FakeExchange {
            addr,
            stop,
            state,
            thread: Some(thread),
        })
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// How many requests `method path` received (query ignored): lets a test check from
    /// the server's side that an order was, or was not, sent twice.
    pub fn hits(&self, method: &str, path: &str) -> u32 {
        let state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state
            .hits
            .get(&format!("{method} {path}"))
            .copied()
            .unwrap_or(0)
    }
}

impl Drop for FakeExchange {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            // Bounded by POLL: the thread checks the flag between short waits.
            let _ = thread.join();
        }
    }
}

fn serve(server: &Server, stop: &AtomicBool, state: &Mutex<State>) {
    let deadline = Instant::now() + MAX_LIFETIME;
    let mut served = 0;
    while !stop.load(Ordering::Relaxed) && Instant::now() < deadline && served < MAX_REQUESTS {
        match server.recv_timeout(POLL) {
            Ok(Some(request)) => {
                served += 1;
                let reply = {
                    let mut state = state.lock().unwrap_or_else(PoisonError::into_inner);
                    route(&request, &mut state)
                };
                // A client that hung up is its own problem; the exchange keeps serving.
                let _ = reply.send(request);
            }
            Ok(None) => {}
            Err(_) => break,
        }
    }
    // Returning drops the `Server`, which closes the listening socket.
}

/// An answer, built while the state is locked and sent after it is released.
enum Reply {
    Json(u16, String),
    Html(u16, &'static str),
    Empty(u16),
}

impl Reply {
    fn send(self, request: Request) -> io::Result<()> {
        match self {
            Reply::Json(status, body) => request.respond(
                Response::from_string(body)
                    .with_status_code(status)
                    .with_header(content_type("application/json")),
            ),
            Reply::Html(status, page) => request.respond(
                Response::from_string(page)
                    .with_status_code(status)
                    .with_header(content_type("text/html")),
            ),
            Reply::Empty(status) => request.respond(Response::empty(status)),
        }
    }
}

fn content_type(value: &str) -> Header {
    Header::from_bytes("Content-Type", value).expect("a valid header")
}

fn route(request: &Request, state: &mut State) -> Reply {
    let (path, query) = request.url().split_once('?').unwrap_or((request.url(), ""));
    let method = request.method();
    let hit = {
        let count = state.hits.entry(format!("{method} {path}")).or_default();
        *count += 1;
        *count
    };
    let client_id = param(query, "newClientOrderId")
        .or_else(|| param(query, "origClientOrderId"))
        .unwrap_or("unnamed")
        .to_owned();

    match (method, path) {
        (Method::Post, "/mexc/order/ok") => state.fill(&client_id),
        (Method::Post, "/mexc/order/bad-signature") => mexc_error(
            400,
            r#"{"code":700002,"msg":"Signature for this request is not valid."}"#,
        ),
        // A code newer than the catalog: the client must keep it, not lose it.
        (Method::Post, "/mexc/order/unknown-code") => mexc_error(
            400,
            r#"{"code":731001,"msg":"Order rejected by a new risk rule."}"#,
        ),
        // Some MEXC endpoints send the code as a numeric string.
        (Method::Post, "/mexc/order/insufficient-balance") => {
            mexc_error(400, r#"{"code":"10101","msg":"Insufficient balance"}"#)
        }
        (Method::Post, "/mexc/order/rate-limited") if hit <= 2 => {
            mexc_error(429, r#"{"code":429,"msg":"Too Many Requests"}"#)
        }
        (Method::Post, "/mexc/order/rate-limited") => state.fill(&client_id),
        // The matching engine filled the order; the gateway gave up waiting for it and
        // answered with nothing. Only a status query can tell the client.
        (Method::Post, "/mexc/order/gateway-timeout") => {
            state.fill(&client_id);
            Reply::Empty(504)
        }
        // The proxy failed before forwarding: no order exists. It recovers for the next try.
        (Method::Post, "/mexc/order/bad-gateway") if hit == 1 => Reply::Html(502, BAD_GATEWAY),
        (Method::Post, "/mexc/order/bad-gateway") => state.fill(&client_id),
        (Method::Get, "/mexc/order/status") => match state.orders.get(&client_id) {
            Some(order_id) => Reply::Json(200, mexc_order(order_id, &client_id)),
            None => mexc_error(400, r#"{"code":-2011,"msg":"Unknown order sent."}"#),
        },
        (Method::Post, "/mixpay/payment/ok") => mixpay(
            0,
            true,
            "",
            serde_json::json!({"traceId": "b3e1f2a0-6b0e-4c2a-9d3e-2f1a8c7d5e40", "status": "pending"}),
        ),
        // MixPay's global error response: HTTP 200, `success: false` (the seed's example).
        (Method::Post, "/mixpay/payment/maintenance") => mixpay(
            10008,
            false,
            "The system is under maintenance and cannot be paid temporarily. If you have any questions, please contact customer service.",
            serde_json::json!([]),
        ),
        _ => Reply::Html(404, "<html><body><h1>404 Not Found</h1></body></html>"),
    }
}

impl State {
    /// Fills an order (once per client order id, as MEXC deduplicates on it) and answers
    /// the way MEXC's "place order" does.
    fn fill(&mut self, client_id: &str) -> Reply {
        let order_id = match self.orders.get(client_id) {
            Some(order_id) => order_id.clone(),
            None => {
                self.next_order += 1;
                let order_id = format!("C02__{:06}", self.next_order);
                self.orders.insert(client_id.to_owned(), order_id.clone());
                order_id
            }
        };
        Reply::Json(200, mexc_order(&order_id, client_id))
    }
}

fn mexc_order(order_id: &str, client_id: &str) -> String {
    serde_json::json!({
        "symbol": SYMBOL,
        "orderId": order_id,
        "clientOrderId": client_id,
        "price": "60000",
        "origQty": "0.001",
        "type": "LIMIT",
        "side": "BUY",
        "status": "FILLED",
    })
    .to_string()
}

fn mexc_error(status: u16, body: &'static str) -> Reply {
    Reply::Json(status, body.to_owned())
}

/// MixPay's envelope: always HTTP 200, the outcome is in `code` and `success`.
fn mixpay(code: i64, success: bool, message: &str, data: serde_json::Value) -> Reply {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| {
            u64::try_from(since.as_millis()).unwrap_or(u64::MAX)
        });
    let body = serde_json::json!({
        "code": code,
        "success": success,
        "message": message,
        "data": data,
        "timestampMs": now,
    });
    Reply::Json(200, body.to_string())
}

fn param<'q>(query: &'q str, name: &str) -> Option<&'q str> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find_map(|(key, value)| (key == name).then_some(value))
}

/// What nginx in front of an API sends when the upstream is down.
const BAD_GATEWAY: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
