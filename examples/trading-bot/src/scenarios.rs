//! Every scenario with the outcome it must have, so that `cargo run` is itself a check: a
//! change in the catalogs, the runtime or the client that alters a decision makes it fail.

use std::fmt::Debug;
use std::io::{self, Write};

use errcodes_runtime::{BodyProblem, ErrorCode, ErrorKind, Retry};

use crate::bot::{Bot, Decision, MAX_ATTEMPTS, Outcome, TransportError, Verification, what_to_fix};
use crate::server::FakeExchange;
use crate::{MexcError, MixPayError};

/// How one scenario went: `lines` for people, `mismatches` for the exit code.
#[derive(Debug)]
pub struct Report {
    /// What the scenario provokes.
    pub name: &'static str,
    /// Endpoint, statuses, the typed error, its kind and advice, the decision.
    pub lines: Vec<String>,
    /// Each way the outcome differs from the expected one; empty when it does not.
    pub mismatches: Vec<String>,
}

impl Report {
    /// True when the outcome was the expected one.
    pub fn passed(&self) -> bool {
        self.mismatches.is_empty()
    }
}

/// The code the first error must carry.
enum Code<E> {
    Known(E),
    Unlisted(i64),
    Missing(BodyProblem),
}

struct Expected<E> {
    /// The first error, or `None` when the first answer must be a success.
    error: Option<(Code<E>, ErrorKind, Retry)>,
    decision: Decision,
    /// Every HTTP status the request must get, in order: the attempt count is its length.
    statuses: &'static [u16],
}

/// Starts the fake exchange, runs every scenario against it, prints each report to `out`
/// and returns whether all of them went as expected. The exchange stops on return.
pub fn run(out: &mut impl Write) -> io::Result<bool> {
    let exchange = FakeExchange::start()?;
    writeln!(out, "fake exchange on {}\n", exchange.base_url())?;
    let reports = run_all(&Bot::new(exchange.base_url()));
    for report in &reports {
        let verdict = if report.passed() { "PASS" } else { "FAIL" };
        writeln!(out, "{verdict}  {}", report.name)?;
        for line in report.lines.iter().chain(&report.mismatches) {
            writeln!(out, "      {line}")?;
        }
        writeln!(out)?;
    }
    let passed = reports.iter().filter(|report| report.passed()).count();
    writeln!(
        out,
        "{passed} of {} scenarios had the expected outcome",
        reports.len()
    )?;
    Ok(passed == reports.len())
}

/// Runs every scenario with `bot`, in order. Each uses its own client order id, and the
/// exchange's counters are per route, so the order matters only for the printout.
pub fn run_all(bot: &Bot) -> Vec<Report> {
    use Decision::*;
    vec![
        check(
            "MEXC order accepted",
            bot.place_order("/mexc/order/ok", "bot-1"),
            Expected {
                error: None,
                decision: Done,
                statuses: &[200],
            },
        ),
        check(
            "MEXC bad signature",
            bot.place_order("/mexc/order/bad-signature", "bot-2"),
            Expected {
                error: Some((
                    Code::Known(MexcError::InvalidSignature),
                    ErrorKind::Authentication,
                    Retry::Never,
                )),
                decision: Stop,
                statuses: &[400],
            },
        ),
        check(
            "MEXC code newer than the catalog",
            bot.place_order("/mexc/order/unknown-code", "bot-3"),
            Expected {
                // Judged from HTTP 400, since the catalog cannot say.
                error: Some((
                    Code::Unlisted(731_001),
                    ErrorKind::InvalidRequest,
                    Retry::Never,
                )),
                decision: Stop,
                statuses: &[400],
            },
        ),
        check(
            "MEXC code sent as a string",
            bot.place_order("/mexc/order/insufficient-balance", "bot-4"),
            Expected {
                error: Some((
                    Code::Known(MexcError::InsufficientBalance),
                    ErrorKind::InsufficientFunds,
                    Retry::Never,
                )),
                decision: Stop,
                statuses: &[400],
            },
        ),
        check(
            "MEXC rate limit, twice, then accepted",
            bot.place_order("/mexc/order/rate-limited", "bot-5"),
            Expected {
                error: Some((
                    Code::Known(MexcError::TooManyRequests),
                    ErrorKind::RateLimited,
                    Retry::Backoff,
                )),
                decision: DoneAfterBackoff,
                statuses: &[429, 429, 200],
            },
        ),
        check(
            "gateway timeout with an empty body, order filled behind it",
            bot.place_order("/mexc/order/gateway-timeout", "bot-6"),
            Expected {
                error: Some((
                    Code::Missing(BodyProblem::Empty),
                    ErrorKind::Timeout,
                    Retry::VerifyFirst,
                )),
                decision: VerifiedNotResent,
                statuses: &[504],
            },
        ),
        check(
            "proxy's HTML page, order never placed",
            bot.place_order("/mexc/order/bad-gateway", "bot-7"),
            Expected {
                error: Some((
                    Code::Missing(BodyProblem::NotJson),
                    ErrorKind::Unavailable,
                    Retry::VerifyFirst,
                )),
                decision: VerifiedResent,
                statuses: &[502, 200],
            },
        ),
        check(
            "MixPay payment created",
            bot.pay("/mixpay/payment/ok"),
            Expected {
                error: None,
                decision: Done,
                statuses: &[200],
            },
        ),
        check(
            "MixPay maintenance, an error inside HTTP 200",
            bot.pay("/mixpay/payment/maintenance"),
            Expected {
                error: Some((
                    Code::Known(MixPayError::PaymentsSuspended),
                    ErrorKind::Unavailable,
                    Retry::Backoff,
                )),
                decision: GaveUpAfterBackoff,
                statuses: &[200, 200, 200, 200],
            },
        ),
    ]
}

fn check<E: ErrorCode<Code = i64> + Debug>(
    name: &'static str,
    outcome: Result<Outcome<E>, TransportError>,
    expected: Expected<E>,
) -> Report {
    let outcome = match outcome {
        Ok(outcome) => outcome,
        Err(transport) => {
            return Report {
                name,
                lines: Vec::new(),
                mismatches: vec![format!("transport failure, no HTTP answer: {transport}")],
            };
        }
    };
    Report {
        name,
        lines: describe(&outcome),
        mismatches: compare(&outcome, &expected),
    }
}

fn describe<E: ErrorCode<Code = i64> + Debug>(outcome: &Outcome<E>) -> Vec<String> {
    let statuses: Vec<String> = outcome.statuses.iter().map(u16::to_string).collect();
    let mut lines = vec![format!(
        "{} -> HTTP {}",
        outcome.endpoint,
        statuses.join(", ")
    )];
    let Some(error) = outcome.error() else {
        lines.push("error:    none".to_owned());
        lines.push(format!("decision: {}", outcome.decision));
        return lines;
    };
    // An HTML page spans many lines; one line per field keeps the printout readable.
    let text = error.to_string();
    let shown: Vec<&str> = text.split_whitespace().collect();
    lines.push(format!("error:    {}", shown.join(" ")));
    lines.push(match (error.known(), error.code()) {
        (Some(known), _) => format!("typed:    {}::{known:?}", E::ENUM),
        (None, Some(code)) => format!("typed:    code {code} not in the catalog, kept as sent"),
        (None, None) if error.message().is_empty() => "typed:    no code, empty body".to_owned(),
        (None, None) => format!(
            "typed:    no code; the body is kept ({} bytes)",
            error.message().len()
        ),
    });
    lines.push(format!(
        "kind:     {}, retry: {}",
        error.kind(),
        error.retry()
    ));
    match &outcome.verification {
        Some(Verification::Exists { order_id, status }) => {
            lines.push(format!(
                "verified: the exchange has order {order_id} ({status})"
            ));
        }
        Some(Verification::Absent) => {
            lines.push("verified: the exchange has no such order".to_owned());
        }
        Some(Verification::Unknown(why)) => lines.push(format!("verified: unknown, {why}")),
        None => {}
    }
    let decision = match outcome.decision {
        Decision::Stop => format!("{}; {}", outcome.decision, what_to_fix(error.kind())),
        Decision::DoneAfterBackoff | Decision::GaveUpAfterBackoff => format!(
            "{} (attempt {} of {MAX_ATTEMPTS})",
            outcome.decision,
            outcome.attempts()
        ),
        Decision::VerifiedResent if outcome.accepted => format!("{}: accepted", outcome.decision),
        _ => outcome.decision.to_string(),
    };
    lines.push(format!("decision: {decision}"));
    lines
}

fn compare<E: ErrorCode<Code = i64> + Debug>(
    outcome: &Outcome<E>,
    expected: &Expected<E>,
) -> Vec<String> {
    let mut mismatches = Vec::new();
    let mut differs = |what: &str, want: String, got: String| {
        if want != got {
            mismatches.push(format!("expected {what} {want}, got {got}"));
        }
    };
    differs(
        "statuses",
        format!("{:?}", expected.statuses),
        format!("{:?}", outcome.statuses),
    );
    differs(
        "decision",
        format!("{:?}", expected.decision),
        format!("{:?}", outcome.decision),
    );
    let should_be_accepted = matches!(
        expected.decision,
        Decision::Done
            | Decision::DoneAfterBackoff
            | Decision::VerifiedNotResent
            | Decision::VerifiedResent
    );
    differs(
        "accepted",
        should_be_accepted.to_string(),
        outcome.accepted.to_string(),
    );
    match (&expected.error, outcome.error()) {
        (None, None) => {}
        (None, Some(error)) => differs("error", "none".to_owned(), error.to_string()),
        (Some(_), None) => differs("error", "an error".to_owned(), "none".to_owned()),
        (Some((code, kind, retry)), Some(error)) => {
            let (want, got) = match code {
                Code::Known(known) => (format!("{known:?}"), format!("{:?}", error.known())),
                Code::Unlisted(code) => (
                    format!("unlisted {code}"),
                    format!("{:?} {:?}", error.known(), error.code()),
                ),
                Code::Missing(problem) => (
                    format!("no code, {problem}"),
                    format!("{:?} {:?}", error.code(), error.body_problem()),
                ),
            };
            let matched = match code {
                Code::Known(known) => error.known() == Some(*known),
                Code::Unlisted(code) => error.known().is_none() && error.code() == Some(*code),
                Code::Missing(problem) => {
                    error.code().is_none() && error.body_problem() == Some(*problem)
                }
            };
            if !matched {
                differs("code", want, got);
            }
            differs("kind", kind.to_string(), error.kind().to_string());
            differs("retry", retry.to_string(), error.retry().to_string());
        }
    }
    mismatches
}
