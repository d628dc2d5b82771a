errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/keyword-variant-name.toml");

fn main() {}
