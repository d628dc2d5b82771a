errcodes_runtime::errcodes!("catalogs/duplicate-enum-name.toml");

fn main() {}
