//! SQLite's writer thread (`Database::write_on_sqlite_thread`): a job's transaction commits only
//! when it answers, its statements bind sqlx's `$N` parameters by name, and a database without
//! a file has no such thread.

use vigil_server::db::{Database, NewAccount, NewSession, Written};

/// A fresh SQLite file with one account, `a1`.
async fn database(dir: &tempfile::TempDir) -> Database {
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("w.db").display());
    let db = Database::open(&url).await.unwrap();
    db.insert_account(&NewAccount {
        id: "a1",
        external_id: "site-1",
        email: "a@example.com",
        issuer: "Shop",
        label: "a",
        sealed_secret: "sealed",
        created_at: 1_700_000_000,
        locale: None,
    })
    .await
    .unwrap();
    db
}

#[tokio::test]
async fn a_job_commits_only_when_it_answers() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(&dir).await;
    let before = db.account("a1").await.unwrap().unwrap().last_step;
    let declined = db
        .write_on_sqlite_thread(|writes| {
            assert!(writes.accept_step_returning("a1", 7)?.is_some());
            Ok(None::<()>)
        })
        .await
        .unwrap();
    assert!(matches!(declined, Written::Declined));
    assert_eq!(db.account("a1").await.unwrap().unwrap().last_step, before);

    let committed = db
        .write_on_sqlite_thread(|writes| {
            let account = writes.accept_step_returning("a1", 7)?;
            Ok(account.map(|account| account.last_step))
        })
        .await
        .unwrap();
    assert!(matches!(committed, Written::Committed(7)));
    assert_eq!(db.account("a1").await.unwrap().unwrap().last_step, 7);
    // The same step again: the statement's guard (`last_step < $2`) refuses it.
    let again = db
        .write_on_sqlite_thread(|writes| writes.accept_step_returning("a1", 7))
        .await
        .unwrap();
    assert!(matches!(again, Written::Declined));
}

#[tokio::test]
async fn parameters_bind_by_name_where_sqlx_uses_them_out_of_order() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(&dir).await;
    // touch_session's statement names `$3` and `$4` before `$1` and `$2`.
    let written = db
        .write_on_sqlite_thread(|writes| {
            writes.start_session(&NewSession {
                id: "s1",
                account_id: "a1",
                user_agent: Some("Firefox"),
                ip: Some("193.0.6.139"),
                country: Some("NL"),
                started_at: 100,
                sign_in_event_id: "e1",
                by_code: false,
            })?;
            writes.touch_session("a1", "s1", 250, true)?;
            Ok(Some(writes.session_active("a1", "s1")?))
        })
        .await
        .unwrap();
    assert!(matches!(written, Written::Committed(Some(true))));
    let mut connection = db.pool().acquire().await.unwrap();
    let session = Database::session(&mut connection, "a1", "s1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            session.started_at,
            session.last_seen_at,
            session.ip.as_deref()
        ),
        (100, 250, Some("193.0.6.139"))
    );
}

#[tokio::test]
async fn a_database_without_a_file_has_no_writer_thread() {
    let db = Database::open("sqlite::memory:").await.unwrap();
    let written = db.write_on_sqlite_thread(|_| Ok(Some(()))).await.unwrap();
    assert!(matches!(written, Written::NoWriterThread));
}

/// Jobs sent at once share a transaction: the ones that answer are committed, the one that
/// declines and the one that fails leave nothing behind, and each is answered for itself.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn jobs_that_share_a_commit_keep_only_their_own_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(&dir).await;
    for n in 2..=40 {
        db.insert_account(&NewAccount {
            id: &format!("a{n}"),
            external_id: &format!("site-{n}"),
            email: "a@example.com",
            issuer: "Shop",
            label: "a",
            sealed_secret: "sealed",
            created_at: 1_700_000_000,
            locale: None,
        })
        .await
        .unwrap();
    }
    let mut jobs = tokio::task::JoinSet::new();
    for n in 1..=40 {
        let db = db.clone();
        jobs.spawn(async move {
            let written = db
                .write_on_sqlite_thread(move |writes| {
                    let account = writes.accept_step_returning(&format!("a{n}"), 9)?;
                    match n {
                        13 => Ok(None),
                        17 => Err(sqlx::Error::Protocol("job 17 fails".into())),
                        _ => Ok(account.map(|account| account.last_step)),
                    }
                })
                .await;
            (n, written)
        });
    }
    while let Some(joined) = jobs.join_next().await {
        let (n, written) = joined.unwrap();
        match n {
            13 => assert!(matches!(written, Ok(Written::Declined)), "{written:?}"),
            17 => assert!(written.is_err()),
            _ => assert!(
                matches!(written, Ok(Written::Committed(9))),
                "{n}: {written:?}"
            ),
        }
    }
    for n in 1..=40 {
        let step = db
            .account(&format!("a{n}"))
            .await
            .unwrap()
            .unwrap()
            .last_step;
        if n == 13 || n == 17 {
            assert_ne!(step, 9, "a{n}'s writes were rolled back");
        } else {
            assert_eq!(step, 9, "a{n}");
        }
    }
}
