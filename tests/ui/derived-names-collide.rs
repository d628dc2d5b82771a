errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/derived-names-collide.toml");

fn main() {}
