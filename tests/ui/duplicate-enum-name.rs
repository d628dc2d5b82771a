errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/duplicate-enum-name.toml");

fn main() {}
