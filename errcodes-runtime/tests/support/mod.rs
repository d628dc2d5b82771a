//! A scripted HTTP/1.1 server on 127.0.0.1: each connection gets the next act of a script,
//! written byte by byte, so that a test can produce the failures a real server crate will not
//! (a reset mid-body, silence, a close before answering).
#![allow(dead_code)] // each test file uses part of it

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

// Each expands to `pub mod mexc` / `pub mod mixpay` (both with a `Code` and an `Error`), and
// re-exports the section enums `MexcError` and `MixPayError` here.
errcodes_runtime::errcodes!("catalogs/mexc.toml");
errcodes_runtime::errcodes!("catalogs/mixpay.toml");

/// Every test's limit: far above a normal run, below any CI job limit.
pub const LIMIT: Duration = Duration::from_secs(20);

/// Runs `test` on a fresh current-thread runtime under [`LIMIT`].
pub fn bounded<F: std::future::Future<Output = ()>>(test: F) {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime")
        .block_on(async {
            tokio::time::timeout(LIMIT, test)
                .await
                .expect("test still running after the limit");
        });
}

/// What the server does on one connection, after reading the request head.
#[derive(Clone)]
pub enum Act {
    /// Writes a complete response, then closes.
    Reply {
        status: u16,
        headers: &'static [(&'static str, &'static str)],
        body: &'static str,
    },
    /// Writes the head and `partial` of a longer body, then resets the connection (RST).
    ResetMidBody { partial: &'static str },
    /// Closes the connection without a byte of answer.
    CloseWithoutAnswer,
    /// Says nothing until the client gives up (bounded by [`LIMIT`]).
    Silence,
}

impl Act {
    pub const fn reply(status: u16, body: &'static str) -> Act {
        Act::Reply {
            status,
            headers: &[],
            body,
        }
    }
}

/// A running script; requests received are counted and timed.
pub struct Scripted {
    pub addr: SocketAddr,
    arrivals: Arc<Mutex<Vec<Instant>>>,
}

impl Scripted {
    /// Serves `script` in order, one act per connection; the last act repeats.
    pub async fn start(script: Vec<Act>) -> Scripted {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("a bound address");
        let arrivals = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&arrivals);
        tokio::spawn(async move {
            let mut next = 0;
            while let Ok((stream, _)) = listener.accept().await {
                let act = script[next.min(script.len() - 1)].clone();
                next += 1;
                let seen = Arc::clone(&seen);
                tokio::spawn(perform(stream, act, seen));
            }
        });
        Scripted { addr, arrivals }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// When each request arrived, in order.
    pub fn arrivals(&self) -> Vec<Instant> {
        self.arrivals
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

async fn perform(mut stream: TcpStream, act: Act, arrivals: Arc<Mutex<Vec<Instant>>>) {
    if !read_head(&mut stream).await {
        return;
    }
    arrivals
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(Instant::now());
    match act {
        Act::Reply {
            status,
            headers,
            body,
        } => {
            let mut head = format!(
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n",
                body.len()
            );
            for (name, value) in headers {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
            head.push_str("\r\n");
            let _ = stream.write_all(head.as_bytes()).await;
            let _ = stream.write_all(body.as_bytes()).await;
            let _ = stream.shutdown().await;
        }
        Act::ResetMidBody { partial } => {
            let head = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
                partial.len() + 100
            );
            let _ = stream.write_all(head.as_bytes()).await;
            let _ = stream.write_all(partial.as_bytes()).await;
            let _ = stream.flush().await;
            // Let the client read what was sent, then drop with linger 0: an RST, not a FIN.
            tokio::time::sleep(Duration::from_millis(50)).await;
            let _ = stream.set_zero_linger();
        }
        Act::CloseWithoutAnswer => {}
        Act::Silence => tokio::time::sleep(LIMIT).await,
    }
}

/// Reads up to the end of the request head; false when the client hung up first. The tests
/// send no request bodies.
async fn read_head(stream: &mut TcpStream) -> bool {
    let mut head = Vec::new();
    let mut buf = [0; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return false,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    true
}

/// A client as a bot would build one: loopback only, no proxy, bounded.
pub fn client(timeout: Duration) -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .connect_timeout(Duration::from_secs(2))
        .timeout(timeout)
        .build()
        .expect("a client without TLS builds")
}

/// A port on 127.0.0.1 with nothing listening: bound, then released.
pub async fn closed_port() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind 127.0.0.1:0");
    listener.local_addr().expect("a bound address")
}
