errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/not-utf8.toml");

fn main() {}
