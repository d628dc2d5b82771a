//! The scenarios of `cargo run -p trading-bot`, asserted one by one on typed values, and from
//! the exchange's side where the point is what was (not) sent.
#![deny(warnings)]

use std::net::TcpListener;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use errcodes_runtime::{BodyProblem, ErrorKind, Retry};
use trading_bot::bot::{Bot, Decision, MAX_ATTEMPTS, TIMEOUT, TransportError, Verification};
use trading_bot::server::FakeExchange;
use trading_bot::{MexcError, MixPayError};

/// Far above a normal run (well under a second) and below any CI job limit: a hung socket
/// fails this test with a message instead of stalling the whole job.
const WATCHDOG: Duration = Duration::from_secs(15);

/// Runs `test` against a fresh exchange and bot on its own thread, under the watchdog.
fn with_exchange<T: Send + 'static>(
    test: impl FnOnce(&FakeExchange, &Bot) -> T + Send + 'static,
) -> T {
    let (done, finished) = mpsc::channel();
    let worker = thread::spawn(move || {
        let exchange = FakeExchange::start().expect("bind 127.0.0.1:0");
        let bot = Bot::new(exchange.base_url());
        let _ = done.send(test(&exchange, &bot));
    });
    match finished.recv_timeout(WATCHDOG) {
        Ok(value) => value,
        Err(RecvTimeoutError::Timeout) => panic!("scenario still running after {WATCHDOG:?}"),
        // The test panicked: report its own message.
        Err(RecvTimeoutError::Disconnected) => match worker.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => unreachable!("the worker sends before it returns"),
        },
    }
}

#[test]
fn every_scenario_of_the_binary_has_its_expected_outcome() {
    let (passed, printed) = with_exchange(|_, _| {
        let mut out = Vec::new();
        let passed = trading_bot::scenarios::run(&mut out).expect("the exchange starts");
        (passed, String::from_utf8(out).expect("UTF-8 output"))
    });
    assert!(passed, "{printed}");
    assert!(printed.contains("9 of 9 scenarios"), "{printed}");
    assert!(!printed.contains("FAIL"), "{printed}");
}

#[test]
fn successes_are_ok_on_the_first_attempt() {
    with_exchange(|exchange, bot| {
        let order = bot.place_order("/mexc/order/ok", "t-ok").unwrap();
        assert_eq!(
            (order.decision, order.statuses.as_slice()),
            (Decision::Done, &[200][..])
        );
        assert!(order.errors.is_empty() && order.accepted);

        // MixPay's success is `code: 0, success: true` inside HTTP 200.
        let payment = bot.pay("/mixpay/payment/ok").unwrap();
        assert_eq!(payment.decision, Decision::Done);
        assert!(payment.errors.is_empty() && payment.accepted);
        assert_eq!(exchange.hits("POST", "/mixpay/payment/ok"), 1);
    });
}

#[test]
fn authentication_and_invalid_requests_stop_at_once() {
    with_exchange(|exchange, bot| {
        let outcome = bot
            .place_order("/mexc/order/bad-signature", "t-sig")
            .unwrap();
        let error = outcome.error().unwrap();
        assert_eq!(error.known(), Some(MexcError::InvalidSignature));
        assert_eq!(error.status(), Some(400));
        // The server's wording (with a full stop) is kept, not replaced by the catalog's.
        assert_eq!(error.message(), "Signature for this request is not valid.");
        assert!(error.message_differs());
        assert_eq!(
            (error.kind(), error.retry()),
            (ErrorKind::Authentication, Retry::Never)
        );
        assert_eq!((outcome.decision, outcome.attempts()), (Decision::Stop, 1));
        assert!(!outcome.accepted);
        assert_eq!(exchange.hits("POST", "/mexc/order/bad-signature"), 1);

        let outcome = bot
            .place_order("/mexc/order/unknown-code", "t-new")
            .unwrap();
        let error = outcome.error().unwrap();
        assert_eq!((error.known(), error.code()), (None, Some(731_001)));
        assert_eq!(error.message(), "Order rejected by a new risk rule.");
        // The catalog cannot classify it; HTTP 400 does.
        assert_eq!(
            (error.kind(), error.retry()),
            (ErrorKind::InvalidRequest, Retry::Never)
        );
        assert_eq!((outcome.decision, outcome.attempts()), (Decision::Stop, 1));

        let outcome = bot
            .place_order("/mexc/order/insufficient-balance", "t-str")
            .unwrap();
        let error = outcome.error().unwrap();
        assert_eq!(
            error.known(),
            Some(MexcError::InsufficientBalance),
            "\"10101\" as a string"
        );
        assert_eq!(
            (error.kind(), error.retry()),
            (ErrorKind::InsufficientFunds, Retry::Never)
        );
        assert_eq!((outcome.decision, outcome.attempts()), (Decision::Stop, 1));
    });
}

#[test]
fn a_rate_limit_is_backed_off_until_accepted() {
    with_exchange(|exchange, bot| {
        let started = Instant::now();
        let outcome = bot
            .place_order("/mexc/order/rate-limited", "t-429")
            .unwrap();
        assert_eq!(outcome.statuses, [429, 429, 200]);
        assert_eq!(
            (outcome.decision, outcome.attempts()),
            (Decision::DoneAfterBackoff, 3)
        );
        assert!(outcome.accepted);
        assert_eq!(outcome.errors.len(), 2);
        for error in &outcome.errors {
            assert_eq!(error.known(), Some(MexcError::TooManyRequests));
            assert_eq!(
                (error.kind(), error.retry()),
                (ErrorKind::RateLimited, Retry::Backoff)
            );
        }
        // It paused (50 + 100 ms) rather than hammering the exchange.
        assert!(started.elapsed() >= Duration::from_millis(150));
        assert_eq!(exchange.hits("POST", "/mexc/order/rate-limited"), 3);
    });
}

#[test]
fn backing_off_is_bounded() {
    with_exchange(|exchange, bot| {
        let outcome = bot.pay("/mixpay/payment/maintenance").unwrap();
        assert_eq!(outcome.decision, Decision::GaveUpAfterBackoff);
        assert_eq!(outcome.attempts(), MAX_ATTEMPTS);
        assert_eq!(
            outcome.statuses, [200; MAX_ATTEMPTS],
            "MixPay errors come with HTTP 200"
        );
        let error = outcome.error().unwrap();
        assert_eq!(error.known(), Some(MixPayError::PaymentsSuspended));
        assert!(
            error
                .message()
                .starts_with("The system is under maintenance")
        );
        assert_eq!(
            (error.kind(), error.retry()),
            (ErrorKind::Unavailable, Retry::Backoff)
        );
        assert!(!outcome.accepted);
        assert_eq!(exchange.hits("POST", "/mixpay/payment/maintenance"), 4);
    });
}

#[test]
fn an_empty_504_is_verified_and_the_filled_order_not_resent() {
    with_exchange(|exchange, bot| {
        let outcome = bot
            .place_order("/mexc/order/gateway-timeout", "t-504")
            .unwrap();
        let error = outcome.error().unwrap();
        assert_eq!(error.code(), None);
        assert_eq!(error.body_problem(), Some(BodyProblem::Empty));
        assert_eq!((error.status(), error.message()), (Some(504), ""));
        assert_eq!(
            (error.kind(), error.retry()),
            (ErrorKind::Timeout, Retry::VerifyFirst)
        );
        assert!(matches!(
            &outcome.verification,
            Some(Verification::Exists { status, .. }) if status == "FILLED"
        ));
        assert_eq!(outcome.decision, Decision::VerifiedNotResent);
        assert_eq!(outcome.statuses, [504]);
        assert!(outcome.accepted);
        // From the exchange's side: one order, one status query, no second order.
        assert_eq!(exchange.hits("POST", "/mexc/order/gateway-timeout"), 1);
        assert_eq!(exchange.hits("GET", "/mexc/order/status"), 1);
    });
}

#[test]
fn an_html_502_keeps_the_page_and_resends_once_when_no_order_exists() {
    with_exchange(|exchange, bot| {
        let outcome = bot.place_order("/mexc/order/bad-gateway", "t-502").unwrap();
        let error = outcome.error().unwrap();
        assert_eq!(error.code(), None);
        assert_eq!(error.body_problem(), Some(BodyProblem::NotJson));
        assert_eq!(error.status(), Some(502));
        let page = error.message();
        assert!(
            page.starts_with("<html>") && page.ends_with("</html>\r\n"),
            "{page:?}"
        );
        assert!(page.contains("<title>502 Bad Gateway</title>") && page.contains("nginx"));
        assert_eq!(
            (error.kind(), error.retry()),
            (ErrorKind::Unavailable, Retry::VerifyFirst)
        );
        assert_eq!(outcome.verification, Some(Verification::Absent));
        assert_eq!(outcome.decision, Decision::VerifiedResent);
        assert_eq!(outcome.statuses, [502, 200]);
        assert!(outcome.accepted);
        assert_eq!(exchange.hits("POST", "/mexc/order/bad-gateway"), 2);
        assert_eq!(exchange.hits("GET", "/mexc/order/status"), 1);
    });
}

#[test]
fn an_unknown_outcome_that_cannot_be_checked_is_not_resent() {
    with_exchange(|exchange, bot| {
        // The bot has no MixPay status query: an empty 504 leaves nothing to go on.
        let outcome = bot.pay("/mexc/order/gateway-timeout").unwrap();
        let error = outcome.error().unwrap();
        assert_eq!((error.code(), error.retry()), (None, Retry::VerifyFirst));
        assert!(matches!(
            outcome.verification,
            Some(Verification::Unknown(_))
        ));
        assert_eq!(
            (outcome.decision, outcome.attempts()),
            (Decision::Unresolved, 1)
        );
        assert!(!outcome.accepted);
        assert_eq!(exchange.hits("POST", "/mexc/order/gateway-timeout"), 1);
    });
}

#[test]
fn a_silent_server_is_a_timeout_not_a_hang() {
    with_exchange(|_, _| {
        // Bound but never accepting: the kernel completes the connection, nobody answers.
        let silent = TcpListener::bind("127.0.0.1:0").unwrap();
        let bot = Bot::new(format!("http://{}", silent.local_addr().unwrap()));
        let started = Instant::now();
        let error = bot.place_order("/mexc/order/ok", "t-silent").unwrap_err();
        assert!(matches!(error, TransportError::Timeout(_)), "{error:?}");
        assert!(started.elapsed() < TIMEOUT * 3, "{:?}", started.elapsed());
    });
}
