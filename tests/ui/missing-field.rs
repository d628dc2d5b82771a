errcodes_runtime::errcodes!("catalogs/missing-field.toml");

fn main() {}
