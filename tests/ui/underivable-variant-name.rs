errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/underivable-variant-name.toml");

fn main() {}
