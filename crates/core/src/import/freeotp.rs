//! FreeOTP+ JSON backups: `tokens[]` with `secret` as an array of signed bytes (Java's `byte`),
//! `issuerExt`, `label`, `algo`, `digits`, `period`, `counter` and `type` (TOTP, HOTP, STEAM);
//! `tokenOrder` lists them.

use serde_json::Value;

use super::fields::{self, EntryFields, array, int, text, text_or_empty};
use super::{ImportError, Imported, Importer};
use crate::{Secret, Sensitive, display_name};

/// The FreeOTP+ importer.
pub struct FreeOtpPlus;

const NAME: &str = "freeotp-plus";

fn backup(bytes: &[u8]) -> Option<Value> {
    let value = fields::json(bytes)?;
    let tokens = value.get("tokens")?.as_array()?;
    let keys = (value.get("tokenOrder").is_some_and(Value::is_array) || !tokens.is_empty())
        && tokens
            .iter()
            .all(|t| t.get("secret").is_some_and(Value::is_array));
    keys.then_some(value)
}

/// The secret from Java's signed bytes (-128..=127; 128..=255 are taken as unsigned).
fn secret(token: &Value) -> Result<Secret, String> {
    let bytes = array(token, "secret")
        .iter()
        .map(|b| {
            b.as_i64()
                .filter(|b| (-128..=255).contains(b))
                .map(|b| (b & 0xff) as u8)
        })
        .collect::<Option<Vec<u8>>>()
        .ok_or_else(|| "its secret is not a list of bytes".to_owned())?;
    Ok(Secret::from_bytes(bytes))
}

impl Importer for FreeOtpPlus {
    const NAME: &'static str = NAME;

    fn detect(bytes: &[u8]) -> bool {
        backup(bytes).is_some()
    }

    fn needs_password(_bytes: &[u8]) -> bool {
        false
    }

    fn import(
        bytes: &[u8],
        _password: Option<&Sensitive<String>>,
    ) -> Result<Imported, ImportError> {
        let backup = backup(bytes).ok_or_else(|| fields::not_this_format(NAME, bytes))?;
        let mut imported = Imported::default();
        for token in array(&backup, "tokens") {
            let issuer = text(token, "issuerExt")
                .filter(|i| !i.is_empty())
                .or_else(|| text(token, "issuerInt"))
                .unwrap_or("");
            let label = text_or_empty(token, "label");
            let account = fields::kind(text_or_empty(token, "type")).and_then(|kind| {
                EntryFields {
                    issuer,
                    label,
                    kind,
                    algorithm: text(token, "algo"),
                    digits: int(token, "digits"),
                    period: int(token, "period"),
                    counter: int(token, "counter"),
                }
                .into_uri(secret(token)?)
            });
            imported.push(display_name(issuer, label), Vec::new(), account);
        }
        Ok(imported)
    }
}
