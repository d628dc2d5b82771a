//! The scenarios of `cargo run -p ws-bot`, checked against the table and from the exchange's
//! side: what was (not) placed twice, and that the rate limit was waited out.
#![deny(warnings)]

use std::time::Duration;

use ws_bot::bot::{Bot, Decision};
use ws_bot::exchange::{FakeExchange, RATE_LIMIT};
use ws_bot::scenarios::{self, SCENARIOS};

/// Far above a normal run (about a second), below any CI job limit.
const LIMIT: Duration = Duration::from_secs(30);

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
async fn the_wait_is_the_frames_and_pushes_are_skipped() {
    tokio::time::timeout(LIMIT, async {
        let exchange = FakeExchange::start().await.expect("bind 127.0.0.1:0");
        let outcome = Bot::new(&exchange.url)
            .place("rate-limit-2")
            .await
            .expect("the bot connects");
        assert_eq!(outcome.decision, Decision::DoneAfterWait);
        // retryAfter is RATE_LIMIT ahead of the exchange's clock: the wait is about that long.
        assert!(outcome.waited <= RATE_LIMIT, "{:?}", outcome.waited);
        assert!(outcome.waited >= RATE_LIMIT / 2, "{:?}", outcome.waited);
        assert_eq!(exchange.seen("rate-limit-2").early, 0);
        // One account push before each of the two answers.
        assert_eq!(outcome.pushes, 2);
    })
    .await
    .expect("within the limit");
}
