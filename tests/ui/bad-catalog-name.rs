errcodes_runtime::errcodes!("catalogs/bad-catalog-name.toml");

fn main() {}
