//! Standard output for reports that are often piped (`errcodes docs FILE | head`).
//!
//! `print!` panics when the reader has gone away; a closed pipe is not an error of the
//! command, so the rest of the text is dropped quietly.

use std::io::Write;

/// Writes `text` to standard output; a closed pipe ends the output without an error.
pub fn print(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
}
