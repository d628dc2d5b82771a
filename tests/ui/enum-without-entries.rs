errcodes_runtime::errcodes!("catalogs/enum-without-entries.toml");

fn main() {}
