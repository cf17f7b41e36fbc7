//! Starting a follow-up of an assessment.

use clausewise_core::progress::follow_up_title;
use clausewise_core::{Assessment, FollowUpInput};
use clausewise_store::Store;
use uuid::Uuid;

use crate::OpError;

/// Starts a follow-up of `baseline`, titled `title` or, without one, the
/// title the app suggests ("Follow-up: " and the baseline's title).
pub fn start(
    store: &mut Store,
    baseline: Uuid,
    title: Option<String>,
    copy_levels: bool,
) -> Result<Assessment, OpError> {
    let title = match title {
        Some(title) => title,
        None => follow_up_title(&store.get_assessment(baseline)?.title),
    };
    Ok(store.start_follow_up(baseline, &FollowUpInput { title, copy_levels })?)
}
