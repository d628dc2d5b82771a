errcodes_runtime::errcodes!("catalogs/items-two-dots.toml");

fn main() {}
