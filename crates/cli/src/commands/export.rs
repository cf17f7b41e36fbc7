//! `clausewise-cli export`: the `.clausewise` file, the workbook or a CSV
//! table.

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
    file: &Path,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let path = database_path(db)?;
    clausewise_store::check_export_target(file, &path)?;
    let store = open_for_reading(&path)?;
    let export = clausewise_api::export::export(&store, id, format, delimiter)?;
    clausewise_api::files::write_export(file, &path, &export.bytes, format.what())?;
    super::line(out, file.display())
}
