errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/mixed-code-types.toml");

fn main() {}
