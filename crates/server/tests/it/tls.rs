//! TLS (issue 19, point 2), with a test CA made by `openssl`: a local PostgreSQL that refuses
//! connections without TLS, reached with `sslmode=verify-full` and the CA file (and refused
//! without the CA, since the system's store does not hold it); and a local SMTP server (aiosmtpd)
//! with STARTTLS or TLS from the first byte and AUTH, reached with `VIGIL_SMTP_URL` and
//! `VIGIL_SMTP_CA_FILE`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use reqwest::Method;
use tokio::io::AsyncBufReadExt;
use vigil_server::testing::{LocalService, free_port};
use vigil_server::{Clock, StartError};

use crate::support::{Backend, Smtp, config_for};

/// A CA and a server certificate it signed for 127.0.0.1 and localhost.
struct TestCa {
    ca: PathBuf,
    cert: PathBuf,
    key: PathBuf,
}

fn openssl(dir: &Path, args: &[&str]) {
    let status = Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("openssl is installed (scripts/setup-system)");
    assert!(status.success(), "openssl {args:?}");
}

fn make_ca(dir: &Path) -> TestCa {
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    let mut ca_args = vec!["req", "-x509"];
    ca_args.extend(ec);
    ca_args.extend([
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=Vigil test CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
    ]);
    openssl(dir, &ca_args);
    let mut csr_args = vec!["req"];
    csr_args.extend(ec);
    csr_args.extend([
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
        "-subj",
        "/CN=localhost",
    ]);
    openssl(dir, &csr_args);
    std::fs::write(
        dir.join("server.ext"),
        "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n\
         keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n",
    )
    .unwrap();
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "server.pem",
            "-days",
            "2",
            "-extfile",
            "server.ext",
        ],
    );
    TestCa {
        ca: dir.join("ca.pem"),
        cert: dir.join("server.pem"),
        key: dir.join("server.key"),
    }
}

/// A PostgreSQL cluster of its own that accepts only TLS connections; stopped on drop.
struct TlsPostgres {
    port: u16,
    data: PathBuf,
    bin: PathBuf,
    as_postgres: bool,
}

impl TlsPostgres {
    fn command(&self, program: &str) -> Command {
        if self.as_postgres {
            let mut command = Command::new("runuser");
            command
                .args(["-u", "postgres", "--"])
                .arg(self.bin.join(program));
            command
        } else {
            Command::new(self.bin.join(program))
        }
    }

    /// `None` when PostgreSQL is not installed here.
    fn start(dir: &Path, ca: &TestCa) -> Option<TlsPostgres> {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .ok()?
            .flatten()
            .map(|entry| entry.path().join("bin"))
            .filter(|bin| bin.join("initdb").exists())
            .max()?;
        let as_postgres = Command::new("id")
            .arg("-u")
            .output()
            .map(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
            .unwrap_or(false);
        let cluster = TlsPostgres {
            port: free_port(),
            data: dir.join("data"),
            bin,
            as_postgres,
        };
        std::fs::copy(&ca.cert, dir.join("pg.pem")).unwrap();
        std::fs::copy(&ca.key, dir.join("pg.key")).unwrap();
        if as_postgres {
            assert!(
                Command::new("chown")
                    .args(["-R", "postgres:"])
                    .arg(dir)
                    .status()
                    .unwrap()
                    .success()
            );
        }
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::set_permissions(dir.join("pg.key"), std::fs::Permissions::from_mode(0o600))
            .unwrap();
        let initdb = cluster
            .command("initdb")
            .arg("-D")
            .arg(&cluster.data)
            .args(["-U", "vigil", "--auth=trust", "-E", "UTF8"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(initdb.success());
        // Only TLS connections over TCP.
        std::fs::write(
            cluster.data.join("pg_hba.conf"),
            "local all all trust\nhostssl all all 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 reject\n",
        )
        .unwrap();
        let options = format!(
            "-c listen_addresses=127.0.0.1 -p {} -k {} -c ssl=on -c ssl_cert_file={} -c ssl_key_file={}",
            cluster.port,
            dir.display(),
            dir.join("pg.pem").display(),
            dir.join("pg.key").display()
        );
        let started = cluster
            .command("pg_ctl")
            .arg("-D")
            .arg(&cluster.data)
            .arg("-l")
            .arg(dir.join("server.log"))
            .args(["-w", "-o", &options, "start"])
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(
            started.success(),
            "{}",
            std::fs::read_to_string(dir.join("server.log")).unwrap_or_default()
        );
        Some(cluster)
    }

    fn url(&self, query: &str) -> String {
        format!("postgres://vigil@127.0.0.1:{}/postgres?{query}", self.port)
    }
}

impl Drop for TlsPostgres {
    fn drop(&mut self) {
        let _ = self
            .command("pg_ctl")
            .arg("-D")
            .arg(&self.data)
            .args(["-m", "immediate", "stop"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

async fn start_on(url: String) -> Result<LocalService, StartError> {
    let dir = tempfile::tempdir().unwrap();
    let config = config_for(&Backend::Postgres(url), dir.path(), None);
    match vigil_server::start(config.clone(), Clock::system()).await {
        Ok(server) => {
            server.stop().await.unwrap();
            Ok(LocalService::start_in(dir, config, Clock::system()).await)
        }
        Err(error) => Err(error),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_over_tls_with_a_ca_file_and_sslmode() {
    let dir = tempfile::tempdir().unwrap();
    let ca = make_ca(dir.path());
    let pg_dir = tempfile::tempdir().unwrap();
    let Some(cluster) = TlsPostgres::start(pg_dir.path(), &ca) else {
        return;
    };
    // Without TLS: refused by the server.
    let Err(plain) = start_on(cluster.url("sslmode=disable")).await else {
        panic!("served without TLS");
    };
    assert!(matches!(plain, StartError::Database(_)), "{plain}");
    // TLS checked against the system's store only: the test CA is not in it.
    let Err(unknown) = start_on(cluster.url("sslmode=verify-full")).await else {
        panic!("an unknown CA was trusted");
    };
    assert!(matches!(unknown, StartError::Database(_)), "{unknown}");
    // With the CA file and the host checked: served.
    let url = cluster.url(&format!(
        "sslmode=verify-full&sslrootcert={}",
        ca.ca.display()
    ));
    let Ok(service) = start_on(url).await else {
        panic!("not served over TLS with the CA file");
    };
    let (id, secret) = service.enrol().await;
    service.sign_in(&id, &secret, "8.8.8.8").await;
    let status = service
        .site(Method::GET, &format!("/v1/accounts/{id}"), None)
        .await;
    assert_eq!(status.status(), 200);
}

/// aiosmtpd with TLS and AUTH; killed on drop.
struct TlsSmtp {
    port: u16,
    maildir: PathBuf,
    _child: tokio::process::Child,
}

async fn tls_smtp(dir: &Path, ca: &TestCa, mode: &str) -> TlsSmtp {
    let port = free_port();
    let maildir = dir.join(format!("maildir-{mode}"));
    let mut child = tokio::process::Command::new("/usr/bin/python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/smtp_tls.py"))
        .args([mode, &port.to_string()])
        .arg(&ca.cert)
        .arg(&ca.key)
        .arg(&maildir)
        .args(["alerts@shop.example", "relay pass:word"])
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = tokio::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let ready = tokio::time::timeout(Duration::from_secs(20), lines.next_line())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ready.as_deref(), Some("ready"));
    TlsSmtp {
        port,
        maildir,
        _child: child,
    }
}

async fn digest_through(url: String, ca_file: Option<&Path>, maildir: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let mut config = config_for(&Backend::Sqlite, dir.path(), None);
    config.smtp_url = Some(url);
    config.smtp_ca_file = ca_file.map(Path::to_path_buf);
    config.email_retry_seconds = 1;
    let service = LocalService::start_in(dir, config, Clock::system()).await;
    let (id, _) = service.enrol().await;
    let sent = service
        .site(Method::POST, &format!("/v1/accounts/{id}/digest"), None)
        .await;
    assert_eq!(sent.status(), 200);
    let reader = Smtp::reader(maildir.to_path_buf());
    reader.wait_for("your activity in the last 7 days", 1).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smtp_with_starttls_or_implicit_tls_and_a_login() {
    let dir = tempfile::tempdir().unwrap();
    let ca = make_ca(dir.path());
    let starttls = tls_smtp(dir.path(), &ca, "starttls").await;
    let password = "relay%20pass%3Aword";
    digest_through(
        format!(
            "smtp://alerts%40shop.example:{password}@127.0.0.1:{}?tls=required",
            starttls.port
        ),
        Some(&ca.ca),
        &starttls.maildir,
    )
    .await;
    let implicit = tls_smtp(dir.path(), &ca, "implicit").await;
    digest_through(
        format!(
            "smtps://alerts%40shop.example:{password}@127.0.0.1:{}",
            implicit.port
        ),
        Some(&ca.ca),
        &implicit.maildir,
    )
    .await;

    // Without the CA the relay's certificate is refused: the email stays queued with the
    // error, nothing arrives (and no password is in the error).
    for (url, ca_file) in [(
        format!(
            "smtps://alerts%40shop.example:{password}@127.0.0.1:{}",
            implicit.port
        ),
        None::<&Path>,
    )] {
        let before = Smtp::reader(implicit.maildir.clone()).messages().len();
        let dir = tempfile::tempdir().unwrap();
        let mut config = config_for(&Backend::Sqlite, dir.path(), None);
        config.smtp_url = Some(url);
        config.smtp_ca_file = ca_file.map(Path::to_path_buf);
        let service = LocalService::start_in(dir, config, Clock::system()).await;
        let (id, _) = service.enrol().await;
        service
            .site(Method::POST, &format!("/v1/accounts/{id}/digest"), None)
            .await;
        let db = service.server.as_ref().unwrap().state.db.clone();
        let mut error = None;
        for _ in 0..100 {
            error = sqlx::query_scalar::<_, Option<String>>("SELECT last_error FROM email_queue")
                .fetch_one(db.pool())
                .await
                .unwrap();
            if error.is_some() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let error = error.expect("the failure is recorded in the queue");
        assert!(!error.contains("pass"), "no password in the error: {error}");
        assert_eq!(
            Smtp::reader(implicit.maildir.clone()).messages().len(),
            before
        );
    }
}

/// The email queue's one row: (failed, last_error), once an attempt recorded an error.
async fn queued_error(db: &vigil_server::db::Database) -> (i64, String) {
    for _ in 0..200 {
        let row: Option<(i64, Option<String>)> =
            sqlx::query_as("SELECT failed, last_error FROM email_queue")
                .fetch_optional(db.pool())
                .await
                .unwrap();
        if let Some((failed, Some(error))) = row {
            return (failed, error);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no attempt recorded an error in the email queue");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_smtp_login_keeps_the_email_until_the_password_is_corrected() {
    let dir = tempfile::tempdir().unwrap();
    let ca = make_ca(dir.path());
    let relay = tls_smtp(dir.path(), &ca, "starttls").await;
    let url = |password: &str| {
        format!(
            "smtp://alerts%40shop.example:{password}@127.0.0.1:{}?tls=required",
            relay.port
        )
    };
    let configured = |dir: &Path, password: &str| {
        let mut config = config_for(&Backend::Sqlite, dir, None);
        config.smtp_url = Some(url(password));
        config.smtp_ca_file = Some(ca.ca.clone());
        config.email_retry_seconds = 1;
        config.email_retry_max_seconds = 1;
        config
    };
    // A wrong password: the relay answers 535 to the login.
    let service_dir = tempfile::tempdir().unwrap();
    let wrong = configured(service_dir.path(), "not%20the%20password");
    let mut service = LocalService::start_in(service_dir, wrong, Clock::system()).await;
    let (id, _) = service.enrol().await;
    let sent = service
        .site(Method::POST, &format!("/v1/accounts/{id}/digest"), None)
        .await;
    assert_eq!(sent.status(), 200);
    let db = service.server.as_ref().unwrap().state.db.clone();
    let (failed, error) = queued_error(&db).await;
    // Kept for another try (not marked failed), with the relay's answer as the error and no
    // password in it.
    assert_eq!(
        failed, 0,
        "a refused login is not the email's fault: {error}"
    );
    assert!(
        error.contains("535"),
        "the relay's refusal is recorded: {error}"
    );
    assert!(
        !error.contains("password"),
        "no password in the error: {error}"
    );
    // Still refused on later attempts, and nothing arrives.
    let attempts = || async {
        sqlx::query_scalar::<_, i64>("SELECT attempts FROM email_queue")
            .fetch_one(db.pool())
            .await
            .unwrap()
    };
    for _ in 0..100 {
        if attempts().await >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(attempts().await >= 2, "the login is retried");
    assert_eq!(db.email_queue_depth().await.unwrap(), 1);
    assert!(Smtp::reader(relay.maildir.clone()).messages().is_empty());

    // The operator corrects the password and restarts: the queued email is delivered, once.
    let right = configured(service.dir.path(), "relay%20pass%3Aword");
    service.restart(right).await;
    let arrived = Smtp::reader(relay.maildir.clone())
        .wait_for("your activity in the last 7 days", 1)
        .await;
    assert_eq!(arrived.len(), 1);
    let db = service.server.as_ref().unwrap().state.db.clone();
    for _ in 0..100 {
        if db.email_queue_depth().await.unwrap() == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(db.email_queue_depth().await.unwrap(), 0);
}
