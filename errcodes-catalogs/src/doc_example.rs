//! The one part of every venue module's documentation that is the same for all of them: its
//! `Code` and `Error`, and a real answer of that venue read in one call, as a doctest.
//!
//! Written once here rather than in each module file, so that the eighteen examples cannot
//! drift apart: a module passes what differs (the answer, the variant it must read as, the
//! advice) and [`one_call!`] writes the section and its example. Used as
//! `#![doc = one_call!(…)]` in the module's own documentation, after its `//!` lines.

// A build without any venue feature expands no module, so none of these macros is used.
#![allow(unused_macros)]

/// `"```"` when the example can run (feature `json`), `"```ignore"` otherwise: without `json`,
/// `errcodes_catalogs::json` does not exist, and the example is shown but not compiled.
#[cfg(feature = "json")]
macro_rules! rust_fence {
    () => {
        "```"
    };
}
#[cfg(not(feature = "json"))]
macro_rules! rust_fence {
    () => {
        "```ignore"
    };
}

/// `Error` as a link when it exists: the alias needs `alloc`, which `json` brings.
#[cfg(feature = "json")]
macro_rules! error_name {
    () => {
        "[`Error`]"
    };
}
#[cfg(not(feature = "json"))]
macro_rules! error_name {
    () => {
        "`Error`"
    };
}

/// The "Reading an answer" section of a venue module: what its `Code` and `Error` are, the
/// `Cargo.toml` line, and a doctest that reads `body` (a real answer of the venue, quoted from
/// `source`) with `json::check_response` and checks the variant, the kind and the retry advice.
macro_rules! one_call {
    (
        venue: $venue:literal,
        feature: $feature:literal,
        section: $section:ident,
        variant: $variant:ident,
        $(known_by: $by:ident,)?
        status: $status:literal,
        body: $body:literal,
        kind: $kind:ident,
        retry: $retry:ident,
        source: $source:literal $(,)?
    ) => {
        one_call!(@section $venue, $feature, $section, $status, $body, $kind, $retry, $source,
            one_call!(@known $($by)?; $section, $variant))
    };
    // How the answer names its variant: by its code, or (`known_by: status`, BitMEX, whose
    // bodies carry no code) by its HTTP status.
    (@known ; $section:ident, $variant:ident) => {
        concat!(
            "assert_eq!(\n    error.known(),\n    Some(Code::", stringify!($section), "(",
            stringify!($section), "::", stringify!($variant), "))\n);\n",
        )
    };
    (@known status; $section:ident, $variant:ident) => {
        concat!(
            "assert_eq!(error.known(), None); // no code in the body\n",
            "assert_eq!(\n    error.status().and_then(|status| Code::from_code(status.into())),\n",
            "    Some(Code::", stringify!($section), "(", stringify!($section), "::",
            stringify!($variant), "))\n);\n",
        )
    };
    (
        @section $venue:literal, $feature:literal, $section:ident, $status:literal, $body:literal,
        $kind:ident, $retry:ident, $source:literal, $known:expr
    ) => {
        concat!(
            "# Reading an answer\n\n",
            "[`Code`] is every error an answer of ", $venue, " can carry: one variant per section ",
            "above that answers requests, holding that section's enum, so a `match` on it stays ",
            "exhaustive. ", error_name!(), " is `ApiError<Code>` (with `json` or `std`): a whole answer (status, headers, body) read ",
            "into the code it carries, the server's own message, the kind of failure and whether to ",
            "send again. One call makes it, `errcodes_catalogs::json::check_response`, behind this ",
            "crate's `json` feature (`retry_after()` also needs `std`; without it, ",
            "`retry_after_at(now_unix_ms)`):\n\n",
            "```toml\n[dependencies]\nerrcodes-catalogs = { version = \"0.1\", features = [\"",
            $feature, "\", \"json\"] }\n```\n\n",
            rust_fence!(), "\n",
            "use errcodes_catalogs::json::check_response;\n",
            "use errcodes_catalogs::", $feature, "::{Code, Error, ", stringify!($section), "};\n",
            "use errcodes_catalogs::{ErrorKind, Retry};\n\n",
            "// ", $source, "\n",
            "let body = br#\"", $body, "\"#;\n",
            "let error: Error = check_response(", stringify!($status), ", &(), body).unwrap_err();\n",
            $known,
            "assert_eq!(error.kind(), ErrorKind::", stringify!($kind), ");\n",
            "assert_eq!(error.retry(), Retry::", stringify!($retry), ");\n",
            "```\n",
        )
    };
}
