//! One module per verb. Each takes its arguments, calls the application
//! layer (or the store for plain reads) and writes to `out`.

use std::io::Write;

use crate::cli::{Cli, Command};
use crate::error::{finish, CliError};

mod backup;
mod catalogue;
mod check;
mod compare;
mod demo;
mod docs;
mod evidence;
mod export;
mod follow_up;
mod history;
mod import;
mod list;
mod merge;
mod report;
mod restore;
mod summary;

pub fn run(cli: Cli, out: &mut impl Write) -> Result<(), CliError> {
    let db = cli.db;
    let author = cli.author;
    match cli.command {
        Command::Catalogue { json } => catalogue::run(json, out),
        Command::Completions { shell } => docs::completions(shell, out),
        Command::Manpages { dir } => docs::manpages(&dir, out),
        Command::Demo { findings } => demo::run(db, findings, out),
        Command::Check { json } => check::run(db, json, out),
        Command::Backup => backup::run(db, out),
        Command::Backups { json } => backup::list(db, json, out),
        Command::Restore { snapshot } => restore::run(db, &snapshot, out),
        Command::Summary { id, json } => summary::run(db, id, json, out),
        Command::Report {
            id,
            out: file,
            format,
            lang,
            template,
            no_section,
            firm,
            logo,
            accent,
            confidentiality,
            name_assessors,
        } => report::run(
            db,
            id,
            &file,
            report::Options {
                format,
                lang,
                template,
                no_section,
                firm,
                author: author.unwrap_or_default(),
                logo,
                accent,
                confidentiality,
                name_assessors,
            },
            out,
        ),
        Command::Export {
            id,
            format,
            table,
            delimiter,
            out: file,
            with_files,
        } => export::run(
            db,
            id,
            format.format(table),
            delimiter.into(),
            with_files,
            &file,
            out,
        ),
        Command::Evidence { id, json } => evidence::list(db, id, json, out),
        Command::Attach {
            id,
            evidence_id,
            file,
        } => evidence::attach(db, id, &evidence_id, &file, out),
        Command::Import { file, on_conflict } => import::run(db, &file, on_conflict.into(), out),
        Command::FollowUp { id, title, levels } => follow_up::run(db, id, title, levels, out),
        Command::Compare { id, json } => compare::run(db, id, json, out),
        Command::List { json } => list::run(db, json, out),
        Command::Score {
            id,
            clause,
            level,
            na,
            note,
        } => history::score(
            db,
            author,
            id,
            &clause,
            history::Score { level, na, note },
            out,
        ),
        Command::History { id, clause, json } => history::log(db, id, clause, json, out),
        Command::Author { name } => history::author(db, name, out),
        Command::Undo { id } => history::undo(db, author, id, false, out),
        Command::Redo { id } => history::undo(db, author, id, true, out),
        Command::Merge {
            file,
            prefer,
            dry_run,
            json,
        } => merge::run(db, author, &file, prefer, dry_run, json, out),
    }
}

/// Writes one line and treats a reader that went away as success.
fn line(out: &mut impl Write, text: impl std::fmt::Display) -> Result<(), CliError> {
    finish(writeln!(out, "{text}"))
}
