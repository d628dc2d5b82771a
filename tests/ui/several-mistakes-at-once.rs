errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/several-mistakes-at-once.toml");

fn main() {}
