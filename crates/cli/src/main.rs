//! `clausewise-cli`: the headless front door onto the same database the
//! desktop app uses.
//!
//! Exit codes: 0 success; 1 the command failed (message on stderr);
//! 2 the command line was wrong.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use clausewise_core::progress::follow_up_title;
use clausewise_core::report::{ReportOptions, ReportSection, DEFAULT_CONFIDENTIALITY};
use clausewise_core::{AssessmentSummary, Catalogue, FollowUpInput};

mod catalogue_text;
mod compare;
mod summary;

use clausewise_store::{
    backup_dir, check_export_target, default_data_dir, list_snapshots, recover_from_snapshot,
    CheckReport, OnConflict, OpenMode, Store, StoreError, DATABASE_FILE_NAME,
};
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
struct Cli {
    /// Database file to use instead of the desktop app's
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create the demo client and assessment; prints the new assessment id
    Demo {
        /// Add this many generated findings (for benchmarks of large assessments)
        #[arg(long, value_name = "N", default_value_t = 0)]
        findings: usize,
    },
    /// Overall maturity, coverage, readiness verdict with reasons, findings by kind, KPI status
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
    /// Write the PDF gap report of an assessment; prints the file's path
    Report {
        /// The assessment id (see `list`)
        id: Uuid,
        /// The PDF file to write (replaced if it exists)
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        /// Leave a section out (repeatable): contents, summary, progress (only
        /// printed for a follow-up), method, charts, clauses, findings, roadmap,
        /// kpis, documents, not-applicable, itil
        #[arg(long = "no-section", value_name = "NAME", value_parser = parse_section)]
        no_section: Vec<ReportSection>,
        /// The consultancy's name, on the cover and in the page header
        #[arg(long, value_name = "NAME", default_value = "")]
        firm: String,
        /// The report's author (default: the assessors)
        #[arg(long, value_name = "NAME", default_value = "")]
        author: String,
        /// The firm's logo for the cover (PNG or JPEG)
        #[arg(long, value_name = "FILE")]
        logo: Option<PathBuf>,
        /// Label printed on the cover and every page; empty for none
        #[arg(long, value_name = "LABEL", default_value = DEFAULT_CONFIDENTIALITY)]
        confidentiality: String,
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
    /// Print the built-in ISO/IEC 20000-1:2018 catalogue with all guidance
    Catalogue {
        /// Print JSON (the catalogue file format) instead of text
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("clausewise-cli: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    let written = match cli.command {
        Command::Catalogue { json } => {
            let catalogue = Catalogue::builtin();
            if json {
                let text = serde_json::to_string_pretty(catalogue).map_err(|e| e.to_string())?;
                writeln!(out, "{text}")
            } else {
                catalogue_text::write(&mut out, catalogue)
            }
        }
        Command::Demo { findings } => {
            let mut store = open(&database_path(cli.db)?, OpenMode::CreateIfMissing)?;
            let assessment = store
                .create_demo_with(findings)
                .map_err(|e| e.to_string())?;
            writeln!(out, "{}", assessment.id)
        }
        Command::Check { json } => {
            let path = database_path(cli.db)?;
            let store = open_for_reading(&path)?;
            let report = store.check().map_err(|e| e.to_string())?;
            let written = if json {
                let text = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
                writeln!(out, "{text}")
            } else {
                write_check(&mut out, &path, &report)
            };
            finish(written)?;
            if !report.is_ok() {
                return Err(format!("{} has problems (see above).", path.display()));
            }
            Ok(())
        }
        Command::Backup => {
            let store = open(&database_path(cli.db)?, OpenMode::MustExist)?;
            let snapshot = store.snapshot("manual").map_err(|e| e.to_string())?;
            writeln!(out, "{}", snapshot.path.display())
        }
        Command::Backups { json } => {
            let path = database_path(cli.db)?;
            let snapshots = list_snapshots(&path).map_err(|e| e.to_string())?;
            if json {
                let text = serde_json::to_string_pretty(&snapshots).map_err(|e| e.to_string())?;
                writeln!(out, "{text}")
            } else if snapshots.is_empty() {
                writeln!(out, "No snapshots yet in {}.", backup_dir(&path).display())
            } else {
                snapshots.iter().try_for_each(|s| {
                    writeln!(
                        out,
                        "{}  {:<28} {:>9} KiB  {}",
                        s.created.format("%Y-%m-%d %H:%M:%S"),
                        s.reason,
                        s.bytes.div_ceil(1024),
                        s.path.display()
                    )
                })
            }
        }
        Command::Restore { snapshot } => {
            if !snapshot.is_file() {
                return Err(format!("There is no snapshot at {}.", snapshot.display()));
            }
            let path = database_path(cli.db)?;
            let kept = match Store::open(&path, OpenMode::MustExist) {
                Ok(mut store) => store.restore(&snapshot).map_err(|e| e.to_string())?.path,
                // A database too damaged to open is set aside (never deleted)
                // and the snapshot put in its place.
                Err(
                    StoreError::NotADatabase { .. }
                    | StoreError::EmptyFile { .. }
                    | StoreError::UnexpectedSchema { .. },
                ) => recover_from_snapshot(&path, &snapshot)
                    .map_err(|e| e.to_string())?
                    .unwrap_or_default(),
                Err(e) => return Err(open_message(&path, e)),
            };
            writeln!(
                out,
                "Restored {}. The state it replaced is kept in {}.",
                snapshot.display(),
                kept.display()
            )
        }
        Command::Summary { id, json } => {
            let store = open_for_reading(&database_path(cli.db)?)?;
            let summary = summary::Summary::load(&store, id).map_err(|e| e.to_string())?;
            if json {
                let text = serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())?;
                writeln!(out, "{text}")
            } else {
                summary.write_text(&mut out)
            }
        }
        Command::Report {
            id,
            out: file,
            no_section,
            firm,
            author,
            logo,
            confidentiality,
        } => {
            let options = ReportOptions {
                excluded: no_section,
                confidentiality,
                firm,
                author,
                logo_path: logo.map(|p| p.display().to_string()),
            }
            .validated()
            .map_err(|e| e.to_string())?;
            let logo = match &logo_path(&options) {
                Some(path) => Some(clausewise_report::read_logo(path).map_err(|e| e.to_string())?),
                None => None,
            };
            let path = database_path(cli.db)?;
            check_export_target(&file, &path).map_err(|e| e.to_string())?;
            let store = open_for_reading(&path)?;
            let ws = store.workspace(id).map_err(|e| e.to_string())?;
            let findings = store.list_findings(id).map_err(|e| e.to_string())?;
            let kpis = store.list_kpis(id).map_err(|e| e.to_string())?;
            let progress = store.progress(id).map_err(|e| e.to_string())?;
            let input = clausewise_report::ReportInput::of(&ws, &findings, &kpis)
                .with_progress(progress.as_ref());
            let report = clausewise_report::build(&input, &options);
            let rendered =
                clausewise_report::render(&report, logo.as_deref()).map_err(|e| e.to_string())?;
            clausewise_report::write_file(&file, &rendered.bytes).map_err(|e| e.to_string())?;
            for warning in &rendered.warnings {
                eprintln!("clausewise-cli: warning: {warning}");
            }
            writeln!(out, "{}", file.display())
        }
        Command::Export {
            id,
            format,
            table,
            delimiter,
            out: file,
        } => {
            let path = database_path(cli.db)?;
            check_export_target(&file, &path).map_err(|e| e.to_string())?;
            let store = open_for_reading(&path)?;
            let bytes = match format {
                ExportFormat::Clausewise => store
                    .export_assessment(id)
                    .map_err(|e| e.to_string())?
                    .to_json()
                    .into_bytes(),
                ExportFormat::Xlsx | ExportFormat::Csv => {
                    let ws = store.workspace(id).map_err(|e| e.to_string())?;
                    let findings = store.list_findings(id).map_err(|e| e.to_string())?;
                    let kpis = store.list_kpis(id).map_err(|e| e.to_string())?;
                    let progress = store.progress(id).map_err(|e| e.to_string())?;
                    let input = clausewise_report::ReportInput::of(&ws, &findings, &kpis)
                        .with_progress(progress.as_ref());
                    if format == ExportFormat::Xlsx {
                        clausewise_report::sheets::xlsx(&input)?
                    } else {
                        let table = match table {
                            CsvTable::Clauses => clausewise_report::sheets::Table::Clauses,
                            CsvTable::Findings => clausewise_report::sheets::Table::Findings,
                            CsvTable::Progress => clausewise_report::sheets::Table::Progress,
                            CsvTable::Kpis => clausewise_report::sheets::Table::Kpis,
                        };
                        let delimiter = match delimiter {
                            DelimiterArg::Comma => clausewise_report::sheets::Delimiter::Comma,
                            DelimiterArg::Semicolon => {
                                clausewise_report::sheets::Delimiter::Semicolon
                            }
                        };
                        clausewise_report::sheets::csv_with(&input, table, delimiter).ok_or_else(
                            || {
                                format!(
                                    "“{}” has no baseline, so there is no progress to export.",
                                    ws.assessment.title
                                )
                            },
                        )?
                    }
                }
            };
            clausewise_report::write_file(&file, &bytes).map_err(|e| e.to_string())?;
            writeln!(out, "{}", file.display())
        }
        Command::Import { file, on_conflict } => {
            let bytes = clausewise_core::transfer::read_file(&file, &file.display().to_string())?;
            let mut store = open(&database_path(cli.db)?, OpenMode::CreateIfMissing)?;
            let policy = match on_conflict {
                ConflictArg::Fail => OnConflict::Fail,
                ConflictArg::Replace => OnConflict::Replace,
                ConflictArg::KeepBoth => OnConflict::KeepBoth,
            };
            let imported = store
                .import_assessment(&bytes, policy)
                .map_err(|e| match e {
                    e @ StoreError::AlreadyExists { .. } => {
                        format!("{e} Use --on-conflict replace or --on-conflict keep-both.")
                    }
                    e @ StoreError::SharedIds { .. } => {
                        format!("{e} Use --on-conflict keep-both.")
                    }
                    StoreError::File(e) => format!("{} cannot be imported. {e}", file.display()),
                    other => other.to_string(),
                })?;
            if let Some(notice) = &imported.notice {
                eprintln!("clausewise-cli: note: {notice}");
            }
            writeln!(out, "{}", imported.assessment.id)
        }
        Command::FollowUp { id, title, levels } => {
            let mut store = open(&database_path(cli.db)?, OpenMode::MustExist)?;
            let baseline = store.get_assessment(id).map_err(|e| e.to_string())?;
            let input = FollowUpInput {
                title: title.unwrap_or_else(|| follow_up_title(&baseline.title)),
                copy_levels: levels == LevelsArg::Copy,
            };
            let follow_up = store
                .start_follow_up(id, &input)
                .map_err(|e| e.to_string())?;
            writeln!(out, "{}", follow_up.id)
        }
        Command::Compare { id, json } => {
            let store = open_for_reading(&database_path(cli.db)?)?;
            let assessment = store.get_assessment(id).map_err(|e| e.to_string())?;
            let progress = store
                .progress(id)
                .map_err(|e| e.to_string())?
                .ok_or_else(|| {
                    format!(
                        "“{}” has no baseline to compare with: it was not started as a follow-up, \
                     or its baseline was deleted.",
                        assessment.title
                    )
                })?;
            if json {
                let text = serde_json::to_string_pretty(&progress).map_err(|e| e.to_string())?;
                writeln!(out, "{text}")
            } else {
                compare::write_text(&progress, &assessment.title, &mut out)
            }
        }
        Command::List { json } => {
            let store = open_for_reading(&database_path(cli.db)?)?;
            let rows = store.list_assessments().map_err(|e| e.to_string())?;
            if json {
                let text = serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?;
                writeln!(out, "{text}")
            } else {
                write_table(&mut out, &rows)
            }
        }
    };
    finish(written)
}

fn finish(written: std::io::Result<()>) -> Result<(), String> {
    match written {
        // The reader went away (`| head`): what it wanted was written.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| format!("could not write the output: {e}")),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum LevelsArg {
    Copy,
    Blank,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ExportFormat {
    Clausewise,
    Xlsx,
    Csv,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum CsvTable {
    Clauses,
    Findings,
    /// A follow-up's clauses against its baseline
    Progress,
    Kpis,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum DelimiterArg {
    Comma,
    Semicolon,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ConflictArg {
    Fail,
    Replace,
    KeepBoth,
}

fn parse_section(name: &str) -> Result<ReportSection, String> {
    ReportSection::parse(name).ok_or_else(|| {
        let names: Vec<&str> = ReportSection::ALL.iter().map(|s| s.name()).collect();
        format!("unknown section; choose from {}", names.join(", "))
    })
}

fn logo_path(options: &ReportOptions) -> Option<PathBuf> {
    options.logo_path.as_ref().map(PathBuf::from)
}

/// `--db` if given, else the desktop app's database.
fn database_path(db: Option<PathBuf>) -> Result<PathBuf, String> {
    match db {
        Some(path) => Ok(path),
        None => Ok(default_data_dir()
            .map_err(|e| e.to_string())?
            .join(DATABASE_FILE_NAME)),
    }
}

/// Opens the database for a command that writes.
fn open(path: &std::path::Path, mode: OpenMode) -> Result<Store, String> {
    Store::open(path, mode).map_err(|e| open_message(path, e))
}

/// Opens the database for a command that only reads: where nothing can be
/// written (a read-only folder or file, a full disk) it is read as it is.
fn open_for_reading(path: &std::path::Path) -> Result<Store, String> {
    match Store::open(path, OpenMode::MustExist) {
        Ok(store) => Ok(store),
        Err(
            e @ (StoreError::ReadOnlyFolder { .. }
            | StoreError::ReadOnlyFile { .. }
            | StoreError::DiskFull { .. }),
        ) => Store::open_read_only(path).map_err(|read| match read {
            StoreError::NeedsUpdateReadOnly { .. } => read.to_string(),
            _ => e.to_string(),
        }),
        Err(e) => Err(open_message(path, e)),
    }
}

fn open_message(path: &std::path::Path, e: StoreError) -> String {
    match e {
        StoreError::Missing { .. } => format!(
            "{e} Create one with `clausewise-cli --db {} demo`, or start the desktop app.",
            path.display()
        ),
        StoreError::ReadOnlyFolder { .. } | StoreError::ReadOnlyFile { .. } => format!(
            "{e} The commands that only read (list, summary, compare, export, report, check) \
             still work."
        ),
        other => other.to_string(),
    }
}

fn write_check(
    out: &mut impl Write,
    path: &std::path::Path,
    r: &CheckReport,
) -> std::io::Result<()> {
    writeln!(out, "Database      {}", path.display())?;
    writeln!(out, "Schema        version {}", r.schema_version)?;
    writeln!(out, "Integrity     {}", r.integrity.join("; "))?;
    if r.foreign_key_violations.is_empty() {
        writeln!(out, "Foreign keys  ok")?;
    } else {
        writeln!(
            out,
            "Foreign keys  {} dangling rows",
            r.foreign_key_violations.len()
        )?;
        for v in &r.foreign_key_violations {
            writeln!(out, "  - {v}")?;
        }
    }
    if !r.unreadable_values.is_empty() {
        writeln!(
            out,
            "Stored times  {} cannot be read back (shown as the nearest time that can)",
            r.unreadable_values.len()
        )?;
        for v in &r.unreadable_values {
            writeln!(out, "  - {v}")?;
        }
    }
    writeln!(
        out,
        "Contents      {} clients, {} assessments, {} clause responses, {} findings, {} KPIs",
        r.clients, r.assessments, r.responses, r.findings, r.kpis
    )?;
    writeln!(
        out,
        "Result        {}",
        if r.is_ok() { "sound" } else { "PROBLEMS FOUND" }
    )
}

fn write_table(out: &mut impl Write, rows: &[AssessmentSummary]) -> std::io::Result<()> {
    if rows.is_empty() {
        return writeln!(out, "No assessments yet.");
    }
    let headers = ["ID", "CLIENT", "TITLE", "STATUS", "LAST CHANGED (UTC)"];
    let cells: Vec<[String; 5]> = rows
        .iter()
        .map(|r| {
            [
                r.id.to_string(),
                r.client_name.clone(),
                r.title.clone(),
                r.status.as_str().to_owned(),
                r.updated_at.format("%Y-%m-%d %H:%M").to_string(),
            ]
        })
        .collect();
    let mut widths = headers.map(|h| h.chars().count());
    for row in &cells {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |out: &mut dyn Write, row: &[&str]| -> std::io::Result<()> {
        let mut text = String::new();
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            if i + 1 == row.len() {
                text.push_str(cell);
            } else {
                let pad = w - cell.chars().count();
                text.push_str(cell);
                text.extend(std::iter::repeat_n(' ', pad + 2));
            }
        }
        writeln!(out, "{text}")
    };
    line(out, &headers)?;
    for row in &cells {
        line(out, &row.each_ref().map(String::as_str))?;
    }
    Ok(())
}
