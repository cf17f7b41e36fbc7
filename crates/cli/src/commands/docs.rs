//! `clausewise-cli completions` and `clausewise-cli manpages`: the shell
//! completion scripts and the manual pages, generated from the same command
//! line definition the parser uses, so they never drift from it.

use std::io::Write;
use std::path::Path;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::{finish, CliError};

pub fn completions(shell: clap_complete::Shell, out: &mut impl Write) -> Result<(), CliError> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "clausewise-cli", &mut script);
    finish(out.write_all(&script))
}

pub fn manpages(dir: &Path, out: &mut impl Write) -> Result<(), CliError> {
    let failed = |e: std::io::Error| {
        CliError::Failed(format!(
            "could not write the manual pages into {}: {e}",
            dir.display()
        ))
    };
    std::fs::create_dir_all(dir).map_err(failed)?;
    clap_mangen::generate_to(Cli::command(), dir).map_err(failed)?;
    let mut pages: Vec<_> = std::fs::read_dir(dir)
        .map_err(failed)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "1"))
        .collect();
    pages.sort();
    for page in pages {
        super::line(out, page.display())?;
    }
    Ok(())
}
