errcodes_runtime::errcodes!("catalogs/invalid-enum-name.toml");

fn main() {}
