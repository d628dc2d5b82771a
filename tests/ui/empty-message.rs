errcodes_runtime::errcodes!("catalogs/empty-message.toml");

fn main() {}
