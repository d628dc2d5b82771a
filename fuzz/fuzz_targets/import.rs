#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errcodes_cli::fuzz::import(data));
