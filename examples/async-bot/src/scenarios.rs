//! Every scenario and the decision it must end in, in one table: `cargo run -p async-bot` is
//! itself a check, and the test runs the same table.

use std::io::{self, Write};
use std::net::TcpListener;

use errcodes_runtime::{ErrorKind, Retry};

use crate::bot::{Bot, Decision, MAX_RETRIES, Outcome, Verification, what_to_fix};
use crate::server::FakeExchange;

/// Which client call a scenario makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Call {
    /// A MEXC order, verifiable by its client order id.
    MexcOrder,
    /// An OKX order.
    OkxOrder,
    /// A MixPay payment.
    MixPay,
    /// A MEXC order to a port where nothing listens.
    Unreachable,
}

/// One row of the table.
pub struct Scenario {
    pub name: &'static str,
    pub call: Call,
    /// Path on the fake exchange; also names the client order id.
    pub route: &'static str,
    /// The error the decision rests on: the typed value (see `Seen::typed`), kind and advice;
    /// `None` when the first answer must be a success.
    pub error: Option<(&'static str, ErrorKind, Retry)>,
    pub decision: Decision,
    /// Requests to the endpoint itself, retries and resends included.
    pub attempts: usize,
}

use Call::*;
use Decision::*;
use ErrorKind as K;
use Retry as R;

/// The scenarios, in the order they run and print.
pub const SCENARIOS: &[Scenario] = &[
    Scenario {
        name: "MEXC order accepted",
        call: MexcOrder,
        route: "/mexc/order/ok",
        error: None,
        decision: Done,
        attempts: 1,
    },
    Scenario {
        name: "MEXC bad signature",
        call: MexcOrder,
        route: "/mexc/order/bad-signature",
        error: Some(("MexcError::InvalidSignature", K::Authentication, R::Never)),
        decision: Stop,
        attempts: 1,
    },
    Scenario {
        name: "MEXC code newer than the catalog (judged from HTTP 400)",
        call: MexcOrder,
        route: "/mexc/order/unknown-code",
        error: Some((
            "MexcError code 731001 (unlisted)",
            K::InvalidRequest,
            R::Never,
        )),
        decision: Stop,
        attempts: 1,
    },
    Scenario {
        name: "MEXC 429 twice, then accepted",
        call: MexcOrder,
        route: "/mexc/order/rate-limited",
        error: Some(("MexcError::TooManyRequests", K::RateLimited, R::Backoff)),
        decision: DoneAfterBackoff,
        attempts: 3,
    },
    Scenario {
        name: "IP ban with Retry-After: 1, waited out (an early return is banned again)",
        call: MexcOrder,
        route: "/mexc/order/ip-ban",
        error: Some(("MexcError::TooManyRequests", K::RateLimited, R::Backoff)),
        decision: DoneAfterBackoff,
        attempts: 2,
    },
    Scenario {
        name: "OKX order failure inside HTTP 200",
        call: OkxOrder,
        route: "/okx/order/insufficient",
        error: Some((
            "Code::OkxTradeError(OrderFailedInsufficientBalanceAccount)",
            K::InsufficientFunds,
            R::Never,
        )),
        decision: Stop,
        attempts: 1,
    },
    Scenario {
        name: "MixPay maintenance inside HTTP 200, every time",
        call: MixPay,
        route: "/mixpay/payment/maintenance",
        error: Some(("MixPayError::PaymentsSuspended", K::Unavailable, R::Backoff)),
        decision: GaveUpAfterBackoff,
        attempts: MAX_RETRIES + 1,
    },
    Scenario {
        name: "empty 504, the order filled behind it",
        call: MexcOrder,
        route: "/mexc/order/gateway-timeout",
        error: Some(("no code (empty body)", K::Timeout, R::VerifyFirst)),
        decision: VerifiedNotResent,
        attempts: 1,
    },
    Scenario {
        name: "proxy's HTML 502, the order never placed",
        call: MexcOrder,
        route: "/mexc/order/bad-gateway",
        error: Some(("no code (body is not JSON)", K::Unavailable, R::VerifyFirst)),
        decision: VerifiedResent,
        attempts: 2,
    },
    Scenario {
        name: "connection cut mid-answer, the order filled",
        call: MexcOrder,
        route: "/mexc/order/cut-mid-answer",
        error: Some(("transport: Interrupted", K::Internal, R::VerifyFirst)),
        decision: VerifiedNotResent,
        attempts: 1,
    },
    Scenario {
        name: "server stops answering: client timeout, the order never placed",
        call: MexcOrder,
        route: "/mexc/order/silent",
        error: Some(("transport: TimedOut", K::Timeout, R::VerifyFirst)),
        decision: VerifiedResent,
        attempts: 2,
    },
    Scenario {
        name: "connection refused: nothing sent, backed off",
        call: Unreachable,
        route: "/mexc/order/ok",
        error: Some(("transport: NotConnected", K::Unavailable, R::Backoff)),
        decision: GaveUpAfterBackoff,
        attempts: MAX_RETRIES + 1,
    },
];

/// The client order id a scenario uses: one per route, as each route is one scenario.
pub fn client_order_id(scenario: &Scenario) -> String {
    format!("bot{}", scenario.route.replace('/', "-"))
}

/// Runs one scenario against `exchange`.
pub async fn play(scenario: &Scenario, exchange: &FakeExchange) -> io::Result<Outcome> {
    let bot = Bot::new(exchange.base_url()).map_err(io::Error::other)?;
    let id = client_order_id(scenario);
    Ok(match scenario.call {
        MexcOrder => bot.place_order(scenario.route, &id).await,
        OkxOrder => bot.place_okx_order(scenario.route).await,
        MixPay => bot.pay(scenario.route).await,
        Unreachable => {
            // Bound, then released: nothing listens there.
            let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?;
            let bot = Bot::new(format!("http://{port}")).map_err(io::Error::other)?;
            bot.place_order(scenario.route, &id).await
        }
    })
}

/// Each way `outcome` differs from the row; empty when it matches.
pub fn mismatches(scenario: &Scenario, outcome: &Outcome) -> Vec<String> {
    let mut found = Vec::new();
    let mut differs = |what: &str, want: String, got: String| {
        if want != got {
            found.push(format!("expected {what} {want}, got {got}"));
        }
    };
    differs(
        "decision",
        format!("{:?}", scenario.decision),
        format!("{:?}", outcome.decision),
    );
    differs(
        "attempts",
        scenario.attempts.to_string(),
        outcome.attempts.to_string(),
    );
    let seen = outcome
        .error
        .as_ref()
        .map(|seen| (seen.typed.as_str(), seen.kind, seen.retry));
    differs(
        "error",
        format!("{:?}", scenario.error),
        format!("{seen:?}"),
    );
    let should_be_accepted = matches!(
        scenario.decision,
        Done | DoneAfterBackoff | VerifiedNotResent | VerifiedResent
    );
    differs(
        "accepted",
        should_be_accepted.to_string(),
        outcome.accepted.to_string(),
    );
    found
}

/// What the bot saw and decided, and why, one line per fact.
pub fn describe(outcome: &Outcome) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(seen) = &outcome.error {
        lines.push(format!("error:    {}", seen.text));
        lines.push(format!("typed:    {}", seen.typed));
        let wait = match seen.retry_after {
            Some(wait) => format!(", retry after {}s", wait.as_secs()),
            None => String::new(),
        };
        lines.push(format!(
            "kind:     {}, retry: {}{wait}",
            seen.kind, seen.retry
        ));
    }
    match &outcome.verification {
        Some(Verification::Exists { order_id, status }) => {
            lines.push(format!(
                "verified: the exchange has order {order_id} ({status})"
            ));
        }
        Some(Verification::Absent) => lines.push("verified: no such order".to_owned()),
        Some(Verification::Unknown(why)) => lines.push(format!("verified: unknown, {why}")),
        None => {}
    }
    let why = match (outcome.decision, &outcome.error) {
        (Stop, Some(seen)) => format!("; {}", what_to_fix(seen.kind)),
        (DoneAfterBackoff | GaveUpAfterBackoff, _) => format!(
            " ({} attempts in {} ms)",
            outcome.attempts,
            outcome.elapsed.as_millis()
        ),
        _ => String::new(),
    };
    lines.push(format!("decision: {}{why}", outcome.decision));
    lines
}

/// Starts the exchange, plays every scenario, prints each to `out`, and returns whether
/// every decision was the expected one. The exchange stops on return.
pub async fn run(out: &mut impl Write) -> io::Result<bool> {
    let exchange = FakeExchange::start().await?;
    writeln!(out, "fake exchange on {}\n", exchange.base_url())?;
    let mut passed = 0;
    for scenario in SCENARIOS {
        let outcome = play(scenario, &exchange).await?;
        let wrong = mismatches(scenario, &outcome);
        writeln!(
            out,
            "{}  {}  [{}]",
            if wrong.is_empty() { "PASS" } else { "FAIL" },
            scenario.name,
            scenario.route
        )?;
        for line in describe(&outcome).iter().chain(&wrong) {
            writeln!(out, "      {line}")?;
        }
        writeln!(out)?;
        passed += usize::from(wrong.is_empty());
    }
    writeln!(
        out,
        "{passed} of {} scenarios ended in the expected decision",
        SCENARIOS.len()
    )?;
    Ok(passed == SCENARIOS.len())
}
