//! `clausewise-cli import`: a `.clausewise` file into the database.

use std::io::Write;
use std::path::{Path, PathBuf};

use clausewise_core::transfer::{ImportOutcome, OnConflict};
use clausewise_store::OpenMode;

use crate::db::{database_path, open};
use crate::error::CliError;

pub fn run(
    db: Option<PathBuf>,
    file: &Path,
    on_conflict: OnConflict,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let shown = file.display().to_string();
    // Read before the database is opened: a file that cannot be read
    // changes nothing, not even a new database.
    let bytes = clausewise_api::import::read(file, &shown)?;
    let mut store = open(&database_path(db)?, OpenMode::CreateIfMissing)?;
    match clausewise_api::import::import_named(&mut store, &bytes, &shown, on_conflict)? {
        ImportOutcome::Imported { assessment, notice } => {
            if let Some(notice) = &notice {
                eprintln!("clausewise-cli: note: {notice}");
            }
            super::line(out, assessment.id)
        }
        ImportOutcome::Conflict {
            question,
            can_replace,
        } => Err(CliError::Failed(if can_replace {
            format!("{question} Use --on-conflict replace or --on-conflict keep-both.")
        } else {
            format!("{question} Use --on-conflict keep-both.")
        })),
    }
}
