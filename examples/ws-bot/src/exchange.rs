//! The fake exchange: a WebSocket server on 127.0.0.1 that answers `order.place` and
//! `order.status` requests with Binance WebSocket API frames (sources/binance_websocket.md),
//! sends an account push before each answer, and keeps the orders it placed, so a test can
//! check what was (not) placed twice.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tokio_tungstenite::tungstenite::Message;

/// How long the rate limit lasts: the `retryAfter` of its 429 is this far ahead.
pub const RATE_LIMIT: Duration = Duration::from_millis(300);

/// What the exchange saw of one client order id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seen {
    /// `order.place` requests received.
    pub placements: usize,
    /// Whether the order exists (placed, or filled behind a dropped connection).
    pub placed: bool,
    /// `order.place` requests that came back before the rate limit's `retryAfter`.
    pub early: usize,
}

/// The running exchange.
pub struct FakeExchange {
    /// `ws://127.0.0.1:PORT`.
    pub url: String,
    seen: Arc<Mutex<HashMap<String, Seen>>>,
}

/// Shared state: per client order id, what was seen, and when a rate limit ends.
#[derive(Default)]
struct Book {
    seen: HashMap<String, Seen>,
    limited_until_ms: HashMap<String, u64>,
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_millis() as u64)
}

impl FakeExchange {
    /// Binds 127.0.0.1:0 and serves every connection until the process ends.
    pub async fn start() -> std::io::Result<FakeExchange> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("ws://{}", listener.local_addr()?);
        let book = Arc::new(Mutex::new(Book::default()));
        let seen = Arc::new(Mutex::new(HashMap::new()));
        let (server_book, server_seen) = (book.clone(), seen.clone());
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (book, seen) = (server_book.clone(), server_seen.clone());
                tokio::spawn(async move {
                    if let Ok(socket) = tokio_tungstenite::accept_async(stream).await {
                        serve(socket, book, seen).await;
                    }
                });
            }
        });
        Ok(FakeExchange { url, seen })
    }

    /// What the exchange saw of `client_order_id`.
    pub fn seen(&self, client_order_id: &str) -> Seen {
        let seen = self
            .seen
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        seen.get(client_order_id).cloned().unwrap_or_default()
    }
}

/// Answers one connection's requests; the `drop` scenario ends the connection instead.
async fn serve(
    mut socket: tokio_tungstenite::WebSocketStream<tokio::net::TcpStream>,
    book: Arc<Mutex<Book>>,
    seen: Arc<Mutex<HashMap<String, Seen>>>,
) {
    while let Some(Ok(message)) = socket.next().await {
        let Message::Text(text) = message else {
            continue;
        };
        let Ok(request) = serde_json::from_str::<Value>(text.as_str()) else {
            continue;
        };
        let id = request["id"].clone();
        let params = &request["params"];
        let order = params["newClientOrderId"]
            .as_str()
            .or_else(|| params["origClientOrderId"].as_str())
            .unwrap_or_default()
            .to_owned();
        let answer = {
            let mut book = book.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            let answer = match request["method"].as_str() {
                Some("order.place") => place(&mut book, &id, &order),
                Some("order.status") => status(&book, &id, &order),
                _ => Some(
                    json!({"id": id, "status": 400, "error": {"code": -1100, "msg": "Illegal characters found in parameter 'method'."}}),
                ),
            };
            let mut shared = seen.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            shared.insert(
                order.clone(),
                book.seen.get(&order).cloned().unwrap_or_default(),
            );
            answer
        };
        // Every answer comes after a push the bot must skip: it answers no request.
        let push = json!({"subscriptionId": 0, "event": {"e": "outboundAccountPosition", "E": now_ms(), "B": [{"a": "USDT", "f": "10.00000000", "l": "0.00000000"}]}});
        if socket.send(Message::text(push.to_string())).await.is_err() {
            return;
        }
        match answer {
            Some(answer) => {
                if socket
                    .send(Message::text(answer.to_string()))
                    .await
                    .is_err()
                {
                    return;
                }
            }
            // The connection drops mid-request: no answer, no close frame.
            None => return,
        }
    }
}

/// `order.place`: the client order id names the scenario.
fn place(book: &mut Book, id: &Value, order: &str) -> Option<Value> {
    let now = now_ms();
    let seen = book.seen.entry(order.to_owned()).or_default();
    seen.placements += 1;
    let accepted = json!({"id": id, "status": 200, "result": {"symbol": "BTCUSDT", "orderId": 12510053279u64, "clientOrderId": order, "status": "NEW"}});
    if order.starts_with("reject") {
        return Some(
            json!({"id": id, "status": 400, "error": {"code": -2010, "msg": "Account has insufficient balance for requested action."}}),
        );
    }
    if order.starts_with("rate-limit") {
        match book.limited_until_ms.get(order).copied() {
            None => {
                let until = now + RATE_LIMIT.as_millis() as u64;
                book.limited_until_ms.insert(order.to_owned(), until);
                return Some(
                    json!({"id": id, "status": 429, "error": {"code": -1015, "msg": "Too many new orders; current limit is 50 orders per 10 SECOND.", "data": {"serverTime": now, "retryAfter": until}}}),
                );
            }
            Some(until) if now < until => {
                seen.early += 1;
                return Some(
                    json!({"id": id, "status": 429, "error": {"code": -1015, "msg": "Too many new orders; current limit is 50 orders per 10 SECOND.", "data": {"serverTime": now, "retryAfter": until}}}),
                );
            }
            Some(_) => {}
        }
    }
    if order.starts_with("drop") && !seen.placed {
        // Filled behind the drop: the order exists, its answer never leaves.
        seen.placed = true;
        return None;
    }
    if order.starts_with("lost") && seen.placements == 1 {
        // Dropped before the matching engine saw it: no order.
        return None;
    }
    seen.placed = true;
    Some(accepted)
}

/// `order.status`: the order if it exists, else -2013.
fn status(book: &Book, id: &Value, order: &str) -> Option<Value> {
    Some(match book.seen.get(order) {
        Some(seen) if seen.placed => {
            json!({"id": id, "status": 200, "result": {"symbol": "BTCUSDT", "orderId": 12510053279u64, "clientOrderId": order, "status": "FILLED"}})
        }
        _ => {
            json!({"id": id, "status": 400, "error": {"code": -2013, "msg": "Order does not exist."}})
        }
    })
}
