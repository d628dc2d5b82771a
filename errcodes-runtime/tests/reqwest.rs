//! `reqwest::send` against real sockets on 127.0.0.1: every answer and every way of getting
//! none becomes one `RequestError` with the right kind and advice.
#![deny(warnings)]

mod support;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use errcodes_runtime::reqwest::{Failure, RequestError, send};
use errcodes_runtime::{BodyProblem, ErrorKind, Retry};
use support::{Act, LIMIT, MexcError, MixPayError, Scripted, client, closed_port};

/// Runs `test` on a fresh current-thread runtime under [`LIMIT`].
fn bounded<F: Future<Output = ()>>(test: F) {
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

async fn one<E: errcodes_runtime::ErrorCode>(act: Act) -> Result<bytes::Bytes, RequestError<E>> {
    let server = Scripted::start(vec![act]).await;
    let result = send::<E>(client(Duration::from_secs(5)).post(server.url("/order"))).await;
    assert_eq!(server.arrivals().len(), 1, "one request reached the server");
    result
}

fn transport<E: errcodes_runtime::ErrorCode>(
    result: Result<bytes::Bytes, RequestError<E>>,
) -> Failure {
    match result {
        Err(RequestError::Transport(transport)) => transport.failure(),
        Err(other) => panic!("expected a transport failure, got {other}"),
        Ok(body) => panic!("expected a transport failure, got a body {body:?}"),
    }
}

#[test]
fn a_2xx_answer_is_its_body() {
    bounded(async {
        let body = one::<MexcError>(Act::reply(200, r#"{"orderId":"1"}"#))
            .await
            .unwrap();
        assert_eq!(&body[..], br#"{"orderId":"1"}"#);
    });
}

#[test]
fn an_error_status_is_the_catalogs_error() {
    bounded(async {
        let body = r#"{"code":700002,"msg":"Signature for this request is not valid."}"#;
        let error = one::<MexcError>(Act::reply(400, body)).await.unwrap_err();
        let api = error.api().expect("an API error");
        assert_eq!(api.known(), Some(MexcError::InvalidSignature));
        assert_eq!(error.status(), Some(400));
        assert_eq!(
            (error.kind(), error.retry()),
            (ErrorKind::Authentication, Retry::Never)
        );
        assert_eq!(error.retry_after(), None);
    });
}

#[test]
fn an_error_inside_http_200_is_an_error_and_keeps_the_body() {
    bounded(async {
        let body =
            r#"{"code":10008,"success":false,"message":"Payments are suspended.","data":{"x":1}}"#;
        let error = one::<MixPayError>(Act::reply(200, body)).await.unwrap_err();
        let RequestError::Api {
            error: api,
            body: kept,
            ..
        } = &error
        else {
            panic!("expected an API error, got {error}");
        };
        assert_eq!(api.known(), MixPayError::from_code(10008));
        assert_eq!(api.status(), Some(200));
        assert_eq!(&kept[..], body.as_bytes());
    });
}

#[test]
fn retry_after_in_seconds_is_read() {
    bounded(async {
        let act = Act::Reply {
            status: 429,
            headers: &[("retry-after", "7")],
            body: r#"{"code":429,"msg":"Too Many Requests"}"#,
        };
        let error = one::<MexcError>(act).await.unwrap_err();
        assert_eq!(error.retry(), Retry::Backoff);
        assert_eq!(error.retry_after(), Some(Duration::from_secs(7)));
        assert!(error.to_string().ends_with("(retry after 7s)"), "{error}");
    });
}

#[test]
fn an_empty_504_is_verify_first() {
    bounded(async {
        let error = one::<MexcError>(Act::reply(504, "")).await.unwrap_err();
        let api = error.api().expect("an API error");
        assert_eq!(api.body_problem(), Some(BodyProblem::Empty));
        assert_eq!(
            (error.kind(), error.retry()),
            (ErrorKind::Timeout, Retry::VerifyFirst)
        );
    });
}

#[test]
fn a_refused_connection_sent_nothing_so_backs_off() {
    bounded(async {
        let addr = closed_port().await;
        let result =
            send::<MexcError>(client(Duration::from_secs(5)).post(format!("http://{addr}/order")))
                .await;
        let error = result.unwrap_err();
        assert_eq!(
            error.transport().map(|t| t.failure()),
            Some(Failure::NotConnected),
            "{error}"
        );
        assert_eq!(
            (error.kind(), error.retry()),
            (ErrorKind::Unavailable, Retry::Backoff)
        );
        assert!(
            error
                .to_string()
                .starts_with("could not connect, nothing was sent: "),
            "{error}"
        );
    });
}

/// Resolves every name to nothing, as a DNS failure would.
struct NoSuchHost;

impl reqwest::dns::Resolve for NoSuchHost {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let name = name.as_str().to_owned();
        Box::pin(
            async move { Err::<reqwest::dns::Addrs, _>(format!("no such host: {name}").into()) },
        )
    }
}

#[test]
fn a_dns_failure_sent_nothing_so_backs_off() {
    bounded(async {
        let client = reqwest::Client::builder()
            .no_proxy()
            .dns_resolver(Arc::new(NoSuchHost))
            .timeout(Duration::from_secs(5))
            .build()
            .unwrap();
        let error = send::<MexcError>(client.post("http://exchange.invalid/order"))
            .await
            .unwrap_err();
        assert_eq!(
            error.transport().map(|t| t.failure()),
            Some(Failure::NotConnected),
            "{error}"
        );
        assert_eq!(error.retry(), Retry::Backoff);
    });
}

#[test]
fn silence_after_sending_times_out_and_is_verify_first() {
    bounded(async {
        let server = Scripted::start(vec![Act::Silence]).await;
        let result =
            send::<MexcError>(client(Duration::from_millis(300)).post(server.url("/order"))).await;
        assert_eq!(server.arrivals().len(), 1, "the request reached the server");
        assert_eq!(transport(result), Failure::TimedOut);
        assert_eq!(Failure::TimedOut.retry(), Retry::VerifyFirst);
        assert_eq!(Failure::TimedOut.kind(), ErrorKind::Timeout);
    });
}

#[test]
fn a_reset_mid_body_is_verify_first() {
    bounded(async {
        let result = one::<MexcError>(Act::ResetMidBody {
            partial: r#"{"orderId":"#,
        })
        .await;
        let failure = transport(result);
        assert_eq!(failure, Failure::Interrupted);
        assert_eq!(
            (failure.kind(), failure.retry()),
            (ErrorKind::Internal, Retry::VerifyFirst)
        );
        assert!(failure.maybe_sent());
    });
}

#[test]
fn a_close_before_answering_is_verify_first() {
    bounded(async {
        let failure = transport(one::<MexcError>(Act::CloseWithoutAnswer).await);
        assert_eq!(failure, Failure::Interrupted);
    });
}

#[test]
fn an_unbuildable_request_is_never_retried() {
    bounded(async {
        let error = send::<MexcError>(client(Duration::from_secs(1)).post("not a url"))
            .await
            .unwrap_err();
        assert_eq!(
            error.transport().map(|t| t.failure()),
            Some(Failure::Unbuildable),
            "{error}"
        );
        assert_eq!(error.retry(), Retry::Never);
    });
}
