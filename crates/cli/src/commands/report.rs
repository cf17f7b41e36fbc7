//! `clausewise-cli report`: the gap report, as a PDF or a Word document.

use std::io::Write;
use std::path::{Path, PathBuf};

use clausewise_api::ReportData;
use clausewise_core::i18n::Lang;
use clausewise_core::report::{ReportFormat, ReportOptions, ReportSection};
use uuid::Uuid;

use crate::db::{database_path, open_for_reading};
use crate::error::CliError;

/// The report's flags.
pub struct Options {
    pub format: Option<ReportFormat>,
    pub lang: Option<Lang>,
    pub template: Option<PathBuf>,
    pub no_section: Vec<ReportSection>,
    pub firm: String,
    pub author: String,
    pub logo: Option<PathBuf>,
    pub accent: Option<String>,
    pub confidentiality: String,
    pub name_assessors: bool,
}

pub fn run(
    db: Option<PathBuf>,
    id: Uuid,
    file: &Path,
    flags: Options,
    out: &mut impl Write,
) -> Result<(), CliError> {
    // Without --format, the file's extension says which.
    let format = flags.format.unwrap_or_else(|| {
        file.extension()
            .and_then(|e| e.to_str())
            .and_then(ReportFormat::parse)
            .unwrap_or(ReportFormat::Pdf)
    });
    if flags.template.is_some() && format != ReportFormat::Docx {
        return Err(CliError::Failed(
            "--template is for the Word report: add --format docx or write a .docx file."
                .to_owned(),
        ));
    }
    // The typefaces are read while the database is.
    clausewise_api::prepare_report();
    let path = database_path(db)?;
    clausewise_store::check_export_target(file, &path)?;
    let store = open_for_reading(&path)?;
    // Without --lang, the language last chosen for the client's reports.
    let lang = match flags.lang {
        Some(lang) => lang,
        None => store.read(|s| s.report_lang(id))?.unwrap_or_default(),
    };
    let options = ReportOptions {
        format,
        lang,
        template_path: flags.template.map(|p| p.display().to_string()),
        excluded: flags.no_section,
        confidentiality: flags.confidentiality,
        firm: flags.firm,
        author: flags.author,
        logo_path: flags.logo.map(|p| p.display().to_string()),
        accent: flags.accent,
        name_assessors: flags.name_assessors,
    }
    .validated()?;
    let logo = match &options.logo_path {
        Some(path) => Some(
            clausewise_api::files::read_logo(Path::new(path))
                .map_err(|e| CliError::Failed(e.to_string()))?,
        ),
        None => None,
    };
    let template = match &options.template_path {
        Some(path) => Some(
            clausewise_api::files::read_template(Path::new(path))
                .map_err(|e| CliError::Failed(e.to_string()))?,
        ),
        None => None,
    };
    let data = ReportData::load(&store, id)?;
    let rendered =
        clausewise_api::report::render_as(&data, &options, logo.as_deref(), template.as_ref())?;
    clausewise_api::files::write_export(file, &path, &rendered.bytes, "The report")?;
    for warning in &rendered.warnings {
        eprintln!("clausewise-cli: warning: {warning}");
    }
    super::line(out, file.display())
}
