errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/wrong-field-type.toml");

fn main() {}
