errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/invalid-enum-name.toml");

fn main() {}
