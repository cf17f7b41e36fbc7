//! Spreadsheet exports for the client's tracker: clause results, the
//! findings with their roadmap fields, the service KPIs, the ITIL
//! practice profile, the evidence register and the 8.2.3 matrix, as CSV (one
//! table per file, comma- or semicolon-separated) or as one XLSX workbook
//! with a sheet per table (header row, column widths, filters, frozen
//! header).

use clausewise_core::catalogue::compare_clause_ids;
use clausewise_core::practices::profile;
use clausewise_core::scoring::scorecard;
use clausewise_core::Rating;
use rust_xlsxwriter::{Format, FormatAlign, Workbook};

use clausewise_core::export::CsvDelimiter as Delimiter;
use clausewise_report::ReportInput;

/// A value in a sheet: numbers stay numbers so the client can filter and
/// sum them.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    /// A score, shown with one decimal.
    Number(f64),
    /// A measured quantity (a KPI's value or target), shown as recorded.
    Measure(f64),
    Empty,
}

impl Value {
    fn text(s: impl Into<String>) -> Value {
        let s = s.into();
        if s.is_empty() {
            Value::Empty
        } else {
            Value::Text(s)
        }
    }
    fn score(v: Option<f64>) -> Value {
        v.map_or(Value::Empty, |v| {
            Value::Number(clausewise_core::round_score(v))
        })
    }
    fn measure(v: Option<f64>) -> Value {
        v.map_or(Value::Empty, Value::Measure)
    }
    fn as_csv(&self, delimiter: Delimiter) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Number(n) | Value::Measure(n) => match delimiter {
                Delimiter::Comma => format!("{n}"),
                Delimiter::Semicolon => format!("{n}").replace('.', ","),
            },
            Value::Empty => String::new(),
        }
    }
}

/// One table: a name (the sheet's), column titles and widths, and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: &'static str,
    pub columns: Vec<(String, f64)>,
    pub rows: Vec<Vec<Value>>,
}

fn cols(columns: &[(&str, f64)]) -> Vec<(String, f64)> {
    columns.iter().map(|(t, w)| ((*t).to_owned(), *w)).collect()
}

/// Which table a CSV file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Clauses,
    Findings,
    /// A follow-up's clauses against its baseline.
    Progress,
    Kpis,
    /// Every measurement of every KPI.
    KpiMeasurements,
    /// The ITIL practice profile.
    Practices,
    /// The evidence register, one row per item.
    Evidence,
    /// The processes of clause 8 against the other parties operating them.
    Parties,
}

/// Every clause with its current level or score, target, gap and notes.
pub fn clause_sheet(input: &ReportInput) -> Sheet {
    let card = scorecard(
        input.catalogue,
        input.responses,
        input.assessment.target_level,
    );
    let standings =
        clausewise_core::judgement::standings(input.catalogue, input.responses, input.findings);
    let rows = input
        .catalogue
        .clauses
        .iter()
        .map(|clause| {
            let score = card.clause(&clause.id);
            let response = input.responses.iter().find(|r| r.clause_id == clause.id);
            let standing = standings.iter().find(|s| s.clause_id == clause.id);
            let not_applicable = response.is_some_and(|r| r.rating == Rating::NotApplicable);
            let (rating, current) = if clause.assessable {
                match response.map(|r| r.rating) {
                    Some(Rating::Level { level }) => ("Level", Value::Number(f64::from(level))),
                    Some(Rating::NotApplicable) => ("Not applicable", Value::Empty),
                    _ => ("Not assessed", Value::Empty),
                }
            } else {
                ("Roll-up", Value::score(score.and_then(|s| s.score)))
            };
            let text = |f: fn(&clausewise_core::ClauseResponse) -> &str| {
                Value::text(response.map_or("", f).trim())
            };
            vec![
                Value::text(&clause.id),
                Value::text(&clause.title),
                Value::text(if clause.assessable {
                    "Requirement"
                } else {
                    "Clause"
                }),
                Value::text(rating),
                current,
                Value::score(score.and_then(|s| s.target)),
                Value::score(score.and_then(|s| s.gap)),
                text(|r| &r.na_justification),
                text(|r| &r.notes),
                text(|r| &r.evidence),
                text(|r| &r.interviewees),
                // Added after the first columns, so readers of the earlier
                // layout find every column where it was.
                // Not applicable takes no judgement: its basis says why.
                Value::text(match standing {
                    Some(s) if !not_applicable => s.effective.label(),
                    _ => "",
                }),
                Value::text(match response {
                    Some(r) if not_applicable => r.na_basis.label(),
                    _ => "",
                }),
                match score.and_then(|s| s.hidden_weakest()) {
                    Some(w) => Value::text(format!("{} at level {}", w.clause_id, w.level)),
                    None => Value::Empty,
                },
            ]
        })
        .collect();
    Sheet {
        name: "Clause results",
        columns: cols(&[
            ("Clause", 9.0),
            ("Title", 48.0),
            ("Type", 12.0),
            ("Rating", 14.0),
            ("Current", 9.0),
            ("Target", 8.0),
            ("Gap", 7.0),
            ("N/A justification", 30.0),
            ("Notes", 60.0),
            ("Evidence seen", 40.0),
            ("People interviewed", 30.0),
            ("Conformity", 20.0),
            ("Why not applicable", 22.0),
            ("Lowest requirement", 20.0),
        ]),
        rows,
    }
}

/// For a follow-up: every clause, baseline against now.
pub fn progress_sheet(input: &ReportInput) -> Option<Sheet> {
    let p = input.progress?;
    let rating = |r: Option<Rating>, score: Option<f64>| match r {
        Some(Rating::Level { level }) => Value::Number(f64::from(level)),
        Some(Rating::NotApplicable) => Value::text("N/A"),
        Some(Rating::NotAssessed) => Value::Empty,
        None => Value::score(score),
    };
    let rows = p
        .clauses
        .iter()
        .map(|c| {
            vec![
                Value::text(&c.clause_id),
                Value::text(&c.title),
                Value::text(if c.assessable {
                    "Requirement"
                } else {
                    "Clause"
                }),
                rating(c.baseline_rating, c.baseline),
                rating(c.current_rating, c.current),
                Value::score(c.delta),
                Value::text(c.trend.label()),
            ]
        })
        .collect();
    Some(Sheet {
        name: "Progress since baseline",
        columns: cols(&[
            ("Clause", 9.0),
            ("Title", 48.0),
            ("Type", 12.0),
            ("Baseline", 10.0),
            ("Now", 8.0),
            ("Change", 9.0),
            ("Trend", 15.0),
        ]),
        rows,
    })
}

/// Every finding with its roadmap fields, in clause order.
pub fn finding_sheet(input: &ReportInput) -> Sheet {
    let mut findings: Vec<_> = input.findings.iter().collect();
    findings.sort_by(|a, b| compare_clause_ids(&a.clause_id, &b.clause_id));
    let rows = findings
        .into_iter()
        .map(|f| {
            let l = &f.lifecycle;
            let day = |d: Option<chrono::NaiveDate>| {
                Value::text(d.map_or(String::new(), |d| d.format("%Y-%m-%d").to_string()))
            };
            vec![
                Value::text(f.id.to_string()),
                Value::text(&f.clause_id),
                Value::text(
                    input
                        .catalogue
                        .clause(&f.clause_id)
                        .map_or("", |c| c.title.as_str()),
                ),
                Value::text(f.kind.label()),
                Value::text(&f.title),
                Value::text(f.priority.label()),
                Value::text(f.status.label()),
                Value::text(f.phase.map_or("", |p| p.label())),
                Value::text(&f.owner),
                Value::text(
                    f.due_date
                        .map_or(String::new(), |d| d.format("%Y-%m-%d").to_string()),
                ),
                Value::text(&f.observation),
                Value::text(&f.evidence),
                Value::text(&f.recommendation),
                // The corrective action cycle, nonconformities only.
                Value::text(f.stage().map_or("", |s| s.label())),
                Value::text(&l.correction),
                Value::text(&l.root_cause),
                Value::text(&l.corrective_action),
                day(l.plan_accepted_on),
                day(l.implemented_on),
                day(l.verified_on),
                Value::text(&l.verified_by),
                Value::text(&l.verification),
            ]
        })
        .collect();
    Sheet {
        name: "Findings and roadmap",
        columns: cols(&[
            ("Finding id", 12.0),
            ("Clause", 9.0),
            ("Clause title", 32.0),
            ("Kind", 24.0),
            ("Title", 44.0),
            ("Priority", 9.0),
            ("Status", 11.0),
            ("Roadmap phase", 22.0),
            ("Owner", 22.0),
            ("Due date", 11.0),
            ("What was observed", 50.0),
            ("Evidence", 40.0),
            ("Recommendation", 50.0),
            ("Nonconformity stands at", 24.0),
            ("Correction", 40.0),
            ("Root cause", 40.0),
            ("Corrective action", 44.0),
            ("Plan accepted on", 13.0),
            ("Implemented on", 13.0),
            ("Effectiveness verified on", 13.0),
            ("Verified by", 22.0),
            ("What was checked", 44.0),
        ]),
        rows,
    }
}

/// Every service KPI: its newest measurement against the target, whether a
/// miss was acted upon, and what defines and drives it.
pub fn kpi_sheet(input: &ReportInput) -> Sheet {
    let rows = input
        .kpis
        .iter()
        .map(|k| {
            let drives: Vec<&str> = k
                .finding_ids
                .iter()
                .filter_map(|id| input.findings.iter().find(|f| f.id == *id))
                .map(|f| f.title.as_str())
                .collect();
            vec![
                Value::text(&k.name),
                Value::measure(k.value()),
                Value::text(k.latest().map_or("", |m| m.period.as_str())),
                Value::text(&k.unit),
                Value::measure(k.target),
                Value::measure(k.tolerance),
                Value::text(k.direction.label()),
                Value::text(k.status_label()),
                Value::text(if k.not_acted_upon(input.findings) {
                    "Not acted upon"
                } else {
                    ""
                }),
                Value::measure(Some(k.measurements.len() as f64)),
                Value::text(&k.owner),
                Value::text(&k.service),
                Value::text(&k.definition),
                Value::text(&k.source),
                Value::text(drives.join("; ")),
                Value::text(&k.decision),
                Value::text(k.clause_ids.join(", ")),
            ]
        })
        .collect();
    Sheet {
        name: "KPIs",
        columns: cols(&[
            ("KPI", 36.0),
            ("Newest value", 11.0),
            ("Newest period", 13.0),
            ("Unit", 14.0),
            ("Target", 10.0),
            ("Tolerance", 10.0),
            ("Direction", 16.0),
            ("Status", 14.0),
            ("Acted upon", 14.0),
            ("Measurements", 12.0),
            ("Owner", 24.0),
            ("Service", 20.0),
            ("Definition", 40.0),
            ("Source", 30.0),
            ("Drives findings", 40.0),
            ("Decision", 40.0),
            ("Clauses", 16.0),
        ]),
        rows,
    }
}

/// Every measurement of every KPI, one row each, oldest first per KPI:
/// the series behind the trends.
pub fn kpi_measurement_sheet(input: &ReportInput) -> Sheet {
    let rows = input
        .kpis
        .iter()
        .flat_map(|k| {
            k.measurements
                .iter()
                .zip(k.statuses())
                .map(move |(m, status)| {
                    vec![
                        Value::text(&k.name),
                        Value::text(&m.period),
                        Value::measure(Some(m.value)),
                        Value::text(&k.unit),
                        Value::measure(k.target),
                        Value::text(status.map_or("No target", |s| s.label())),
                        Value::text(&m.note),
                    ]
                })
        })
        .collect();
    Sheet {
        name: "KPI measurements",
        columns: cols(&[
            ("KPI", 36.0),
            ("Period", 13.0),
            ("Value", 11.0),
            ("Unit", 14.0),
            ("Target", 10.0),
            ("Status", 16.0),
            ("Note", 50.0),
        ]),
        rows,
    }
}

/// The ITIL practice profile: all 34 practices in ITIL order, with how
/// capable each is against the requirements that govern it.
pub fn practice_sheet(input: &ReportInput) -> Sheet {
    let model = input.dashboard().execution_control;
    let rows = profile(input.practices)
        .iter()
        .map(|p| {
            let governed = model.practices.iter().find(|g| g.practice == p.practice);
            vec![
                Value::text(&p.practice),
                Value::text(p.status.map_or("", |s| s.label())),
                Value::measure(p.capability.map(f64::from)),
                Value::score(governed.and_then(|g| g.governance)),
                Value::text(governed.map_or(String::new(), |g| g.weak_requirements().join(", "))),
                Value::text(&p.tool),
                Value::text(&p.owner),
                Value::text(&p.notes),
            ]
        })
        .collect();
    Sheet {
        name: "ITIL practices",
        columns: cols(&[
            ("Practice", 34.0),
            ("In place", 13.0),
            ("Capability", 11.0),
            ("Governance maturity", 12.0),
            ("Governing requirements short of target", 30.0),
            ("Tool", 24.0),
            ("Owner", 24.0),
            ("Notes", 50.0),
        ]),
        rows,
    }
}

/// The evidence register: code, kind, title, version, owner, date seen,
/// where it is, the requirements and findings it backs, the scope it
/// concerns, the sample, and its files with SHA-256.
pub fn evidence_sheet(input: &ReportInput) -> Sheet {
    let empty = Vec::new();
    let (items, scope) = input
        .engagement
        .map_or((&empty, &[][..]), |e| (&e.evidence, e.scope.as_slice()));
    let rows = items
        .iter()
        .map(|e| {
            let findings: Vec<&str> = e
                .finding_ids
                .iter()
                .filter_map(|id| input.findings.iter().find(|f| f.id == *id))
                .map(|f| f.title.as_str())
                .collect();
            let concerns: Vec<&str> = e
                .scope_ids
                .iter()
                .filter_map(|id| scope.iter().find(|s| s.id == *id))
                .map(|s| s.name.as_str())
                .collect();
            let count = |v: Option<u32>| v.map_or(Value::Empty, |n| Value::Measure(f64::from(n)));
            vec![
                Value::text(&e.code),
                Value::text(e.kind.label()),
                Value::text(&e.title),
                Value::text(&e.version),
                Value::text(&e.owner),
                Value::text(e.seen_on.map(|d| d.to_string()).unwrap_or_default()),
                Value::text(&e.location),
                Value::text(e.clause_ids.join(", ")),
                Value::text(findings.join("\n")),
                Value::text(concerns.join(", ")),
                count(e.sampling.map(|s| s.population)),
                count(e.sampling.map(|s| s.sample)),
                count(e.sampling.map(|s| s.exceptions)),
                Value::text(
                    e.files
                        .iter()
                        .map(|f| f.name.as_str())
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
                Value::text(
                    e.files
                        .iter()
                        .map(|f| f.sha256.as_str())
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
                Value::text(&e.notes),
            ]
        })
        .collect();
    Sheet {
        name: "Evidence",
        columns: cols(&[
            ("Code", 8.0),
            ("Kind", 13.0),
            ("Title", 44.0),
            ("Version", 9.0),
            ("Owner", 18.0),
            ("Seen on", 11.0),
            ("Location", 30.0),
            ("Requirements", 16.0),
            ("Findings", 40.0),
            ("Concerns", 24.0),
            ("Population", 11.0),
            ("Sample", 9.0),
            ("Exceptions", 11.0),
            ("Files", 34.0),
            ("SHA-256", 66.0),
            ("Notes", 50.0),
        ]),
        rows,
    }
}

/// The 8.2.3 matrix: one row per process of clause 8, one column per other
/// party, "●" where the party operates the process.
pub fn party_sheet(input: &ReportInput) -> Sheet {
    let matrix = input.engagement.map(|e| &e.matrix);
    let mut columns = cols(&[("Process", 9.0), ("Title", 40.0)]);
    if let Some(m) = matrix {
        for p in &m.parties {
            columns.push((format!("{} ({})", p.name, p.kind.label()), 22.0));
        }
    }
    let rows = matrix.map_or_else(Vec::new, |m| {
        m.processes
            .iter()
            .map(|p| {
                let mut row = vec![Value::text(&p.clause_id), Value::text(&p.title)];
                row.extend(p.operated_by.iter().map(|x| {
                    if *x {
                        Value::text("●")
                    } else {
                        Value::Empty
                    }
                }));
                row
            })
            .collect()
    });
    Sheet {
        name: "Parties 8.2.3",
        columns,
        rows,
    }
}

/// A table as comma-separated CSV ([`csv_with`]).
pub fn csv(input: &ReportInput, table: Table) -> Option<Vec<u8>> {
    csv_with(input, table, Delimiter::Comma)
}

/// A table as CSV in the given dialect, UTF-8 with a byte-order mark so
/// that spreadsheet programs read accents and Cyrillic correctly. `None`
/// for the progress table of an assessment without a baseline.
pub fn csv_with(input: &ReportInput, table: Table, delimiter: Delimiter) -> Option<Vec<u8>> {
    let sheet = match table {
        Table::Clauses => clause_sheet(input),
        Table::Findings => finding_sheet(input),
        Table::Progress => progress_sheet(input)?,
        Table::Kpis => kpi_sheet(input),
        Table::KpiMeasurements => kpi_measurement_sheet(input),
        Table::Practices => practice_sheet(input),
        Table::Evidence => evidence_sheet(input),
        Table::Parties => party_sheet(input),
    };
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = ::csv::WriterBuilder::new()
            .delimiter(delimiter.byte())
            .from_writer(&mut out);
        // Writing to memory cannot fail.
        let _ = w.write_record(sheet.columns.iter().map(|c| c.0.as_str()));
        for row in &sheet.rows {
            let _ = w.write_record(row.iter().map(|v| neutralise(&v.as_csv(delimiter))));
        }
        let _ = w.flush();
    }
    Some(out)
}

/// Text starting with = + - @ is read as a formula by spreadsheet programs;
/// a leading apostrophe keeps it text (OWASP's advice on CSV injection).
fn neutralise(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

/// Clause results and findings as an XLSX workbook, then the progress
/// since the baseline for a follow-up, then the KPIs.
/// The consultant's own words for the report, one row per part written
/// (in the workbook only when something is written).
pub fn narrative_sheet(input: &ReportInput) -> Option<Sheet> {
    use clausewise_core::narrative::Part;
    let n = input.narrative.filter(|n| !n.is_empty())?;
    let catalogue = input.catalogue;
    let rows = n
        .parts()
        .into_iter()
        .filter_map(|(key, text)| {
            let part = Part::parse(&key, catalogue).ok()?;
            let label = match &part {
                Part::Clause(id) => format!(
                    "Comment on {id} {}",
                    catalogue.clause(id).map_or("", |c| c.title.as_str())
                ),
                other => other.label(),
            };
            Some(vec![Value::text(label), Value::text(text)])
        })
        .collect();
    Some(Sheet {
        name: "Report text",
        columns: cols(&[("Part", 34.0), ("Text", 110.0)]),
        rows,
    })
}

pub fn xlsx(input: &ReportInput) -> Result<Vec<u8>, String> {
    let mut book = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_font_color(0xFFFFFF)
        .set_background_color(0x1D3B6E)
        .set_align(FormatAlign::Top);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let number = Format::new()
        .set_num_format("0.0")
        .set_align(FormatAlign::Top);
    let measure = Format::new().set_align(FormatAlign::Top);
    let sheets = [clause_sheet(input), finding_sheet(input)]
        .into_iter()
        .chain(progress_sheet(input))
        .chain([
            kpi_sheet(input),
            kpi_measurement_sheet(input),
            practice_sheet(input),
            evidence_sheet(input),
            party_sheet(input),
        ])
        .chain(narrative_sheet(input));
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(sheet.name).map_err(|e| e.to_string())?;
        for (c, (title, width)) in sheet.columns.iter().enumerate() {
            let c = u16::try_from(c).map_err(|e| e.to_string())?;
            ws.write_string_with_format(0, c, title.as_str(), &header)
                .map_err(|e| e.to_string())?;
            ws.set_column_width(c, *width).map_err(|e| e.to_string())?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|e| e.to_string())?;
            for (c, value) in row.iter().enumerate() {
                let c = u16::try_from(c).map_err(|e| e.to_string())?;
                match value {
                    // Excel cells hold at most 32,767 characters.
                    Value::Text(s) => ws
                        .write_string_with_format(r, c, truncate(s).as_ref(), &wrap)
                        .map(|_| ()),
                    Value::Number(n) => ws.write_number_with_format(r, c, *n, &number).map(|_| ()),
                    Value::Measure(n) => {
                        ws.write_number_with_format(r, c, *n, &measure).map(|_| ())
                    }
                    Value::Empty => Ok(()),
                }
                .map_err(|e| e.to_string())?;
            }
        }
        let last_col = u16::try_from(sheet.columns.len().saturating_sub(1)).unwrap_or(0);
        let last_row = u32::try_from(sheet.rows.len()).unwrap_or(u32::MAX);
        ws.autofilter(0, 0, last_row.max(1), last_col)
            .map_err(|e| e.to_string())?;
        ws.set_freeze_panes(1, 0).map_err(|e| e.to_string())?;
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}

/// Excel cells hold at most 32,767 characters; longer notes are cut with a
/// pointer to where the full text is.
const EXCEL_CELL_CHARS: usize = 32_767;
const CUT_MARK: &str = " … [cut: Excel cells hold 32,767 characters; the full text is in the app and the .clausewise file]";

fn truncate(s: &str) -> std::borrow::Cow<'_, str> {
    let keep = EXCEL_CELL_CHARS - CUT_MARK.chars().count();
    match s.char_indices().nth(EXCEL_CELL_CHARS) {
        None => std::borrow::Cow::Borrowed(s),
        Some(_) => {
            let end = s.char_indices().nth(keep).map_or(s.len(), |(i, _)| i);
            std::borrow::Cow::Owned(format!("{}{CUT_MARK}", &s[..end]))
        }
    }
}
