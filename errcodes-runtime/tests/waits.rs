//! How long `retry_after` says to wait when the server's numbers are huge, or when it gives a
//! relative wait and a moment at once: never "no wait" for a huge one, never shorter than the
//! relative wait whatever the local clock says.
#![deny(warnings)]

use std::time::Duration;

use errcodes_runtime::json::error_from_response;
use errcodes_runtime::reqwest::RequestError;

errcodes_runtime::errcodes!("catalogs/binance.toml");
errcodes_runtime::errcodes!("catalogs/bybit.toml");
errcodes_runtime::errcodes!("catalogs/kraken.toml");
errcodes_runtime::errcodes!("catalogs/mexc.toml");

/// Longer than any bot would wait: what a saturated wait must be at least.
const CENTURY: Duration = Duration::from_secs(100 * 365 * 24 * 3600);
const NOW: u64 = 1_700_000_000_000;
const BANNED_UNTIL_NOW_PLUS_60S: &str = r#"{"code":-1003,"msg":"Way too much request weight used; IP banned until 1700000060000. Please use WebSocket Streams for live updates to avoid bans."}"#;

#[test]
fn a_huge_retry_after_is_a_very_long_wait_not_none() {
    for huge in ["18446744073709551616", "1e30", "99999999999999999999999999"] {
        let error = error_from_response::<mexc::Code>(429, &[("Retry-After", huge)], b"");
        let wait = error.retry_after_at(NOW);
        assert!(wait.is_some_and(|wait| wait > CENTURY), "{huge}: {wait:?}");
        // Through every wrapper too.
        let wait = RequestError::from(error).retry_after();
        assert!(wait.is_some_and(|wait| wait > CENTURY), "{huge}: {wait:?}");
    }
    // One less than the first saturates as it always did.
    let error =
        error_from_response::<mexc::Code>(429, &[("Retry-After", "18446744073709551615")], b"");
    assert!(error.retry_after_at(NOW).is_some_and(|wait| wait > CENTURY));
}

#[test]
fn an_overflowing_reset_header_is_a_very_long_wait() {
    let body = br#"{"retCode":10006,"retMsg":"Too many visits. Exceeded the API Rate Limit."}"#;
    let headers = [("X-Bapi-Limit-Reset-Timestamp", "18446744073709551616")];
    let error = error_from_response::<bybit::Code>(200, &headers, body);
    let wait = error.retry_after_at(NOW);
    assert!(wait.is_some_and(|wait| wait > CENTURY), "{wait:?}");
}

#[test]
fn an_overflowing_moment_in_the_code_is_a_very_long_wait() {
    let body = br#"{"error":["EService: Throttled: 99999999999999999999"],"result":{}}"#;
    let error = error_from_response::<kraken::Code>(200, &[], body);
    assert!(error.known().is_some(), "{error:?}");
    let wait = error.retry_after_at(NOW);
    assert!(wait.is_some_and(|wait| wait > CENTURY), "{wait:?}");
}

#[test]
fn a_ban_until_already_past_still_waits_the_retry_after() {
    let error = error_from_response::<binance::Code>(
        418,
        &[("Retry-After", "60")],
        BANNED_UNTIL_NOW_PLUS_60S.as_bytes(),
    );
    // By the local clock the ban ended a minute ago; the server still said 60 seconds.
    assert_eq!(
        error.retry_after_at(NOW + 120_000),
        Some(Duration::from_secs(60))
    );
}

#[test]
fn a_clock_running_ahead_never_shortens_the_relative_wait() {
    let error = error_from_response::<binance::Code>(
        418,
        &[("Retry-After", "60")],
        BANNED_UNTIL_NOW_PLUS_60S.as_bytes(),
    );
    for ahead_ms in [0, 1, 30_000, 59_999, 60_000, 3_600_000] {
        assert_eq!(
            error.retry_after_at(NOW + ahead_ms),
            Some(Duration::from_secs(60)),
            "clock {ahead_ms} ms ahead"
        );
    }
    // A clock running behind makes the moment the longer wait: it is kept.
    assert_eq!(
        error.retry_after_at(NOW - 30_000),
        Some(Duration::from_secs(90))
    );
}

#[test]
fn a_reset_time_later_than_retry_after_is_waited_out() {
    let body = br#"{"retCode":10006,"retMsg":"Too many visits. Exceeded the API Rate Limit."}"#;
    let headers = [
        ("Retry-After", "5"),
        ("X-Bapi-Limit-Reset-Timestamp", "1700000060000"),
    ];
    let error = error_from_response::<bybit::Code>(200, &headers, body);
    assert_eq!(error.retry_after_at(NOW), Some(Duration::from_secs(60)));
    assert_eq!(
        error.retry_after_at(NOW + 3_600_000),
        Some(Duration::from_secs(5))
    );
}
