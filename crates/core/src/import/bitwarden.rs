//! Bitwarden's unencrypted JSON export (bitwarden/clients vault export).
//!
//! Accounts are the `items[]` whose `login.totp` is set: an `otpauth://` URI, `steam://SECRET` or
//! a bare base32 secret (then the item's `name` is the issuer and `login.username` the label).
//! The item's `folderId` names one of `folders[]` (`id`, `name`): that is its group. Items with
//! no TOTP are passwords only and are skipped without a problem. Password-protected exports
//! (`"encrypted": true`) are recognised and refused with advice.

use serde_json::Value;

use super::fields::{self, array, text, text_or_empty};
use super::{ImportError, Imported, Importer};
use crate::{Sensitive, display_name};

/// The Bitwarden JSON importer.
pub struct BitwardenJson;

const NAME: &str = "bitwarden-json";

fn export(bytes: &[u8]) -> Option<Value> {
    let value = fields::json(bytes)?;
    let keys = value.get("items").is_some_and(Value::is_array)
        && (value.get("encrypted").is_some_and(Value::is_boolean)
            || value.get("folders").is_some_and(Value::is_array)
            || value.get("collections").is_some_and(Value::is_array));
    keys.then_some(value)
}

fn is_encrypted(export: &Value) -> bool {
    export.get("encrypted").and_then(Value::as_bool) == Some(true)
}

impl Importer for BitwardenJson {
    const NAME: &'static str = NAME;

    fn detect(bytes: &[u8]) -> bool {
        export(bytes).is_some()
    }

    fn needs_password(bytes: &[u8]) -> bool {
        export(bytes).is_some_and(|e| is_encrypted(&e))
    }

    fn import(
        bytes: &[u8],
        _password: Option<&Sensitive<String>>,
    ) -> Result<Imported, ImportError> {
        let export = export(bytes).ok_or_else(|| fields::not_this_format(NAME, bytes))?;
        if is_encrypted(&export) {
            return Err(ImportError::UnsupportedEncryption {
                format: "password-protected Bitwarden",
                advice: "export from Bitwarden as unencrypted .json or .csv",
            });
        }
        let folders = array(&export, "folders");
        let mut imported = Imported::default();
        for item in array(&export, "items") {
            let login = item.get("login").unwrap_or(&Value::Null);
            let Some(totp) = text(login, "totp").filter(|t| !t.trim().is_empty()) else {
                continue;
            };
            let issuer = text_or_empty(item, "name");
            let label = text_or_empty(login, "username");
            let groups = text(item, "folderId")
                .and_then(|id| folders.iter().find(|f| text(f, "id") == Some(id)))
                .and_then(|f| text(f, "name"))
                .map(|f| vec![f.to_owned()])
                .unwrap_or_default();
            let account = fields::totp_value(totp, issuer, label);
            imported.push(display_name(issuer, label), groups, account);
        }
        Ok(imported)
    }
}
