//! The scenarios of `cargo run -p async-bot`, checked against the table and from the
//! exchange's side: what was (not) sent again, and that the ban was waited out.
#![deny(warnings)]

use std::time::Duration;

use async_bot::bot::{Decision, Outcome};
use async_bot::scenarios::{self, SCENARIOS, Scenario, client_order_id, mismatches, play};
use async_bot::server::{BAN, FakeExchange};

/// Far above a normal run (about two seconds), below any CI job limit.
const LIMIT: Duration = Duration::from_secs(30);

fn row(route: &str) -> &'static Scenario {
    SCENARIOS
        .iter()
        .find(|scenario| scenario.route == route && scenario.call != scenarios::Call::Unreachable)
        .unwrap_or_else(|| panic!("no scenario for {route}"))
}

#[tokio::test]
async fn the_binarys_run_ends_every_scenario_in_its_decision() {
    let mut out = Vec::new();
    let passed = tokio::time::timeout(LIMIT, scenarios::run(&mut out))
        .await
        .expect("the run finishes within the limit")
        .expect("the exchange starts");
    let printed = String::from_utf8(out).expect("UTF-8 output");
    assert!(passed, "{printed}");
    let total = format!("{0} of {0} scenarios", SCENARIOS.len());
    assert!(printed.contains(&total), "{printed}");
}

#[tokio::test]
async fn the_exchange_saw_no_order_twice_and_no_early_return() {
    tokio::time::timeout(LIMIT, async {
        let exchange = FakeExchange::start().await.expect("bind 127.0.0.1:0");
        let mut outcomes = Vec::new();
        for scenario in SCENARIOS {
            let outcome = play(scenario, &exchange).await.expect("the bot starts");
            assert_eq!(
                mismatches(scenario, &outcome),
                Vec::<String>::new(),
                "{}",
                scenario.name
            );
            outcomes.push((scenario, outcome));
        }
        let posts = |route: &str| exchange.hits("POST", route);
        // Verify first, order found: sent once, never again.
        for route in ["/mexc/order/gateway-timeout", "/mexc/order/cut-mid-answer"] {
            assert_eq!(posts(route), 1, "{route} was resent");
            assert!(exchange.has_order(&client_order_id(row(route))), "{route}");
        }
        // Verify first, order absent: resent exactly once, and placed.
        for route in ["/mexc/order/bad-gateway", "/mexc/order/silent"] {
            assert_eq!(posts(route), 2, "{route}");
            assert!(exchange.has_order(&client_order_id(row(route))), "{route}");
        }
        // One status query per verify-first scenario.
        assert_eq!(exchange.hits("GET", "/mexc/order/status"), 4);
        // Never: one attempt.
        assert_eq!(posts("/mexc/order/bad-signature"), 1);
        assert_eq!(posts("/okx/order/insufficient"), 1);
        // The ban was waited out: no request came back early, and it took at least the ban.
        assert_eq!(exchange.early_returns(), 0);
        assert_eq!(posts("/mexc/order/ip-ban"), 2);
        let (_, banned) = outcomes
            .iter()
            .find(|(scenario, _)| scenario.route == "/mexc/order/ip-ban")
            .expect("the ban scenario ran");
        assert!(
            banned.elapsed >= BAN,
            "came back after {:?}",
            banned.elapsed
        );
        // The connection refused scenario reached nothing, so it created no order.
        assert_eq!(posts("/mexc/order/ok"), 1);
    })
    .await
    .expect("the scenarios finish within the limit");
}

#[test]
fn a_wrong_decision_or_attempt_count_is_reported() {
    let scenario = row("/mexc/order/gateway-timeout");
    let resent = Outcome {
        attempts: 2,
        error: None,
        verification: None,
        decision: Decision::VerifiedResent,
        accepted: true,
        elapsed: Duration::ZERO,
    };
    let found = mismatches(scenario, &resent);
    assert!(
        found
            .iter()
            .any(|m| m.contains("decision VerifiedNotResent")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|m| m.contains("attempts 1, got 2")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|m| m.starts_with("expected error")),
        "{found:?}"
    );
}
