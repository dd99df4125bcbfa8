//! `vigil export`: every account as an encrypted Aegis vault (`--aegis`), or unencrypted as
//! otpauth URIs (`--uris`) and QR codes (`--qr`, `--google`).

use std::io::{IsTerminal, Write};

use std::path::{Path, PathBuf};

use vigil_core::export::aegis::{self, ScryptParams};
use vigil_core::{OtpUri, migration, qr};
use zeroize::Zeroizing;

use super::open_vault;
use super::password::{self, PasswordSource};
use crate::cli::ExportArgs;
use crate::error::{CliError, failure, refused};
use crate::query::find_one;
use crate::terminal::printable;
use crate::words::{text, text_with};
use vigil_i18n::Arg;

/// Runs `--aegis`, `--uris`, `--qr` or `--google`.
pub fn run(args: ExportArgs) -> Result<(), CliError> {
    if let (true, Some(out)) = (args.aegis, &args.out) {
        return aegis(out, PasswordSource::from_flag(args.password_stdin));
    }
    match (&args.qr, args.google, &args.out) {
        (Some(query), _, Some(out)) => account_qr(query, out),
        (None, true, Some(out)) => google_qr(out),
        _ => uris(&args),
    }
}

/// Writes every account (with its activity link) as an encrypted Aegis vault to `out`.
fn aegis(out: &Path, source: PasswordSource) -> Result<(), CliError> {
    let vault = open_vault()?;
    let unlocked = vault.unlock()?;
    for account in &unlocked.accounts {
        if !unlocked.secrets.contains_key(&account.id) {
            eprintln!(
                "vigil: {}",
                text_with(
                    "cli-left-out-no-secret",
                    &[(
                        "name",
                        printable(&account.display_name()).into_owned().into()
                    )],
                )
            );
        }
    }
    let accounts = unlocked.exportable();
    if out.exists() {
        return Err(CliError::Input(text_with(
            "cli-error-file-exists",
            &[("path", out.display().to_string().into())],
        )));
    }
    let password = password::read_new(source, &out.display().to_string())?;
    let json = aegis::write_encrypted(
        &accounts,
        &password,
        &mut rand_core::OsRng,
        ScryptParams::AEGIS,
    )
    .map_err(failure)?;
    write_private(out, json.as_bytes())?;
    println!(
        "{}",
        text_with(
            "cli-wrote-aegis",
            &[
                ("count", accounts.len().into()),
                ("path", out.display().to_string().into()),
            ],
        )
    );
    Ok(())
}

/// Writes one account's QR code as a PNG.
fn account_qr(query: &str, out: &Path) -> Result<(), CliError> {
    let vault = open_vault()?;
    let account = find_one(vault.accounts()?, query)?;
    let text = Zeroizing::new(vault.otp_uri(&account)?.to_uri_string());
    let png = qr::render_png(&text).map_err(failure)?;
    write_private(out, &png)?;
    let names = [
        ("path", Arg::from(out.display().to_string())),
        ("name", Arg::from(account.display_name())),
    ];
    eprintln!("vigil: {}", text_with("cli-warning-qr-file", &names));
    println!("{}", text_with("cli-wrote-qr", &names));
    Ok(())
}

/// Writes Google Authenticator export QR codes of every account: OUT-1.png, OUT-2.png...
fn google_qr(out: &Path) -> Result<(), CliError> {
    let vault = open_vault()?;
    let unlocked = vault.unlock()?;
    let mut accounts = Vec::new();
    for account in &unlocked.accounts {
        match unlocked.secrets.get(&account.id) {
            Some(secret) => accounts.push(OtpUri::new(
                &account.issuer,
                &account.label,
                secret.clone(),
                account.params,
            )),
            None => eprintln!(
                "vigil: {}",
                text_with(
                    "cli-skipped-no-secret",
                    &[("name", account.display_name().into())],
                )
            ),
        }
    }
    let batch_id = i32::try_from(super::now() % 1_000_000_000).unwrap_or(1);
    let uris = migration::encode(&accounts, batch_id).map_err(refused)?;
    let stem = out.with_extension("");
    for (index, uri) in uris.iter().enumerate() {
        let uri = Zeroizing::new(uri.clone());
        let png = qr::render_png(&uri).map_err(failure)?;
        let path = PathBuf::from(format!("{}-{}.png", stem.display(), index + 1));
        write_private(&path, &png)?;
        println!(
            "{}",
            text_with("cli-wrote", &[("path", path.display().to_string().into())])
        );
    }
    eprintln!("vigil: {}", text("cli-warning-qr-files"));
    Ok(())
}

/// Creates the file new, readable by its owner only. An existing file, or a symbolic link, at
/// `path` is refused rather than followed or overwritten.
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => CliError::Input(text_with(
            "cli-error-file-exists",
            &[("path", path.display().to_string().into())],
        )),
        _ => CliError::Failure(text_with(
            "cli-error-cannot-write",
            &[
                ("path", path.display().to_string().into()),
                ("detail", e.to_string().into()),
            ],
        )),
    })?;
    file.write_all(bytes)?;
    Ok(())
}

/// Prints one URI per line; warns on stderr, and refuses a terminal without `--yes`.
fn uris(args: &ExportArgs) -> Result<(), CliError> {
    eprintln!("vigil: {}", text("cli-warning-not-encrypted"));
    let stdout = std::io::stdout();
    if stdout.is_terminal() && !args.yes {
        return Err(CliError::Input(text("cli-error-secrets-to-terminal")));
    }
    let vault = open_vault()?;
    let unlocked = vault.unlock()?;
    let mut out = stdout.lock();
    for account in &unlocked.accounts {
        let Some(secret) = unlocked.secrets.get(&account.id) else {
            eprintln!(
                "vigil: {}",
                text_with(
                    "cli-skipped-no-secret",
                    &[("name", account.display_name().into())],
                )
            );
            continue;
        };
        let mut uri = vigil_core::OtpUri::new(
            &account.issuer,
            &account.label,
            secret.clone(),
            account.params,
        );
        uri.activity = account.activity.clone();
        let line = Zeroizing::new(uri.to_uri_string());
        writeln!(out, "{}", line.as_str())?;
    }
    Ok(())
}
