errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/duplicate-variant-name.toml");

fn main() {}
