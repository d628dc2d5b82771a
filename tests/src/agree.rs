//! The agreement of the two readings of a response, stated once for the property test
//! (`tests/tests/test_reader.rs`) and the fuzz target (`fuzz::body`).

use errcodes_runtime::{ApiError, BodyProblem, ErrorCode, Headers, json};

/// `json::check_response` and `json::error_from_response` agree about one response:
/// - `check_response` fails for every status outside 2xx;
/// - when it fails, its error is the one `error_from_response` gives;
/// - when it passes, `error_from_response`'s error carries no code the envelope does not call
///   a success, no failed item and no lost answer (a body cut short).
///
/// The `Err` says which of these failed, with the body.
pub fn check<E: ErrorCode>(
    status: u16,
    headers: &(impl Headers + ?Sized),
    body: &[u8],
) -> Result<(), String> {
    let checked = json::check_response::<E>(status, headers, body);
    let read = json::error_from_response::<E>(status, headers, body);
    let shown = String::from_utf8_lossy(body);
    match checked {
        Err(error) if error == read => Ok(()),
        Err(error) => Err(format!(
            "check_response and error_from_response read {shown:?} at {status} differently: \
             {error:?} against {read:?}"
        )),
        Ok(()) if !(200..300).contains(&status) => Err(format!(
            "status {status} passed check_response with {shown:?}"
        )),
        Ok(()) => match failure(&read) {
            Some(why) => Err(format!(
                "check_response passed {shown:?} at {status}, but error_from_response found {why}: \
                 {read:?}"
            )),
            None => Ok(()),
        },
    }
}

/// What in `error` says the response failed, if anything.
fn failure<E: ErrorCode>(error: &ApiError<E>) -> Option<&'static str> {
    if error.body_problem() == Some(BodyProblem::Truncated) {
        return Some("a lost answer");
    }
    if error.errors().count() > 1 || error.envelope_error().is_some() {
        return Some("several errors");
    }
    let code = error.code()?;
    (!E::ENVELOPE.is_ok_code(&code.to_string())).then_some("a code that is not a success")
}
