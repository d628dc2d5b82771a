errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/path-ending-with-a-dot.toml");

fn main() {}
