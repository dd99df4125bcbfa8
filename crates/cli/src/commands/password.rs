//! Reading a backup's password: one line of standard input (`--password-stdin`), or asked on the
//! terminal without echo. Never from an argument, so it stays out of `ps` and shell history.

use std::io::IsTerminal;

use vigil_core::Sensitive;
use zeroize::Zeroizing;

use crate::error::CliError;

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
                CliError::Input(format!(
                    "could not read the password from standard input: {e}"
                ))
            })?;
            Zeroizing::new(line.trim_end_matches(['\r', '\n']).to_owned())
        }
        PasswordSource::Terminal => {
            if !std::io::stdin().is_terminal() {
                return Err(CliError::Input(missing.to_owned()));
            }
            Zeroizing::new(
                rpassword::prompt_password(format!("Password for {what}: "))
                    .map_err(|e| CliError::Input(format!("could not read the password: {e}")))?,
            )
        }
    };
    if password.is_empty() {
        return Err(CliError::Input(format!("the password for {what} is empty")));
    }
    Ok(Sensitive::new(password.to_string()))
}

/// A new password for `what`: asked twice on the terminal (they must match), or one line of
/// standard input.
pub fn read_new(source: PasswordSource, what: &str) -> Result<Sensitive<String>, CliError> {
    let missing = "no terminal to ask for a password on: give one line on standard input with \
                   --password-stdin";
    let first = read(source, what, missing)?;
    if source == PasswordSource::Terminal {
        let again = Zeroizing::new(
            rpassword::prompt_password("Again, to be sure: ")
                .map_err(|e| CliError::Input(format!("could not read the password: {e}")))?,
        );
        if again.as_str() != first.expose().as_str() {
            return Err(CliError::Input(
                "the two passwords differ; nothing was written".into(),
            ));
        }
    }
    Ok(first)
}
