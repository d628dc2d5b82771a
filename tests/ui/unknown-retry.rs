errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/unknown-retry.toml");

fn main() {}
