//! `clausewise-cli`: the headless front door onto the same database the
//! desktop app uses. Each verb is a module of [`commands`]: it parses
//! nothing (see [`cli`]), calls the application layer and prints.
//!
//! Exit codes: 0 success; 1 the command failed (message on stderr);
//! 2 the command line was wrong (clap prints why).

use std::process::ExitCode;

use clap::Parser;

mod cli;
mod commands;
mod db;
mod error;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    let mut out = std::io::stdout().lock();
    match commands::run(args, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("clausewise-cli: {err}");
            ExitCode::FAILURE
        }
    }
}
