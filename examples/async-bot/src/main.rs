//! `cargo run -p async-bot`: starts the fake exchange, plays every scenario, prints what the
//! bot decided and why, and exits non-zero if any decision was not the expected one.
//! `cargo run -p async-bot -- --log` also prints the runtime's tracing events on stderr.
#![deny(warnings)]

use std::process::ExitCode;
use std::time::Duration;

/// The whole run takes about two seconds; past this something hangs.
const LIMIT: Duration = Duration::from_secs(30);

fn main() -> ExitCode {
    if std::env::args().any(|arg| arg == "--log") {
        tracing_subscriber::fmt()
            .with_writer(std::io::stderr)
            .with_ansi(false)
            .init();
    }
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("async-bot: cannot start tokio: {error}");
            return ExitCode::FAILURE;
        }
    };
    let run = async {
        tokio::time::timeout(LIMIT, async_bot::scenarios::run(&mut std::io::stdout())).await
    };
    match runtime.block_on(run) {
        Ok(Ok(true)) => ExitCode::SUCCESS,
        Ok(Ok(false)) => ExitCode::FAILURE,
        Ok(Err(error)) => {
            eprintln!("async-bot: {error}");
            ExitCode::FAILURE
        }
        Err(_) => {
            eprintln!("async-bot: still running after {LIMIT:?}; a scenario hangs");
            ExitCode::FAILURE
        }
    }
}
