//! Linking accounts to a real `vigil-server` (in this process, on 127.0.0.1), reading their
//! activity and answering it with `vigil`; the server going away is a clear failure.

use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};
use vigil_core::OtpUri;
use vigil_server::{Clock, Config};

use crate::support::Home;

const SITE_KEY: &str = "site-key-for-cli-tests-01234567";

async fn service(dir: &std::path::Path) -> vigil_server::RunningServer {
    let config = Config::local(
        dir,
        SITE_KEY,
        "reviewer-key-for-cli-tests-0123",
        &"0123456789abcdef".repeat(4),
    );
    vigil_server::start(config, Clock::system()).await.unwrap()
}

async fn site(base: &str, path: &str, body: Value) -> Value {
    let response = reqwest::Client::new()
        .post(format!("{base}{path}"))
        .bearer_auth(SITE_KEY)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert!(
        response.status().is_success(),
        "{path}: {}",
        response.status()
    );
    response.json().await.unwrap()
}

async fn sign_in(base: &str, uri: &OtpUri, account: &str, step: u64, ip: &str) {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let code = uri.params.code_at(&uri.secret, now + step * 30);
    let body = json!({"code": code.as_str(), "ip": ip, "user_agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0"});
    site(base, &format!("/v1/accounts/{account}/verify"), body).await;
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
    let dir = tempfile::tempdir().unwrap();
    let server = service(dir.path()).await;
    let base = server.base_url.clone();
    let created = site(
        &base,
        "/v1/accounts",
        json!({"external_id": "alice", "email": "alice@example.com", "issuer": "Shop", "label": "alice"}),
    )
    .await;
    let text = created["otpauth_uri"].as_str().unwrap();
    let account = created["account_id"].as_str().unwrap();
    let uri = OtpUri::parse(text).unwrap();
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
    sign_in(&base, &uri, account, 0, "8.8.8.8").await;
    sign_in(&base, &uri, account, 1, "193.0.6.139").await;
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
    server.stop().await.unwrap();
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
