//! `clausewise-cli restore`: put a snapshot back (what it replaces is kept).

use std::io::Write;
use std::path::{Path, PathBuf};

use clausewise_store::{OpenMode, Store};

use crate::db::{database_path, open_message};
use crate::error::CliError;

pub fn run(db: Option<PathBuf>, snapshot: &Path, out: &mut impl Write) -> Result<(), CliError> {
    if !snapshot.is_file() {
        return Err(CliError::Failed(format!(
            "There is no snapshot at {}.",
            snapshot.display()
        )));
    }
    let path = database_path(db)?;
    let kept = match Store::open(&path, OpenMode::MustExist) {
        Ok(mut store) => clausewise_api::backup::restore(Some(&mut store), &path, snapshot)?,
        // A database too damaged to open is set aside (never deleted) and
        // the snapshot put in its place.
        Err(e) if clausewise_api::backup::is_unusable(&e) => {
            clausewise_api::backup::restore(None, &path, snapshot)?
        }
        Err(e) => return Err(CliError::Failed(open_message(&path, e))),
    };
    super::line(
        out,
        format!(
            "Restored {}. The state it replaced is kept in {}.",
            snapshot.display(),
            kept.unwrap_or_default().display()
        ),
    )
}
