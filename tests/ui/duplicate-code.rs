errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/duplicate-code.toml");

fn main() {}
