//! Importing a `.clausewise` file.

use std::path::Path;

use clausewise_core::transfer::{ImportOutcome, OnConflict};
use clausewise_store::{Store, StoreError};

use crate::OpError;

/// Reads the file at `path` (named `shown_as` in messages) and imports it;
/// an assessment already here comes back as the question to ask.
pub fn import_file(
    store: &mut Store,
    path: &Path,
    shown_as: &str,
    on_conflict: OnConflict,
) -> Result<ImportOutcome, OpError> {
    let bytes = read(path, shown_as)?;
    import_named(store, &bytes, shown_as, on_conflict)
}

/// Reads a file to import, refusing folders and files too large to be an
/// assessment file before reading them.
pub fn read(path: &Path, shown_as: &str) -> Result<Vec<u8>, OpError> {
    clausewise_core::transfer::read_file(path, shown_as)
        .map_err(|reason| OpError::CannotImport { reason })
}

/// [`import`], with problems in the file named after it (`shown_as`).
pub fn import_named(
    store: &mut Store,
    bytes: &[u8],
    shown_as: &str,
    on_conflict: OnConflict,
) -> Result<ImportOutcome, OpError> {
    import(store, bytes, on_conflict).map_err(|e| match e {
        OpError::Store(StoreError::File(problem)) => OpError::CannotImport {
            reason: format!("{shown_as} cannot be imported. {problem}"),
        },
        other => other,
    })
}

/// Checks and imports the content of an assessment file in one transaction.
pub fn import(
    store: &mut Store,
    bytes: &[u8],
    on_conflict: OnConflict,
) -> Result<ImportOutcome, OpError> {
    match store.import_assessment(bytes, on_conflict) {
        Ok(imported) => Ok(ImportOutcome::Imported {
            assessment: Box::new(imported.assessment),
            notice: imported.notice,
        }),
        Err(e @ StoreError::AlreadyExists { .. }) => Ok(ImportOutcome::Conflict {
            question: e.to_string(),
            can_replace: true,
        }),
        Err(e @ StoreError::SharedIds { .. }) => Ok(ImportOutcome::Conflict {
            question: e.to_string(),
            can_replace: false,
        }),
        Err(e) => Err(e.into()),
    }
}

/// The assessment file to merge from `path`: the file itself, not a
/// package (a package's attached files are not merged).
pub fn read_for_merge(path: &Path, shown_as: &str) -> Result<Vec<u8>, OpError> {
    let bytes = read(path, shown_as)?;
    if crate::package::is_package(&bytes[..bytes.len().min(4)]) {
        return Err(OpError::CannotImport {
            reason: format!(
                "{shown_as} is a package with evidence files; a merge reads the assessment file \
                 itself. Ask for the assessment exported without evidence files, or import the \
                 package as a copy."
            ),
        });
    }
    Ok(bytes)
}
