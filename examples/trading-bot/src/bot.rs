//! The client: every answer, whatever its shape, becomes one typed result, and the catalog's
//! [`Retry`] advice decides what the bot does next.
//!
//! Getting this wrong costs money in both directions: resending an order whose outcome is
//! unknown can buy twice, and giving up on a rate limit misses the trade. So the three kinds
//! of advice map to three behaviours, each bounded:
//!
//! - [`Retry::Backoff`]: send again after a growing pause, at most [`MAX_ATTEMPTS`] times.
//! - [`Retry::VerifyFirst`]: ask the exchange whether the order exists before anything else;
//!   resend at most once, and only when it says the order does not exist.
//! - [`Retry::Never`]: the same request fails the same way; stop and report.

use std::fmt;
use std::thread;
use std::time::Duration;

use errcodes_runtime::{ApiError, ErrorCode, ErrorKind, Retry, http};
use ureq::Agent;

use crate::{MexcError, MixPayError};

/// Connect, send and read together; a fake exchange on loopback answers in microseconds, so
/// hitting this means something is broken, and the run must end rather than hang.
pub const TIMEOUT: Duration = Duration::from_secs(2);

/// Pauses before the second, third and fourth attempt. Real bots wait seconds; the shape,
/// not the length, is the point here, and the tests must stay fast.
pub const BACKOFF: [Duration; 3] = [
    Duration::from_millis(50),
    Duration::from_millis(100),
    Duration::from_millis(200),
];

/// A failure below HTTP: refused connection, timeout, broken protocol. There is no answer to
/// classify, so the bot returns it instead of deciding.
pub type TransportError = ureq::Error;

/// One first attempt plus one per pause.
pub const MAX_ATTEMPTS: usize = BACKOFF.len() + 1;

/// The order every scenario places; its content does not matter to the fake exchange.
const ORDER: &str = "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.001&price=60000";

/// The two verbs the bot uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Queries.
    Get,
    /// Orders and payments.
    Post,
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Method::Get => "GET",
            Method::Post => "POST",
        })
    }
}

/// What the bot did about a request, in the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Accepted on the first attempt.
    Done,
    /// Refused with [`Retry::Backoff`], then accepted after pausing.
    DoneAfterBackoff,
    /// Refused with [`Retry::Backoff`] on every attempt: reported, left for much later.
    GaveUpAfterBackoff,
    /// Refused with [`Retry::Never`]: the request, key or account must change first.
    Stop,
    /// Outcome unknown; the exchange has the order, so it was not sent again.
    VerifiedNotResent,
    /// Outcome unknown; the exchange has no such order, so it was sent once more.
    VerifiedResent,
    /// Outcome unknown and the check failed as well: a person must look before anything
    /// is sent again.
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
    /// The exchange has the order: sending again would place a second one.
    Exists {
        /// The exchange's id.
        order_id: String,
        /// `FILLED`, `NEW`, …
        status: String,
    },
    /// The exchange has no such order: the request never reached the matching engine.
    Absent,
    /// The query failed too, or there is no way to ask: nothing is known.
    Unknown(String),
}

/// Everything that happened for one request, including its retries.
#[derive(Debug)]
pub struct Outcome<E: ErrorCode> {
    /// `POST /mexc/order/ok` (query left out).
    pub endpoint: String,
    /// The HTTP status of every answer to this request, in order; the status query of
    /// [`Retry::VerifyFirst`] is not counted.
    pub statuses: Vec<u16>,
    /// Every error received, in order, as typed values.
    pub errors: Vec<ApiError<E>>,
    /// What the status query said, when the outcome was unknown.
    pub verification: Option<Verification>,
    /// What the bot did.
    pub decision: Decision,
    /// Whether the exchange, in the end, accepted the request (or already had it).
    pub accepted: bool,
}

impl<E: ErrorCode> Outcome<E> {
    /// Requests sent to the endpoint itself.
    pub fn attempts(&self) -> usize {
        self.statuses.len()
    }

    /// The error the decision was made on.
    pub fn error(&self) -> Option<&ApiError<E>> {
        self.errors.first()
    }
}

/// One answer: the status and body as received, and the typed verdict on them.
struct Reply<E: ErrorCode> {
    status: u16,
    body: Vec<u8>,
    result: Result<(), ApiError<E>>,
}

/// A blocking client for the (fake) exchange.
pub struct Bot {
    agent: Agent,
    base_url: String,
}

impl Bot {
    /// A client for the exchange at `base_url` (`http://host:port`).
    pub fn new(base_url: impl Into<String>) -> Bot {
        let agent = Agent::config_builder()
            // A 4xx/5xx is an answer with a body to read, not a transport failure; ureq's
            // default would drop the body that says which error it is.
            .http_status_as_error(false)
            // The exchange is on loopback; an HTTP_PROXY in the environment must not reroute it.
            .proxy(None)
            .timeout_global(Some(TIMEOUT))
            .build()
            .new_agent();
        Bot {
            agent,
            base_url: base_url.into(),
        }
    }

    /// Places the order through the scenario's `route` (e.g. `/mexc/order/ok`), under
    /// `client_order_id`.
    ///
    /// The id is what makes [`Retry::VerifyFirst`] possible: it names the order before the
    /// exchange has answered, so it can be looked up when the answer is lost. A resend reuses
    /// it, so the exchange can refuse a duplicate should the check ever be wrong.
    pub fn place_order(
        &self,
        route: &str,
        client_order_id: &str,
    ) -> Result<Outcome<MexcError>, TransportError> {
        let path = format!("{route}?{ORDER}&newClientOrderId={client_order_id}");
        let verify = || self.order_status(client_order_id);
        self.execute(Method::Post, &path, Some(&verify))
    }

    /// Creates a MixPay payment through `route`. MixPay answers errors with HTTP 200 and
    /// `success: false`; the status alone would call them successes.
    pub fn pay(&self, route: &str) -> Result<Outcome<MixPayError>, TransportError> {
        // This bot has no MixPay status query: an unknown outcome stays unresolved.
        self.execute(Method::Post, route, None)
    }

    /// Asks MEXC for an order by client order id.
    pub fn order_status(&self, client_order_id: &str) -> Verification {
        let path = format!("/mexc/order/status?symbol=BTCUSDT&origClientOrderId={client_order_id}");
        let reply = match self.call::<MexcError>(Method::Get, &path) {
            Ok(reply) => reply,
            Err(transport) => return Verification::Unknown(transport.to_string()),
        };
        match reply.result {
            Ok(()) => {
                let order: serde_json::Value =
                    serde_json::from_slice(&reply.body).unwrap_or_default();
                let field =
                    |name: &str| order.get(name).and_then(|v| v.as_str()).map(str::to_owned);
                match (field("orderId"), field("status")) {
                    (Some(order_id), Some(status)) => Verification::Exists { order_id, status },
                    _ => Verification::Unknown(format!(
                        "unreadable order: {}",
                        String::from_utf8_lossy(&reply.body)
                    )),
                }
            }
            // The typed variant, not a string compare: "no such order" is the only answer that
            // makes a resend safe.
            Err(error) if error.known() == Some(MexcError::UnknownOrder) => Verification::Absent,
            Err(error) => Verification::Unknown(error.to_string()),
        }
    }

    /// Sends `method path`, then follows the catalog's advice on each error.
    fn execute<E: ErrorCode>(
        &self,
        method: Method,
        path: &str,
        verify: Option<&dyn Fn() -> Verification>,
    ) -> Result<Outcome<E>, TransportError> {
        let mut outcome = Outcome {
            endpoint: format!("{method} {}", path.split('?').next().unwrap_or(path)),
            statuses: Vec::new(),
            errors: Vec::new(),
            verification: None,
            decision: Decision::Done,
            accepted: false,
        };
        loop {
            let reply = self.call::<E>(method, path)?;
            outcome.statuses.push(reply.status);
            let error = match reply.result {
                Ok(()) => {
                    outcome.accepted = true;
                    if outcome.attempts() > 1 {
                        outcome.decision = Decision::DoneAfterBackoff;
                    }
                    return Ok(outcome);
                }
                Err(error) => error,
            };
            let advice = error.retry();
            outcome.errors.push(error);
            match advice {
                Retry::Never => outcome.decision = Decision::Stop,
                Retry::Backoff => match BACKOFF.get(outcome.attempts() - 1) {
                    Some(&pause) => {
                        thread::sleep(pause);
                        continue;
                    }
                    None => outcome.decision = Decision::GaveUpAfterBackoff,
                },
                Retry::VerifyFirst => {
                    let verification = match verify {
                        Some(verify) => verify(),
                        None => Verification::Unknown("no way to query the outcome".to_owned()),
                    };
                    match verification {
                        Verification::Exists { .. } => {
                            outcome.accepted = true;
                            outcome.decision = Decision::VerifiedNotResent;
                        }
                        Verification::Absent => {
                            // Once, not in the loop: a second unknown outcome is for a person.
                            let reply = self.call::<E>(method, path)?;
                            outcome.statuses.push(reply.status);
                            match reply.result {
                                Ok(()) => outcome.accepted = true,
                                Err(error) => outcome.errors.push(error),
                            }
                            outcome.decision = Decision::VerifiedResent;
                        }
                        Verification::Unknown(_) => outcome.decision = Decision::Unresolved,
                    }
                    outcome.verification = Some(verification);
                }
            }
            return Ok(outcome);
        }
    }

    /// One request, one typed verdict. Only transport failures (refused connection, timeout)
    /// are `Err` here: every HTTP answer, 2xx or not, comes back as a [`Reply`].
    fn call<E: ErrorCode>(&self, method: Method, path: &str) -> Result<Reply<E>, TransportError> {
        let url = format!("{}{path}", self.base_url);
        let mut response = match method {
            Method::Get => self.agent.get(&url).call()?,
            Method::Post => self.agent.post(&url).send_empty()?,
        };
        let status = response.status().as_u16();
        let body = response.body_mut().read_to_vec()?;
        // The one line: any status and body (JSON envelope, HTML page, nothing) to a typed result.
        let result = http::check_response::<E>(status, &body);
        Ok(Reply {
            status,
            body,
            result,
        })
    }
}

/// What has to change before a [`Retry::Never`] error can succeed; the kind, not the code,
/// decides, so the same text serves every exchange.
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
