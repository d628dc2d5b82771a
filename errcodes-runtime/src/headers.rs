//! Response headers, read without an HTTP library: anything that can look a header up by name.

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

/// A wait a response asked for in its headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wait {
    /// `Retry-After: 30`.
    After { ms: u64 },
    /// `Retry-After: <HTTP date>` or a reset moment, in Unix milliseconds.
    At { unix_ms: u64 },
}

impl Wait {
    /// `Retry-After`'s value: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
    pub(crate) fn from_retry_after(value: &str) -> Option<Wait> {
        let value = value.trim();
        if let Ok(seconds) = value.parse::<u64>() {
            return Some(Wait::After {
                ms: seconds.saturating_mul(1000),
            });
        }
        http_date_unix_seconds(value).map(|seconds| Wait::At {
            unix_ms: seconds.saturating_mul(1000),
        })
    }

    pub(crate) fn wait_ms(self, now_unix_ms: u64) -> Option<u64> {
        Some(match self {
            Wait::After { ms } => ms,
            Wait::At { unix_ms } => unix_ms.saturating_sub(now_unix_ms),
        })
    }
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
        assert_eq!(
            Wait::from_retry_after(" 120 "),
            Some(Wait::After { ms: 120_000 })
        );
        assert_eq!(
            Wait::from_retry_after("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(Wait::At {
                unix_ms: 784_111_777_000
            })
        );
        assert_eq!(
            Wait::from_retry_after("Thu, 01 Jan 1970 00:00:00 GMT"),
            Some(Wait::At { unix_ms: 0 })
        );
        assert_eq!(
            Wait::from_retry_after("Tue, 29 Feb 2028 12:00:00 GMT"),
            Some(Wait::At {
                unix_ms: 1_835_438_400_000
            })
        );
        for bad in [
            "soon",
            "-5",
            "Sun, 06 Nov 1994 08:49:37 PST",
            "Sun, 32 Nov 1994 08:49:37 GMT",
            "",
        ] {
            assert_eq!(Wait::from_retry_after(bad), None, "{bad}");
        }
    }
}
