errcodes_runtime::errcodes!("catalogs/several-mistakes-at-once.toml");

fn main() {}
