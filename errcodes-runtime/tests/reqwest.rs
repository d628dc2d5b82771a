//! `reqwest::send` against real sockets on 127.0.0.1: every answer and every way of getting
//! none becomes one `RequestError` with the right kind and advice.
#![deny(warnings)]

mod support;

use std::sync::Arc;
use std::time::Duration;

use errcodes_runtime::reqwest::{Failure, RequestError, send};
use errcodes_runtime::{BodyProblem, ErrorKind, Retry};
use support::{Act, MexcError, MixPayError, Scripted, bounded, client, closed_port};

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
        Err(error) => match error.transport() {
            Some(transport) => transport.failure(),
            None => panic!("expected a transport failure, got {error}"),
        },
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
        let api = error.api().expect("an API error");
        assert_eq!(api.known(), MixPayError::from_code(10008));
        assert_eq!(api.status(), Some(200));
        assert_eq!(error.body().map(|kept| &kept[..]), Some(body.as_bytes()));
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

/// The error chain as anyhow's `{:#}` prints it: each `Display`, then each `source()`.
fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut next = error.source();
    while let Some(cause) = next {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        next = cause.source();
    }
    text
}

#[test]
fn a_request_error_is_one_pointer() {
    // reqwest's own error is one pointer: a `Result` of either stays small on the happy path.
    assert_eq!(
        std::mem::size_of::<RequestError<MexcError>>(),
        std::mem::size_of::<usize>()
    );
    assert_eq!(
        std::mem::size_of::<RequestError<MixPayError>>(),
        std::mem::size_of::<usize>()
    );
}

#[test]
fn retry_after_survives_the_conversion_from_an_api_error() {
    let api = errcodes_runtime::json::error_from_response::<MexcError>(
        429,
        &[("Retry-After", "7")],
        br#"{"code":429,"msg":"Too Many Requests"}"#,
    );
    assert_eq!(api.retry_after(), Some(Duration::from_secs(7)));
    let error = RequestError::from(api);
    assert_eq!(error.retry_after(), Some(Duration::from_secs(7)));
    assert_eq!(error.status(), Some(429));
    assert_eq!(error.body().map(|body| body.len()), Some(0));
    assert!(error.to_string().ends_with("(retry after 7s)"), "{error}");
}

#[test]
fn a_chain_shows_the_api_error_once() {
    bounded(async {
        let body = r#"{"code":700002,"msg":"Signature for this request is not valid."}"#;
        let error = one::<MexcError>(Act::reply(400, body)).await.unwrap_err();
        let printed = chain(&error);
        assert_eq!(
            printed
                .matches("Signature for this request is not valid")
                .count(),
            1,
            "{printed}"
        );
        assert_eq!(printed, error.to_string());
        assert!(std::error::Error::source(&error).is_none());
    });
}

#[test]
fn a_chain_shows_reqwests_message_once_and_its_cause() {
    bounded(async {
        let addr = closed_port().await;
        let error =
            send::<MexcError>(client(Duration::from_secs(5)).post(format!("http://{addr}/order")))
                .await
                .unwrap_err();
        let reqwest_text = error
            .transport()
            .expect("a transport failure")
            .reqwest()
            .to_string();
        let printed = chain(&error);
        assert_eq!(printed.matches(&reqwest_text).count(), 1, "{printed}");
        // The cause below reqwest (hyper's, then the OS's) is still reachable.
        assert!(printed.len() > error.to_string().len(), "{printed}");
    });
}
