errcodes_runtime::errcodes!("catalogs/duplicate-variant-name.toml");

fn main() {}
