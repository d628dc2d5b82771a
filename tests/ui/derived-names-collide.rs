errcodes_runtime::errcodes!("catalogs/derived-names-collide.toml");

fn main() {}
