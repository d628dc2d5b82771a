errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/bad-http-rule.toml");

fn main() {}
