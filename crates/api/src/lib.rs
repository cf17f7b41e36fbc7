//! Clausewise's application layer: one function per user operation (report
//! data, export, import, follow-up, compare, summary, restore, …), called by
//! both front doors. The desktop shell (`src-tauri`) adds its native dialogs
//! around a call; `clausewise-cli` adds its argument parsing and printing.
//!
//! Reads happen in one transaction ([`data::ReportData::load`]); building a
//! workbook or a PDF happens afterwards on the data read, so a front door
//! that shares the store between threads holds it only for the read.

pub mod backup;
pub mod compare;
pub mod data;
pub mod error;
pub mod evidence;
pub mod export;
pub mod files;
pub mod follow_up;
pub mod import;
pub mod package;
pub mod report;
pub mod session;
pub mod sheets;
pub mod summary;

pub use clausewise_report::{prepare as prepare_report, ReportError, Template};
pub use data::ReportData;
pub use error::OpError;
