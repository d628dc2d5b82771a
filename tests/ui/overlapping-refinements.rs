errcodes_runtime::errcodes!("catalogs/overlapping-refinements.toml");

fn main() {}
