errcodes_runtime::errcodes!("catalogs/overlapping-template-codes.toml");

fn main() {}
