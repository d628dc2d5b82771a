errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/items-two-dots.toml");

fn main() {}
