errcodes_runtime::errcodes!("/etc/errcodes.toml");

fn main() {}
