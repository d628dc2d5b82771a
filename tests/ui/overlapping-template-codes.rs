errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/overlapping-template-codes.toml");

fn main() {}
