errcodes_runtime::errcodes!("catalogs/duplicate-code.toml");

fn main() {}
