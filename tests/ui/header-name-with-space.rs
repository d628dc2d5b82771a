errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/header-name-with-space.toml");

fn main() {}
