errcodes_runtime::errcodes!(catalogs::mexc);

fn main() {}
