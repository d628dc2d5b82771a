errcodes_runtime::errcodes!("catalogs/underivable-variant-name.toml");

fn main() {}
