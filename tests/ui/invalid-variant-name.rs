errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/invalid-variant-name.toml");

fn main() {}
