/// Where an API puts the code and the message in its JSON error body.
///
/// Declared in the catalog: `[catalog] envelope = { code = "code", message = "msg" }`.
/// MEXC sends `{"code":700002,"msg":"…"}`; MixPay sends
/// `{"code":10008,"success":false,"message":"…"}`.
///
/// ```
/// # errcodes_runtime::errcodes!("catalogs/mixpay.toml");
/// use errcodes_runtime::{Envelope, ErrorCode};
///
/// let mixpay = <MixPayError as ErrorCode>::ENVELOPE;
/// assert_eq!((mixpay.code, mixpay.message, mixpay.success), ("code", "message", Some("success")));
///
/// // An envelope of your own, for a venue without a catalog: `{"errno": 3, "errmsg": "…"}`.
/// let own = Envelope { code: "errno", message: "errmsg", ..Envelope::DEFAULT };
/// assert!(own.is_ok_code("0"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Envelope {
    /// The field that holds the code.
    pub code: &'static str,
    /// The field that holds the server's message.
    pub message: &'static str,
    /// A boolean field that is `false` on errors, when the API sends one.
    pub success: Option<&'static str>,
    /// The codes that mean success, as text (`"0"` when the catalog names none).
    pub ok_codes: &'static [&'static str],
    /// A list of per-item results whose failing items are the real errors (OKX's `data`).
    pub items: Option<&'static str>,
    /// The code inside each item (OKX's `sCode`).
    pub item_code: Option<&'static str>,
    /// The message inside each item (OKX's `sMsg`).
    pub item_message: Option<&'static str>,
    /// A second field whose value refines an entry (Stripe's `error.decline_code`).
    pub detail: Option<&'static str>,
}

impl Envelope {
    /// `{"code": …, "message": …}`: what a catalog without an `envelope` gets.
    ///
    /// ```
    /// use errcodes_runtime::Envelope;
    ///
    /// assert_eq!((Envelope::DEFAULT.code, Envelope::DEFAULT.message), ("code", "message"));
    /// assert_eq!(Envelope::DEFAULT.ok_codes, &["0"]);
    /// assert_eq!(Envelope::DEFAULT.success, None);
    /// ```
    pub const DEFAULT: Envelope = Envelope {
        code: "code",
        message: "message",
        success: None,
        ok_codes: &["0"],
        items: None,
        item_code: None,
        item_message: None,
        detail: None,
    };

    /// Whether `code`, as the server wrote it (a number's digits or a string's text), means
    /// success: equal to one of [`ok_codes`](Envelope::ok_codes), or the same number as one
    /// written as a plain integer (`"0"` also covers `0.0`-free forms such as `"00"`), while a
    /// string code such as `"00000"` must match exactly.
    ///
    /// ```
    /// use errcodes_runtime::Envelope;
    ///
    /// assert!(Envelope::DEFAULT.is_ok_code("0"));
    /// assert!(!Envelope::DEFAULT.is_ok_code("10008"));
    /// let bitget = Envelope { ok_codes: &["00000"], ..Envelope::DEFAULT };
    /// assert!(bitget.is_ok_code("00000"));
    /// assert!(!bitget.is_ok_code("0"));
    /// ```
    ///
    /// This is the one rule: an integer code is decided by its decimal text
    /// ([`is_ok_int`](Envelope::is_ok_int)), so `{"code":0}` and `{"code":"0"}` always agree.
    pub fn is_ok_code(&self, code: &str) -> bool {
        let number = code.parse::<i64>().ok();
        self.ok_codes.iter().any(|&ok| {
            ok == code || (is_plain_integer(ok) && number.is_some() && ok.parse().ok() == number)
        })
    }
}

impl Envelope {
    /// Whether an integer code means success: [`is_ok_code`](Envelope::is_ok_code) on its
    /// decimal text, so that a code sent as `0` and as `"0"` is decided the same way (and
    /// under `ok_codes = ["00000"]` neither is a success).
    ///
    /// ```
    /// use errcodes_runtime::Envelope;
    ///
    /// assert!(Envelope::DEFAULT.is_ok_int(0));
    /// let bitget = Envelope { ok_codes: &["00000"], ..Envelope::DEFAULT };
    /// assert_eq!(bitget.is_ok_int(0), bitget.is_ok_code("0"));
    /// assert!(!bitget.is_ok_int(0));
    /// ```
    pub fn is_ok_int(&self, code: i64) -> bool {
        <str as crate::CodeType>::with_int(code, |text| self.is_ok_code(text))
    }
}

/// `0`, `-12`, `200000`: digits without a leading zero (except `0` itself).
fn is_plain_integer(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
}
