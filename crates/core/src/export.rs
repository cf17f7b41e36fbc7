//! What an assessment can be exported as.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A format an assessment is exported in: the portable file, the workbook,
/// or one table as CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// The whole assessment as a `.clausewise` file.
    Clausewise,
    /// Clause results, findings and roadmap, KPIs (and a follow-up's
    /// progress), one sheet each.
    Xlsx,
    CsvClauses,
    CsvFindings,
    /// A follow-up's clauses against its baseline.
    CsvProgress,
    CsvKpis,
    /// Every measurement of every KPI.
    CsvKpiMeasurements,
    /// The ITIL practice profile.
    CsvPractices,
    /// The evidence register.
    CsvEvidence,
    /// The 8.2.3 matrix: processes against the other parties operating them.
    CsvParties,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 10] = [
        ExportFormat::Clausewise,
        ExportFormat::Xlsx,
        ExportFormat::CsvClauses,
        ExportFormat::CsvFindings,
        ExportFormat::CsvProgress,
        ExportFormat::CsvKpis,
        ExportFormat::CsvKpiMeasurements,
        ExportFormat::CsvPractices,
        ExportFormat::CsvEvidence,
        ExportFormat::CsvParties,
    ];

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Clausewise => crate::transfer::FILE_EXTENSION,
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::CsvClauses
            | ExportFormat::CsvFindings
            | ExportFormat::CsvProgress
            | ExportFormat::CsvKpis
            | ExportFormat::CsvKpiMeasurements
            | ExportFormat::CsvPractices
            | ExportFormat::CsvEvidence
            | ExportFormat::CsvParties => "csv",
        }
    }

    /// What the save dialog's filter calls such files.
    pub fn kind_label(self) -> &'static str {
        match self {
            ExportFormat::Clausewise => "Clausewise assessment",
            ExportFormat::Xlsx => "Excel workbook",
            _ => "CSV table",
        }
    }

    /// What is being saved, as a message names it ("The workbook could not…").
    pub fn what(self) -> &'static str {
        match self {
            ExportFormat::Clausewise => "The assessment file",
            ExportFormat::Xlsx => "The workbook",
            _ => "The CSV file",
        }
    }

    /// Added to the suggested file name of a CSV table.
    pub fn name_suffix(self) -> Option<&'static str> {
        match self {
            ExportFormat::CsvClauses => Some("clause results"),
            ExportFormat::CsvFindings => Some("findings"),
            ExportFormat::CsvProgress => Some("progress"),
            ExportFormat::CsvKpis => Some("KPIs"),
            ExportFormat::CsvKpiMeasurements => Some("KPI measurements"),
            ExportFormat::CsvPractices => Some("ITIL practices"),
            ExportFormat::CsvEvidence => Some("evidence register"),
            ExportFormat::CsvParties => Some("parties 8.2.3"),
            ExportFormat::Clausewise | ExportFormat::Xlsx => None,
        }
    }

    pub fn is_csv(self) -> bool {
        self.extension() == "csv"
    }
}

/// The CSV dialect. Spreadsheet programs set to a language that writes
/// decimal numbers with a comma (German, French, …) expect fields separated
/// by semicolons, and read a comma-separated file as one column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CsvDelimiter {
    /// Comma-separated, decimal point: 2.5
    #[default]
    Comma,
    /// Semicolon-separated, decimal comma: 2,5
    Semicolon,
}

impl CsvDelimiter {
    pub fn byte(self) -> u8 {
        match self {
            CsvDelimiter::Comma => b',',
            CsvDelimiter::Semicolon => b';',
        }
    }
}
