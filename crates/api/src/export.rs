//! An assessment as a file: the portable `.clausewise` file, the workbook,
//! or one table as CSV.

use clausewise_core::export::{CsvDelimiter, ExportFormat};
use clausewise_store::Store;
use uuid::Uuid;

use crate::sheets::{self, Table};
use crate::{OpError, ReportData};

/// An export ready to be written: the bytes and the file name to suggest.
#[derive(Debug, Clone)]
pub struct ExportFile {
    pub format: ExportFormat,
    pub bytes: Vec<u8>,
    /// Client, title and, for a CSV table, which table; no extension.
    pub suggested_stem: String,
}

impl ExportFile {
    /// The suggested file name with its extension.
    pub fn suggested_name(&self) -> String {
        format!("{}.{}", self.suggested_stem, self.format.extension())
    }
}

/// What an export needs from the store, read in one transaction: the
/// assessment file itself, or the report data for a spreadsheet.
pub struct ExportSource {
    format: ExportFormat,
    content: Content,
}

enum Content {
    File(Box<clausewise_core::transfer::AssessmentFile>),
    Workbook(Box<ReportData>),
    Table(Box<ReportData>, Table),
}

impl ExportSource {
    pub fn load(store: &Store, id: Uuid, format: ExportFormat) -> Result<ExportSource, OpError> {
        let data = || ReportData::load(store, id).map(Box::new);
        let content = match format {
            ExportFormat::Clausewise => {
                Content::File(Box::new(store.read(|s| s.export_assessment(id))?))
            }
            ExportFormat::Xlsx => Content::Workbook(data()?),
            ExportFormat::CsvClauses => Content::Table(data()?, Table::Clauses),
            ExportFormat::CsvFindings => Content::Table(data()?, Table::Findings),
            ExportFormat::CsvProgress => Content::Table(data()?, Table::Progress),
            ExportFormat::CsvKpis => Content::Table(data()?, Table::Kpis),
            ExportFormat::CsvKpiMeasurements => Content::Table(data()?, Table::KpiMeasurements),
            ExportFormat::CsvPractices => Content::Table(data()?, Table::Practices),
            ExportFormat::CsvEvidence => Content::Table(data()?, Table::Evidence),
            ExportFormat::CsvParties => Content::Table(data()?, Table::Parties),
        };
        Ok(ExportSource { format, content })
    }

    /// Builds the export (no store needed: run it after the read). The
    /// delimiter applies to CSV tables only.
    pub fn build(&self, delimiter: CsvDelimiter) -> Result<ExportFile, OpError> {
        let (bytes, stem) = match &self.content {
            Content::File(file) => (
                file.to_json().into_bytes(),
                crate::data::file_stem(&file.client.name, &file.assessment.title),
            ),
            Content::Workbook(data) => (
                sheets::xlsx(&data.input()).map_err(OpError::Workbook)?,
                data.file_stem(),
            ),
            Content::Table(data, table) => {
                let bytes =
                    sheets::csv_with(&data.input(), *table, delimiter).ok_or_else(|| {
                        OpError::NoProgress {
                            title: data.title().to_owned(),
                        }
                    })?;
                let stem = match self.format.name_suffix() {
                    Some(suffix) => format!("{} - {suffix}", data.file_stem()),
                    None => data.file_stem(),
                };
                (bytes, stem)
            }
        };
        Ok(ExportFile {
            format: self.format,
            bytes,
            suggested_stem: stem,
        })
    }
}

/// Reads and builds in one go, for a front door that owns its store.
pub fn export(
    store: &Store,
    id: Uuid,
    format: ExportFormat,
    delimiter: CsvDelimiter,
) -> Result<ExportFile, OpError> {
    ExportSource::load(store, id, format)?.build(delimiter)
}
