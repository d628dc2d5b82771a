errcodes_runtime::errcodes!("catalogs/unknown-retry.toml");

fn main() {}
