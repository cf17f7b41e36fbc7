//! `clausewise-cli export`: the `.clausewise` file (with its evidence files
//! as a package on request), the workbook or a CSV table.

use std::io::Write;
use std::path::{Path, PathBuf};

use clausewise_core::export::{CsvDelimiter, ExportFormat};
use uuid::Uuid;

use crate::db::{database_path, open_for_reading};
use crate::error::CliError;

pub fn run(
    db: Option<PathBuf>,
    id: Uuid,
    format: ExportFormat,
    delimiter: CsvDelimiter,
    with_files: bool,
    file: &Path,
    out: &mut impl Write,
) -> Result<(), CliError> {
    if with_files && format != ExportFormat::Clausewise {
        return Err(CliError::Failed(
            "--with-files goes with --format clausewise: only the assessment file carries \
             the evidence files."
                .to_owned(),
        ));
    }
    let path = database_path(db)?;
    clausewise_store::check_export_target(file, &path)?;
    let store = open_for_reading(&path)?;
    if with_files {
        clausewise_api::package::write_package(&store, id, file, &path)?;
        return super::line(out, file.display());
    }
    let export = clausewise_api::export::export(&store, id, format, delimiter)?;
    clausewise_api::files::write_export(file, &path, &export.bytes, format.what())?;
    super::line(out, file.display())
}
