//! `clausewise-cli score`, `history`, `undo` and `redo`: changing a
//! requirement as the app does, and the log of who changed what.

use std::io::{self, Write};
use std::path::PathBuf;

use clausewise_core::history::{ChangeKind, HistoryEntry, HistoryQuery, Origin};
use clausewise_core::{ClauseResponse, Rating};
use clausewise_store::{OpenMode, Store};
use uuid::Uuid;

use crate::db::{database_path, open, open_for_reading};
use crate::error::{finish, json as to_json, CliError};

/// What `score` sets.
pub struct Score {
    pub level: Option<u8>,
    pub na: Option<String>,
    pub note: Option<String>,
}

fn open_as(db: Option<PathBuf>, author: Option<String>) -> Result<Store, CliError> {
    let mut store = open(&database_path(db)?, OpenMode::MustExist)?;
    if let Some(name) = author {
        store.use_author(&name)?;
    }
    Ok(store)
}

pub fn score(
    db: Option<PathBuf>,
    author: Option<String>,
    id: Uuid,
    clause: &str,
    score: Score,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let mut store = open_as(db, author)?;
    let mut response = store
        .list_responses(id)?
        .into_iter()
        .find(|r| r.clause_id == clause)
        .unwrap_or_else(|| ClauseResponse::blank(clause));
    let before = response.rating;
    match (score.level, score.na) {
        (_, Some(justification)) => {
            response.rating = Rating::NotApplicable;
            response.na_justification = justification;
        }
        (Some(level), None) => response.rating = Rating::Level { level },
        (None, None) => {}
    }
    if let Some(note) = score.note {
        response.notes = note;
    }
    // One transaction, one entry in the history, as a save in the app.
    let saved = store.save_response(id, &response)?;
    let rating = |r: Rating| match r {
        Rating::NotAssessed => "not assessed".to_owned(),
        Rating::NotApplicable => "not applicable".to_owned(),
        Rating::Level { level } => format!("level {level}"),
    };
    let text = if before == saved.response.rating {
        format!("{clause}: {}", rating(saved.response.rating))
    } else {
        format!(
            "{clause}: {} (was {})",
            rating(saved.response.rating),
            rating(before)
        )
    };
    super::line(
        out,
        format!(
            "{text}; overall maturity {}",
            clausewise_core::format_score(saved.scorecard.overall)
        ),
    )
}

pub fn log(
    db: Option<PathBuf>,
    id: Uuid,
    clause: Option<String>,
    json: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let store = open_for_reading(&database_path(db)?)?;
    store.get_assessment(id)?;
    let entries = store.history(
        id,
        &HistoryQuery {
            clause_id: clause,
            ..Default::default()
        },
    )?;
    if json {
        super::line(out, to_json(&entries)?)
    } else {
        finish(write_log(&entries, out))
    }
}

fn write_log(entries: &[HistoryEntry], out: &mut impl Write) -> io::Result<()> {
    if entries.is_empty() {
        return writeln!(out, "No changes recorded.");
    }
    for entry in entries {
        let author = if entry.author.is_empty() {
            "(no name)"
        } else {
            &entry.author
        };
        let kind = match entry.kind {
            ChangeKind::Edit => "",
            ChangeKind::Undo => "undo: ",
            ChangeKind::Redo => "redo: ",
            ChangeKind::Merge => "merge: ",
        };
        let mut notes = Vec::new();
        if entry.origin == Origin::Imported {
            notes.push("in another copy");
        }
        if entry.reverted_by.is_some() {
            notes.push("undone");
        }
        let notes = if notes.is_empty() {
            String::new()
        } else {
            format!(" ({})", notes.join(", "))
        };
        writeln!(
            out,
            "{}  {author}  {kind}{}{notes}",
            entry.at.format("%Y-%m-%d %H:%M:%S UTC"),
            entry.summary()
        )?;
    }
    Ok(())
}

pub fn undo(
    db: Option<PathBuf>,
    author: Option<String>,
    id: Uuid,
    redo: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let mut store = open_as(db, author)?;
    let done = if redo {
        store.redo(id)?
    } else {
        store.undo(id)?
    };
    let verb = if redo { "Redone" } else { "Undone" };
    super::line(out, format!("{verb}: {}", done.entry.summary()))
}

pub fn author(
    db: Option<PathBuf>,
    name: Option<String>,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let path = database_path(db)?;
    match name {
        Some(name) => {
            let mut store = open(&path, OpenMode::CreateIfMissing)?;
            let kept = store.set_author(&name)?;
            super::line(out, format!("Changes are recorded as made by “{kept}”."))
        }
        None => {
            let store = open_for_reading(&path)?;
            match store.configured_author()? {
                Some(name) if !name.is_empty() => super::line(out, name),
                _ => super::line(
                    out,
                    "No name is set: changes are recorded without one. Set it with \
                     `clausewise-cli author NAME`.",
                ),
            }
        }
    }
}
