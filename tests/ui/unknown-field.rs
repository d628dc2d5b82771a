errcodes_runtime::errcodes!("catalogs/unknown-field.toml");

fn main() {}
