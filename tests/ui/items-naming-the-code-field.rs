errcodes_runtime::errcodes!("catalogs/items-naming-the-code-field.toml");

fn main() {}
