#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errcodes_tests::fuzz::catalog(data));
