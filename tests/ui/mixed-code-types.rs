errcodes_runtime::errcodes!("catalogs/mixed-code-types.toml");

fn main() {}
