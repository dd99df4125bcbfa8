//! Text files of accounts: one `otpauth://` or `otpauth-migration://` (Google Authenticator
//! export) URI per line; blank lines and lines starting with `#` are ignored. A line that does not
//! parse becomes a problem named by its line number (never its text, which holds the secret).

use super::{ImportError, Imported, Importer};
use crate::{OtpUri, Sensitive, migration};

/// The importer of `otpauth://` lines.
pub struct UriLines;

const NAME: &str = "uris";

/// The lines that hold something, with their numbers from 1.
pub(crate) fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i.saturating_add(1), line.trim()))
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
}

fn starts_with_ignore_case(line: &str, prefix: &str) -> bool {
    line.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// Whether a line is meant as an account URI.
pub(crate) fn is_uri_line(line: &str) -> bool {
    starts_with_ignore_case(line, "otpauth://")
        || starts_with_ignore_case(line, "otpauth-migration://")
}

/// Text whose every content line is a URI line, with at least one.
fn uri_text(bytes: &[u8]) -> Option<&str> {
    let text = std::str::from_utf8(bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = content_lines(text).peekable();
    lines.peek()?;
    lines.all(|(_, line)| is_uri_line(line)).then_some(text)
}

impl Importer for UriLines {
    const NAME: &'static str = NAME;

    fn detect(bytes: &[u8]) -> bool {
        uri_text(bytes).is_some()
    }

    fn needs_password(_bytes: &[u8]) -> bool {
        false
    }

    fn import(
        bytes: &[u8],
        _password: Option<&Sensitive<String>>,
    ) -> Result<Imported, ImportError> {
        let text =
            std::str::from_utf8(bytes).map_err(|_| ImportError::FormatMismatch { format: NAME })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if !content_lines(text).any(|(_, line)| is_uri_line(line)) {
            return Err(ImportError::FormatMismatch { format: NAME });
        }
        let mut imported = Imported::default();
        for (number, line) in content_lines(text) {
            let name = format!("line {number}");
            if starts_with_ignore_case(line, "otpauth-migration://") {
                match migration::decode(line) {
                    Ok(batch) => {
                        for uri in batch.accounts {
                            imported.push(name.clone(), Vec::new(), Ok(uri));
                        }
                    }
                    Err(e) => imported.problem(name, e.to_string()),
                }
            } else {
                let account = OtpUri::parse(line).map_err(|e| e.to_string());
                imported.push(name, Vec::new(), account);
            }
        }
        Ok(imported)
    }
}
