//! `vigil import FILE`: the accounts of another authenticator's backup (or Vigil's own), read by
//! `vigil_core::import`, with the groups (folders, tags) the backup put them in. An encrypted file's password comes from the terminal or
//! `--password-stdin`; duplicates are skipped and named; entries Vigil cannot use are named with
//! the reason while the rest import. A wrong password, or a file that is not a backup, stores
//! nothing.

use serde::Serialize;
use vigil_core::import::{self, Format, ImportError, MAX_IMPORT_BYTES};
use vigil_vault::VaultError;

use super::password::{self, PasswordSource};
use super::{activity, open_vault};
use crate::cli::ImportArgs;
use crate::error::{CliError, failure};
use crate::terminal::printable;
use crate::words::{text, text_with};

/// What an import did (or, with `--dry-run`, would do); the `--json` form.
#[derive(Debug, Default, Serialize)]
struct Outcome {
    /// The format read.
    format: String,
    /// Whether nothing was stored.
    dry_run: bool,
    /// The accounts added (or that would be), by name.
    added: Vec<String>,
    /// The accounts already in Vigil, by name.
    skipped: Vec<String>,
    /// The entries Vigil cannot use, with the reason.
    left_out: Vec<LeftOut>,
}

/// An entry left out.
#[derive(Debug, Serialize)]
struct LeftOut {
    name: String,
    reason: String,
}

/// Imports `args.file`.
pub fn run(args: ImportArgs) -> Result<(), CliError> {
    let shown = args.file.display().to_string();
    let bytes = read_file(&args.file, &shown)?;
    let format = match args.format.as_deref() {
        Some(name) => Some(Format::from_name(name).ok_or_else(|| {
            let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
            CliError::Input(text_with(
                "cli-error-unknown-format",
                &[
                    ("name", printable(name).into_owned().into()),
                    ("formats", names.join(", ").into()),
                ],
            ))
        })?),
        None => None,
    };
    let failed = |e: ImportError| {
        CliError::Input(text_with(
            "cli-error-in-file",
            &[
                ("path", shown.as_str().into()),
                ("detail", e.to_string().into()),
            ],
        ))
    };
    let needs_password = import::needs_password(&bytes, format).map_err(failed)?;
    let password = if needs_password {
        let missing = text_with(
            "cli-error-encrypted-no-terminal",
            &[("path", shown.as_str().into())],
        );
        Some(password::read(
            PasswordSource::from_flag(args.password_stdin),
            &shown,
            &missing,
        )?)
    } else {
        None
    };
    let read_as = match format {
        Some(format) => format,
        None => import::detect(&bytes)
            .ok_or(ImportError::UnknownFormat)
            .map_err(failed)?,
    };
    let imported = import::import(&bytes, password.as_ref(), Some(read_as)).map_err(failed)?;
    drop(password);

    let mut outcome = Outcome {
        format: read_as.name().to_owned(),
        dry_run: args.dry_run,
        ..Outcome::default()
    };
    outcome.left_out = imported
        .problems
        .into_iter()
        .map(|p| LeftOut {
            name: printable(&p.name).into_owned(),
            reason: p.reason,
        })
        .collect();
    let (mut uris, groups): (Vec<_>, Vec<_>) = imported
        .accounts
        .into_iter()
        .map(|a| (a.uri, a.groups))
        .unzip();
    let hosts = activity::links_of(&mut uris, false);
    let mut vault = open_vault()?;
    for (uri, groups) in uris.iter().zip(&groups) {
        let name = printable(&uri.display_name()).into_owned();
        if vault.find_duplicate(uri)?.is_some() {
            outcome.skipped.push(name);
            continue;
        }
        if !args.dry_run {
            match vault.add(uri) {
                Ok(account) => {
                    if !groups.is_empty() {
                        vault.set_groups(&account.id, groups)?;
                    }
                }
                Err(VaultError::Duplicate { .. }) => {
                    outcome.skipped.push(name);
                    continue;
                }
                Err(other) => return Err(other.into()),
            }
        }
        outcome.added.push(name);
    }
    if args.json {
        let json = serde_json::to_string_pretty(&outcome).map_err(failure)?;
        println!("{json}");
        return Ok(());
    }
    say(&outcome);
    if !args.dry_run {
        activity::say_linked(&hosts);
    }
    Ok(())
}

/// Reads the file, refusing one larger than any backup before reading it.
fn read_file(path: &std::path::Path, shown: &str) -> Result<Vec<u8>, CliError> {
    let cannot = |e: std::io::Error| {
        CliError::Input(text_with(
            "cli-error-cannot-read-file",
            &[("path", shown.into()), ("detail", e.to_string().into())],
        ))
    };
    let size = std::fs::metadata(path).map_err(cannot)?.len();
    if size > MAX_IMPORT_BYTES as u64 {
        return Err(CliError::Input(text_with(
            "cli-error-too-large",
            &[
                ("path", shown.into()),
                ("size", human_size(size).into()),
                ("limit", (MAX_IMPORT_BYTES / (1024 * 1024)).into()),
            ],
        )));
    }
    std::fs::read(path).map_err(cannot)
}

fn human_size(bytes: u64) -> String {
    let mib = bytes / (1024 * 1024);
    if mib > 0 {
        text_with("cli-size-mib", &[("count", mib.into())])
    } else {
        text_with("cli-size-bytes", &[("count", bytes.into())])
    }
}

/// The outcome in words: each account, each left-out entry, then the totals.
fn say(outcome: &Outcome) {
    let (added, totals) = if outcome.dry_run {
        ("cli-would-add", "cli-import-totals-dry-run")
    } else {
        ("cli-added", "cli-import-totals")
    };
    for name in &outcome.added {
        println!("{}", text_with(added, &[("name", name.into())]));
    }
    for name in &outcome.skipped {
        println!("{}", text_with("cli-skipped", &[("name", name.into())]));
    }
    for left in &outcome.left_out {
        println!(
            "{}",
            text_with(
                "cli-left-out",
                &[
                    ("name", (&left.name).into()),
                    ("reason", (&left.reason).into())
                ],
            )
        );
    }
    println!(
        "{}",
        text_with(
            totals,
            &[
                ("added", outcome.added.len().into()),
                ("skipped", outcome.skipped.len().into()),
                ("left", outcome.left_out.len().into()),
                ("format", (&outcome.format).into()),
            ],
        )
    );
    if outcome.dry_run {
        println!("{}", text("cli-nothing-stored"));
    }
}
