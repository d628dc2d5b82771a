errcodes_runtime::errcodes!("catalogs/dotted-item-code.toml");

fn main() {}
