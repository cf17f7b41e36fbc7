//! The PDF gap report of an assessment.

use clausewise_core::report::ReportOptions;
use clausewise_report::Rendered;

use crate::{OpError, ReportData};

/// Lays out and writes the report (no store needed: run it after
/// [`ReportData::load`]). `logo` is the image file's content.
pub fn render(
    data: &ReportData,
    options: &ReportOptions,
    logo: Option<&[u8]>,
) -> Result<Rendered, OpError> {
    let report = clausewise_report::build(&data.input(), options);
    Ok(clausewise_report::render(&report, logo)?)
}

/// The file name the save dialog suggests, without extension.
pub fn suggested_stem(data: &ReportData) -> String {
    crate::data::file_stem(
        &data.workspace.client_name,
        &format!("{} - gap report", data.workspace.assessment.title),
    )
}
