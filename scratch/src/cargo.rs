//! cargo on a scratch crate: offline first, in its own target directory, with a time limit.

use std::ffi::OsString;
use std::io::Read;
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use wait_timeout::ChildExt;

use crate::Error;

/// The environment variable that sets the time limit of one cargo command, in seconds.
pub const TIME_LIMIT_VARIABLE: &str = "ERRCODES_FIXTURE_TIMEOUT_SECS";

/// The default time limit: a first build compiles the proc macro's dependencies once.
const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(300);

enum Limit {
    FromEnvironment,
    Fixed(Duration),
    None,
}

/// A cargo command line waiting to run in a scratch crate. See the crate docs for what it does
/// to the environment and when it goes online.
pub struct Cargo {
    program: OsString,
    dir: PathBuf,
    target_dir: Option<PathBuf>,
    limit: Limit,
}

/// A cargo command that finished (successfully or not).
pub struct Run {
    /// The command line, for messages.
    pub command: String,
    /// The directory it ran in.
    pub dir: PathBuf,
    pub output: Output,
    /// From start to exit.
    pub elapsed: Duration,
}

impl Cargo {
    /// cargo (the one in `CARGO`, which cargo sets for the tests and binaries it runs, else the
    /// one on PATH) in `dir`, with cargo's default target directory and the time limit of
    /// [`TIME_LIMIT_VARIABLE`].
    pub fn new(dir: impl Into<PathBuf>) -> Cargo {
        Cargo {
            program: std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()),
            dir: dir.into(),
            target_dir: None,
            limit: Limit::FromEnvironment,
        }
    }

    /// Builds into `dir`.
    pub fn target_dir(mut self, dir: impl Into<PathBuf>) -> Cargo {
        self.target_dir = Some(dir.into());
        self
    }

    /// Kills cargo after `limit`, whatever the environment says.
    pub fn time_limit(mut self, limit: Duration) -> Cargo {
        self.limit = Limit::Fixed(limit);
        self
    }

    /// Lets cargo take as long as it takes: for benchmarks whose builds are meant to be long.
    pub fn no_time_limit(mut self) -> Cargo {
        self.limit = Limit::None;
        self
    }

    /// `cargo --offline <args>`, and only when that fails for want of something not in the
    /// local cache yet, `cargo <args>`. A failed build is an `Ok` [`Run`]; the `Err`s are
    /// cargo not starting or not finishing in time.
    pub fn run(&self, args: &[&str]) -> Result<Run, Error> {
        let limit = self.limit()?;
        let offline = self.once(true, args, limit)?;
        // Every cargo error that offline mode causes names the flag ("… but --offline was
        // specified", "you're using offline mode (--offline)"); a compile error does not, and
        // is not worth a second, networked attempt.
        if offline.success() || !offline.stderr().contains("--offline") {
            return Ok(offline);
        }
        self.once(false, args, limit)
    }

    fn limit(&self) -> Result<Option<Duration>, Error> {
        match self.limit {
            Limit::Fixed(limit) => Ok(Some(limit)),
            Limit::None => Ok(None),
            Limit::FromEnvironment => limit_from(std::env::var_os(TIME_LIMIT_VARIABLE)).map(Some),
        }
    }

    fn once(&self, offline: bool, args: &[&str], limit: Option<Duration>) -> Result<Run, Error> {
        // `--offline` is a global flag: before the subcommand, it never lands after a `--`.
        let words: Vec<&str> = offline
            .then_some("--offline")
            .into_iter()
            .chain(args.iter().copied())
            .collect();
        let command_line = format!("cargo {}", words.join(" "));
        let cargo_error = |action| {
            let command = command_line.clone();
            move |source| Error::Cargo {
                action,
                command,
                source,
            }
        };
        let mut command = Command::new(&self.program);
        command
            .args(&words)
            .current_dir(&self.dir)
            // The outer `cargo test` must not leak its target directory or flags into the
            // scratch build.
            .env_remove("CARGO_TARGET_DIR")
            .env_remove("CARGO_BUILD_TARGET_DIR")
            .env_remove("RUSTFLAGS")
            .env("CARGO_TERM_COLOR", "never")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(target) = &self.target_dir {
            command.env("CARGO_TARGET_DIR", target);
        }
        let started = Instant::now();
        let mut child = command.spawn().map_err(cargo_error("start"))?;
        let (stdout, stderr) = drain(&mut child);
        let status = match limit {
            None => child.wait().map_err(cargo_error("wait for"))?,
            Some(limit) => match child.wait_timeout(limit).map_err(cargo_error("wait for"))? {
                Some(status) => status,
                None => {
                    // Hangs come from cargo itself (a lock never released, a stuck network):
                    // killing it is enough. The output readers are left behind, as a compiler
                    // it started may hold the pipes for a moment longer.
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(Error::TimedOut {
                        command: command_line,
                        dir: self.dir.clone(),
                        limit,
                    });
                }
            },
        };
        let elapsed = started.elapsed();
        Ok(Run {
            command: command_line,
            dir: self.dir.clone(),
            output: Output {
                status,
                stdout: stdout.join().unwrap_or_default(),
                stderr: stderr.join().unwrap_or_default(),
            },
            elapsed,
        })
    }
}

/// The time limit that [`TIME_LIMIT_VARIABLE`] (unset: `None`) sets.
fn limit_from(value: Option<OsString>) -> Result<Duration, Error> {
    let Some(value) = value else {
        return Ok(DEFAULT_TIME_LIMIT);
    };
    let value = value.to_string_lossy();
    value
        .trim()
        .parse()
        .map(Duration::from_secs)
        .map_err(|_| Error::TimeLimit {
            value: value.into_owned(),
        })
}

/// Reads the child's stdout and stderr on threads of their own, so that neither pipe fills up
/// and blocks cargo while it is waited for.
fn drain(child: &mut Child) -> (JoinHandle<Vec<u8>>, JoinHandle<Vec<u8>>) {
    fn reader(pipe: Option<impl Read + Send + 'static>) -> JoinHandle<Vec<u8>> {
        thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    }
    (reader(child.stdout.take()), reader(child.stderr.take()))
}

impl Run {
    pub fn success(&self) -> bool {
        self.output.status.success()
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    /// Its stdout if cargo succeeded, else its stderr (the build's errors).
    pub fn stdout_or_stderr(&self) -> Result<String, String> {
        if self.success() {
            Ok(self.stdout())
        } else {
            Err(self.stderr())
        }
    }

    /// Panics with everything cargo printed unless it succeeded.
    pub fn assert_success(&self) -> &Run {
        assert!(
            self.success(),
            "`{}` in {} failed ({}):\n--- stdout\n{}\n--- stderr\n{}",
            self.command,
            self.dir.display(),
            self.output.status,
            self.stdout(),
            self.stderr()
        );
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A program that never finishes in time stands in for a hung cargo.
    #[test]
    fn a_command_past_its_time_limit_is_killed() {
        let sleeper = Cargo {
            program: "sleep".into(),
            dir: ".".into(),
            target_dir: None,
            limit: Limit::None,
        };
        let started = Instant::now();
        let error = sleeper
            .once(false, &["30"], Some(Duration::from_millis(200)))
            .err()
            .expect("sleep 30 outlives a limit of 200 ms");
        assert!(started.elapsed() < Duration::from_secs(10), "not killed");
        let message = error.to_string();
        assert!(
            message.contains("`cargo 30`") && message.contains(TIME_LIMIT_VARIABLE),
            "{message}"
        );
    }

    #[test]
    fn the_time_limit_comes_from_the_environment() {
        assert_eq!(limit_from(None).unwrap(), DEFAULT_TIME_LIMIT);
        assert_eq!(
            limit_from(Some(" 600\n".into())).unwrap(),
            Duration::from_secs(600)
        );
        let message = limit_from(Some("5m".into())).unwrap_err().to_string();
        assert!(
            message.starts_with("ERRCODES_FIXTURE_TIMEOUT_SECS is \"5m\", not a whole number"),
            "{message}"
        );
    }
}
