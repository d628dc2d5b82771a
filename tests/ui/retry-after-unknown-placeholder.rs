errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/retry-after-unknown-placeholder.toml");

fn main() {}
