//! Lookups, `Display` of a known code and a known `ApiError` allocate nothing: counted by a
//! global allocator, per thread, so the test harness's own threads do not interfere.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::Write;

use errcodes_catalogs as cat;
use errcodes_runtime::websocket::{Frame, RequestId, read_frame};
use errcodes_runtime::{ApiError, ErrorCode, json};
use errcodes_tests::frames::FrameError;
use errcodes_tests::{mexc::MexcError, mixpay::MixPayRefundReason, strings::StringCodeError};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

fn exercise<E: ErrorCode>(out: &mut String) {
    for &error in E::ALL.iter().filter(|error| !error.is_refinement()) {
        let found = E::from_code(error.code());
        assert_eq!(found, Some(error));
        out.clear();
        write!(out, "{error}").unwrap();
        assert_eq!(out.len(), error.message().len());
        std::hint::black_box((
            error.kind(),
            error.retry(),
            error.name(),
            error.description(),
        ));
    }
}

#[test]
fn the_hot_paths_do_not_allocate() {
    let mut out = String::with_capacity(4096);
    let counted = allocations_during(|| {
        exercise::<MexcError>(&mut out);
        exercise::<MixPayRefundReason>(&mut out);
        exercise::<StringCodeError>(&mut out);
        assert_eq!(MexcError::from_code(42), None);
        assert_eq!(StringCodeError::from_code("nope"), None);
        let known = ApiError::<MexcError>::from_code(429, Some("Too Many Requests"));
        assert_eq!(known.known(), Some(MexcError::TooManyRequests));
        let unknown_int = ApiError::<MexcError>::from_code(999_999, None).with_status(500);
        assert_eq!(unknown_int.code(), Some(999_999));
        // Parsing a body whose message is the catalog's borrows it and keeps nothing.
        let body = r#"{"code":700002,"msg":"Signature for this request is not valid"}"#;
        let parsed: ApiError<MexcError> = serde_json::from_str(body).unwrap();
        assert_eq!(parsed.known(), Some(MexcError::InvalidSignature));
        // A failure marked by text, and a code in its second spelling, are read in place.
        let swap = br#"{"status":"error","err_code":1047,"err_msg":"Insufficient margin available.","ts":1}"#;
        let marked = json::check_response::<cat::htx_futures::Code>(200, &(), swap).unwrap_err();
        assert!(marked.known().is_some());
        let old = br#"{"ret_code":10001,"ret_msg":"Request parameter error","result":null}"#;
        let old = json::check_response::<cat::bybit::Code>(200, &(), old).unwrap_err();
        assert!(old.known().is_some());
        // A WebSocket frame of a listed code: the id is borrowed, the error keeps nothing.
        let frame = r#"{"id":"o-1","status":400,"error":{"code":-2010,"msg":"Account has insufficient balance for requested action."},"rateLimits":[]}"#;
        match read_frame::<FrameError>(frame) {
            Frame::Error { id, error } => {
                assert_eq!(id, Some(RequestId::Text("o-1".into())));
                assert_eq!(
                    error.known(),
                    Some(FrameError::AccountInsufficientBalanceRequestedAction)
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            read_frame::<FrameError>(r#"{"subscriptionId":0,"data":[1,2]}"#),
            Frame::NotAnAnswer
        ));
    });
    assert_eq!(
        counted, 0,
        "allocations on lookups, Display or known ApiErrors"
    );

    // The counter does count: a server message that differs from the catalog's is kept.
    let counted = allocations_during(|| {
        let kept = ApiError::<MexcError>::from_code(429, Some("slow down"));
        assert_eq!(kept.message(), "slow down");
    });
    assert_eq!(counted, 1);
}
