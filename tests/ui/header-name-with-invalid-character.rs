errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/header-name-with-invalid-character.toml");

fn main() {}
