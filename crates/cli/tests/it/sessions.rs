//! `vigil sessions`, `sign-out` and `secure` against a real `vigil-server` (in this process, on
//! 127.0.0.1): the site's sessions listed, one signed out, all ended.

use serde_json::{Value, json};
use vigil_server::testing::{FIREFOX, LocalService, Method};

use crate::support::{Home, Run};

const IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

/// `vigil` runs as a child process; run it off the async runtime.
async fn vigil(home: &Home, args: &[&str]) -> Run {
    let mut command = home.command(args);
    tokio::task::spawn_blocking(move || Run::from(command.output().unwrap()))
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn sessions_are_listed_signed_out_and_secured() {
    let server = LocalService::start().await;
    let created = server
        .enrol_with(json!({"external_id": "alice", "email": "alice@example.com", "issuer": "Shop", "label": "alice"}))
        .await;
    let account = created.id.as_str();
    let home = Home::new();
    let run = vigil(&home, &["add", "--uri", &created.text]).await;
    assert_eq!(run.status, 0, "{}", run.stderr);
    for (session, agent) in [("laptop", FIREFOX), ("phone 1", IPHONE)] {
        let (status, body) = server
            .event(
                account,
                json!({"kind": "sign_in", "ip": "193.0.6.139", "user_agent": agent,
                       "session": session}),
            )
            .await;
        assert_eq!(status, 201, "{body}");
    }

    let run = vigil(&home, &["sessions"]).await;
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("Firefox 133 on Windows · Netherlands · 193.0.6.139"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Safari 17 on iOS 17"), "{}", run.stdout);
    assert!(
        run.stdout.contains("vigil sign-out Shop:alice 'phone 1'"),
        "{}",
        run.stdout
    );
    let run = vigil(&home, &["sessions", "shop", "--json"]).await;
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json[0]["sessions"].as_array().unwrap().len(), 2);
    assert_eq!(json[0]["password_reset_required"], false);

    let run = vigil(&home, &["sign-out", "shop", "phone 1"]).await;
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("Signed out Safari 17 on iOS 17"),
        "{}",
        run.stdout
    );
    let site: Value = server
        .site(
            Method::GET,
            &format!("/v1/accounts/{account}/sessions"),
            None,
        )
        .await
        .json()
        .await
        .unwrap();
    let phone = site["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "phone 1")
        .unwrap();
    assert_eq!(phone["state"], "ended_by_customer");
    let run = vigil(&home, &["sign-out", "shop", "no-such-session"]).await;
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("no session"), "{}", run.stderr);

    let run = vigil(&home, &["secure", "shop"]).await;
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("1 session signed out"),
        "{}",
        run.stdout
    );
    let run = vigil(&home, &["sessions", "shop"]).await;
    assert!(
        run.stdout.contains("Not signed in anywhere"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("will ask for a new password"),
        "{}",
        run.stdout
    );
}
