errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/items-naming-the-code-field.toml");

fn main() {}
