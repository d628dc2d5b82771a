errcodes_runtime::errcodes!("catalogs/path-ending-with-a-dot.toml");

fn main() {}
