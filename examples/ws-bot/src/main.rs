//! `cargo run -p ws-bot`: starts the fake WebSocket exchange, plays every scenario, prints what
//! the bot decided and why, and exits non-zero if any decision was not the expected one.
#![deny(warnings)]

use std::process::ExitCode;
use std::time::Duration;

/// The whole run takes about a second; past this something hangs.
const LIMIT: Duration = Duration::from_secs(30);

fn main() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("ws-bot: cannot start tokio: {error}");
            return ExitCode::FAILURE;
        }
    };
    let run =
        async { tokio::time::timeout(LIMIT, ws_bot::scenarios::run(&mut std::io::stdout())).await };
    match runtime.block_on(run) {
        Ok(Ok(true)) => ExitCode::SUCCESS,
        Ok(Ok(false)) => ExitCode::FAILURE,
        Ok(Err(error)) => {
            eprintln!("ws-bot: {error}");
            ExitCode::FAILURE
        }
        Err(_) => {
            eprintln!("ws-bot: still running after {LIMIT:?}; a scenario hangs");
            ExitCode::FAILURE
        }
    }
}
