errcodes_runtime::errcodes!("catalogs/refinement-by-detail-without-detail-field.toml");

fn main() {}
