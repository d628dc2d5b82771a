//! The format reference is a page of the docs, not code: it lives in `format/reference.md`,
//! followed by the example catalog its doctests read, included byte for byte so that the page
//! shows exactly the file the examples compile.
#![doc = include_str!("format/reference.md")]
#![doc = "```toml"]
#![doc = include_str!("format/acme.toml")]
#![doc = "```"]
