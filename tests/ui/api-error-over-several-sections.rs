errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/api-error-over-several-sections.toml");

fn main() {}
