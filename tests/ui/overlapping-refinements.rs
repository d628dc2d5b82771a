errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/overlapping-refinements.toml");

fn main() {}
