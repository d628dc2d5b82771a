errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/missing-catalog-table.toml");

fn main() {}
