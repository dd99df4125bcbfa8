//! Account activity end to end: a real `vigil-server` on 127.0.0.1, enrolment by scanning its QR
//! image, sign-ins through the service with the app's code, the lock and the flagged event in
//! the app, "This was me", "This wasn't me", a document, and the server going down.

use serde_json::json;
use vigil_server::testing::{LocalService, Method};

use crate::support::{App, KeychainService};

#[tokio::test(flavor = "multi_thread")]
async fn enrol_sign_in_lock_answer_and_work_offline() {
    let server = LocalService::start().await;
    let host = server.base.trim_start_matches("http://").to_owned();
    let created = server
        .enrol_with(json!({"external_id": "alice", "email": "alice@example.com", "issuer": "Shop", "label": "alice@example.com"}))
        .await;
    let (account, uri) = (&created.id, &created.uri);
    let png = server
        .site(
            Method::GET,
            &format!("/v1/accounts/{account}/enrolment.png"),
            None,
        )
        .await
        .bytes()
        .await
        .unwrap();
    let pictures = tempfile::tempdir().unwrap();
    let picture = pictures.path().join("enrolment.png");
    std::fs::write(&picture, &png).unwrap();

    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("activity");
    let app = App::start_with(
        dir.path(),
        &service.0,
        (1280, 800),
        &[("VIGIL_ACTIVITY_SECONDS", "2")],
    )
    .await;

    // Enrol by scanning the service's QR image; the preview offers to link, naming the host.
    app.click("#add-button").await;
    app.choose_file("#file-input", &picture).await;
    let offer = app.text_until(".link-pick", |t| !t.is_empty()).await;
    assert_eq!(
        offer,
        format!("Show this account’s sign-ins and orders from {host}")
    );
    app.click("#preview-form button[type=submit]").await;
    app.text_until("#list .row .issuer", |t| t == "Shop").await;

    // Sign in through the service with the code the app shows.
    let shown = app
        .assert_code("#list .row .code", &uri.params, &uri.secret)
        .await;
    assert_eq!(
        server
            .verify(account, &shown.replace(' ', ""), "8.8.8.8")
            .await
            .status(),
        200
    );
    // A second sign-in minutes later from another country: the service locks the account.
    assert_eq!(
        server
            .verify(account, &server.code(&uri.secret, 1), "193.0.6.139")
            .await
            .status(),
        200
    );

    // The list marks the account; its activity shows the lock and the flagged sign-in.
    app.find("#list .row.attention").await;
    app.click("#list .row .activity-button").await;
    let banner = app
        .text_until(".activity .banner p", |t| !t.is_empty())
        .await;
    assert!(
        banner.starts_with("Your account at Shop is locked."),
        "{banner}"
    );
    let reason = app
        .text_until(".flagged-card .reason", |t| !t.is_empty())
        .await;
    assert!(
        reason.starts_with("Signed in from Netherlands")
            && reason.ends_with("after a sign-in from United States"),
        "{reason}"
    );

    // "This was me" unlocks.
    app.click(".flagged-card [data-verdict=mine]").await;
    app.text_until("#toast", |t| t == "Noted. Your account at Shop is active.")
        .await;
    assert_eq!(app.count(".activity .banner").await, 0);

    // A second linked account, added by pasting its link: two countries again, and this time
    // "This wasn't me" from the overview asks first, then locks.
    let second = server
        .enrol_with(json!({"external_id": "bob", "email": "bob@example.com", "issuer": "Travel", "label": "bob@example.com"}))
        .await;
    let (travel_id, travel) = (&second.id, &second.uri);
    app.add_by_uri(&second.text).await;
    app.text_until(".link-pick", |t| t.contains(&host)).await;
    app.click("#preview-form button[type=submit]").await;
    app.text_until("#list .row:nth-child(2) .issuer", |t| t == "Travel")
        .await;
    assert_eq!(
        server
            .verify(travel_id, &server.code(&travel.secret, 0), "8.8.8.8")
            .await
            .status(),
        200
    );
    assert_eq!(
        server
            .verify(travel_id, &server.code(&travel.secret, 1), "133.11.0.1")
            .await
            .status(),
        200
    );
    app.click(".activity [data-action=close-activity]").await;
    let card = app
        .text_until(".overview .flagged-card .account-name", |t| !t.is_empty())
        .await;
    assert_eq!(card, "bob@example.com at Travel");
    app.click(".overview .flagged-card [data-verdict=not_mine]")
        .await;
    app.click("#not-mine-confirm").await;
    app.text_until("#toast", |t| {
        t.starts_with("Your account at Travel is locked.")
    })
    .await;
    app.text_until(".activity .banner p", |t| t.contains("is locked"))
        .await;

    // A file over 10 MB is refused in the page before anything is read or sent; a file that
    // is not a PDF, PNG or JPEG is refused by name; the account stays locked.
    let huge = pictures.path().join("scan.pdf");
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.resize(10 * 1024 * 1024 + 1, b' ');
    std::fs::write(&huge, &bytes).unwrap();
    app.choose_file("#document-input", &huge).await;
    app.text_until("#toast", |t| {
        t == "The file is too large (the limit is 10 MB)"
    })
    .await;
    let text = pictures.path().join("letter.txt");
    std::fs::write(&text, "I am who I say I am").unwrap();
    app.choose_file("#document-input", &text).await;
    app.text_until("#toast", |t| t == "Send a PDF, PNG or JPEG file")
        .await;
    let banner = app
        .text_until(".activity .banner p", |t| !t.is_empty())
        .await;
    assert!(
        banner.contains("is locked") && !banner.contains("reviews it"),
        "{banner}"
    );

    // A document moves it to review.
    let document = pictures.path().join("letter.png");
    std::fs::write(&document, &png).unwrap();
    app.choose_file("#document-input", &document).await;
    app.text_until("#toast", |t| t.starts_with("Document sent"))
        .await;
    app.text_until(".activity .banner p", |t| t.contains("reviews it"))
        .await;

    // The server goes down: the app keeps the cached feed, says so calmly, and codes go on.
    server.stop().await;
    app.click(".activity [data-action=close-activity]").await;
    app.click("#list .row:nth-child(1) .activity-button").await;
    let footer = app
        .text_until(".activity .updated", |t| t.starts_with("Could not reach"))
        .await;
    assert!(
        footer.starts_with(&format!("Could not reach {host}: showing activity from ")),
        "{footer}"
    );
    assert!(app.count(".activity .event").await >= 3);
    app.assert_code("#list .row .code", &uri.params, &uri.secret)
        .await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn older_activity_is_read_when_asked() {
    let server = LocalService::start().await;
    let created = server
        .enrol_with(json!({"external_id": "frank", "email": "frank@example.com", "issuer": "Orders", "label": "frank@example.com"}))
        .await;
    // 105 orders, one an hour: more than the 100 a feed page holds.
    let now = time::OffsetDateTime::now_utc();
    for n in 0..105i64 {
        let at = (now - time::Duration::hours(n + 1))
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        let body = json!({"kind": "order_placed", "occurred_at": at,
            "details": {"reference": format!("ORD-{n:06}"), "amount": "5.00", "currency": "EUR"}});
        let (status, answer) = server.event(&created.id, body).await;
        assert_eq!(status, 201, "{answer}");
    }

    let dir = tempfile::tempdir().unwrap();
    let service = KeychainService::new("older");
    let app = App::start(dir.path(), &service.0).await;
    app.add_by_uri(&created.text).await;
    app.text_until(".link-pick", |t| !t.is_empty()).await;
    app.click("#preview-form button[type=submit]").await;
    app.click("#list .row .activity-button").await;
    app.text_until(".activity .updated", |t| t.starts_with("Updated"))
        .await;
    assert_eq!(app.count(".activity .event").await, 100);
    app.click(".activity [data-action=older-activity]").await;
    app.find(".activity .updated").await;
    for round in 0..80 {
        if app.count(".activity .event").await == 105 {
            break;
        }
        // A redraw of the pane at the moment of the click can take the click with the old
        // button (seen once on a loaded machine): a person would click again.
        if round == 20
            && app
                .count(".activity [data-action=older-activity]:enabled")
                .await
                == 1
        {
            app.click(".activity [data-action=older-activity]").await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    assert_eq!(app.count(".activity .event").await, 105);
    assert_eq!(app.count(".activity [data-action=older-activity]").await, 0);
    app.stop().await;
    server.stop().await;
}
