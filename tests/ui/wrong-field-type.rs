errcodes_runtime::errcodes!("catalogs/wrong-field-type.toml");

fn main() {}
