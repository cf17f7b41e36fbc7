//! A follow-up against its baseline.

use clausewise_core::progress::Progress;
use clausewise_core::Assessment;
use clausewise_store::Store;
use uuid::Uuid;

use crate::OpError;

/// The follow-up and its progress since the baseline; an error naming the
/// assessment when it has no baseline (any more).
pub fn compare(store: &Store, id: Uuid) -> Result<(Assessment, Progress), OpError> {
    store
        .read(|s| Ok((s.get_assessment(id)?, s.progress(id)?)))
        .map_err(OpError::from)
        .and_then(|(assessment, progress)| match progress {
            Some(progress) => Ok((assessment, progress)),
            None => Err(OpError::NoBaseline {
                title: assessment.title,
            }),
        })
}
