errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/unclosed-placeholder.toml");

fn main() {}
