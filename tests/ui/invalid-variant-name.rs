errcodes_runtime::errcodes!("catalogs/invalid-variant-name.toml");

fn main() {}
