errcodes_runtime::errcodes!("catalogs/toml-syntax-error.toml");

fn main() {}
