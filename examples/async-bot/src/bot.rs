//! The client: one call per request (`errcodes_runtime::reqwest::send`) inside one retry loop
//! (`errcodes_runtime::backon::retry`), and what to do with each of the three answers.
//!
//! - `Backoff`: the loop sends again after the backoff's pause or the server's `Retry-After`,
//!   whichever is longer, at most [`MAX_RETRIES`] times.
//! - `VerifyFirst`: the loop hands the error back; the bot asks the exchange whether the order
//!   exists, and resends once only when it does not.
//! - `Never`: stop and say what has to change.

use std::cell::Cell;
use std::fmt;
use std::time::{Duration, Instant};

use backon::ExponentialBuilder;
use errcodes_catalogs::mexc::MexcError;
use errcodes_catalogs::mixpay::MixPayError;
use errcodes_catalogs::okx;
use errcodes_runtime::reqwest::{Reason, RequestError, send};
use errcodes_runtime::{ApiError, ErrorCode, ErrorKind, Retry};

/// Whole request, and connect alone: on loopback anything slower means the server is stuck.
pub const TIMEOUT: Duration = Duration::from_millis(500);
const CONNECT_TIMEOUT: Duration = Duration::from_millis(200);
/// Retries after the first attempt, for `Backoff` answers.
pub const MAX_RETRIES: usize = 3;

/// Pauses of 50, 100, 200 ms: real bots wait seconds; the shape is the point here.
fn backoff() -> ExponentialBuilder {
    ExponentialBuilder::default()
        .with_min_delay(Duration::from_millis(50))
        .with_max_delay(Duration::from_millis(200))
        .with_max_times(MAX_RETRIES)
}

/// What the bot did about a request, in the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Accepted on the first attempt.
    Done,
    /// Refused with `Backoff`, then accepted after waiting.
    DoneAfterBackoff,
    /// Refused with `Backoff` every time: reported, left for later.
    GaveUpAfterBackoff,
    /// Refused with `Never`: the request, key or account must change first.
    Stop,
    /// Outcome unknown; the exchange has the order, so it was NOT sent again.
    VerifiedNotResent,
    /// Outcome unknown; the exchange has no such order, so it was sent once more.
    VerifiedResent,
    /// Outcome unknown and the check failed too: a person must look.
    Unresolved,
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Decision::Done => "done",
            Decision::DoneAfterBackoff => "backed off and sent again: accepted",
            Decision::GaveUpAfterBackoff => "backed off, still refused: gave up and reported",
            Decision::Stop => "stop: sending it again cannot help",
            Decision::VerifiedNotResent => "verified first: the order exists, NOT sent again",
            Decision::VerifiedResent => "verified first: no such order, sent once more",
            Decision::Unresolved => "outcome unknown and unverifiable: stop, alert a person",
        })
    }
}

/// What a status query said about an order whose outcome was unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    /// The exchange has it: sending again would place a second order.
    Exists { order_id: String, status: String },
    /// The exchange has no such order.
    Absent,
    /// The query failed too, or there is no way to ask.
    Unknown(String),
}

/// The error a decision was made on, as plain values for printing and comparing.
#[derive(Debug, Clone)]
pub struct Seen {
    /// `MexcError::InvalidSignature`, `MexcError code 731001 (unlisted)`, `no code (empty
    /// body)`, `transport: TimedOut`: what the typed value is.
    pub typed: String,
    pub kind: ErrorKind,
    pub retry: Retry,
    pub retry_after: Option<Duration>,
    /// The error's `Display`.
    pub text: String,
}

impl Seen {
    fn of<E: ErrorCode<Code = i64> + fmt::Debug>(error: &RequestError<E>) -> Seen {
        let typed = match error.reason() {
            Reason::Api(api) => match (api.known(), api.code()) {
                (Some(known), _) => format!("{}::{known:?}", E::ENUM),
                (None, Some(code)) => format!("{} code {code} (unlisted)", E::ENUM),
                (None, None) => match api.body_problem() {
                    Some(problem) => format!("no code ({problem})"),
                    None => "no code".to_owned(),
                },
            },
            Reason::Transport(transport) => format!("transport: {:?}", transport.failure()),
        };
        Seen {
            typed,
            kind: error.kind(),
            retry: error.retry(),
            retry_after: error.retry_after(),
            text: error
                .to_string()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        }
    }
}

/// Everything that happened for one request, retries and verification included.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Requests sent to the endpoint itself (the status query is not counted).
    pub attempts: usize,
    /// The first error, which every decision rests on.
    pub error: Option<Seen>,
    pub verification: Option<Verification>,
    pub decision: Decision,
    /// Whether the exchange, in the end, has the order (or payment).
    pub accepted: bool,
    pub elapsed: Duration,
}

/// A client for the (fake) exchange.
pub struct Bot {
    client: reqwest::Client,
    base_url: String,
}

impl Bot {
    /// A client for the exchange at `base_url` (`http://host:port`).
    pub fn new(base_url: impl Into<String>) -> reqwest::Result<Bot> {
        let client = reqwest::Client::builder()
            // The exchange is on loopback; an HTTP_PROXY in the environment must not reroute it.
            .no_proxy()
            // Below the total timeout, so that a connect timeout is known to have sent nothing.
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(TIMEOUT)
            .build()?;
        Ok(Bot {
            client,
            base_url: base_url.into(),
        })
    }

    /// Places a MEXC order through `route` under `client_order_id`, which names the order
    /// before the exchange answers, so that it can be looked up when the answer is lost.
    pub async fn place_order(&self, route: &str, client_order_id: &str) -> Outcome {
        let url = format!(
            "{}{route}?symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.001&price=60000&newClientOrderId={client_order_id}",
            self.base_url
        );
        let verify = || self.order_status(client_order_id);
        self.execute(|| send::<MexcError>(self.client.post(&url)), Some(verify))
            .await
    }

    /// Places an OKX order; OKX reports a failed order inside HTTP 200, per order in `data`,
    /// which the catalog's envelope names (`items = "data"`, `item_code = "sCode"`), so
    /// `okx::Code` reads the real reason in the same one call.
    pub async fn place_okx_order(&self, route: &str) -> Outcome {
        let url = format!("{}{route}", self.base_url);
        self.execute(
            || send::<okx::Code>(self.client.post(&url)),
            None::<fn() -> std::future::Ready<Verification>>,
        )
        .await
    }

    /// Creates a MixPay payment; MixPay answers errors with HTTP 200 and `success: false`.
    pub async fn pay(&self, route: &str) -> Outcome {
        let url = format!("{}{route}", self.base_url);
        // This bot has no MixPay status query: an unknown outcome stays unresolved.
        self.execute(
            || send::<MixPayError>(self.client.post(&url)),
            None::<fn() -> std::future::Ready<Verification>>,
        )
        .await
    }

    /// MEXC's "query order" by client order id.
    pub async fn order_status(&self, client_order_id: &str) -> Verification {
        let url = format!(
            "{}/mexc/order/status?symbol=BTCUSDT&origClientOrderId={client_order_id}",
            self.base_url
        );
        match send::<MexcError>(self.client.get(&url)).await {
            Ok(body) => {
                let order: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
                let field =
                    |name: &str| order.get(name).and_then(|v| v.as_str()).map(str::to_owned);
                match (field("orderId"), field("status")) {
                    (Some(order_id), Some(status)) => Verification::Exists { order_id, status },
                    _ => Verification::Unknown(format!(
                        "unreadable order: {}",
                        String::from_utf8_lossy(&body)
                    )),
                }
            }
            // The typed variant, not a string compare: "no such order" is the one answer that
            // makes a resend safe.
            Err(error)
                if error.api().and_then(ApiError::known) == Some(MexcError::UnknownOrder) =>
            {
                Verification::Absent
            }
            Err(error) => Verification::Unknown(error.to_string()),
        }
    }

    /// Sends through the retry loop, then acts on the advice of the error it hands back.
    async fn execute<T, E, F, Fut, V, VFut>(&self, request: F, verify: Option<V>) -> Outcome
    where
        E: ErrorCode<Code = i64> + fmt::Debug,
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, RequestError<E>>>,
        V: FnOnce() -> VFut,
        VFut: Future<Output = Verification>,
    {
        let started = Instant::now();
        let attempts = &Cell::new(0);
        let first_error = &Cell::new(None::<Seen>);
        let request = &request;
        let counted = || {
            attempts.set(attempts.get() + 1);
            let sent = request();
            async move {
                let result = sent.await;
                if let Err(error) = &result {
                    let seen = first_error.take().unwrap_or_else(|| Seen::of(error));
                    first_error.set(Some(seen));
                }
                result
            }
        };
        let result = errcodes_runtime::backon::retry(backoff(), counted).await;
        let mut outcome = Outcome {
            attempts: attempts.get(),
            error: first_error.take(),
            verification: None,
            decision: Decision::Done,
            accepted: false,
            elapsed: Duration::ZERO,
        };
        match result {
            Ok(_) => {
                outcome.accepted = true;
                if outcome.attempts > 1 {
                    outcome.decision = Decision::DoneAfterBackoff;
                }
            }
            Err(error) => match error.retry() {
                Retry::Never => outcome.decision = Decision::Stop,
                Retry::Backoff => outcome.decision = Decision::GaveUpAfterBackoff,
                Retry::VerifyFirst => {
                    let verification = match verify {
                        Some(verify) => verify().await,
                        None => Verification::Unknown("no way to query the outcome".to_owned()),
                    };
                    match verification {
                        Verification::Exists { .. } => {
                            outcome.accepted = true;
                            outcome.decision = Decision::VerifiedNotResent;
                        }
                        Verification::Absent => {
                            // Once, outside the loop: a second unknown outcome is for a person.
                            outcome.attempts += 1;
                            outcome.accepted = request().await.is_ok();
                            outcome.decision = Decision::VerifiedResent;
                        }
                        Verification::Unknown(_) => outcome.decision = Decision::Unresolved,
                    }
                    outcome.verification = Some(verification);
                }
            },
        }
        outcome.elapsed = started.elapsed();
        outcome
    }
}

/// What has to change before a `Never` error can succeed; the kind decides, not the code.
pub fn what_to_fix(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Authentication => "re-check the API key, secret and signing code",
        ErrorKind::InvalidTimestamp => "synchronise the clock",
        ErrorKind::PermissionDenied => "grant the key the permission",
        ErrorKind::AccountRestricted => "a person has to look at the account",
        ErrorKind::InsufficientFunds => "resize the order or add funds",
        ErrorKind::InvalidOrder | ErrorKind::InvalidSymbol => "adjust the order to the rules",
        _ => "fix the request",
    }
}
