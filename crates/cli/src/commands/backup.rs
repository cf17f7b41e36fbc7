//! `clausewise-cli backup` and `backups`: take a snapshot, list them.

use std::io::Write;
use std::path::PathBuf;

use clausewise_store::{backup_dir, list_snapshots, OpenMode, Snapshot};
use serde::Serialize;

use crate::db::{database_path, open};
use crate::error::{finish, json as to_json, CliError};

pub fn run(db: Option<PathBuf>, out: &mut impl Write) -> Result<(), CliError> {
    let store = open(&database_path(db)?, OpenMode::MustExist)?;
    let snapshot = clausewise_api::backup::backup(&store)?;
    super::line(out, snapshot.path.display())
}

/// A snapshot as `backups --json` prints it: the reason as the tag in the
/// file name (`daily`, `manual`, `before-restore`, `before-migration-to-v5`).
#[derive(Serialize)]
struct Listed<'a> {
    path: &'a std::path::Path,
    created: chrono::DateTime<chrono::Utc>,
    reason: String,
    bytes: u64,
}

impl<'a> From<&'a Snapshot> for Listed<'a> {
    fn from(s: &'a Snapshot) -> Self {
        Listed {
            path: &s.path,
            created: s.created,
            reason: s.reason.tag(),
            bytes: s.bytes,
        }
    }
}

pub fn list(db: Option<PathBuf>, json: bool, out: &mut impl Write) -> Result<(), CliError> {
    let path = database_path(db)?;
    let snapshots = list_snapshots(&path)?;
    if json {
        let listed: Vec<Listed> = snapshots.iter().map(Listed::from).collect();
        return super::line(out, to_json(&listed)?);
    }
    if snapshots.is_empty() {
        return super::line(
            out,
            format!("No snapshots yet in {}.", backup_dir(&path).display()),
        );
    }
    finish(snapshots.iter().try_for_each(|s| {
        writeln!(
            out,
            "{}  {:<28} {:>9} KiB  {}",
            s.created.format("%Y-%m-%d %H:%M:%S"),
            s.reason.tag(),
            s.bytes.div_ceil(1024),
            s.path.display()
        )
    }))
}
