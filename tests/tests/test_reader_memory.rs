//! Memory of reading a body: bounded by a small multiple of the body, measured by a global
//! allocator that tracks the peak of live bytes, per thread. Before the one reader, a JSON body
//! without a code was parsed a second time into a `serde_json::Value`, about 84 times its size.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use errcodes_runtime::json;
use errcodes_tests::mexc::MexcError;

struct Peak;

thread_local! {
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Peak {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // `try_with`: the thread's own slots may be gone while it shuts down.
        let _ = LIVE.try_with(|live| {
            live.set(live.get() + layout.size());
            let _ = PEAK.try_with(|peak| peak.set(peak.get().max(live.get())));
        });
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let _ = LIVE.try_with(|live| live.set(live.get().saturating_sub(layout.size())));
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Peak = Peak;

/// The most bytes live at once during `f`, beyond those live before it.
fn peak_during(f: impl FnOnce()) -> usize {
    let before = LIVE.with(Cell::get);
    PEAK.with(|peak| peak.set(before));
    f();
    PEAK.with(Cell::get) - before
}

/// The factor SECURITY.md states: reading a body never holds more than this many times its
/// size (plus a few kilobytes of fixed cost).
const FACTOR: usize = 8;

fn bodies() -> Vec<(&'static str, Vec<u8>)> {
    let items = |text: &str| {
        let item = format!("{{\"symbol\":\"BTCUSDT\",\"price\":\"1.5\",\"note\":\"{text}\"}}");
        format!("{{\"data\":[{}]}}", vec![item; 20_000].join(","))
    };
    vec![
        ("json without a code", items("plain").into_bytes()),
        (
            "json with a code and a large payload",
            format!("{{\"code\":730001,\"rest\":{}}}", items("x")).into_bytes(),
        ),
        ("raw tabs in strings", items("\t\t\t\t").into_bytes()),
        (
            "invalid utf-8 in strings",
            items("\u{1}\u{1}\u{1}")
                .bytes()
                .map(|b| if b == 1 { 0xFF } else { b })
                .collect(),
        ),
        ("not json", "<html>".repeat(100_000).into_bytes()),
        // The worst cases of the almost-JSON repair: every byte of the body grows.
        (
            "one string of raw tabs",
            format!("{{\"x\":\"{}\"}}", "\t".repeat(1_000_000)).into_bytes(),
        ),
        (
            "one string of invalid bytes",
            [&b"{\"x\":\""[..], &[0xFF; 1_000_000], b"\"}"].concat(),
        ),
    ]
}

#[test]
fn reading_a_body_holds_a_small_multiple_of_it() {
    for (name, body) in bodies() {
        for status in [200, 500] {
            let read = peak_during(|| {
                std::hint::black_box(json::error_from_response::<MexcError>(status, &(), &body));
            });
            let checked = peak_during(|| {
                let _ = std::hint::black_box(json::check_response::<MexcError>(status, &(), &body));
            });
            let peak = read.max(checked);
            println!(
                "{name} at {status}: {} bytes, peak {peak} ({:.2}x)",
                body.len(),
                peak as f64 / body.len() as f64
            );
            assert!(
                peak <= FACTOR * body.len() + 16 * 1024,
                "{name} at {status}: {peak} bytes live for a body of {}",
                body.len()
            );
        }
    }
}
