//! The `tracing` events of failed requests and retries. Alone in its binary: tracing caches
//! per-callsite interest process-wide, so a thread-local subscriber races with other tests.
#![deny(warnings)]

mod support;

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use backon::ConstantBuilder;
use errcodes_runtime::reqwest::send;
use support::{Act, LIMIT, MexcError, Scripted, client, closed_port};

/// A `tracing` writer into a shared buffer.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_failed_request_is_one_tracing_event_with_its_fields() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(async {
        tokio::time::timeout(LIMIT, async {
            let body = r#"{"code":700002,"msg":"Signature for this request is not valid."}"#;
            let server = Scripted::start(vec![Act::reply(400, body)]).await;
            send::<MexcError>(client(Duration::from_secs(5)).post(server.url("/")))
                .await
                .unwrap_err();
            let addr = closed_port().await;
            let backoff = ConstantBuilder::default()
                .with_delay(Duration::from_millis(1))
                .with_max_times(1);
            errcodes_runtime::backon::retry(backoff, || {
                send::<MexcError>(client(Duration::from_secs(5)).post(format!("http://{addr}/")))
            })
            .await
            .unwrap_err();
        })
        .await
        .expect("test still running after the limit");
    });
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let lines: Vec<&str> = log
        .lines()
        .filter(|line| line.contains("request failed"))
        .collect();
    // The signature error, then the refused connection twice: the first try and one retry.
    assert_eq!(lines.len(), 3, "{log}");
    for field in [
        "venue=\"mexc\"",
        "code=700002",
        "kind=authentication",
        "retry=never",
        "status=400",
    ] {
        assert!(
            lines[0].contains(field),
            "{field} missing from {}",
            lines[0]
        );
    }
    for field in ["venue=\"mexc\"", "kind=unavailable", "retry=backoff"] {
        assert!(
            lines[1].contains(field),
            "{field} missing from {}",
            lines[1]
        );
    }
    assert!(!lines[1].contains("code="), "{}", lines[1]);
    let retries: Vec<&str> = log
        .lines()
        .filter(|line| line.contains("retrying after"))
        .collect();
    assert_eq!(retries.len(), 1, "{log}");
    for field in [
        "venue=\"mexc\"",
        "kind=unavailable",
        "retry=backoff",
        "delay_ms=1",
    ] {
        assert!(
            retries[0].contains(field),
            "{field} missing from {}",
            retries[0]
        );
    }
}
