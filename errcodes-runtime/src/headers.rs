//! Response headers, read without an HTTP library: anything that can look a header up by name;
//! and the waits a response asks for, in its headers or its message.

use core::num::NonZeroU64;

use crate::{HeaderNames, TimeUnit};

/// A response's headers, looked up by name (case-insensitively, as HTTP names are).
///
/// Implemented for `()` (no headers), for slices and arrays of `(name, value)` pairs, and with
/// the `http` feature for `http::HeaderMap` (what reqwest, hyper, axum and ureq hand you).
///
/// ```
/// use errcodes_runtime::Headers;
///
/// let headers = [("Retry-After", "30")];
/// assert_eq!(headers.header("retry-after"), Some("30"));
/// assert_eq!(().header("retry-after"), None);
/// ```
pub trait Headers {
    /// The value of the first header called `name`, when it is text.
    ///
    /// ```
    /// use errcodes_runtime::Headers;
    ///
    /// let headers = [("Retry-After", "30"), ("retry-after", "60")];
    /// assert_eq!(headers.header("RETRY-AFTER"), Some("30"));
    /// assert_eq!(headers.header("x-mbx-used-weight"), None);
    ///
    /// let mut map = http::HeaderMap::new();
    /// map.insert("retry-after", http::HeaderValue::from_static("5"));
    /// assert_eq!(map.header("Retry-After"), Some("5"));
    /// ```
    fn header(&self, name: &str) -> Option<&str>;
}

impl Headers for () {
    fn header(&self, _: &str) -> Option<&str> {
        None
    }
}

impl Headers for [(&str, &str)] {
    fn header(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|&(_, value)| value)
    }
}

impl<const N: usize> Headers for [(&str, &str); N] {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
    }
}

#[cfg(feature = "http")]
impl Headers for http::HeaderMap {
    fn header(&self, name: &str) -> Option<&str> {
        self.get(name).and_then(|value| value.to_str().ok())
    }
}

/// The waits a response asked for, kept apart by kind so that they combine by one rule: the
/// wait is the longest of them ([`wait_ms`](Wait::wait_ms)). Every value saturates: a wait
/// too large to represent is the longest wait ([`LONGEST_MS`]), never none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Wait {
    /// The longest relative wait (`Retry-After: 30`, a placeholder in seconds).
    after: Option<Millis>,
    /// The latest moment (an HTTP date, a reset time, a ban "until"), in Unix time.
    until: Option<Millis>,
}

/// The longest wait, and the latest moment, a [`Wait`] holds: about 585 million years.
pub(crate) const LONGEST_MS: u64 = u64::MAX - 1;

/// Milliseconds in 8 bytes that leave `Option` a niche (kept plus one), so that a [`Wait`]
/// costs every `ApiError` 16 bytes, not 32.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Millis(NonZeroU64);

impl Millis {
    const fn new(ms: u64) -> Millis {
        Millis(NonZeroU64::MIN.saturating_add(if ms > LONGEST_MS { LONGEST_MS } else { ms }))
    }

    const fn get(self) -> u64 {
        self.0.get() - 1
    }
}

impl Wait {
    /// No wait asked for.
    pub(crate) const NONE: Wait = Wait {
        after: None,
        until: None,
    };

    const fn after_ms(ms: u64) -> Wait {
        Wait {
            after: Some(Millis::new(ms)),
            until: None,
        }
    }

    const fn until_unix_ms(unix_ms: u64) -> Wait {
        Wait {
            after: None,
            until: Some(Millis::new(unix_ms)),
        }
    }

    /// The waits of `headers`: `Retry-After` and the venue's reset header, both if both.
    pub(crate) fn from_headers<H: Headers + ?Sized>(headers: &H, venue: HeaderNames) -> Wait {
        let retry_after = headers
            .header("retry-after")
            .map_or(Wait::NONE, Wait::from_retry_after);
        let reset = venue
            .reset_unix_ms
            .and_then(|name| headers.header(name))
            .and_then(|value| count(value.trim(), 1))
            .map_or(Wait::NONE, Wait::until_unix_ms);
        retry_after.and(reset)
    }

    /// `Retry-After`'s value: delay-seconds or an HTTP date (RFC 9110 §10.2.3). Seconds past
    /// `u64` (`18446744073709551616`) or in exponent form (`1e30`) are a very long wait;
    /// fractions (`1.5`) are kept to the millisecond.
    pub(crate) fn from_retry_after(value: &str) -> Wait {
        let value = value.trim();
        if let Some(ms) = count(value, 1000) {
            return Wait::after_ms(ms);
        }
        http_date_unix_seconds(value).map_or(Wait::NONE, |seconds| {
            Wait::until_unix_ms(seconds.saturating_mul(1000))
        })
    }

    /// A placeholder's `text` read in `unit` (`retry_after = { from = "until", unit = … }`);
    /// no wait when it is not a count.
    pub(crate) fn in_unit(text: &str, unit: TimeUnit) -> Wait {
        // Whole units: the catalogs' placeholders are integer seconds or milliseconds.
        count(text.trim(), 1).map_or(Wait::NONE, |value| Wait::of_count(value, unit))
    }

    /// A count of `unit`s.
    pub(crate) fn of_count(value: u64, unit: TimeUnit) -> Wait {
        let ms = unit.millis(value);
        if unit.is_moment() {
            Wait::until_unix_ms(ms)
        } else {
            Wait::after_ms(ms)
        }
    }

    /// Both waits: the longer relative wait and the later moment.
    pub(crate) fn and(self, other: Wait) -> Wait {
        Wait {
            after: self.after.max(other.after),
            until: self.until.max(other.until),
        }
    }

    /// The wait in milliseconds at Unix time `now_unix_ms`: the longest of the relative wait
    /// and the time left until the moment. A moment already past (or a clock running ahead)
    /// counts as no wait, so it never shortens a relative wait. `None` when nothing was asked.
    pub(crate) fn wait_ms(self, now_unix_ms: u64) -> Option<u64> {
        let after = self.after.map(Millis::get);
        let until = self
            .until
            .map(|until| until.get().saturating_sub(now_unix_ms));
        after.max(until)
    }
}

/// A non-negative count as a server writes it (`30`, `18446744073709551616`, `1.5`, `1e30`)
/// times `scale`, saturating at `u64::MAX`; `None` for anything else (`-5`, `soon`, `NaN`).
fn count(text: &str, scale: u64) -> Option<u64> {
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if text.bytes().all(|b| b.is_ascii_digit()) {
        // Digits past `u64` are a count too large to represent, not a different kind of text.
        let value = text.parse::<u64>().unwrap_or(u64::MAX);
        return Some(value.saturating_mul(scale));
    }
    let value = text.parse::<f64>().ok()?;
    // `as` saturates (and the text starts with a digit, so it is neither negative nor NaN).
    Some((value * scale as f64) as u64)
}

/// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the form HTTP senders must use, as Unix
/// seconds. The obsolete forms are not read: a wait that cannot be read is no wait.
fn http_date_unix_seconds(text: &str) -> Option<u64> {
    let rest = text.get(5..)?; // "Sun, "
    let mut parts = rest.split(' ');
    let day: u64 = parts.next()?.parse().ok()?;
    let month = match parts.next()? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    let year: u64 = parts.next()?.parse().ok()?;
    let mut clock = parts.next()?.split(':');
    let hour: u64 = clock.next()?.parse().ok()?;
    let minute: u64 = clock.next()?.parse().ok()?;
    let second: u64 = clock.next()?.parse().ok()?;
    if parts.next()? != "GMT" || !(1970..10000).contains(&year) || day == 0 || day > 31 {
        return None;
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    // Days from the civil date (Howard Hinnant's algorithm), March-based years.
    let (y, m) = if month <= 2 {
        (year - 1, month + 9)
    } else {
        (year, month - 3)
    };
    let era = y / 400;
    let year_of_era = y - era * 400;
    let day_of_year = (153 * m + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = (era * 146_097 + day_of_era).checked_sub(719_468)?;
    Some(days * 86_400 + hour * 3600 + minute * 60 + second)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        assert_eq!(Wait::from_retry_after(" 120 "), Wait::after_ms(120_000));
        assert_eq!(
            Wait::from_retry_after("Sun, 06 Nov 1994 08:49:37 GMT"),
            Wait::until_unix_ms(784_111_777_000)
        );
        assert_eq!(
            Wait::from_retry_after("Thu, 01 Jan 1970 00:00:00 GMT"),
            Wait::until_unix_ms(0)
        );
        assert_eq!(
            Wait::from_retry_after("Tue, 29 Feb 2028 12:00:00 GMT"),
            Wait::until_unix_ms(1_835_438_400_000)
        );
        assert_eq!(Wait::from_retry_after("1.5"), Wait::after_ms(1_500));
        for bad in [
            "soon",
            "-5",
            "NaN",
            "inf",
            "Sun, 06 Nov 1994 08:49:37 PST",
            "Sun, 32 Nov 1994 08:49:37 GMT",
            "",
        ] {
            assert_eq!(Wait::from_retry_after(bad), Wait::NONE, "{bad}");
            assert_eq!(Wait::from_retry_after(bad).wait_ms(0), None, "{bad}");
        }
    }

    #[test]
    fn huge_waits_saturate_to_the_longest_wait() {
        for huge in [
            "18446744073709551616",
            "99999999999999999999999999999999",
            "1e30",
            "1E300",
            "18446744073709551.615",
        ] {
            assert_eq!(
                Wait::from_retry_after(huge).wait_ms(1_700_000_000_000),
                Some(LONGEST_MS),
                "{huge}"
            );
        }
        let reset = Wait::from_headers(
            &[("X-Reset", "18446744073709551616")],
            HeaderNames {
                should_retry: None,
                reset_unix_ms: Some("X-Reset"),
            },
        );
        assert_eq!(reset.wait_ms(1_000), Some(LONGEST_MS - 1_000));
        let until = Wait::in_unit("99999999999999999999", TimeUnit::UnixSeconds);
        assert_eq!(until.wait_ms(0), Some(LONGEST_MS));
        let after = Wait::in_unit("18446744073709551615", TimeUnit::Seconds);
        assert_eq!(after.wait_ms(0), Some(LONGEST_MS));
    }

    #[test]
    fn a_moment_never_shortens_a_relative_wait() {
        let both = Wait::after_ms(60_000).and(Wait::until_unix_ms(1_000_030_000));
        // The moment is the longer wait while it is ahead…
        assert_eq!(both.wait_ms(1_000_000_000), Some(60_000));
        assert_eq!(both.wait_ms(999_900_000), Some(130_000));
        // …and once it is past, or the clock runs ahead, the relative wait still stands.
        assert_eq!(both.wait_ms(1_000_030_001), Some(60_000));
        assert_eq!(both.wait_ms(u64::MAX), Some(60_000));
        // A moment alone that is past is no wait, but still an answer.
        assert_eq!(Wait::until_unix_ms(5).wait_ms(9), Some(0));
        assert_eq!(Wait::NONE.wait_ms(0), None);
    }

    #[test]
    fn a_wait_is_two_words() {
        // Every `ApiError` carries one: two `Option<u64>` would be 32 bytes.
        assert_eq!(core::mem::size_of::<Wait>(), 16);
        assert_eq!(Millis::new(0).get(), 0);
        assert_eq!(Millis::new(u64::MAX).get(), LONGEST_MS);
        assert!(Millis::new(1) < Millis::new(2));
    }

    #[test]
    fn both_headers_are_read() {
        let venue = HeaderNames {
            should_retry: None,
            reset_unix_ms: Some("X-Reset"),
        };
        let headers = [("Retry-After", "5"), ("X-Reset", "1700000060000")];
        let wait = Wait::from_headers(&headers, venue);
        assert_eq!(wait.wait_ms(1_700_000_000_000), Some(60_000));
        assert_eq!(wait.wait_ms(1_800_000_000_000), Some(5_000));
    }
}
