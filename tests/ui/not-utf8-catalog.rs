errcodes_runtime::errcodes!("catalogs/not-utf8.toml");

fn main() {}
