//! Clausewise domain model.
//!
//! Everything here is plain data and pure functions: no storage, no desktop
//! shell. The store, the CLI and the desktop app all build on these types, so
//! the numbers and rules a consultant sees are the same everywhere.
//!
//! - The domain: [`catalogue`], [`assessment`], [`response`], [`finding`],
//!   [`kpi`], and what is computed from them: [`scoring`] (the roll-up),
//!   [`judgement`] (conformity beside maturity), [`verdicts`] (stage 1 and
//!   certification readiness), [`practices`] (the ITIL practice profile,
//!   execution against control), [`dashboard`] (with the chart model),
//!   [`progress`] (a follow-up against its baseline).
//! - Input rules and their limits: [`validation`].
//! - What crosses to the UI: [`error`] (`{code, message, field}`), [`view`]
//!   (the workspace, snapshots, recovery), [`export`] and [`transfer`] (the
//!   assessment file, import outcomes), [`report`] options; [`bindings`]
//!   writes their TypeScript, with the labels, limits and [`palette`].
//! - [`demo`]: the demo assessment; [`text`]: counted words.

pub mod assessment;
pub mod bindings;
pub mod catalogue;
pub mod dashboard;
pub mod demo;
pub mod engagement;
pub mod error;
pub mod export;
pub mod finding;
pub mod history;
pub mod i18n;
pub mod itil;
pub mod judgement;
pub mod kpi;
pub mod merge;
pub mod narrative;
pub mod palette;
pub mod practices;
pub mod progress;
pub mod report;
pub mod response;
pub mod scoring;
pub mod text;
pub mod transfer;
pub mod validation;
pub mod verdicts;
pub mod view;

pub use assessment::{
    Assessment, AssessmentStatus, AssessmentSummary, Client, FollowUpInput, NewAssessment,
    DEFAULT_TARGET_LEVEL,
};
pub use catalogue::{Catalogue, CatalogueError, Clause};
pub use error::{ApiError, ErrorCode};
pub use judgement::{Inconsistency, Judgement, Standing};
pub use response::{ClauseResponse, NaBasis, Rating};
pub use scoring::{format_score, round_score, scorecard, ClauseScore, Scorecard, Weakest};
pub use validation::{Field, ValidationError};
