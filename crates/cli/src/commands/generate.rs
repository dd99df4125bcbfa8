//! `vigil generate`: the man pages (`clap_mangen`) and shell completions (`clap_complete`) that
//! the release bundles install, made from the same clap definition the command parses with.

use std::io::Write;
use std::path::Path;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::{Cli, GenerateArgs, Generated};
use crate::error::CliError;

/// Writes what was asked into `--out` (or completions to standard output).
pub fn run(args: GenerateArgs) -> Result<(), CliError> {
    let shell = match args.what {
        Generated::Man => {
            let dir = args.out.ok_or_else(|| {
                CliError::Input("man pages need a folder: vigil generate man --out DIR".into())
            })?;
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

/// `vigil.1` and one page per visible subcommand (`vigil-add.1`, …).
fn write_man_pages(dir: &Path) -> Result<(), CliError> {
    std::fs::create_dir_all(dir).map_err(|e| folder_error(dir, &e))?;
    clap_mangen::generate_to(Cli::command(), dir).map_err(|e| folder_error(dir, &e))
}

fn folder_error(dir: &Path, error: &std::io::Error) -> CliError {
    CliError::Failure(format!("cannot write into {}: {error}", dir.display()))
}
