errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/no-such-file.toml");

fn main() {}
