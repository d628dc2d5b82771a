errcodes_runtime::errcodes!("../../../../tests/ui/catalogs");

fn main() {}
