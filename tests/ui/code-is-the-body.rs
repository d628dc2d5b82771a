errcodes_runtime::errcodes!("catalogs/code-is-the-body.toml");

fn main() {}
