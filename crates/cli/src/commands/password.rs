//! Reading a backup's password: one line of standard input (`--password-stdin`), or asked on the
//! terminal without echo. Never from an argument, so it stays out of `ps` and shell history.

use std::io::IsTerminal;

use vigil_core::Sensitive;
use zeroize::Zeroizing;

use crate::error::CliError;
use crate::words::{text, text_with};

/// How the password is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordSource {
    /// The first line of standard input.
    Stdin,
    /// Asked on the terminal (an error when there is none).
    Terminal,
}

impl PasswordSource {
    /// `Stdin` when `--password-stdin` was given, else `Terminal`.
    pub fn from_flag(password_stdin: bool) -> Self {
        if password_stdin {
            Self::Stdin
        } else {
            Self::Terminal
        }
    }
}

/// The password to open `what`, from `source`. `missing` says how to give one when there is no
/// terminal to ask on.
pub fn read(
    source: PasswordSource,
    what: &str,
    missing: &str,
) -> Result<Sensitive<String>, CliError> {
    let password = match source {
        PasswordSource::Stdin => {
            let mut line = Zeroizing::new(String::new());
            std::io::stdin().read_line(&mut line).map_err(|e| {
                CliError::Input(text_with(
                    "cli-error-password-stdin",
                    &[("detail", e.to_string().into())],
                ))
            })?;
            Zeroizing::new(line.trim_end_matches(['\r', '\n']).to_owned())
        }
        PasswordSource::Terminal => {
            if !std::io::stdin().is_terminal() {
                return Err(CliError::Input(missing.to_owned()));
            }
            Zeroizing::new(
                rpassword::prompt_password(format!(
                    "{} ",
                    text_with("cli-password-prompt", &[("what", what.into())])
                ))
                .map_err(unreadable)?,
            )
        }
    };
    if password.is_empty() {
        return Err(CliError::Input(text_with(
            "cli-error-password-empty",
            &[("what", what.into())],
        )));
    }
    Ok(Sensitive::new(password.to_string()))
}

/// A new password for `what`: asked twice on the terminal (they must match), or one line of
/// standard input.
pub fn read_new(source: PasswordSource, what: &str) -> Result<Sensitive<String>, CliError> {
    let missing = text("cli-error-password-no-terminal");
    let first = read(source, what, &missing)?;
    if source == PasswordSource::Terminal {
        let again = Zeroizing::new(
            rpassword::prompt_password(format!("{} ", text("cli-password-again")))
                .map_err(unreadable)?,
        );
        if again.as_str() != first.expose().as_str() {
            return Err(CliError::Input(text("cli-error-passwords-differ")));
        }
    }
    Ok(first)
}

/// The terminal could not be read.
fn unreadable(error: std::io::Error) -> CliError {
    CliError::Input(text_with(
        "cli-error-password-unreadable",
        &[("detail", error.to_string().into())],
    ))
}
