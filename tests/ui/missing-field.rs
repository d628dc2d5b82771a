errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/missing-field.toml");

fn main() {}
