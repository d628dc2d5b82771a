errcodes_runtime::errcodes!("catalogs/missing-catalog-table.toml");

fn main() {}
