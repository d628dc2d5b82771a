//! Every scenario and the decision it must end in, in one table: `cargo run -p ws-bot` is
//! itself a check, and the test runs the same table.

use std::io::{self, Write};

use errcodes_runtime::{ErrorKind, Retry};

use crate::bot::{Bot, Decision, Outcome};
use crate::exchange::FakeExchange;

/// One row of the table.
pub struct Scenario {
    pub name: &'static str,
    /// The client order id; its prefix tells the fake exchange how to answer.
    pub order: &'static str,
    /// The first error answer's kind and advice; `None` when the first answer is a success.
    pub error: Option<(ErrorKind, Retry)>,
    pub decision: Decision,
    /// `order.place` requests the exchange must have received.
    pub placements: usize,
}

/// The scenarios, in the order they run and print.
pub const SCENARIOS: &[Scenario] = &[
    Scenario {
        name: "order accepted",
        order: "ok-1",
        error: None,
        decision: Decision::Done,
        placements: 1,
    },
    Scenario {
        name: "order rejected: -2010 insufficient balance (status 400)",
        order: "reject-1",
        error: Some((ErrorKind::InsufficientFunds, Retry::Never)),
        decision: Decision::Stop,
        placements: 1,
    },
    Scenario {
        name: "rate limited: -1015 with status 429 and retryAfter, waited, accepted",
        order: "rate-limit-1",
        error: Some((ErrorKind::RateLimited, Retry::Backoff)),
        decision: Decision::DoneAfterWait,
        placements: 2,
    },
    Scenario {
        name: "connection dropped mid-request, the order filled behind it: verified, not resent",
        order: "drop-1",
        error: None,
        decision: Decision::FoundAfterDrop,
        placements: 1,
    },
    Scenario {
        name: "connection dropped mid-request, the order never placed: verified, resent once",
        order: "lost-1",
        error: None,
        decision: Decision::ResentAfterDrop,
        placements: 2,
    },
];

/// What in `outcome` differs from `scenario`, one line each.
pub fn mismatches(scenario: &Scenario, outcome: &Outcome) -> Vec<String> {
    let mut out = Vec::new();
    if outcome.decision != scenario.decision {
        out.push(format!(
            "decision: expected {:?}, got {:?}",
            scenario.decision, outcome.decision
        ));
    }
    let error = outcome
        .first_error
        .as_ref()
        .map(|error| (error.kind(), error.retry()));
    if error != scenario.error {
        out.push(format!(
            "first error: expected {:?}, got {error:?}",
            scenario.error
        ));
    }
    out
}

/// Starts the exchange, plays every scenario, prints what happened; `Ok(true)` when every
/// decision and every count on the exchange's side is the expected one.
pub async fn run(out: &mut impl Write) -> io::Result<bool> {
    let exchange = FakeExchange::start().await?;
    let mut passed = 0;
    for scenario in SCENARIOS {
        writeln!(out, "== {}", scenario.name)?;
        let mut bot = Bot::new(&exchange.url);
        let mut problems = match bot.place(scenario.order).await {
            Ok(outcome) => {
                for line in &outcome.log {
                    writeln!(out, "   {line}")?;
                }
                writeln!(
                    out,
                    "   decision: {:?} ({} account pushes skipped, waited {:?})",
                    outcome.decision, outcome.pushes, outcome.waited
                )?;
                mismatches(scenario, &outcome)
            }
            Err(error) => vec![error],
        };
        let seen = exchange.seen(scenario.order);
        if seen.placements != scenario.placements {
            problems.push(format!(
                "order.place requests: expected {}, the exchange saw {}",
                scenario.placements, seen.placements
            ));
        }
        if seen.early > 0 {
            problems.push(format!(
                "{} requests came back before retryAfter",
                seen.early
            ));
        }
        for problem in &problems {
            writeln!(out, "   MISMATCH {problem}")?;
        }
        passed += usize::from(problems.is_empty());
    }
    writeln!(
        out,
        "{passed} of {} scenarios ended as expected",
        SCENARIOS.len()
    )?;
    Ok(passed == SCENARIOS.len())
}
