//! Ente Auth exports (ente-io/ente, the auth app).
//!
//! Plain (`.txt`): one `otpauth://` URI per line, each with a `codeDisplay` parameter holding
//! JSON (`pinned`, `trashed`, `tags`). Tags become groups. Entries in Ente's trash are left out
//! silently: the person deleted them, so importing them back would be a surprise and listing them
//! as problems would be noise. `codeDisplay` itself is not kept on the account.
//!
//! Encrypted (a JSON object with `kdfParams` and `encryptedData`): recognised, not decrypted. Its
//! cipher is libsodium's `crypto_secretstream_xchacha20poly1305`, a construction (HChaCha20 key
//! derivation, per-message tags and rekeying) that no RustCrypto crate implements; building it
//! from the XChaCha20 and Poly1305 primitives would be hand-rolled crypto. Vigil asks for the
//! plain export instead.

use serde_json::Value;

use super::uris::{content_lines, is_uri_line};
use super::{ImportError, Imported, Importer, fields};
use crate::{OtpUri, Sensitive};

/// The Ente Auth plain-text importer.
pub struct Ente;

/// Ente Auth's encrypted export: detected so the person gets advice, never decrypted.
pub struct EnteEncrypted;

const NAME: &str = "ente";
const ENCRYPTED_NAME: &str = "ente-encrypted";

fn has_code_display(line: &str) -> bool {
    line.split_once('?')
        .is_some_and(|(_, query)| query.split('&').any(|p| p.starts_with("codeDisplay=")))
}

fn export_text(bytes: &[u8]) -> Option<&str> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut any_code_display = false;
    for (_, line) in content_lines(text) {
        if !is_uri_line(line) {
            return None;
        }
        any_code_display |= has_code_display(line);
    }
    any_code_display.then_some(text)
}

impl Importer for Ente {
    const NAME: &'static str = NAME;

    fn detect(bytes: &[u8]) -> bool {
        export_text(bytes).is_some()
    }

    fn needs_password(_bytes: &[u8]) -> bool {
        false
    }

    fn import(
        bytes: &[u8],
        _password: Option<&Sensitive<String>>,
    ) -> Result<Imported, ImportError> {
        let text = export_text(bytes).ok_or(ImportError::FormatMismatch { format: NAME })?;
        let mut imported = Imported::default();
        for (number, line) in content_lines(text) {
            let name = format!("line {number}");
            let mut uri = match OtpUri::parse(line) {
                Ok(uri) => uri,
                Err(e) => {
                    imported.problem(name, e.to_string());
                    continue;
                }
            };
            let display = uri
                .extra
                .iter()
                .position(|(key, _)| key == "codeDisplay")
                .map(|at| uri.extra.remove(at).1)
                .and_then(|json| serde_json::from_str::<Value>(&json).ok())
                .unwrap_or(Value::Null);
            if display.get("trashed").and_then(Value::as_bool) == Some(true) {
                continue;
            }
            let groups = fields::array(&display, "tags")
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect();
            imported.push(uri.display_name(), groups, Ok(uri));
        }
        Ok(imported)
    }
}

fn encrypted_export(bytes: &[u8]) -> bool {
    fields::json(bytes).is_some_and(|v| {
        v.get("kdfParams").is_some_and(Value::is_object)
            && v.get("encryptedData").is_some_and(Value::is_string)
    })
}

impl Importer for EnteEncrypted {
    const NAME: &'static str = ENCRYPTED_NAME;

    fn detect(bytes: &[u8]) -> bool {
        encrypted_export(bytes)
    }

    fn needs_password(_bytes: &[u8]) -> bool {
        // No password would help: the import is refused either way.
        false
    }

    fn import(
        bytes: &[u8],
        _password: Option<&Sensitive<String>>,
    ) -> Result<Imported, ImportError> {
        if !encrypted_export(bytes) {
            return Err(ImportError::FormatMismatch {
                format: ENCRYPTED_NAME,
            });
        }
        Err(ImportError::UnsupportedEncryption {
            format: "Ente Auth encrypted",
            advice: "export from Ente Auth as plain text (Settings, Data, Export codes, Plain text) and import that",
        })
    }
}
