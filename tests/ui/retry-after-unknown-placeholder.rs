errcodes_runtime::errcodes!("catalogs/retry-after-unknown-placeholder.toml");

fn main() {}
