errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/bad-catalog-name.toml");

fn main() {}
