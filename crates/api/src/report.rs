//! The gap report of an assessment, as a PDF or an editable Word document
//! (both from the same report model).

use clausewise_core::report::{ReportFormat, ReportOptions};
use clausewise_report::{Rendered, Template};

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

/// A report written in the format the options ask for.
#[derive(Debug, Clone)]
pub struct Output {
    pub format: ReportFormat,
    pub bytes: Vec<u8>,
    /// Pages of a PDF (a Word document's depend on where it is shown).
    pub pages: Option<usize>,
    /// Things the consultant should know about the file.
    pub warnings: Vec<String>,
}

/// Lays out and writes the report as `options.format` says. `template` is
/// used for a Word report only.
pub fn render_as(
    data: &ReportData,
    options: &ReportOptions,
    logo: Option<&[u8]>,
    template: Option<&Template>,
) -> Result<Output, OpError> {
    let report = clausewise_report::build(&data.input(), options);
    Ok(match options.format {
        ReportFormat::Pdf => {
            let r = clausewise_report::render(&report, logo)?;
            Output {
                format: ReportFormat::Pdf,
                bytes: r.bytes,
                pages: Some(r.pages),
                warnings: r.warnings,
            }
        }
        ReportFormat::Docx => {
            let r = clausewise_report::render_docx(&report, logo, template)?;
            Output {
                format: ReportFormat::Docx,
                bytes: r.bytes,
                pages: None,
                warnings: r.warnings,
            }
        }
    })
}

/// The file name the save dialog suggests, without extension.
pub fn suggested_stem(data: &ReportData) -> String {
    crate::data::file_stem(
        &data.workspace.client_name,
        &format!("{} - gap report", data.workspace.assessment.title),
    )
}
