//! TOTP secrets are encrypted at rest: no secret in the database file (SQLite) or row text
//! (PostgreSQL) in base32, lower-case base32 or raw bytes; a wrong server secret key stops the
//! start clearly; old plaintext rows are sealed at start.

use serde_json::Value;
use vigil_core::{Secret, Sensitive};
use vigil_server::testing::SECRET_KEY;

use crate::each_backend;
use crate::support::{Backend, Harness, config_for};

const OTHER_KEY: &str = "8c2f0b1e4d6a7c9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70";

/// Fails when any form of `secret` appears in `haystack`.
fn assert_no_secret_in(haystack: &[u8], secret: &Secret, place: &str) {
    let upper = secret.to_base32().expose().clone();
    let lower = upper.to_lowercase();
    for (form, needle) in [
        ("base32", upper.as_bytes()),
        ("lower-case base32", lower.as_bytes()),
        ("raw bytes", secret.as_bytes()),
    ] {
        assert!(
            !haystack.windows(needle.len()).any(|w| w == needle),
            "the secret appears as {form} in {place}"
        );
    }
}

/// The account's stored `secret` column, and on PostgreSQL the whole row as text.
async fn stored(h: &Harness, id: &str) -> (String, String) {
    let pool = h.server.as_ref().unwrap().state.db.pool();
    let column: String = sqlx::query_scalar("SELECT secret FROM accounts WHERE id = $1")
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap();
    let row = match h.backend {
        Backend::Postgres(_) => {
            sqlx::query_scalar("SELECT CAST(a AS TEXT) FROM accounts a WHERE id = $1")
                .bind(id)
                .fetch_one(pool)
                .await
                .unwrap()
        }
        Backend::Sqlite => sqlx::query_scalar(
            "SELECT id || '|' || external_id || '|' || email || '|' || secret FROM accounts \
             WHERE id = $1",
        )
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap(),
    };
    (column, row)
}

/// Every byte of the SQLite database on disk (the file, its WAL and shared memory).
fn sqlite_files(h: &Harness) -> Vec<(String, Vec<u8>)> {
    std::fs::read_dir(h.dir.path())
        .unwrap()
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().starts_with("server.db"))
        .map(|entry| {
            (
                entry.file_name().to_string_lossy().into_owned(),
                std::fs::read(entry.path()).unwrap(),
            )
        })
        .collect()
}

async fn encrypted_case(backend: Backend) {
    let h = Harness::start(backend).await;
    let mut accounts = Vec::new();
    for _ in 0..3 {
        let (id, secret) = h.enrol().await;
        // The sealed secret still works where it is needed: codes and the signed feed.
        h.sign_in(&id, &secret, "193.0.6.139").await;
        assert_eq!(h.feed(&secret, &id).await["account_state"], "active");
        accounts.push((id, secret));
    }
    for (id, secret) in &accounts {
        let (column, row) = stored(&h, id).await;
        assert!(column.starts_with("v1:"), "{column}");
        assert_no_secret_in(column.as_bytes(), secret, "the secret column");
        assert_no_secret_in(row.as_bytes(), secret, "the row text");
    }
    if matches!(h.backend, Backend::Sqlite) {
        let files = sqlite_files(&h);
        assert!(files.iter().any(|(name, _)| name == "server.db"));
        for (name, bytes) in &files {
            for (_, secret) in &accounts {
                assert_no_secret_in(bytes, secret, name);
            }
        }
    }
}
each_backend!(totp_secrets_are_encrypted_at_rest, encrypted_case);

async fn restart_case(backend: Backend) {
    let mut h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    h.sign_in(&id, &secret, "193.0.6.139").await;
    h.server.take().unwrap().stop().await.unwrap();

    let mut config = config_for(&h.backend, h.dir.path(), None);
    config.secret_key = Some(Sensitive::new(OTHER_KEY.to_owned()));
    let error = vigil_server::start(config, h.clock.clone())
        .await
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("the secret key does not match the one this database was written with"),
        "{error}"
    );
    assert!(
        !error.contains(SECRET_KEY) && !error.contains(OTHER_KEY),
        "{error}"
    );

    // The same key opens everything again.
    h.restart().await;
    h.sign_in(&id, &secret, "193.0.6.139").await;
    assert_eq!(h.feed(&secret, &id).await["account_state"], "active");
}
each_backend!(
    a_restart_with_another_key_is_refused_and_the_same_key_works,
    restart_case
);

async fn plaintext_upgrade_case(backend: Backend) {
    let mut h = Harness::start(backend).await;
    let (id, secret) = h.enrol().await;
    // A row as a server before encryption at rest wrote it.
    sqlx::query("UPDATE accounts SET secret = $2 WHERE id = $1")
        .bind(&id)
        .bind(secret.to_base32().expose().as_str())
        .execute(h.server.as_ref().unwrap().state.db.pool())
        .await
        .unwrap();
    if matches!(h.backend, Backend::Sqlite) {
        // The check below can see a secret on disk: this one is there now.
        let upper = secret.to_base32().expose().clone();
        assert!(
            sqlite_files(&h)
                .iter()
                .any(|(_, bytes)| { bytes.windows(upper.len()).any(|w| w == upper.as_bytes()) })
        );
    }
    h.restart().await;
    let (column, row) = stored(&h, &id).await;
    assert!(column.starts_with("v1:"), "{column}");
    assert_no_secret_in(row.as_bytes(), &secret, "the row text");
    if matches!(h.backend, Backend::Sqlite) {
        // The freed plaintext was overwritten (secure_delete) and the WAL checkpointed.
        for (name, bytes) in sqlite_files(&h) {
            assert_no_secret_in(&bytes, &secret, &name);
        }
    }
    h.sign_in(&id, &secret, "193.0.6.139").await;
    assert_eq!(h.feed(&secret, &id).await["account_state"], "active");
}
each_backend!(
    plaintext_secrets_of_an_older_database_are_sealed_at_start,
    plaintext_upgrade_case
);

async fn moved_ciphertext_case(backend: Backend) {
    let mut h = Harness::start(backend).await;
    let (victim, victim_secret) = h.enrol().await;
    let (attacker, _) = h.enrol().await;
    let pool = h.server.as_ref().unwrap().state.db.pool();
    // Someone with write access to the table copies one account's sealed secret into another's row.
    let (victim_sealed, _) = stored(&h, &victim).await;
    sqlx::query("UPDATE accounts SET secret = $2 WHERE id = $1")
        .bind(&attacker)
        .bind(&victim_sealed)
        .execute(pool)
        .await
        .unwrap();
    // The account id is the associated data: the row does not open, so the victim's codes do not
    // work on the other account; the caller gets a plain 500 that tells nothing.
    h.clock.advance(30);
    let response = h
        .verify(&attacker, &h.code(&victim_secret, 0), "193.0.6.139")
        .await;
    assert_eq!(response.status(), 500);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "internal");
    assert_eq!(body["message"], "The service failed; try again later.");
    // The victim's own row is untouched, and one bad row does not stop a restart.
    h.sign_in(&victim, &victim_secret, "193.0.6.139").await;
    h.restart().await;
    h.sign_in(&victim, &victim_secret, "193.0.6.139").await;
    // Leave no undecryptable row behind in the shared PostgreSQL database.
    sqlx::query("DELETE FROM failure_buckets WHERE account_id = $1")
        .bind(&attacker)
        .execute(h.server.as_ref().unwrap().state.db.pool())
        .await
        .unwrap();
    sqlx::query("DELETE FROM events WHERE account_id = $1")
        .bind(&attacker)
        .execute(h.server.as_ref().unwrap().state.db.pool())
        .await
        .unwrap();
    sqlx::query("DELETE FROM accounts WHERE id = $1")
        .bind(&attacker)
        .execute(h.server.as_ref().unwrap().state.db.pool())
        .await
        .unwrap();
}
each_backend!(
    a_sealed_secret_copied_to_another_account_does_not_open,
    moved_ciphertext_case
);

#[tokio::test]
async fn a_missing_or_malformed_secret_key_stops_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(Option<&str>, &str); 4] = [
        (None, "VIGIL_SECRET_KEY is not set"),
        (Some("  "), "VIGIL_SECRET_KEY is not set"),
        (
            Some("not a key at all!"),
            "VIGIL_SECRET_KEY is neither hex nor base64",
        ),
        (Some("c2hvcnQ="), "VIGIL_SECRET_KEY must be 32 bytes"),
    ];
    for (key, expected) in cases {
        let mut config = config_for(&Backend::Sqlite, dir.path(), None);
        config.secret_key = key.map(|key| Sensitive::new(key.to_owned()));
        let error = vigil_server::start(config, vigil_server::Clock::system())
            .await
            .unwrap_err()
            .to_string();
        assert!(error.starts_with(expected), "{key:?}: {error}");
    }
}

#[tokio::test]
async fn the_secret_key_can_come_from_the_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("vigil-server.conf");
    crate::support::write_private(&file, &format!("# keys\nVIGIL_SECRET_KEY={SECRET_KEY}\n"));
    let mut config = config_for(&Backend::Sqlite, dir.path(), None);
    config.secret_key = None;
    config.config = Some(file);
    let server = vigil_server::start(config, vigil_server::Clock::system())
        .await
        .unwrap();
    let body: Value = reqwest::get(format!("{}/openapi.json", server.base_url))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(body["paths"].is_object());
    server.stop().await.unwrap();
}
