errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/path-with-empty-segment.toml");

fn main() {}
