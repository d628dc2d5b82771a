errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/toml-syntax-error.toml");

fn main() {}
