errcodes_runtime::errcodes!("catalogs/unknown-kind.toml");

fn main() {}
