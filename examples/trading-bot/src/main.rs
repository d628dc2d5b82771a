//! `cargo run -p trading-bot`: starts the fake exchange, runs every scenario, prints what the
//! bot saw and decided, and exits non-zero if any outcome was not the expected one.
#![deny(warnings)]

use std::process::ExitCode;

fn main() -> ExitCode {
    match trading_bot::scenarios::run(&mut std::io::stdout().lock()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("trading-bot: {error}");
            ExitCode::FAILURE
        }
    }
}
