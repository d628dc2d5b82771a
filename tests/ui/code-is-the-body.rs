errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/code-is-the-body.toml");

fn main() {}
