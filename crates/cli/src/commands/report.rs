//! `clausewise-cli report`: the PDF gap report.

use std::io::Write;
use std::path::{Path, PathBuf};

use clausewise_api::ReportData;
use clausewise_core::report::{ReportOptions, ReportSection};
use uuid::Uuid;

use crate::db::{database_path, open_for_reading};
use crate::error::CliError;

/// The report's flags.
pub struct Options {
    pub no_section: Vec<ReportSection>,
    pub firm: String,
    pub author: String,
    pub logo: Option<PathBuf>,
    pub confidentiality: String,
}

pub fn run(
    db: Option<PathBuf>,
    id: Uuid,
    file: &Path,
    flags: Options,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let options = ReportOptions {
        excluded: flags.no_section,
        confidentiality: flags.confidentiality,
        firm: flags.firm,
        author: flags.author,
        logo_path: flags.logo.map(|p| p.display().to_string()),
    }
    .validated()?;
    let logo = match &options.logo_path {
        Some(path) => Some(
            clausewise_api::files::read_logo(Path::new(path))
                .map_err(|e| CliError::Failed(e.to_string()))?,
        ),
        None => None,
    };
    let path = database_path(db)?;
    clausewise_store::check_export_target(file, &path)?;
    let store = open_for_reading(&path)?;
    let data = ReportData::load(&store, id)?;
    let rendered = clausewise_api::report::render(&data, &options, logo.as_deref())?;
    clausewise_api::files::write_export(file, &path, &rendered.bytes, "The report")?;
    for warning in &rendered.warnings {
        eprintln!("clausewise-cli: warning: {warning}");
    }
    super::line(out, file.display())
}
