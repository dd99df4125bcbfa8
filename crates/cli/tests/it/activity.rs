//! Linking accounts to a real `vigil-server` (in this process, on 127.0.0.1), reading their
//! activity and answering it with `vigil`; the server going away is a clear failure.

use serde_json::{Value, json};
use vigil_core::OtpUri;
use vigil_server::testing::LocalService;

use crate::support::Home;

/// Signs in through the site with the code `step` periods from now, from `ip`.
async fn sign_in(service: &LocalService, uri: &OtpUri, account: &str, step: i64, ip: &str) {
    let code = service.code(&uri.secret, step);
    let response = service.verify(account, &code, ip).await;
    assert!(
        response.status().is_success(),
        "verify: {}",
        response.status()
    );
}

/// `vigil` runs as a child process; run it off the async runtime.
async fn vigil(home: &Home, args: &[&str]) -> crate::support::Run {
    let command = home.command(args);
    tokio::task::spawn_blocking(move || {
        let mut command = command;
        crate::support::Run::from(command.output().unwrap())
    })
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn linked_accounts_show_their_activity_and_take_verdicts() {
    let server = LocalService::start().await;
    let base = server.base.clone();
    let created = server
        .enrol_with(json!({"external_id": "alice", "email": "alice@example.com", "issuer": "Shop", "label": "alice"}))
        .await;
    let text = created.text.as_str();
    let account = created.id.as_str();
    let uri = &created.uri;
    let home = Home::new();

    // Adding links, and says so; --no-link does not.
    let run = vigil(&home, &["add", "--uri", text]).await;
    assert_eq!(run.status, 0, "{}", run.stderr);
    let host = base.trim_start_matches("http://");
    assert!(
        run.stdout
            .contains(&format!("Linked to its activity at {host}")),
        "{}",
        run.stdout
    );

    // Two sign-ins from two countries: the account is locked and the second is flagged.
    sign_in(&server, uri, account, 0, "8.8.8.8").await;
    sign_in(&server, uri, account, 1, "193.0.6.139").await;
    let run = vigil(&home, &["activity"]).await;
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("Account locked: confirm the flagged activity"),
        "{}",
        run.stdout
    );
    let first_line = run
        .stdout
        .lines()
        .find(|l| l.trim_start().starts_with('!'))
        .unwrap();
    assert!(
        first_line.contains("Signed in from Netherlands"),
        "{}",
        run.stdout
    );

    let run = vigil(&home, &["activity", "shop", "--json"]).await;
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let events = json[0]["events"].as_array().unwrap();
    let flagged: Vec<&Value> = events.iter().filter(|e| e["flagged"] == true).collect();
    assert_eq!(flagged.len(), 1);
    let id = flagged[0]["id"].as_str().unwrap();

    // "mine" unlocks.
    let run = vigil(&home, &["verdict", id, "mine"]).await;
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("The account is active."),
        "{}",
        run.stdout
    );
    let run = vigil(&home, &["verdict", "no-such-event", "mine"]).await;
    assert_eq!(run.status, 2);

    // Unlink, and an insecure link is refused.
    let run = vigil(&home, &["unlink", "shop"]).await;
    assert_eq!(run.status, 0);
    let run = vigil(&home, &["activity"]).await;
    assert!(
        run.stdout.contains("No account is linked"),
        "{}",
        run.stdout
    );
    let run = vigil(&home, &["link", "shop", "http://shop.example/v1/feed/x"]).await;
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("must use https://"), "{}", run.stderr);
    let feed = uri.activity.clone().unwrap();
    let run = vigil(&home, &["link", "shop", &feed]).await;
    assert_eq!(run.status, 0, "{}", run.stderr);

    // The server goes away: a clear failure naming the host.
    server.stop().await;
    let run = vigil(&home, &["activity"]).await;
    assert_eq!(run.status, 1);
    assert!(
        run.stdout.contains(&format!("Could not reach {host}")),
        "{}",
        run.stdout
    );
}

#[test]
fn no_link_skips_the_feed() {
    let home = Home::new();
    let uri = "otpauth://totp/Shop:bob?secret=JBSWY3DPEHPK3PXP&issuer=Shop&activity=https%3A%2F%2Fshop.example%2Fv1%2Ffeed%2Fabc";
    let out = home.ok(&["add", "--uri", uri, "--no-link"]);
    assert!(!out.contains("Linked"), "{out}");
    let run = home.run(&["activity", "shop"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("is not linked"), "{}", run.stderr);
    // A link that is not https is dropped with a warning; the account is still added.
    let insecure = "otpauth://totp/Mail:bob?secret=KRUGS4ZANFZSA5DIMUQHIZLTOQQSA3LF&issuer=Mail&activity=http%3A%2F%2Fmail.example%2Fv1%2Ffeed%2Fabc";
    let run = home.run(&["add", "--uri", insecure]);
    assert_eq!(run.status, 0);
    assert!(run.stderr.contains("not linked"), "{}", run.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_verdict_pages_back_to_find_its_event_and_an_unreachable_service_is_said() {
    let server = LocalService::start().await;
    let created = server
        .enrol_with(json!({"external_id": "bob", "email": "bob@example.com", "issuer": "Shop", "label": "bob"}))
        .await;
    let account = created.id.as_str();
    let home = Home::new();
    let run = vigil(&home, &["add", "--uri", created.text.as_str()]).await;
    assert_eq!(run.status, 0, "{}", run.stderr);

    // The flagged sign-in, then 120 orders: it is no longer on the first page of 100.
    sign_in(&server, &created.uri, account, 0, "8.8.8.8").await;
    sign_in(&server, &created.uri, account, 1, "193.0.6.139").await;
    let run = vigil(&home, &["activity", "shop", "--json"]).await;
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let flagged = json[0]["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["flagged"] == true)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for n in 0..120 {
        let (status, body) = server
            .event(
                account,
                json!({"kind": "order_placed", "details": {"reference": format!("A{n}"), "amount": "9.99", "currency": "EUR"}}),
            )
            .await;
        assert_eq!(status, 201, "{body}");
    }
    let run = vigil(&home, &["verdict", &flagged, "mine"]).await;
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("Recorded \"this was me\""),
        "{}",
        run.stdout
    );

    // With the service down, "no such event" would be a lie: the failure is said (exit 1).
    server.stop().await;
    let run = vigil(&home, &["verdict", &flagged, "not-mine"]).await;
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("could not be read") && run.stderr.contains("Shop"),
        "{}",
        run.stderr
    );
}
