errcodes_runtime::errcodes!("catalogs/api-error-over-several-sections.toml");

fn main() {}
