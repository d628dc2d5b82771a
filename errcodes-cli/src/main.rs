//! `errcodes`: check, import, document and look up error-code catalogs (see the library,
//! `src/lib.rs`, for the command line and its exit codes).

fn main() -> std::process::ExitCode {
    errcodes_cli::main()
}
