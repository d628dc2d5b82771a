// A broken catalog shows its own errors and nothing else: the stand-ins have every inherent
// item and trait impl of a real enum, the API enum and the error alias included, so the code
// that uses them adds no errors of its own.
errcodes_runtime::errcodes!("catalogs/broken-api-catalog.toml");

fn describe(error: DemoError) -> String {
    error.to_string()
}

fn generic<E: errcodes_runtime::ErrorCode>() -> usize {
    E::ALL.len()
}

fn inherent() -> Option<(errcodes_runtime::ErrorKind, errcodes_runtime::Retry, &'static str)> {
    let error = DemoError::from_code(1)?;
    let refined = error.refine("message", None);
    let _ = (refined.is_refinement(), refined.retry_after_rule(), refined.description());
    let _ = (DemoError::ALL, DemoError::CATALOG, DemoError::ENUM, DemoError::ENVELOPE);
    let _ = (error.code(), error.name());
    Some((error.kind(), error.retry(), error.message()))
}

fn api(error: &demo::DemoApiError) -> Option<errcodes_runtime::ErrorKind> {
    match error.known()? {
        any => Some(any.kind()),
    }
}

fn main() {
    let _ = describe;
    let _ = generic::<DemoError>();
    let _ = generic::<demo::DemoCode>();
    let _ = inherent();
    let _ = api;
    let _ = demo::DemoCode::from_code(1).map(|code| code.message());
    let _ = DemoError::try_from(1);
}
