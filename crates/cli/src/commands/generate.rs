//! `vigil generate`: the man pages (`clap_mangen`) and shell completions (`clap_complete`) that
//! the release bundles install, made from the same clap definition the command parses with.

use std::io::Write;
use std::path::Path;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::{Cli, GenerateArgs, Generated};
use crate::error::CliError;
use crate::words::{text, text_with};

/// Writes what was asked into `--out` (or completions to standard output).
pub fn run(args: GenerateArgs) -> Result<(), CliError> {
    let shell = match args.what {
        Generated::Man => {
            let dir = args
                .out
                .ok_or_else(|| CliError::Input(text("cli-error-man-needs-folder")))?;
            return write_man_pages(&dir);
        }
        Generated::Bash => Shell::Bash,
        Generated::Zsh => Shell::Zsh,
        Generated::Fish => Shell::Fish,
    };
    let mut command = Cli::command();
    match args.out {
        Some(dir) => {
            std::fs::create_dir_all(&dir).map_err(|e| folder_error(&dir, &e))?;
            clap_complete::generate_to(shell, &mut command, "vigil", &dir)
                .map_err(|e| folder_error(&dir, &e))?;
        }
        None => {
            let mut out = std::io::stdout().lock();
            clap_complete::generate(shell, &mut command, "vigil", &mut out);
            out.flush()?;
        }
    }
    Ok(())
}

/// `vigil.1` and one page per visible subcommand (`vigil-add.1`, …), each saying which version
/// of Vigil it documents.
fn write_man_pages(dir: &Path) -> Result<(), CliError> {
    std::fs::create_dir_all(dir).map_err(|e| folder_error(dir, &e))?;
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    let source = format!("vigil {}", env!("CARGO_PKG_VERSION"));
    let pages = std::iter::once(command.clone()).chain(
        command
            .get_subcommands()
            .filter(|s| !s.is_hide_set())
            .cloned(),
    );
    for page in pages {
        clap_mangen::Man::new(page)
            .source(source.clone())
            .manual("Vigil Manual")
            .generate_to(dir)
            .map_err(|e| folder_error(dir, &e))?;
    }
    Ok(())
}

fn folder_error(dir: &Path, error: &std::io::Error) -> CliError {
    CliError::Failure(text_with(
        "cli-error-cannot-write-into",
        &[
            ("path", dir.display().to_string().into()),
            ("detail", error.to_string().into()),
        ],
    ))
}
