//! The account's sessions on a real service: listed, one signed out (its id percent-encoded
//! into the path and signed so), all ended with "Secure my account".

use std::time::Duration;

use serde_json::json;
use vigil_activity::{ActivityClient, ActivityError, FeedLink};
use vigil_core::activity::{AccountState, SessionState};
use vigil_server::testing::{FIREFOX, LocalService};

#[tokio::test]
async fn sessions_are_listed_signed_out_and_secured() {
    let service = LocalService::start().await;
    let enrolled = service
        .enrol_with(json!({"external_id": "alice", "email": "alice@example.com"}))
        .await;
    let link = FeedLink::parse(enrolled.uri.activity.as_deref().unwrap()).unwrap();
    let secret = &enrolled.uri.secret;
    for session in ["phone", "laptop/2 ?%"] {
        let (status, body) = service
            .event(
                &enrolled.id,
                json!({"kind": "sign_in", "ip": "193.0.6.139", "user_agent": FIREFOX,
                       "session": session}),
            )
            .await;
        assert_eq!(status, 201, "{body}");
    }
    let client = ActivityClient::new(Duration::from_secs(10)).unwrap();
    let list = client.sessions(&link, secret).await.unwrap();
    assert_eq!(list.sessions.len(), 2);
    assert_eq!(list.account_state, AccountState::Active);
    assert!(!list.password_reset_required);
    assert_eq!(list.sessions[0].device_words, "Firefox 133 on Windows");

    let ended = client
        .end_session(&link, secret, "laptop/2 ?%")
        .await
        .unwrap();
    assert_eq!(ended.session.id, "laptop/2 ?%");
    assert_eq!(ended.session.state, SessionState::EndedByCustomer);
    let list = client.sessions(&link, secret).await.unwrap();
    let ids: Vec<&str> = list.sessions.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["phone"]);

    match client.end_session(&link, secret, "never").await {
        Err(ActivityError::Refused { status, code, .. }) => {
            assert_eq!((status, code.as_deref()), (404, Some("session_not_found")));
        }
        other => panic!("{other:?}"),
    }

    let secured = client.secure(&link, secret).await.unwrap();
    assert_eq!(secured.ended_sessions, ["phone"]);
    assert!(secured.password_reset_required);
    let list = client.sessions(&link, secret).await.unwrap();
    assert!(list.sessions.is_empty());
    assert!(list.password_reset_required);
}
