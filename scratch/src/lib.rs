//! Scratch user crates built by a real `cargo`: the one implementation behind every errcodes
//! test and benchmark that builds a crate the way a user would.
//!
//! A scratch crate is written to a directory of its caller's choosing (always inside the
//! repository's target directory), seeded with the repository's `Cargo.lock`, and built by
//! [`Cargo`], which:
//!
//! - runs `cargo --offline` first, so that resolution picks the versions the repository already
//!   has and nothing is downloaded, and only when that fails for want of something the local
//!   cache lacks (a fresh `CARGO_HOME`, a dependency the workspace just gained) again online;
//! - uses the target directory it is given (usually one shared by every scratch crate of a
//!   test, so that only the first build compiles the runtime and the macro), never the
//!   `CARGO_TARGET_DIR` of the `cargo test` around it, whose lock that `cargo test` holds;
//! - drops `RUSTFLAGS`, so that scratch builds are the user's default build and share their
//!   artifacts whatever flags the outer run was given;
//! - kills cargo after a time limit, `ERRCODES_FIXTURE_TIMEOUT_SECS` (300 seconds by default),
//!   so that a stuck lock or network cannot hang a test run.
//!
//! ```no_run
//! use errcodes_scratch::{Cargo, Root, manifest, repository, seed_lock, write_crate};
//!
//! # fn main() -> Result<(), errcodes_scratch::Error> {
//! let dir = repository().join("target/example");
//! let runtime = manifest::path_dependency("errcodes-runtime", &repository().join("errcodes-runtime"))?;
//! let main = "fn main() { println!(\"hello\"); }\n";
//! write_crate(&dir, &manifest::package("example", &[runtime], Root::Standalone), &[("src/main.rs", main)])?;
//! seed_lock(&dir)?;
//! let run = Cargo::new(&dir).target_dir(dir.join("target")).run(&["run", "--quiet"])?;
//! assert_eq!(run.assert_success().stdout(), "hello\n");
//! # Ok(())
//! # }
//! ```

mod cargo;
mod error;
mod files;
pub mod manifest;

pub use cargo::{Cargo, Run, TIME_LIMIT_VARIABLE};
pub use error::Error;
pub use files::{fresh_dir, repository, seed_lock, write, write_crate};
pub use manifest::Root;
