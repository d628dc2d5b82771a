errcodes_runtime::errcodes!("catalogs/unclosed-placeholder.toml");

fn main() {}
