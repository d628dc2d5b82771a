errcodes_runtime::errcodes!("catalogs/second-spelling-and-failure-text.toml");

fn main() {}
