//! The files of a scratch crate: its directory, its sources and its seeded `Cargo.lock`.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::Error;

/// The errcodes repository: the workspace this crate is a member of.
pub fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("errcodes-scratch lives inside the errcodes workspace")
        .to_path_buf()
}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> Error {
    let path = path.to_path_buf();
    move |source| Error::Io {
        action,
        path,
        source,
    }
}

/// Makes `dir` an empty directory, removing whatever a previous run left there.
pub fn fresh_dir(dir: &Path) -> Result<PathBuf, Error> {
    match fs::remove_dir_all(dir) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => {
            return Err(io_error("remove the old scratch directory", dir)(error));
        }
        _ => {}
    }
    fs::create_dir_all(dir).map_err(io_error("create the scratch directory", dir))?;
    Ok(dir.to_path_buf())
}

/// Writes `text` to `path`, creating its directories. A file that already holds `text` is left
/// alone: its unchanged modification time keeps cargo's fingerprints valid from one run to the
/// next (a benchmark's rebuilds), while any edit still reaches cargo.
pub fn write(path: &Path, text: &str) -> Result<(), Error> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(io_error("create the directory", parent))?;
    }
    if fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(());
    }
    fs::write(path, text).map_err(io_error("write", path))
}

/// Writes a crate into `dir`: `manifest` as its `Cargo.toml`, and `files` (paths relative to
/// `dir`, such as `src/main.rs`).
pub fn write_crate(dir: &Path, manifest: &str, files: &[(&str, &str)]) -> Result<(), Error> {
    write(&dir.join("Cargo.toml"), manifest)?;
    for (path, text) in files {
        write(&dir.join(path), text)?;
    }
    Ok(())
}

/// Copies the repository's `Cargo.lock` into the workspace root `dir`, unless it has one, so
/// that `--offline` resolution picks the versions already in the local cache. A lock cargo
/// has since extended (a dependency the repository does not have) is kept.
pub fn seed_lock(dir: &Path) -> Result<(), Error> {
    let lock = dir.join("Cargo.lock");
    let ours = repository().join("Cargo.lock");
    if lock.exists() || !ours.is_file() {
        return Ok(());
    }
    fs::copy(&ours, &lock)
        .map(drop)
        .map_err(io_error("copy the repository's Cargo.lock to", &lock))
}
