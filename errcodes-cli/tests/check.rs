//! `errcodes check`: exit codes, rustc-style diagnostics, warnings, every file checked.

mod common;

use common::{errcodes, scratch, workspace, write};

const BROKEN: &str = r#"[catalog]
name = "demo"

[[enum]]
name = "DemoError"

[[enum.error]]
code = 1
message = "Too many requests"
kind = "rate_limitd"

[[enum.error]]
code = 2
message = "Something odd"
kind = "other"

[[enum.error]]
code = 2
message = "Again"
kind = "internal"
"#;

const WARNS_ONLY: &str = r#"[catalog]
name = "demo"

[[enum]]
name = "DemoError"

[[enum.error]]
code = 7
message = "Something odd"
kind = "other"
"#;

#[test]
fn bundled_catalogs_pass() {
    let root = workspace();
    let mexc = root.join("catalogs/mexc.toml");
    let mixpay = root.join("catalogs/mixpay.toml");
    let run = errcodes(&["check".as_ref(), mexc.as_os_str(), mixpay.as_os_str()]);
    assert_eq!(run.code, 0, "{}", run.all());
    // `path: ok (N enums, M codes)`, one line per file.
    assert!(
        run.stdout.contains("mexc.toml: ok (2 enums, "),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("mixpay.toml: ok (2 enums, "),
        "{}",
        run.stdout
    );
}

#[test]
fn errors_show_position_source_line_caret_and_help() {
    let dir = scratch("check_errors");
    let path = write(&dir, "broken.toml", BROKEN);
    let run = errcodes(&["check".as_ref(), path.as_os_str()]);
    assert_eq!(run.code, 1, "{}", run.all());
    let shown = path.display();
    let out = run.all();
    // The unknown kind: position, source line, caret under the value, did-you-mean help.
    assert!(out.contains("error: unknown kind `rate_limitd`"), "{out}");
    assert!(out.contains(&format!("{shown}:10:8")), "{out}");
    assert!(out.contains("10 | kind = \"rate_limitd\""), "{out}");
    assert!(out.contains("|        ^^^^^^^^^^^^^"), "{out}");
    assert!(
        out.contains("= help: did you mean `rate_limited`?"),
        "{out}"
    );
    // The duplicate code: the first use is a secondary label.
    assert!(out.contains("error: code 2 appears twice in enum `DemoError`"));
    assert!(out.contains(&format!("{shown}:18:8")), "{out}");
    assert!(out.contains("- first used here"), "{out}");
    // The warning is printed too, and counted.
    assert!(out.contains("warning: code 2 of `DemoError` is left at kind `other`"));
    assert!(
        run.stdout
            .contains(&format!("{shown}: 2 errors, 1 warning"))
    );
}

#[test]
fn warnings_do_not_fail_and_quiet_hides_them() {
    let dir = scratch("check_warnings");
    let path = write(&dir, "warns.toml", WARNS_ONLY);
    let run = errcodes(&["check".as_ref(), path.as_os_str()]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stderr
            .contains("warning: code 7 of `DemoError` is left at kind `other`")
    );
    assert!(
        run.stdout.contains("ok (1 enum, 1 code), 1 warning"),
        "{}",
        run.stdout
    );

    let quiet = errcodes(&["check".as_ref(), "-q".as_ref(), path.as_os_str()]);
    assert_eq!(quiet.code, 0);
    assert!(!quiet.stderr.contains("warning"), "{}", quiet.stderr);
}

#[test]
fn every_file_is_checked_even_after_errors() {
    let dir = scratch("check_all_files");
    let broken = write(&dir, "broken.toml", BROKEN);
    let missing = dir.join("missing.toml");
    let fine = write(&dir, "fine.toml", WARNS_ONLY);
    let not_utf8 = dir.join("latin1.toml");
    std::fs::write(&not_utf8, b"[catalog]\nname = \"caf\xe9\"\n").unwrap();
    let run = errcodes(&[
        "check".as_ref(),
        broken.as_os_str(),
        missing.as_os_str(),
        not_utf8.as_os_str(),
        fine.as_os_str(),
    ]);
    assert_eq!(run.code, 1, "{}", run.all());
    let summaries: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(summaries.len(), 4, "{}", run.stdout);
    assert!(summaries[0].ends_with("broken.toml: 2 errors, 1 warning"));
    assert!(summaries[1].ends_with("missing.toml: 1 error"));
    assert!(summaries[2].ends_with("latin1.toml: 1 error"));
    assert!(summaries[3].ends_with("fine.toml: ok (1 enum, 1 code), 1 warning"));
    assert!(run.stderr.contains("cannot read catalog"), "{}", run.stderr);
    assert!(
        run.stderr.contains("not valid UTF-8 (byte 0xe9)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(&format!("{}:2:12", not_utf8.display())));
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(errcodes(&["check"]).code, 2);
    assert_eq!(errcodes(&["frobnicate"]).code, 2);
    assert_eq!(errcodes(&["check", "--no-such-flag", "x.toml"]).code, 2);
    assert_eq!(errcodes::<&str>(&[]).code, 2);
    let help = errcodes(&["check", "--help"]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("same rules as the `errcodes!` macro"));
}
