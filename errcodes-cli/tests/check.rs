//! `errcodes check`: exit codes, rustc-style diagnostics, the review list behind `--review`,
//! every file checked.

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

/// Every bundled catalog, as `errcodes check catalogs/*.toml` is run in the README.
fn bundled_catalogs() -> Vec<std::path::PathBuf> {
    let dir = workspace().join("errcodes-catalogs/catalogs");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    assert!(files.len() > 10, "{files:?}");
    files
}

#[test]
fn bundled_catalogs_check_clean() {
    let files = bundled_catalogs();
    let mut args = vec!["check".as_ref()];
    args.extend(files.iter().map(|path| path.as_os_str()));
    let run = errcodes(&args);
    assert_eq!(run.code, 0, "{}", run.all());
    // A reviewed catalog prints nothing to act on: no warning, only `path: ok (…)` per file.
    assert_eq!(run.stderr, "", "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), files.len(), "{}", run.stdout);
    for line in run.stdout.lines() {
        assert!(
            line.contains(": ok (") && line.ends_with(" codes)"),
            "{line}"
        );
    }
    assert!(
        run.stdout.contains("mexc.toml: ok (2 enums, "),
        "{}",
        run.stdout
    );
}

#[test]
fn review_lists_what_the_bundled_catalogs_leave_at_other() {
    let files = bundled_catalogs();
    let mut args = vec!["check".as_ref(), "--review".as_ref()];
    args.extend(files.iter().map(|path| path.as_os_str()));
    let run = errcodes(&args);
    // The review list never fails a check.
    assert_eq!(run.code, 0, "{}", run.all());
    let listed = run.stderr.matches("warning: ").count();
    let counted: usize = run
        .stdout
        .lines()
        .filter_map(|line| {
            line.strip_suffix(" warnings")
                .or(line.strip_suffix(" warning"))
        })
        .map(|line| line.rsplit(' ').next().unwrap().parse::<usize>().unwrap())
        .sum();
    assert!(listed > 0, "{}", run.all());
    assert_eq!(listed, counted, "{}", run.all());
    assert!(
        run.stderr.contains("is left at kind `other`"),
        "{}",
        run.stderr
    );
}

#[test]
fn errors_show_position_source_line_caret_and_help() {
    let dir = scratch("check_errors");
    let path = write(&dir, "broken.toml", BROKEN);
    let run = errcodes(&["check".as_ref(), "--review".as_ref(), path.as_os_str()]);
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
    // With --review, the warning is printed too, and counted.
    assert!(out.contains("warning: code 2 of `DemoError` is left at kind `other`"));
    assert!(
        run.stdout
            .contains(&format!("{shown}: 2 errors, 1 warning"))
    );
}

#[test]
fn warnings_are_the_review_list_behind_the_flag() {
    let dir = scratch("check_warnings");
    let path = write(&dir, "warns.toml", WARNS_ONLY);
    // By default: nothing to act on, nothing printed but the summary.
    let run = errcodes(&["check".as_ref(), path.as_os_str()]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert_eq!(run.stderr, "", "{}", run.stderr);
    assert!(
        run.stdout.ends_with("warns.toml: ok (1 enum, 1 code)\n"),
        "{}",
        run.stdout
    );

    // --review: the warning, with its position and help, and its count; still exit 0.
    let review = errcodes(&["check".as_ref(), "--review".as_ref(), path.as_os_str()]);
    assert_eq!(review.code, 0, "{}", review.all());
    assert!(
        review
            .stderr
            .contains("warning: code 7 of `DemoError` is left at kind `other`"),
        "{}",
        review.stderr
    );
    assert!(review.stderr.contains(&format!("{}:10:8", path.display())));
    assert!(
        review.stdout.contains("ok (1 enum, 1 code), 1 warning"),
        "{}",
        review.stdout
    );

    // -q is errors only, as before; asking for both is a usage error.
    let quiet = errcodes(&["check".as_ref(), "-q".as_ref(), path.as_os_str()]);
    assert_eq!(quiet.code, 0);
    assert!(!quiet.stderr.contains("warning"), "{}", quiet.stderr);
    let both = errcodes(&[
        "check".as_ref(),
        "-q".as_ref(),
        "--review".as_ref(),
        path.as_os_str(),
    ]);
    assert_eq!(both.code, 2, "{}", both.all());
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
    assert!(summaries[0].ends_with("broken.toml: 2 errors"));
    assert!(summaries[1].ends_with("missing.toml: 1 error"));
    assert!(summaries[2].ends_with("latin1.toml: 1 error"));
    assert!(summaries[3].ends_with("fine.toml: ok (1 enum, 1 code)"));
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
