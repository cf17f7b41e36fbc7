//! `clausewise-cli import`: a `.clausewise` file or package into the database.

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
    // changes nothing, not even a new database. A package is read from
    // the disk as it is imported.
    let package = is_package_file(file);
    let bytes = if package {
        Vec::new()
    } else {
        clausewise_api::import::read(file, &shown)?
    };
    let mut store = open(&database_path(db)?, OpenMode::CreateIfMissing)?;
    let outcome = if package {
        clausewise_api::package::import_path(&mut store, file, &shown, on_conflict)?
    } else {
        clausewise_api::import::import_named(&mut store, &bytes, &shown, on_conflict)?
    };
    match outcome {
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

fn is_package_file(file: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 4];
    std::fs::File::open(file)
        .and_then(|mut f| f.read(&mut head))
        .is_ok_and(|n| clausewise_api::package::is_package(&head[..n]))
}
