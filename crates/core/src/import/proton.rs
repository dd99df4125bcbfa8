//! Proton Authenticator's JSON export: `{"version", "entries": [{"content": {"uri", "entry_type",
//! "name"}, "note"}]}`. `content.uri` is an `otpauth://` URI (or `steam://SECRET` for Steam
//! entries); `content.name` fills a label the URI lacks.

use serde_json::Value;

use super::fields::{self, array, text_or_empty};
use super::{ImportError, Imported, Importer};
use crate::{Sensitive, display_name};

/// The Proton Authenticator importer.
pub struct Proton;

const NAME: &str = "proton";

fn export(bytes: &[u8]) -> Option<Value> {
    let value = fields::json(bytes)?;
    let entries = value.get("entries")?.as_array()?;
    let keys = value
        .get("version")
        .is_some_and(|v| v.is_number() || v.is_string())
        && !entries.is_empty()
        && entries.iter().all(|e| {
            e.get("content")
                .is_some_and(|c| c.get("uri").is_some_and(Value::is_string))
        });
    keys.then_some(value)
}

impl Importer for Proton {
    const NAME: &'static str = NAME;

    fn detect(bytes: &[u8]) -> bool {
        export(bytes).is_some()
    }

    fn needs_password(_bytes: &[u8]) -> bool {
        false
    }

    fn import(
        bytes: &[u8],
        _password: Option<&Sensitive<String>>,
    ) -> Result<Imported, ImportError> {
        let export = export(bytes).ok_or_else(|| fields::not_this_format(NAME, bytes))?;
        let mut imported = Imported::default();
        for entry in array(&export, "entries") {
            let content = entry.get("content").unwrap_or(&Value::Null);
            let name = text_or_empty(content, "name");
            let account = fields::totp_value(text_or_empty(content, "uri"), "", name);
            let shown = match &account {
                Ok(uri) => uri.display_name(),
                Err(_) => display_name("", name),
            };
            imported.push(shown, Vec::new(), account);
        }
        Ok(imported)
    }
}
