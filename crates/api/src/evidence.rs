//! Attaching files to evidence items and copying them out for viewing.

use std::path::{Path, PathBuf};

use clausewise_core::engagement::{AttachReport, OpenedFile};
use clausewise_store::{Store, StoreError};
use uuid::Uuid;

use crate::OpError;

/// Attaches each of `paths` to an item, each in its own transaction: a
/// refused file (a folder, too large, gone) is reported and the rest are
/// attached all the same.
pub fn attach_paths(
    store: &mut Store,
    id: Uuid,
    evidence_id: Uuid,
    paths: &[PathBuf],
) -> Result<AttachReport, OpError> {
    let mut attached = Vec::new();
    let mut refused = Vec::new();
    for path in paths {
        let shown = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        match store.attach_file(id, evidence_id, path) {
            Ok(_) => attached.push(shown),
            Err(e @ (StoreError::Attachment(_) | StoreError::Invalid(_))) => {
                refused.push(e.to_string())
            }
            Err(e) => return Err(e.into()),
        }
    }
    let item = store
        .evidence(id)?
        .into_iter()
        .find(|e| e.id == evidence_id)
        .ok_or(StoreError::NotFound {
            what: "evidence item",
        })?;
    Ok(AttachReport {
        item,
        attached,
        refused,
    })
}

/// Copies an attached file into `dir` under its own name (in a folder of
/// its hash, so two files of the same name never meet), checking the hash
/// on the way; a damaged copy is never left behind.
pub fn extract(store: &Store, id: Uuid, sha256: &str, dir: &Path) -> Result<OpenedFile, OpError> {
    let folder = dir.join(&sha256[..sha256.len().min(16)]);
    let save = |message: String| OpError::Save {
        what: "The attached file",
        path: folder.clone(),
        message,
    };
    std::fs::create_dir_all(&folder).map_err(|e| save(crate::files::io_message(&e)))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".clausewise-")
        .suffix(".part")
        .tempfile_in(&folder)
        .map_err(|e| save(crate::files::io_message(&e)))?;
    let file = store.read(|s| s.read_attachment(id, sha256, tmp.as_file_mut()))?;
    let target = folder.join(&file.name);
    tmp.persist(&target)
        .map_err(|e| save(crate::files::io_message(&e.error)))?;
    Ok(OpenedFile {
        path: target,
        sha256: file.sha256,
        name: file.name,
    })
}
