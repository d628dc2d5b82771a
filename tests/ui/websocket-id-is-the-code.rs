errcodes_runtime::errcodes!("catalogs/websocket-id-is-the-code.toml");

fn main() {}
