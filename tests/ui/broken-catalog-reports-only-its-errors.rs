errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/duplicate-code.toml");

fn describe(error: DemoError) -> String {
    error.to_string()
}

fn generic<E: errcodes_runtime::ErrorCode>() -> usize {
    E::ALL.len()
}

fn main() {
    let _ = describe;
    let _ = generic::<DemoError>();
}
