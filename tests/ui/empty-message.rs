errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/empty-message.toml");

fn main() {}
