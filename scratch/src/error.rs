//! What can go wrong around a scratch build, each message saying what to do about it.

use std::fmt;
use std::io;
use std::path::PathBuf;
use std::time::Duration;

pub enum Error {
    /// A file or directory could not be created, written, copied or removed.
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    /// cargo could not be started or waited for.
    Cargo {
        action: &'static str,
        command: String,
        source: io::Error,
    },
    /// cargo ran past its time limit and was killed.
    TimedOut {
        command: String,
        dir: PathBuf,
        limit: Duration,
    },
    /// `ERRCODES_FIXTURE_TIMEOUT_SECS` is set to something that is not a number of seconds.
    TimeLimit { value: String },
    /// A path that a manifest cannot hold.
    Path { path: PathBuf },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io {
                action,
                path,
                source,
            } => write!(
                f,
                "cannot {action} {}: {source} (scratch crates live under the target directory, \
                 which must be writable)",
                path.display()
            ),
            Error::Cargo {
                action,
                command,
                source,
            } => write!(
                f,
                "cannot {action} `{command}`: {source} (put cargo on PATH or name it in CARGO)"
            ),
            Error::TimedOut {
                command,
                dir,
                limit,
            } => write!(
                f,
                "`{command}` in {} took longer than {limit:?} and was killed \
                 (raise {} if the machine is just slow)",
                dir.display(),
                crate::TIME_LIMIT_VARIABLE
            ),
            Error::TimeLimit { value } => write!(
                f,
                "{} is {value:?}, not a whole number of seconds: set it to one (such as 600) \
                 or unset it for the default of 300",
                crate::TIME_LIMIT_VARIABLE
            ),
            Error::Path { path } => write!(
                f,
                "the path {} is not UTF-8, so no manifest can name it: build from a directory \
                 whose path is UTF-8",
                path.display()
            ),
        }
    }
}

// `unwrap` and `expect` print the Debug form: make it the readable message.
impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } | Error::Cargo { source, .. } => Some(source),
            _ => None,
        }
    }
}
