errcodes_runtime::errcodes!("catalogs/keyword-variant-name.toml");

fn main() {}
