errcodes_runtime::errcodes!("catalogs/code-out-of-range.toml");

fn main() {}
