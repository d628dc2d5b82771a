errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/refinement-by-detail-without-detail-field.toml");

fn main() {}
