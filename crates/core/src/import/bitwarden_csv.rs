//! Bitwarden's CSV export: a header row naming `login_totp` (and `name`, `login_username`,
//! `folder`), then one row per item. `login_totp` holds an `otpauth://` URI, `steam://SECRET` or
//! a bare base32 secret; `folder` is the group. Rows without a TOTP are skipped silently.

use super::fields;
use super::{ImportError, Imported, Importer};
use crate::{Sensitive, display_name};

/// The Bitwarden CSV importer.
pub struct BitwardenCsv;

const NAME: &str = "bitwarden-csv";

/// The header's columns, when the first line is Bitwarden's header.
fn header(bytes: &[u8]) -> Option<csv::StringRecord> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header = reader.headers().ok()?.clone();
    let has = |name: &str| header.iter().any(|h| h.trim() == name);
    (has("login_totp") && has("name")).then_some(header)
}

impl Importer for BitwardenCsv {
    const NAME: &'static str = NAME;

    fn detect(bytes: &[u8]) -> bool {
        header(bytes).is_some()
    }

    fn needs_password(_bytes: &[u8]) -> bool {
        false
    }

    fn import(
        bytes: &[u8],
        _password: Option<&Sensitive<String>>,
    ) -> Result<Imported, ImportError> {
        let header = header(bytes).ok_or(ImportError::FormatMismatch { format: NAME })?;
        let column = |name: &str| header.iter().position(|h| h.trim() == name);
        let (name_at, user_at, totp_at, folder_at) = (
            column("name"),
            column("login_username"),
            column("login_totp"),
            column("folder"),
        );
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
        let mut imported = Imported::default();
        for (row, record) in reader.records().enumerate() {
            let line = row.saturating_add(2);
            let record = match record {
                Ok(record) => record,
                Err(_) => {
                    imported.problem(format!("row {line}"), "is not valid CSV");
                    continue;
                }
            };
            let cell = |at: Option<usize>| at.and_then(|i| record.get(i)).unwrap_or("");
            let totp = cell(totp_at);
            if totp.trim().is_empty() {
                continue;
            }
            let (issuer, label) = (cell(name_at), cell(user_at));
            let folder = cell(folder_at).trim();
            let groups = if folder.is_empty() {
                Vec::new()
            } else {
                vec![folder.to_owned()]
            };
            let account = fields::totp_value(totp, issuer, label);
            imported.push(display_name(issuer, label), groups, account);
        }
        Ok(imported)
    }
}
