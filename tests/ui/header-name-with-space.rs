errcodes_runtime::errcodes!("catalogs/header-name-with-space.toml");

fn main() {}
