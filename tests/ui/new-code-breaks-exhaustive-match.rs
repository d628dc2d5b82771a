errcodes_runtime::errcodes!("catalogs/grown.toml");

fn handle(error: DemoError) -> u8 {
    match error {
        DemoError::First => 1,
        DemoError::Second => 2,
    }
}

fn main() {
    let _ = handle(DemoError::First);
}
