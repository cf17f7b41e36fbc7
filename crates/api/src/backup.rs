//! Snapshots: taking one by hand and restoring one.

use std::path::{Path, PathBuf};

use clausewise_store::{recover_from_snapshot, Snapshot, SnapshotReason, Store, StoreError};

use crate::OpError;

/// Takes a snapshot now, by hand.
pub fn backup(store: &Store) -> Result<Snapshot, OpError> {
    Ok(store.snapshot(SnapshotReason::Manual)?)
}

/// Restores `snapshot` over the database at `db_path`. `current` is the
/// database as opened, or `None` when it cannot be used (damaged, not a
/// Clausewise database): then that file is set aside, never deleted, and the
/// checked snapshot takes its place. Returns where the state it replaced is
/// kept, if there was one.
pub fn restore(
    current: Option<&mut Store>,
    db_path: &Path,
    snapshot: &Path,
) -> Result<Option<PathBuf>, OpError> {
    Ok(match current {
        Some(store) => Some(store.restore(snapshot)?.path),
        None => recover_from_snapshot(db_path, snapshot)?,
    })
}

/// Whether an error opening the database means the file itself is unusable
/// (so a restore sets it aside), rather than that it cannot be reached.
pub fn is_unusable(e: &StoreError) -> bool {
    matches!(
        e,
        StoreError::NotADatabase { .. }
            | StoreError::EmptyFile { .. }
            | StoreError::UnexpectedSchema { .. }
            | StoreError::Damaged { .. }
    )
}
