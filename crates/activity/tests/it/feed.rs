//! Reading a real feed, answering flagged events and sending a document, all signed.

use std::time::Duration;

use serde_json::json;
use vigil_activity::{ActivityClient, ActivityError, FeedLink};
use vigil_core::activity::{AccountState, EventKind, Verdict};
use vigil_core::{OtpUri, Secret};
use vigil_server::Clock;
use vigil_server::testing::LocalService;

/// A new account: its enrolment URI as the app would scan it.
async fn enrol(service: &LocalService, email: &str) -> OtpUri {
    service
        .enrol_with(json!({"external_id": email, "email": email}))
        .await
        .uri
}

/// Signs in through the site with the code of `offset` steps from now, from `ip`.
async fn sign_in(
    service: &LocalService,
    link: &FeedLink,
    uri: &OtpUri,
    offset: i64,
    ip: &str,
) -> u16 {
    let code = service.code(&uri.secret, offset);
    let response = service.verify(link.account_id(), &code, ip).await;
    response.status().as_u16()
}

fn client() -> ActivityClient {
    ActivityClient::new(Duration::from_secs(10)).unwrap()
}

#[tokio::test]
async fn a_feed_is_read_answered_and_a_document_sent() {
    let service = LocalService::start().await;
    let uri = enrol(&service, "alice@example.com").await;
    let link = FeedLink::parse(uri.activity.as_deref().unwrap()).unwrap();
    assert!(link.as_str().starts_with(&service.base));

    // Two sign-ins from two countries minutes apart: the second is flagged and locks.
    assert_eq!(sign_in(&service, &link, &uri, 0, "8.8.8.8").await, 200);
    assert_eq!(sign_in(&service, &link, &uri, 1, "193.0.6.139").await, 200);

    let client = client();
    let fetch = client.feed(&link, &uri.secret, None, 50).await.unwrap();
    assert!(fetch.date.is_some(), "the Date header is passed on");
    let page = fetch.page;
    assert_eq!(page.account_state, AccountState::LockedPendingVerification);
    let flagged: Vec<_> = page.events.iter().filter(|e| e.flagged).collect();
    assert_eq!(flagged.len(), 1, "{:#?}", page.events);
    assert_eq!(flagged[0].country.as_deref(), Some("NL"));
    assert!(!flagged[0].reasons.is_empty());
    let sign_ins = page
        .events
        .iter()
        .filter(|e| e.kind == EventKind::SignIn)
        .count();
    assert_eq!(sign_ins, 2);

    // Pages: one event at a time, following `next`.
    let first = client.feed(&link, &uri.secret, None, 1).await.unwrap().page;
    assert_eq!(first.events.len(), 1);
    let next = first.next.as_deref().unwrap();
    let second = client
        .feed(&link, &uri.secret, Some(next), 1)
        .await
        .unwrap()
        .page;
    assert_ne!(second.events[0].id, first.events[0].id);

    // "This was me" on the flagged sign-in unlocks.
    let answer = client
        .verdict(&link, &uri.secret, &flagged[0].id, Verdict::Mine)
        .await
        .unwrap();
    assert_eq!(answer.account_state, AccountState::Active);

    // "This wasn't me" on the other sign-in locks at once.
    let other = page
        .events
        .iter()
        .find(|e| e.kind == EventKind::SignIn && !e.flagged)
        .unwrap();
    let answer = client
        .verdict(&link, &uri.secret, &other.id, Verdict::NotMine)
        .await
        .unwrap();
    assert_eq!(
        answer.account_state,
        AccountState::LockedPendingVerification
    );

    // A document moves the locked account to review.
    let png = b"\x89PNG\r\n\x1a\n rest of a picture".to_vec();
    let received = client.document(&link, &uri.secret, png).await.unwrap();
    assert_eq!(received.account_state, AccountState::LockedPendingReview);
}

#[tokio::test]
async fn a_wrong_secret_is_refused_with_the_services_message() {
    let service = LocalService::start().await;
    let uri = enrol(&service, "bob@example.com").await;
    let link = FeedLink::parse(uri.activity.as_deref().unwrap()).unwrap();
    let wrong = Secret::from_bytes(vec![7; 20]);
    let error = client().feed(&link, &wrong, None, 10).await.unwrap_err();
    let ActivityError::Refused { status, code, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(*status, 401);
    assert!(code.is_some(), "{error}");
    // An account the service does not know.
    let unknown = FeedLink::parse(&format!("{}/v1/feed/no-such-account", service.base)).unwrap();
    let error = client()
        .feed(&unknown, &uri.secret, None, 10)
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            ActivityError::Refused {
                status: 404 | 401,
                ..
            }
        ),
        "{error:?}"
    );
}

#[tokio::test]
async fn the_service_s_clock_is_measured_and_a_far_off_clock_is_corrected_when_signing() {
    let clock = Clock::system();
    let service = LocalService::start_with(clock.clone(), |_, _| {}).await;
    let uri = enrol(&service, "clock@example.com").await;
    let link = FeedLink::parse(uri.activity.as_deref().unwrap()).unwrap();
    let client = client();

    // The service's clock is 2 minutes ahead of this computer's.
    clock.advance(120);
    let fetch = client.feed(&link, &uri.secret, None, 10).await.unwrap();
    let offset = fetch.clock_offset.expect("server_time and Date agree");
    assert!((119..=121).contains(&offset), "{offset}");
    let host = link.host();
    assert_eq!(client.clock_offset(&host), 0, "nothing was refused yet");

    // Ten minutes ahead: the first signature is refused for its timestamp; the client learns
    // the service's time from the answer's Date and the request goes through.
    clock.advance(480);
    let fetch = client.feed(&link, &uri.secret, None, 10).await.unwrap();
    assert!(
        (599..=601).contains(&client.clock_offset(&host)),
        "{}",
        client.clock_offset(&host)
    );
    assert_eq!(
        client.clock_offset("other.example"),
        0,
        "one service's clock never moves requests to another"
    );
    assert!((599..=601).contains(&fetch.clock_offset.unwrap()));
    // A client that already knows the offset signs right the first time, and clones share it.
    let clone = client.clone();
    clone.feed(&link, &uri.secret, None, 10).await.unwrap();
}

#[tokio::test]
async fn the_cached_feed_grows_with_newer_reads_and_older_pages() {
    use vigil_activity::history::{append_older, merge_newest};
    let service = LocalService::start().await;
    let uri = enrol(&service, "erin@example.com").await;
    let link = FeedLink::parse(uri.activity.as_deref().unwrap()).unwrap();
    // Order n placed 10 - n minutes ago, so newest first is 4, 3, 2, 1.
    let order = |n: u32| {
        let at = time::OffsetDateTime::now_utc() - time::Duration::minutes(10 - i64::from(n));
        let at = at
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        json!({"kind": "order_placed", "occurred_at": at, "details": {"reference": format!("ORD-2026-100{n}"), "amount": "10.00", "currency": "EUR"}})
    };
    for n in 1..=3 {
        assert_eq!(service.event(link.account_id(), order(n)).await.0, 201);
    }
    let client = client();
    // The first read: the newest two; the oldest is behind the cursor.
    let first = client.feed(&link, &uri.secret, None, 2).await.unwrap().page;
    assert_eq!(first.events.len(), 2);
    let cursor = first.next.clone().expect("a third event is older");
    // A new order, then the next read's newest two: the cached older one stays below them.
    assert_eq!(service.event(link.account_id(), order(4)).await.0, 201);
    let newest = client.feed(&link, &uri.secret, None, 2).await.unwrap().page;
    let merged = merge_newest(newest, Some(first));
    assert_eq!(merged.events.len(), 3, "{:#?}", merged.events);
    assert_eq!(merged.next.as_deref(), Some(cursor.as_str()));
    // "Show older": the page after the cursor brings the first order, and nothing is older.
    let older = client
        .feed(&link, &uri.secret, Some(&cursor), 2)
        .await
        .unwrap()
        .page;
    let all = append_older(merged, older);
    assert_eq!(all.next, None);
    // The same events, in the same order, as one read of everything.
    let whole = client
        .feed(&link, &uri.secret, None, 10)
        .await
        .unwrap()
        .page;
    let ids = |page: &vigil_core::activity::FeedPage| {
        page.events.iter().map(|e| e.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(whole.events.len(), 4);
    assert_eq!(ids(&all), ids(&whole));
    let last4: Vec<String> = all
        .events
        .iter()
        .map(|e| {
            e.details["reference"]
                .as_str()
                .unwrap()
                .chars()
                .rev()
                .take(4)
                .collect::<String>()
                .chars()
                .rev()
                .collect()
        })
        .collect();
    assert_eq!(last4, ["1004", "1003", "1002", "1001"]);
}
