errcodes_runtime::errcodes!("../../../../tests/ui/catalogs/enum-written-as-table.toml");

fn main() {}
