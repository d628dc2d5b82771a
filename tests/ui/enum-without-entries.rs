errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/enum-without-entries.toml");

fn main() {}
