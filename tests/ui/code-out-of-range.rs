errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/code-out-of-range.toml");

fn main() {}
