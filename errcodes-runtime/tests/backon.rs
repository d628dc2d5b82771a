//! `backon::retry` with real requests on 127.0.0.1: `Retry::Backoff` is sent again after at
//! least `Retry-After`, `Retry::VerifyFirst` and `Retry::Never` come back after one attempt.
#![deny(warnings)]

mod support;

use std::cell::Cell;
use std::time::Duration;

use backon::ConstantBuilder;
use errcodes_runtime::backon::{retry, wait};
use errcodes_runtime::reqwest::{Failure, RequestError, send};
use errcodes_runtime::{ApiError, Retry, json};
use support::{Act, MexcError, Scripted, bounded, client, closed_port};

const RATE_LIMITED: &str = r#"{"code":429,"msg":"Too Many Requests"}"#;
const ACCEPTED: &str = r#"{"orderId":"7"}"#;

/// A short constant backoff: the waits under test come from the server, not from here.
fn quick(times: usize) -> ConstantBuilder {
    ConstantBuilder::default()
        .with_delay(Duration::from_millis(20))
        .with_max_times(times)
}

/// Posts to `server` through `retry`, as a bot would, with a client timeout of `timeout`.
async fn post(
    server: &Scripted,
    times: usize,
    timeout: Duration,
) -> Result<bytes::Bytes, RequestError<MexcError>> {
    let client = client(timeout);
    let url = server.url("/order");
    retry(quick(times), || send::<MexcError>(client.post(&url))).await
}

#[test]
fn backoff_waits_at_least_retry_after_then_sends_again() {
    bounded(async {
        let ban = Act::Reply {
            status: 429,
            headers: &[("retry-after", "1")],
            body: RATE_LIMITED,
        };
        let server = Scripted::start(vec![ban, Act::reply(200, ACCEPTED)]).await;
        let body = post(&server, 3, Duration::from_secs(5)).await.unwrap();
        assert_eq!(&body[..], ACCEPTED.as_bytes());
        let arrivals = server.arrivals();
        assert_eq!(arrivals.len(), 2);
        let waited = arrivals[1] - arrivals[0];
        // The backoff alone would have waited 20 ms.
        assert!(
            waited >= Duration::from_secs(1),
            "came back after {waited:?}"
        );
    });
}

#[test]
fn backoff_without_retry_after_follows_the_backoff_and_gives_up() {
    bounded(async {
        let server = Scripted::start(vec![Act::reply(429, RATE_LIMITED)]).await;
        let error = post(&server, 2, Duration::from_secs(5)).await.unwrap_err();
        assert_eq!(error.retry(), Retry::Backoff);
        assert_eq!(error.status(), Some(429));
        let arrivals = server.arrivals();
        assert_eq!(arrivals.len(), 3, "one try and two retries");
        assert!(arrivals[2] - arrivals[1] >= Duration::from_millis(20));
    });
}

#[test]
fn a_refused_connection_is_retried() {
    bounded(async {
        let addr = closed_port().await;
        let client = client(Duration::from_secs(5));
        let attempts = Cell::new(0);
        let error = retry(quick(2), || {
            attempts.set(attempts.get() + 1);
            send::<MexcError>(client.post(format!("http://{addr}/order")))
        })
        .await
        .unwrap_err();
        assert_eq!(attempts.get(), 3);
        assert_eq!(
            error.transport().map(|t| t.failure()),
            Some(Failure::NotConnected)
        );
    });
}

/// Waits a little after the call, so that a retry, had there been one, would have arrived.
async fn settle() {
    tokio::time::sleep(Duration::from_millis(100)).await;
}

#[test]
fn verify_first_from_the_api_is_handed_back_not_resent() {
    bounded(async {
        let server = Scripted::start(vec![Act::reply(504, ""), Act::reply(200, ACCEPTED)]).await;
        let error = post(&server, 3, Duration::from_secs(5)).await.unwrap_err();
        settle().await;
        assert_eq!(error.retry(), Retry::VerifyFirst);
        assert_eq!(error.status(), Some(504));
        assert_eq!(
            server.arrivals().len(),
            1,
            "a 504 must not be resent blindly"
        );
    });
}

#[test]
fn verify_first_after_a_timeout_is_handed_back_not_resent() {
    bounded(async {
        let server = Scripted::start(vec![Act::Silence, Act::reply(200, ACCEPTED)]).await;
        let error = post(&server, 3, Duration::from_millis(300))
            .await
            .unwrap_err();
        settle().await;
        assert_eq!(
            error.transport().map(|t| t.failure()),
            Some(Failure::TimedOut)
        );
        assert_eq!(error.retry(), Retry::VerifyFirst);
        assert_eq!(
            server.arrivals().len(),
            1,
            "a timed-out order must not be resent blindly"
        );
    });
}

#[test]
fn verify_first_after_a_reset_is_handed_back_not_resent() {
    bounded(async {
        let reset = Act::ResetMidBody {
            partial: r#"{"orderId":"#,
        };
        let server = Scripted::start(vec![reset, Act::reply(200, ACCEPTED)]).await;
        let error = post(&server, 3, Duration::from_secs(5)).await.unwrap_err();
        settle().await;
        assert_eq!(
            error.transport().map(|t| t.failure()),
            Some(Failure::Interrupted)
        );
        assert_eq!(server.arrivals().len(), 1);
    });
}

#[test]
fn never_is_handed_back_after_one_attempt() {
    bounded(async {
        let body = r#"{"code":700002,"msg":"Signature for this request is not valid."}"#;
        let server = Scripted::start(vec![Act::reply(400, body), Act::reply(200, ACCEPTED)]).await;
        let error = post(&server, 3, Duration::from_secs(5)).await.unwrap_err();
        settle().await;
        assert_eq!(error.retry(), Retry::Never);
        assert_eq!(server.arrivals().len(), 1);
    });
}

#[test]
fn api_errors_read_any_other_way_use_the_same_loop() {
    // A blocking or other client: status and body in hand, no reqwest.
    bounded(async {
        let attempts = Cell::new(0);
        let answers = [(429, RATE_LIMITED), (429, RATE_LIMITED), (200, ACCEPTED)];
        let result: Result<(), ApiError<MexcError>> = retry(quick(3), || {
            let (status, body) = answers[attempts.get()];
            attempts.set(attempts.get() + 1);
            async move { json::check_response::<MexcError>(status, &(), body.as_bytes()) }
        })
        .await;
        assert_eq!(result, Ok(()));
        assert_eq!(attempts.get(), 3);
    });
}

#[test]
fn wait_is_the_longer_of_backoff_and_retry_after_and_stops_with_the_backoff() {
    let error = ApiError::new(MexcError::TooManyRequests);
    let planned = Some(Duration::from_millis(250));
    assert_eq!(wait(&error, planned), planned);
    assert_eq!(wait(&error, None), None);
    let error = RequestError::from(error);
    assert_eq!(wait(&error, planned), planned);
}
