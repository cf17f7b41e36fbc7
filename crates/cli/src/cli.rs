//! The command line: verbs, their arguments and flags. These are a stable
//! contract; see the README.

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use clausewise_core::export::{CsvDelimiter, ExportFormat as Format};
use clausewise_core::i18n::Lang;
use clausewise_core::report::{ReportFormat, ReportSection, DEFAULT_CONFIDENTIALITY};
use clausewise_core::transfer::OnConflict;
use uuid::Uuid;

#[derive(Parser)]
#[command(
    name = "clausewise-cli",
    version,
    about = "Clausewise ISO/IEC 20000-1 assessments from the command line",
    long_about = "Clausewise ISO/IEC 20000-1 assessments from the command line.\n\n\
                  Without --db it uses the desktop app's database \
                  ($CLAUSEWISE_DATA_DIR/clausewise.db, or the per-user data folder)."
)]
pub struct Cli {
    /// Database file to use instead of the desktop app's
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Your name, recorded with the changes this command makes (instead of
    /// the one in the app's preferences); for `report`, the report's author
    /// (default: the assessors)
    #[arg(long, global = true, value_name = "NAME")]
    pub author: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Create the demo client and assessment; prints the new assessment id
    Demo {
        /// Add this many generated findings (for benchmarks of large assessments)
        #[arg(long, value_name = "N", default_value_t = 0)]
        findings: usize,
    },
    /// Overall maturity, coverage, stage 1 and certification verdicts with reasons, findings by
    /// kind, KPI status
    Summary {
        /// The assessment id (see `list`)
        id: Uuid,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// List assessments, most recently changed first
    List {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Check the database: integrity, foreign keys, schema version; exit 1 if unsound
    Check {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Take a snapshot of the database now; prints the snapshot's path
    Backup,
    /// List the database's snapshots, newest first
    Backups {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Replace the database content with a snapshot (the current state is
    /// snapshotted first, so this can be undone); close the app first
    Restore {
        /// The snapshot file (see `backups`)
        snapshot: PathBuf,
    },
    /// Write the gap report of an assessment as a PDF or an editable Word
    /// document; prints the file's path
    Report {
        /// The assessment id (see `list`)
        id: Uuid,
        /// The file to write (replaced if it exists)
        #[arg(long, value_name = "FILE.pdf|FILE.docx")]
        out: PathBuf,
        /// pdf or docx (default: from the --out file's extension, else pdf)
        #[arg(long, value_name = "FORMAT", value_parser = parse_report_format)]
        format: Option<ReportFormat>,
        /// The language the report is written in: en, de or fr (default: the
        /// one last chosen in the app for the client's reports, else en); the
        /// consultant's own text is printed as written
        #[arg(long, value_name = "LANG", value_parser = parse_lang)]
        lang: Option<Lang>,
        /// The firm's Word template (.docx or .dotx) whose styles and page
        /// setup the Word report uses
        #[arg(long, value_name = "FILE")]
        template: Option<PathBuf>,
        /// Leave a section out (repeatable): contents, management-summary (only
        /// printed when written), summary, progress (only printed for a
        /// follow-up), method, charts, execution, clauses, findings, roadmap,
        /// conclusions (only printed when written), kpis, documents,
        /// not-applicable, itil, evidence
        #[arg(long = "no-section", value_name = "NAME", value_parser = parse_section)]
        no_section: Vec<ReportSection>,
        /// The consultancy's name, on the cover and in the page header
        #[arg(long, value_name = "NAME", default_value = "")]
        firm: String,
        /// The firm's logo for the cover (PNG or JPEG)
        #[arg(long, value_name = "FILE")]
        logo: Option<PathBuf>,
        /// The firm's colour for titles, the cover band and column titles,
        /// as #RRGGBB (dark enough to read on white)
        #[arg(long, value_name = "#RRGGBB")]
        accent: Option<String>,
        /// Label printed on the cover and every page; empty for none
        #[arg(long, value_name = "LABEL", default_value = DEFAULT_CONFIDENTIALITY)]
        confidentiality: String,
        /// Name in the method who assessed which requirements, as the change
        /// history records it
        #[arg(long)]
        name_assessors: bool,
    },
    /// Score one requirement as the app does: a maturity level (0-5) or not
    /// applicable with its justification, and optionally its notes; the
    /// change is recorded in the history
    Score {
        /// The assessment id (see `list`)
        id: Uuid,
        /// The requirement, e.g. 8.5.1.3 (see `catalogue`)
        clause: String,
        /// The maturity level, 0 to 5
        #[arg(value_parser = clap::value_parser!(u8).range(0..=5), required_unless_present_any = ["na", "note"])]
        level: Option<u8>,
        /// Mark the requirement not applicable, for this reason
        #[arg(long, value_name = "JUSTIFICATION", conflicts_with = "level")]
        na: Option<String>,
        /// Replace the requirement's notes with this text
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// The change history of an assessment, newest first: who changed what,
    /// when, and the values before and after
    History {
        /// The assessment id (see `list`)
        id: Uuid,
        /// Only the changes to this requirement
        #[arg(long, value_name = "CLAUSE")]
        clause: Option<String>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Print the name recorded with your changes, or keep NAME as that name
    /// (the same setting as the app's)
    Author {
        /// The name to keep
        name: Option<String>,
    },
    /// Take back the latest change to an assessment (recorded as a change
    /// of its own)
    Undo {
        /// The assessment id (see `list`)
        id: Uuid,
    },
    /// Bring back what the latest undo took back
    Redo {
        /// The assessment id (see `list`)
        id: Uuid,
    },
    /// Merge another copy of an assessment (its .clausewise file) into the
    /// same assessment here: what only the other copy changed is taken,
    /// findings, KPIs, evidence and people only it has are added; prints
    /// what was taken, united and in conflict. Without --prefer, fails
    /// listing the conflicts, changing nothing
    Merge {
        /// The other copy's .clausewise file
        file: PathBuf,
        /// Where both copies changed a field differently: keep this
        /// database's value (mine) or take the file's (theirs)
        #[arg(long, value_enum)]
        prefer: Option<SideArg>,
        /// Only show what the merge would do; nothing is written
        #[arg(long)]
        dry_run: bool,
        /// Print as JSON
        #[arg(long)]
        json: bool,
    },
    /// Export an assessment: the portable .clausewise file, or a spreadsheet
    /// (XLSX: clause results, findings and KPIs; CSV: one table); prints the path
    Export {
        /// The assessment id (see `list`)
        id: Uuid,
        /// clausewise (the whole assessment), xlsx, or csv
        #[arg(long, value_enum, default_value_t = ExportFormat::Clausewise)]
        format: ExportFormat,
        /// For CSV: which table to write (progress: a follow-up only)
        #[arg(long, value_enum, default_value_t = CsvTable::Clauses)]
        table: CsvTable,
        /// For CSV: the field separator; semicolon also writes decimal
        /// numbers with a comma (Excel in German, French, …)
        #[arg(long, value_enum, default_value_t = DelimiterArg::Comma)]
        delimiter: DelimiterArg,
        /// The file to write (replaced if it exists)
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// With --format clausewise: a package that carries the evidence
        /// files too (without it, the assessment alone, small enough to e-mail).
        #[arg(long)]
        with_files: bool,
    },
    /// Import a .clausewise assessment file; prints the imported assessment's id
    Import {
        /// The .clausewise file
        file: PathBuf,
        /// When the assessment is already in the database: fail (change
        /// nothing), replace it, or keep both (the import gets new ids)
        #[arg(long, value_enum, default_value_t = ConflictArg::Fail)]
        on_conflict: ConflictArg,
    },
    /// Start a follow-up of an assessment, measured against it as its
    /// baseline (open findings and KPI definitions are carried over); prints
    /// the new assessment's id
    FollowUp {
        /// The baseline assessment's id (see `list`)
        id: Uuid,
        /// The follow-up's title (default: "Follow-up: " and the baseline's title)
        #[arg(long, value_name = "TITLE")]
        title: Option<String>,
        /// copy: start from the baseline's levels and N/A decisions;
        /// blank: every requirement starts unassessed
        #[arg(long, value_enum, default_value_t = LevelsArg::Copy)]
        levels: LevelsArg,
    },
    /// Progress of a follow-up since its baseline: overall, readiness,
    /// findings, KPIs, each clause, and the requirements that changed level
    Compare {
        /// The follow-up assessment's id (see `list`)
        id: Uuid,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// The evidence register of an assessment: items, their links, and
    /// their files with SHA-256.
    Evidence {
        /// The assessment's id.
        id: Uuid,
        /// The register as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Attach a file to an evidence item (by its code, e.g. E-03, or id).
    Attach {
        /// The assessment's id.
        id: Uuid,
        /// The item's code or id.
        evidence_id: String,
        /// The file to attach.
        file: PathBuf,
    },
    /// Print the built-in ISO/IEC 20000-1:2018 + Amd 1:2024 catalogue with all guidance
    Catalogue {
        /// Print JSON (the catalogue file format) instead of text
        #[arg(long)]
        json: bool,
    },
    /// Print the shell completion script for bash, zsh, fish, elvish or
    /// powershell (the packages install those for bash, zsh and fish)
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Write the manual pages (clausewise-cli.1 and one per command) into
    /// DIR; prints their paths (the packages install them)
    #[command(hide = true)]
    Manpages {
        /// The folder to write into (created if missing)
        dir: PathBuf,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LevelsArg {
    Copy,
    Blank,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Clausewise,
    Xlsx,
    Csv,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CsvTable {
    Clauses,
    Findings,
    /// A follow-up's clauses against its baseline
    Progress,
    Kpis,
    /// Every measurement of every KPI
    KpiMeasurements,
    /// The ITIL practice profile
    Practices,
    /// The evidence register.
    Evidence,
    /// The processes of clause 8 against the other parties operating them.
    Parties,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DelimiterArg {
    Comma,
    Semicolon,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SideArg {
    Mine,
    Theirs,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ConflictArg {
    Fail,
    Replace,
    KeepBoth,
}

pub(crate) fn parse_report_format(name: &str) -> Result<ReportFormat, String> {
    ReportFormat::parse(name).ok_or_else(|| {
        let names: Vec<&str> = ReportFormat::ALL.iter().map(|f| f.name()).collect();
        format!("unknown report format; choose from {}", names.join(", "))
    })
}

pub(crate) fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::parse(code).ok_or_else(|| {
        let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        format!("unknown language; choose from {}", codes.join(", "))
    })
}

pub(crate) fn parse_section(name: &str) -> Result<ReportSection, String> {
    ReportSection::parse(name).ok_or_else(|| {
        let names: Vec<&str> = ReportSection::ALL.iter().map(|s| s.name()).collect();
        format!("unknown section; choose from {}", names.join(", "))
    })
}

impl ExportFormat {
    /// The export this asks for; `table` and `delimiter` count for CSV only.
    pub fn format(self, table: CsvTable) -> Format {
        match (self, table) {
            (ExportFormat::Clausewise, _) => Format::Clausewise,
            (ExportFormat::Xlsx, _) => Format::Xlsx,
            (ExportFormat::Csv, CsvTable::Clauses) => Format::CsvClauses,
            (ExportFormat::Csv, CsvTable::Findings) => Format::CsvFindings,
            (ExportFormat::Csv, CsvTable::Progress) => Format::CsvProgress,
            (ExportFormat::Csv, CsvTable::Kpis) => Format::CsvKpis,
            (ExportFormat::Csv, CsvTable::KpiMeasurements) => Format::CsvKpiMeasurements,
            (ExportFormat::Csv, CsvTable::Practices) => Format::CsvPractices,
            (ExportFormat::Csv, CsvTable::Evidence) => Format::CsvEvidence,
            (ExportFormat::Csv, CsvTable::Parties) => Format::CsvParties,
        }
    }
}

impl From<DelimiterArg> for CsvDelimiter {
    fn from(d: DelimiterArg) -> CsvDelimiter {
        match d {
            DelimiterArg::Comma => CsvDelimiter::Comma,
            DelimiterArg::Semicolon => CsvDelimiter::Semicolon,
        }
    }
}

impl From<ConflictArg> for OnConflict {
    fn from(c: ConflictArg) -> OnConflict {
        match c {
            ConflictArg::Fail => OnConflict::Fail,
            ConflictArg::Replace => OnConflict::Replace,
            ConflictArg::KeepBoth => OnConflict::KeepBoth,
        }
    }
}
