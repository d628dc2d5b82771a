errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/dotted-item-code.toml");

fn main() {}
