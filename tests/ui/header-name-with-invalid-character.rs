errcodes_runtime::errcodes!("catalogs/header-name-with-invalid-character.toml");

fn main() {}
