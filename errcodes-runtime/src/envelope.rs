/// Where an API puts the code and the message in its JSON error body.
///
/// Declared in the catalog: `[catalog] envelope = { code = "code", message = "msg" }`.
/// MEXC sends `{"code":700002,"msg":"…"}`; MixPay sends
/// `{"code":10008,"success":false,"message":"…"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Envelope {
    /// The field that holds the code.
    pub code: &'static str,
    /// The field that holds the server's message.
    pub message: &'static str,
    /// A boolean field that is `false` on errors, when the API sends one.
    pub success: Option<&'static str>,
}

impl Envelope {
    /// `{"code": …, "message": …}`: what a catalog without an `envelope` gets.
    pub const DEFAULT: Envelope = Envelope {
        code: "code",
        message: "message",
        success: None,
    };
}

impl Default for Envelope {
    fn default() -> Self {
        Envelope::DEFAULT
    }
}
