//! Manifests of scratch crates, with every name and path escaped as TOML.

use std::path::Path;

use crate::Error;

/// Whether a scratch package is a workspace of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Root {
    /// A member of a scratch workspace whose root manifest lists it.
    Member,
    /// Its own workspace root. Without that, cargo would take a crate under `target/` for a
    /// member of the errcodes workspace above it, and refuse to build it.
    Standalone,
}

/// `text` as a TOML string.
pub fn string(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// `path` as a TOML string.
pub fn path(path: &Path) -> Result<String, Error> {
    path.to_str().map(string).ok_or_else(|| Error::Path {
        path: path.to_path_buf(),
    })
}

/// `<name> = { path = "<path>" }`, a line of `[dependencies]`.
pub fn path_dependency(name: &str, dir: &Path) -> Result<String, Error> {
    Ok(format!("{name} = {{ path = {} }}", path(dir)?))
}

/// The manifest of a package `name` (edition 2024, never published) with these
/// `[dependencies]` lines.
pub fn package(name: &str, dependencies: &[String], root: Root) -> String {
    let mut manifest = format!(
        "[package]\nname = {}\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\n",
        string(name)
    );
    for dependency in dependencies {
        manifest.push_str(dependency);
        manifest.push('\n');
    }
    if root == Root::Standalone {
        manifest.push_str("\n[workspace]\n");
    }
    manifest
}

/// The root manifest of a virtual workspace of `members`, followed by `extra` (profiles).
pub fn workspace(members: &[&str], extra: &str) -> String {
    let members: Vec<String> = members.iter().map(|member| string(member)).collect();
    format!(
        "[workspace]\nresolver = \"3\"\nmembers = [{}]\n\n{extra}",
        members.join(", ")
    )
}
