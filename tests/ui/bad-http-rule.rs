errcodes_runtime::errcodes!("catalogs/bad-http-rule.toml");

fn main() {}
