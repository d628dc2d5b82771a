errcodes_runtime::errcodes!("catalogs/path-with-empty-segment.toml");

fn main() {}
