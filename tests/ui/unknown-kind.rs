errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/unknown-kind.toml");

fn main() {}
