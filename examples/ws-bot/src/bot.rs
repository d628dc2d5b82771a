//! The bot: one order over a WebSocket API, and what it does with each answer, as the REST bot
//! of `examples/async-bot` does: stop on a refusal, wait what a rate limit asks and send again,
//! and when the connection drops before the answer, reconnect and ask for the order before
//! sending it once more.

use std::time::Duration;

use errcodes_catalogs::binance;
use errcodes_runtime::websocket::{Frame, RequestId, read_frame};
use errcodes_runtime::{ApiError, Retry};
use futures_util::{SinkExt, StreamExt};
use serde_json::json;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

/// How many times a rate-limited order is sent again.
pub const MAX_RETRIES: usize = 3;

/// The wait when a rate limit says none.
const DEFAULT_BACKOFF: Duration = Duration::from_millis(100);

/// How long an answer may take before the request counts as lost.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(2);

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// What the bot decided in the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Accepted on the first answer.
    Done,
    /// Accepted after waiting out a rate limit's `retryAfter`.
    DoneAfterWait,
    /// Refused: resending would fail the same way.
    Stop,
    /// The connection dropped mid-request and the order turned out placed: not sent again.
    FoundAfterDrop,
    /// The connection dropped mid-request and the order did not exist: sent once more.
    ResentAfterDrop,
}

/// What one order went through.
#[derive(Debug)]
pub struct Outcome {
    pub decision: Decision,
    /// The first error answer, as the runtime read it.
    pub first_error: Option<ApiError<binance::Code>>,
    /// The time waited on rate limits, as the frames asked.
    pub waited: Duration,
    /// Frames that answered no request (account pushes), skipped.
    pub pushes: usize,
    /// One line per step, for the run's output.
    pub log: Vec<String>,
}

/// How a request ended on the socket.
enum Answer {
    Accepted,
    Refused(ApiError<binance::Code>),
    /// The connection ended, failed or went silent before the answer.
    Lost,
}

/// The bot's connection to one exchange.
pub struct Bot {
    url: String,
    next_id: u64,
    pushes: usize,
}

impl Bot {
    /// A bot for the exchange at `url` (`ws://…`).
    pub fn new(url: &str) -> Bot {
        Bot {
            url: url.to_owned(),
            next_id: 1,
            pushes: 0,
        }
    }

    async fn connect(&self) -> Result<Socket, String> {
        tokio_tungstenite::connect_async(self.url.as_str())
            .await
            .map(|(socket, _)| socket)
            .map_err(|error| format!("cannot connect to {}: {error}", self.url))
    }

    /// Places the order `client_order_id` and follows every answer's advice to the end.
    pub async fn place(&mut self, client_order_id: &str) -> Result<Outcome, String> {
        let mut socket = self.connect().await?;
        let mut outcome = Outcome {
            decision: Decision::Stop,
            first_error: None,
            waited: Duration::ZERO,
            pushes: 0,
            log: Vec::new(),
        };
        let mut retries = 0;
        let mut resent_after_drop = false;
        loop {
            let answer = self
                .request(&mut socket, "order.place", client_order_id)
                .await;
            match answer {
                Answer::Accepted => {
                    outcome.decision = match (resent_after_drop, outcome.waited.is_zero()) {
                        (true, _) => Decision::ResentAfterDrop,
                        (false, true) => Decision::Done,
                        (false, false) => Decision::DoneAfterWait,
                    };
                    outcome.log.push("accepted".to_owned());
                    break;
                }
                Answer::Refused(error) => {
                    outcome.log.push(format!(
                        "refused: {error} (kind {}, retry {})",
                        error.kind(),
                        error.retry()
                    ));
                    let retry = error.retry();
                    let wait = error.retry_after();
                    outcome.first_error.get_or_insert(error);
                    match retry {
                        Retry::Backoff if retries < MAX_RETRIES => {
                            retries += 1;
                            let wait = wait.unwrap_or(DEFAULT_BACKOFF);
                            outcome
                                .log
                                .push(format!("waiting {wait:?}, as the frame asks"));
                            tokio::time::sleep(wait).await;
                            outcome.waited += wait;
                        }
                        // Never, verify first on a refusal, or still limited after the retries.
                        _ => break,
                    }
                }
                Answer::Lost if resent_after_drop => {
                    outcome
                        .log
                        .push("lost again after resending: stop".to_owned());
                    break;
                }
                Answer::Lost => {
                    // The order may have reached the matching engine: ask before resending.
                    outcome
                        .log
                        .push("connection lost before the answer: verify first".to_owned());
                    socket = self.connect().await?;
                    match self
                        .request(&mut socket, "order.status", client_order_id)
                        .await
                    {
                        Answer::Accepted => {
                            outcome
                                .log
                                .push("order.status: placed, not sent again".to_owned());
                            outcome.decision = Decision::FoundAfterDrop;
                            break;
                        }
                        Answer::Refused(error) => {
                            outcome
                                .log
                                .push(format!("order.status: {error}: sending once more"));
                            resent_after_drop = true;
                        }
                        Answer::Lost => {
                            outcome.log.push("order.status lost too: stop".to_owned());
                            break;
                        }
                    }
                }
            }
        }
        outcome.pushes = self.pushes;
        Ok(outcome)
    }

    /// Sends one request and reads frames until the one that answers it.
    async fn request(
        &mut self,
        socket: &mut Socket,
        method: &str,
        client_order_id: &str,
    ) -> Answer {
        let id = format!("req-{}", self.next_id);
        self.next_id += 1;
        let params = match method {
            "order.place" => {
                json!({"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "price": "23416.10", "quantity": "0.001", "newClientOrderId": client_order_id})
            }
            _ => json!({"symbol": "BTCUSDT", "origClientOrderId": client_order_id}),
        };
        let request = json!({"id": id, "method": method, "params": params});
        if socket
            .send(Message::text(request.to_string()))
            .await
            .is_err()
        {
            return Answer::Lost;
        }
        loop {
            let message = match tokio::time::timeout(ANSWER_TIMEOUT, socket.next()).await {
                Ok(Some(Ok(message))) => message,
                // Closed, failed, or silent: the answer is lost.
                _ => return Answer::Lost,
            };
            let Message::Text(text) = message else {
                continue;
            };
            // One call per frame: an error answer, a success answer, or no answer at all.
            match read_frame::<binance::Code>(text.as_str()) {
                Frame::NotAnAnswer => self.pushes += 1,
                frame if frame.id() != Some(&RequestId::Text(id.as_str().into())) => {}
                Frame::Success { .. } => return Answer::Accepted,
                Frame::Error { error, .. } => return Answer::Refused(error),
            }
        }
    }
}
