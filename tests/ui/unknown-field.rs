errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/unknown-field.toml");

fn main() {}
