errcodes_runtime::errcodes!("catalogs/enum-written-as-table.toml");

fn main() {}
