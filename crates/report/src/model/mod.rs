//! The report model: everything the report says, built from the assessment
//! by one function, as sections of layout blocks. Nothing here knows about
//! pages; the layout engine decides where things land.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use clausewise_core::catalogue::compare_clause_ids;
use clausewise_core::dashboard::{dashboard, ClauseBar, Dashboard, KpiStatus, NoScore};
use clausewise_core::finding::{Finding, FindingKind, Phase};
use clausewise_core::kpi::Kpi;
use clausewise_core::progress::{format_delta, ClauseChange, Progress, Trend};
use clausewise_core::readiness::{Verdict, RULE};
use clausewise_core::report::{ReportOptions, ReportSection};
use clausewise_core::text::{count, plural};
use clausewise_core::{Assessment, AssessmentStatus, Catalogue, ClauseResponse, Rating};

use crate::layout::{
    level_color, score_color, Bar, Block, Cell, Column, HeatCell, Rgb, Span, Table, Tile, AMBER,
    BRAND, GREEN, INK, MUTED, RED, WHITE,
};

/// The data a report is made of.
pub struct ReportInput<'a> {
    pub catalogue: &'a Catalogue,
    pub assessment: &'a Assessment,
    pub client_name: &'a str,
    pub responses: &'a [ClauseResponse],
    pub findings: &'a [Finding],
    pub kpis: &'a [Kpi],
    /// When the report is produced (its date).
    pub generated: DateTime<Utc>,
    /// Progress since the baseline, for a follow-up assessment.
    pub progress: Option<&'a Progress>,
}

impl<'a> ReportInput<'a> {
    /// The report data of a workspace (built-in catalogue), produced now.
    pub fn of(
        ws: &'a clausewise_core::view::Workspace,
        findings: &'a [Finding],
        kpis: &'a [Kpi],
    ) -> ReportInput<'a> {
        ReportInput {
            catalogue: Catalogue::builtin(),
            assessment: &ws.assessment,
            client_name: &ws.client_name,
            responses: &ws.responses,
            findings,
            kpis,
            generated: Utc::now(),
            progress: None,
        }
    }

    /// The same, with the progress since the assessment's baseline.
    pub fn with_progress(self, progress: Option<&'a Progress>) -> ReportInput<'a> {
        ReportInput { progress, ..self }
    }
}

/// What goes on the cover and into the document's metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct Cover {
    pub kicker: String,
    pub title: String,
    pub client: String,
    pub facts: Vec<(String, String)>,
    pub firm: String,
    pub confidentiality: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub key: ReportSection,
    pub title: String,
    pub blocks: Vec<Block>,
    /// Whether the section starts a page; otherwise it follows the one
    /// before on the same page when there is room.
    pub new_page: bool,
    /// Shorter versions of `blocks`, tightest last, for a section that must
    /// fit one page: the first that fits is printed.
    pub tighter: Vec<Vec<Block>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Document title (PDF metadata and running header).
    pub title: String,
    pub subject: String,
    pub author: String,
    pub keywords: Vec<String>,
    pub generated: DateTime<Utc>,
    pub cover: Cover,
    /// Short text for the running footer: client and assessment.
    pub footer: String,
    pub contents: bool,
    pub sections: Vec<Section>,
}

use clausewise_core::format_score as fmt_score;

fn clause_title<'c>(catalogue: &'c Catalogue, id: &str) -> &'c str {
    catalogue.clause(id).map_or("", |c| c.title.as_str())
}

fn verdict_color(v: Verdict) -> Rgb {
    match v {
        Verdict::NotReady => RED,
        Verdict::ConditionallyReady => AMBER,
        Verdict::Ready => GREEN,
    }
}

fn kind_color(kind: FindingKind) -> Rgb {
    match kind {
        FindingKind::MajorNonconformity => RED,
        FindingKind::MinorNonconformity => AMBER,
        FindingKind::Observation => BRAND,
        FindingKind::OpportunityForImprovement => Rgb(0x16, 0x92, 0x7f),
        FindingKind::GoodPractice => GREEN,
    }
}

/// Builds the report. Pure: same input, same report.
pub fn build(input: &ReportInput, options: &ReportOptions) -> Report {
    let a = input.assessment;
    let dash = dashboard(
        input.catalogue,
        a.target_level,
        input.responses,
        input.findings,
        input.kpis,
    );
    let date = input.generated.format("%-d %B %Y").to_string();
    let firm = options.firm.trim().to_owned();
    let author = if options.author.trim().is_empty() {
        a.assessors.trim().to_owned()
    } else {
        options.author.trim().to_owned()
    };
    let mut facts = vec![
        ("Client".to_owned(), input.client_name.to_owned()),
        ("Date".to_owned(), date.clone()),
    ];
    if let Some(fieldwork) = a.fieldwork() {
        facts.push(("Fieldwork".to_owned(), fieldwork));
    }
    if !a.assessors.trim().is_empty() {
        facts.push(("Assessors".to_owned(), a.assessors.trim().to_owned()));
    }
    if !firm.is_empty() {
        facts.push(("Prepared by".to_owned(), firm.clone()));
    }
    let standard = input.catalogue.standard();
    facts.push(("Standard".to_owned(), standard.clone()));
    facts.push((
        "Status".to_owned(),
        match a.status {
            AssessmentStatus::Draft => "Draft".to_owned(),
            AssessmentStatus::Final => "Final".to_owned(),
        },
    ));

    let ctx = Ctx {
        input,
        dash: &dash,
        options,
    };
    let mut sections = Vec::new();
    for key in ReportSection::ALL {
        if key == ReportSection::Contents || !options.includes(key) {
            continue;
        }
        if key == ReportSection::Progress && input.progress.is_none() {
            continue;
        }
        let blocks = match key {
            ReportSection::Summary => ctx.summary(SUMMARY_REASONS, SUMMARY_GAPS),
            ReportSection::Progress => input.progress.map(progress).unwrap_or_default(),
            ReportSection::Method => ctx.method(),
            ReportSection::Charts => ctx.charts(),
            ReportSection::Clauses => ctx.clauses(),
            ReportSection::Findings => ctx.findings(),
            ReportSection::Roadmap => ctx.roadmap(),
            ReportSection::Kpis => ctx.kpis(),
            ReportSection::Documents => ctx.documents(),
            ReportSection::NotApplicable => ctx.not_applicable(),
            ReportSection::Itil => ctx.itil(),
            ReportSection::Contents => Vec::new(),
        };
        // The executive summary stands on its own page, and so does the
        // appendix; every other section follows on.
        let after_summary = sections
            .last()
            .is_some_and(|s: &Section| s.key == ReportSection::Summary);
        sections.push(Section {
            key,
            title: key.title().to_owned(),
            blocks,
            new_page: matches!(key, ReportSection::Summary | ReportSection::Itil) || after_summary,
            tighter: if key == ReportSection::Summary {
                SUMMARY_TIGHTER
                    .iter()
                    .map(|&(reasons, gaps)| ctx.summary(reasons, gaps))
                    .collect()
            } else {
                Vec::new()
            },
        });
    }

    Report {
        title: format!("{} — {}", a.title, input.client_name),
        subject: format!("Maturity and gap assessment against {standard}"),
        author,
        keywords: vec![
            standard.clone(),
            "gap assessment".to_owned(),
            "service management".to_owned(),
            input.client_name.to_owned(),
        ],
        generated: input.generated,
        cover: Cover {
            kicker: format!("{standard} · Gap assessment report"),
            title: a.title.clone(),
            client: input.client_name.to_owned(),
            facts,
            firm,
            confidentiality: options.confidentiality.trim().to_owned(),
        },
        footer: format!("{} · {}", input.client_name, a.title),
        contents: options.includes(ReportSection::Contents),
        sections,
    }
}

struct Ctx<'a> {
    input: &'a ReportInput<'a>,
    dash: &'a Dashboard,
    options: &'a ReportOptions,
}

impl Ctx<'_> {
    fn response(&self, id: &str) -> Option<&ClauseResponse> {
        self.input.responses.iter().find(|r| r.clause_id == id)
    }

    fn target_of(&self, id: &str) -> u8 {
        self.response(id)
            .and_then(|r| r.target_level)
            .unwrap_or(self.input.assessment.target_level)
    }

    fn open_count(&self, kind: FindingKind) -> u32 {
        self.dash
            .findings_by_kind
            .iter()
            .find(|k| k.kind == kind)
            .and_then(|k| k.open)
            .unwrap_or(0)
    }

    /// Where the rest of a capped list is, naming only sections this
    /// report includes: ": all are in “Findings in detail”".
    fn rest_in(&self, sections: &[ReportSection]) -> String {
        let names: Vec<String> = sections
            .iter()
            .filter(|s| self.options.includes(**s))
            .map(|s| format!("“{}”", s.title()))
            .collect();
        if names.is_empty() {
            String::new()
        } else {
            format!(", listed in {}", names.join(" and "))
        }
    }

    /// The executive summary, listing at most `shown_reasons` readiness
    /// reasons and `shown_gaps` clauses below target.
    fn summary(&self, shown_reasons: usize, shown_gaps: usize) -> Vec<Block> {
        let a = self.input.assessment;
        let card = &self.dash.scorecard;
        let readiness = &self.dash.readiness;
        let mut blocks = Vec::new();
        let mut intro = format!(
            "This report sets out the maturity of {}'s service management system against {}, \
             requirement by requirement, the gaps to the target maturity of level {}, and the \
             actions recommended to close them.",
            self.input.client_name,
            self.input.catalogue.standard(),
            a.target_level
        );
        if !a.assessors.trim().is_empty() {
            intro.push_str(&format!(
                " The assessment was carried out by {}.",
                a.assessors.trim()
            ));
        }
        if let Some(p) = self.input.progress {
            intro.push_str(&format!(" {}", progress_sentence(p)));
        }
        blocks.push(Block::text(intro));
        let open_findings: u32 = self
            .dash
            .findings_by_kind
            .iter()
            .filter_map(|k| k.open)
            .sum();
        let major = self.open_count(FindingKind::MajorNonconformity);
        let minor = self.open_count(FindingKind::MinorNonconformity);
        blocks.push(Block::Tiles(vec![
            Tile {
                label: "Overall maturity".into(),
                value: fmt_score(card.overall),
                note: format!("target {}", fmt_score(card.overall_target)),
                accent: card.overall.map_or(MUTED, score_color),
            },
            Tile {
                label: "Requirements assessed".into(),
                value: format!("{} / {}", card.assessed, card.assessable),
                note: format!("{:.0} % coverage", card.coverage * 100.0),
                accent: BRAND,
            },
            Tile {
                label: "Open findings".into(),
                value: open_findings.to_string(),
                note: nonconformities_note(major, minor),
                accent: if major > 0 { RED } else { BRAND },
            },
            Tile {
                label: "Certification readiness".into(),
                value: readiness.verdict.label().into(),
                note: "for a stage 1 audit".into(),
                accent: verdict_color(readiness.verdict),
            },
        ]));

        // The verdict with the reasons that decide it (they come first).
        let mut lines: Vec<Vec<Span>> = readiness
            .reasons
            .iter()
            .take(shown_reasons)
            .map(|r| vec![Span::plain(&r.message)])
            .collect();
        if readiness.reasons.len() > shown_reasons {
            let more = readiness.reasons.len() - shown_reasons;
            lines.push(vec![Span::muted(format!(
                "… and {more} more{}.",
                self.rest_in(&[ReportSection::Findings, ReportSection::Clauses])
            ))]);
        }
        if lines.is_empty() {
            lines.push(vec![Span::plain(
                "Every requirement is assessed, at or above its target and at level 2 or more, \
                 and no nonconformity is open.",
            )]);
        }
        blocks.push(Block::Callout {
            title: format!("Readiness for certification: {}", readiness.verdict.label()),
            accent: verdict_color(readiness.verdict),
            lines,
        });

        // Findings by kind, one column each; good practice is counted but
        // is neither open nor closed.
        blocks.push(Block::h2("Findings by kind"));
        let kinds = &self.dash.findings_by_kind;
        let mut columns = vec![Column::new("", 1.2)];
        columns.extend(
            kinds
                .iter()
                .map(|k| Column::new(k.kind.label(), 1.5).right()),
        );
        let row =
            |label: &str, value: &dyn Fn(&clausewise_core::dashboard::KindCount) -> String| {
                let mut cells = vec![Cell::new(label).bold()];
                cells.extend(kinds.iter().map(|k| Cell::new(value(k))));
                cells
            };
        let dash = |n: Option<u32>| n.map_or("–".to_owned(), |n| n.to_string());
        blocks.push(Block::Table(Table {
            columns,
            rows: vec![
                row("Open", &|k| dash(k.open)),
                row("Closed", &|k| dash(k.open.map(|o| k.total - o))),
                row("Total", &|k| k.total.to_string()),
            ],
            size: 8.5,
            header: true,
        }));

        blocks.push(Block::h2("Largest gaps"));
        let gaps = &self.dash.charts.gaps;
        if gaps.is_empty() {
            blocks.push(Block::text("No clause is below its target."));
        } else {
            blocks.push(Block::Table(Table {
                columns: vec![
                    Column::new("Clause", 5.0),
                    Column::new("Current", 1.2).right(),
                    Column::new("Target", 1.2).right(),
                    Column::new("Gap", 1.2).right(),
                ],
                rows: gaps
                    .iter()
                    .take(shown_gaps)
                    .map(|g| {
                        vec![
                            Cell::new(format!("{} {}", g.clause_id, g.title)),
                            Cell::new(fmt_score(g.current)),
                            Cell::new(fmt_score(g.target)),
                            Cell::new(fmt_score(g.gap)).bold(),
                        ]
                    })
                    .collect(),
                size: 8.5,
                header: true,
            }));
            if gaps.len() > shown_gaps {
                let more = gaps.len() - shown_gaps;
                blocks.push(Block::small(vec![Span::muted(format!(
                    "… and {} below target{}.",
                    count(more as u64, "more clause", "more clauses"),
                    self.rest_in(&[ReportSection::Charts, ReportSection::Clauses])
                ))]));
            }
        }
        if let Some(sentence) = kpi_sentence(&self.dash.kpi_status) {
            blocks.push(Block::Spacer(4.0));
            blocks.push(Block::spans(vec![
                Span::bold("Service KPIs: "),
                Span::plain(sentence),
            ]));
        }
        blocks
    }

    fn method(&self) -> Vec<Block> {
        let a = self.input.assessment;
        let mut blocks = vec![Block::h2("Scope")];
        blocks.push(Block::text(if a.scope.trim().is_empty() {
            "No scope was recorded for this assessment.".to_owned()
        } else {
            a.scope.trim().to_owned()
        }));
        blocks.push(Block::Table(Table {
            columns: vec![Column::new("", 1.4), Column::new("", 4.0)],
            rows: vec![
                vec![
                    Cell::new("Client").bold(),
                    Cell::new(self.input.client_name),
                ],
                vec![Cell::new("Assessment").bold(), Cell::new(&a.title)],
                vec![
                    Cell::new("Assessors").bold(),
                    Cell::new(if a.assessors.trim().is_empty() {
                        "–"
                    } else {
                        a.assessors.trim()
                    }),
                ],
                vec![
                    Cell::new("Standard").bold(),
                    Cell::new(self.input.catalogue.standard()),
                ],
                vec![
                    Cell::new("Target maturity").bold(),
                    Cell::new(format!("Level {}", a.target_level)),
                ],
                vec![
                    Cell::new("Fieldwork").bold(),
                    Cell::new(a.fieldwork().unwrap_or_else(|| "–".to_owned())),
                ],
                vec![
                    Cell::new("Started").bold(),
                    Cell::new(a.created_at.format("%-d %B %Y").to_string()),
                ],
                vec![
                    Cell::new("Last changed").bold(),
                    Cell::new(a.updated_at.format("%-d %B %Y").to_string()),
                ],
            ],
            size: 9.0,
            header: false,
        }));

        blocks.push(Block::h2("People interviewed"));
        let people = interviewees(self.input.responses);
        if people.is_empty() {
            blocks.push(Block::text("No interviewees were recorded."));
        } else {
            blocks.push(Block::Table(Table {
                columns: vec![
                    Column::new("Person", 2.2),
                    Column::new("Requirements discussed", 4.0),
                ],
                rows: people
                    .into_iter()
                    .map(|(name, clauses)| vec![Cell::new(name), Cell::new(clauses.join(", "))])
                    .collect(),
                size: 8.5,
                header: true,
            }));
        }

        blocks.push(Block::h2("Maturity scale"));
        blocks.push(Block::text(
            "Each requirement was rated on a six-level scale modelled on the ISO/IEC 33020 \
             capability levels. A requirement is either rated, not yet assessed, or not \
             applicable with a recorded justification.",
        ));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Level", 0.8).center(),
                Column::new("Name", 1.5),
                Column::new("What it looks like", 6.0),
            ],
            rows: self
                .input
                .catalogue
                .maturity_levels
                .iter()
                .map(|l| {
                    vec![
                        Cell::new(l.level.to_string())
                            .bold()
                            .filled(level_color(l.level), WHITE),
                        Cell::new(&l.name).bold(),
                        Cell::new(&l.descriptor),
                    ]
                })
                .collect(),
            size: 8.5,
            header: true,
        }));

        blocks.push(Block::h2("How the scores are calculated"));
        for rule in [
            "A requirement's score is its rated level. Requirements not assessed or not \
             applicable have no score and do not count.",
            "A clause's score is the mean of the scores of its direct sub-clauses; its target \
             is the mean of the same sub-clauses' targets, so score and target always compare \
             like with like.",
            "The overall score is the mean of clauses 4 to 10.",
            "The gap is the target minus the score, never below zero. Coverage is the share of \
             requirements that are rated or justified as not applicable.",
        ] {
            blocks.push(Block::spans(vec![Span::muted("•  "), Span::plain(rule)]));
        }
        blocks.push(Block::h2("Readiness rule"));
        blocks.push(Block::text(
            "The readiness verdict follows an explicit rule, applied in this order:",
        ));
        for rule in RULE {
            blocks.push(Block::spans(vec![Span::muted("•  "), Span::plain(rule)]));
        }
        blocks
    }

    fn charts(&self) -> Vec<Block> {
        let catalogue = self.input.catalogue;
        let charts = &self.dash.charts;
        let mut blocks = vec![Block::h2("Maturity of clauses 4 to 10 against target")];
        blocks.push(Block::Radar(bars(&charts.radar)));
        blocks.push(Block::h2("Gaps by clause"));
        if charts.gaps.is_empty() {
            blocks.push(Block::text("No clause is below its target."));
        } else {
            blocks.push(Block::small(vec![Span::muted(
                "Clauses below their target, largest gap first. The bar shows the current score, \
                 the marker the target.",
            )]));
            blocks.push(Block::GapBars(bars(&charts.gaps)));
        }
        blocks.push(Block::h2("Requirement heat map"));
        blocks.push(Block::HeatMap(
            charts
                .heat_map
                .iter()
                .map(|row| {
                    (
                        format!(
                            "{} {}",
                            row.clause_id,
                            clause_title(catalogue, &row.clause_id)
                        ),
                        row.cells
                            .iter()
                            .map(|c| HeatCell {
                                label: c.clause_id.clone(),
                                level: match c.rating {
                                    Rating::NotAssessed => None,
                                    Rating::NotApplicable => Some(None),
                                    Rating::Level { level } => Some(Some(level)),
                                },
                            })
                            .collect(),
                    )
                })
                .collect(),
        ));
        blocks
    }

    fn clauses(&self) -> Vec<Block> {
        let catalogue = self.input.catalogue;
        let mut rows = Vec::new();
        for clause in &catalogue.clauses {
            let score = self.dash.scorecard.clause(&clause.id);
            let indent = f32::from(clause.depth) * 8.0;
            let (current, status) = if clause.assessable {
                match self.response(&clause.id).map(|r| r.rating) {
                    Some(Rating::Level { level }) => (
                        Cell::new(level.to_string())
                            .bold()
                            .filled(level_color(level), WHITE),
                        Cell::new(""),
                    ),
                    Some(Rating::NotApplicable) => {
                        (Cell::new("N/A").colored(MUTED), Cell::new("Not applicable"))
                    }
                    _ => (
                        Cell::new("–").colored(MUTED),
                        Cell::new("Not assessed").colored(MUTED),
                    ),
                }
            } else {
                let s = score.and_then(|s| s.score);
                (
                    match s {
                        Some(v) => Cell::new(fmt_score(Some(v))).bold().colored(score_color(v)),
                        None => Cell::new("–").colored(MUTED),
                    },
                    Cell::new(""),
                )
            };
            let gap = score.and_then(|s| s.gap);
            let mut status = status;
            if status.text.is_empty() {
                status = match gap {
                    Some(g) if g > 0.0 => Cell::new("Below target").colored(RED),
                    Some(_) => Cell::new("At target").colored(GREEN),
                    None => Cell::new(""),
                };
            }
            let title = if clause.assessable {
                Cell::new(&clause.title).indented(indent)
            } else {
                Cell::new(&clause.title).bold().indented(indent)
            };
            let id = if clause.assessable {
                Cell::new(&clause.id)
            } else {
                Cell::new(&clause.id).bold()
            };
            rows.push(vec![
                id,
                title,
                current,
                Cell::new(fmt_score(score.and_then(|s| s.target))),
                Cell::new(fmt_score(gap)),
                status,
            ]);
        }
        let mut blocks = vec![
            Block::small(vec![Span::muted(
                "Requirements show their rated level; clauses in bold show the rolled-up mean \
                 of their sub-clauses.",
            )]),
            Block::Table(Table {
                columns: vec![
                    Column::new("Clause", 0.9),
                    Column::new("Title", 4.6),
                    Column::new("Current", 0.9).center(),
                    Column::new("Target", 0.9).right(),
                    Column::new("Gap", 0.8).right(),
                    Column::new("Status", 1.5),
                ],
                rows,
                size: 8.0,
                header: true,
            }),
        ];

        blocks.push(Block::h2("Notes by requirement"));
        let mut any = false;
        for clause in catalogue.assessable() {
            let Some(r) = self.response(&clause.id) else {
                continue;
            };
            if r.notes.trim().is_empty()
                && r.evidence.trim().is_empty()
                && r.interviewees.trim().is_empty()
            {
                continue;
            }
            any = true;
            let rating = match r.rating {
                Rating::Level { level } => {
                    format!("level {level}, target {}", self.target_of(&clause.id))
                }
                Rating::NotApplicable => "not applicable".to_owned(),
                Rating::NotAssessed => "not assessed".to_owned(),
            };
            blocks.push(Block::h3(format!(
                "{} {} ({rating})",
                clause.id, clause.title
            )));
            for (label, text) in [
                ("Notes", &r.notes),
                ("Evidence seen", &r.evidence),
                ("Interviewed", &r.interviewees),
            ] {
                if !text.trim().is_empty() {
                    blocks.push(Block::small(vec![
                        Span::bold(format!("{label}:")),
                        Span::plain(text.trim()),
                    ]));
                }
            }
        }
        if !any {
            blocks.push(Block::text("No notes were recorded."));
        }
        blocks
    }

    fn sorted_findings(&self) -> Vec<&Finding> {
        let mut findings: Vec<&Finding> = self.input.findings.iter().collect();
        findings.sort_by(|a, b| compare_clause_ids(&a.clause_id, &b.clause_id));
        findings
    }

    fn findings(&self) -> Vec<Block> {
        let catalogue = self.input.catalogue;
        let (actions, good): (Vec<&Finding>, Vec<&Finding>) = self
            .sorted_findings()
            .into_iter()
            .partition(|f| f.kind.calls_for_action());
        if actions.is_empty() && good.is_empty() {
            return vec![Block::text("No findings were recorded.")];
        }
        let mut blocks = vec![Block::small(vec![Span::muted(findings_intro(
            actions.len(),
        ))])];
        let mut current = "";
        for f in actions {
            if f.clause_id != current {
                current = &f.clause_id;
                blocks.push(Block::h2(format!(
                    "{} {}",
                    f.clause_id,
                    clause_title(catalogue, &f.clause_id)
                )));
            }
            blocks.push(Block::h3(&f.title));
            let mut meta = vec![
                Span::bold(f.kind.label()).in_color(kind_color(f.kind)),
                Span::muted(format!("·  Priority {}", f.priority.label().to_lowercase())),
                Span::muted(format!("·  {}", f.status.label())),
            ];
            if !f.owner.trim().is_empty() {
                meta.push(Span::muted(format!("·  Owner: {}", f.owner.trim())));
            }
            if let Some(due) = f.due_date {
                meta.push(Span::muted(format!("·  Due {}", due.format("%-d %b %Y"))));
            }
            if let Some(phase) = f.phase {
                meta.push(Span::muted(format!("·  {}", phase.label())));
            }
            blocks.push(Block::small(meta));
            finding_texts(&mut blocks, f);
            blocks.push(Block::Spacer(4.0));
        }

        // Good practice: what the client does well, with no priority or
        // status, since there is nothing to act on.
        if !good.is_empty() {
            blocks.push(Block::h2("Good practice"));
            blocks.push(Block::small(vec![Span::muted(good_practice_note(
                good.len(),
            ))]));
            for f in good {
                blocks.push(Block::h3(&f.title));
                blocks.push(Block::small(vec![
                    Span::bold(f.kind.label()).in_color(kind_color(f.kind)),
                    Span::muted(format!(
                        "·  {} {}",
                        f.clause_id,
                        clause_title(catalogue, &f.clause_id)
                    )),
                ]));
                finding_texts(&mut blocks, f);
                blocks.push(Block::Spacer(4.0));
            }
        }
        blocks
    }

    fn roadmap(&self) -> Vec<Block> {
        let mut by_phase: BTreeMap<Option<Phase>, Vec<&Finding>> = BTreeMap::new();
        let mut closed = 0u32;
        for f in self.input.findings {
            if !f.kind.calls_for_action() {
                continue;
            }
            if !f.is_open() {
                closed += 1;
                continue;
            }
            by_phase.entry(f.phase).or_default().push(f);
        }
        let mut blocks = vec![Block::text(
            "Open actions, by the audit milestone they are needed for, highest priority and \
             earliest due date first.",
        )];
        if by_phase.is_empty() {
            blocks.push(Block::text("There are no open actions."));
        }
        let phases = Phase::ALL.iter().map(|p| Some(*p)).chain([None]);
        for phase in phases {
            let Some(list) = by_phase.get_mut(&phase) else {
                continue;
            };
            list.sort_by(|a, b| {
                a.priority
                    .cmp(&b.priority)
                    .then_with(|| match (a.due_date, b.due_date) {
                        (Some(x), Some(y)) => x.cmp(&y),
                        (Some(_), None) => std::cmp::Ordering::Less,
                        (None, Some(_)) => std::cmp::Ordering::Greater,
                        (None, None) => std::cmp::Ordering::Equal,
                    })
                    .then_with(|| compare_clause_ids(&a.clause_id, &b.clause_id))
            });
            blocks.push(Block::h2(match phase {
                Some(p) => p.label(),
                None => "Not yet scheduled",
            }));
            blocks.push(Block::Table(Table {
                columns: vec![
                    Column::new("#", 0.4).right(),
                    Column::new("Action", 4.2),
                    Column::new("Clause", 0.9),
                    Column::new("Priority", 0.9),
                    Column::new("Owner", 1.5),
                    Column::new("Due", 1.1),
                    Column::new("Status", 1.0),
                ],
                rows: list
                    .iter()
                    .enumerate()
                    .map(|(i, f)| {
                        let priority = Cell::new(f.priority.label()).colored(match f.priority {
                            clausewise_core::finding::Priority::High => RED,
                            clausewise_core::finding::Priority::Medium => AMBER,
                            clausewise_core::finding::Priority::Low => MUTED,
                        });
                        vec![
                            Cell::new((i + 1).to_string()).colored(MUTED),
                            Cell::new(format!("{} ({})", f.title, f.kind.label().to_lowercase())),
                            Cell::new(&f.clause_id),
                            priority,
                            Cell::new(if f.owner.trim().is_empty() {
                                "–"
                            } else {
                                f.owner.trim()
                            }),
                            Cell::new(
                                f.due_date.map_or("–".to_owned(), |d| {
                                    d.format("%-d %b %Y").to_string()
                                }),
                            ),
                            Cell::new(f.status.label()),
                        ]
                    })
                    .collect(),
                size: 8.0,
                header: true,
            }));
        }
        if closed > 0 {
            blocks.push(Block::small(vec![Span::muted(closed_note(closed))]));
        }
        blocks
    }

    fn kpis(&self) -> Vec<Block> {
        if self.input.kpis.is_empty() {
            return vec![Block::text("No service KPIs were recorded.")];
        }
        let value = |v: Option<f64>, unit: &str| match v {
            Some(v) => {
                let n = if v.fract() == 0.0 {
                    format!("{v:.0}")
                } else {
                    format!("{v}")
                };
                if unit.is_empty() {
                    n
                } else if unit == "%" {
                    format!("{n} %")
                } else {
                    format!("{n} {unit}")
                }
            }
            None => "–".to_owned(),
        };
        vec![
            Block::text(
                "Service KPIs recorded as evidence of performance, each linked to the \
                 requirements it evidences.",
            ),
            Block::Table(Table {
                columns: vec![
                    Column::new("KPI", 3.0),
                    Column::new("Clauses", 1.1),
                    Column::new("Value", 1.2).right(),
                    Column::new("Target", 1.2).right(),
                    Column::new("Period", 1.2),
                    Column::new("Source", 2.0),
                    Column::new("Status", 1.0),
                ],
                rows: self
                    .input
                    .kpis
                    .iter()
                    .map(|k| {
                        let status = Cell::new(k.status_label());
                        let status = match k.met() {
                            Some(true) => status.bold().colored(GREEN),
                            Some(false) => status.bold().colored(RED),
                            None => status.colored(MUTED),
                        };
                        vec![
                            Cell::new(&k.name).bold(),
                            Cell::new(k.clause_ids.join(", ")),
                            Cell::new(value(k.value, &k.unit)),
                            Cell::new(format!(
                                "{} {}",
                                match k.direction {
                                    clausewise_core::kpi::Direction::HigherIsBetter => "≥",
                                    clausewise_core::kpi::Direction::LowerIsBetter => "≤",
                                },
                                value(k.target, &k.unit)
                            )),
                            Cell::new(&k.period),
                            Cell::new(&k.source),
                            status,
                        ]
                    })
                    .collect(),
                size: 8.0,
                header: true,
            }),
        ]
    }

    fn documents(&self) -> Vec<Block> {
        let mut rows = Vec::new();
        for clause in self.input.catalogue.assessable() {
            if clause.documented_information.is_empty() {
                continue;
            }
            let r = self.response(&clause.id);
            let level = match r.map(|r| r.rating) {
                Some(Rating::Level { level }) => Cell::new(level.to_string())
                    .bold()
                    .filled(level_color(level), WHITE),
                Some(Rating::NotApplicable) => Cell::new("N/A").colored(MUTED),
                _ => Cell::new("–").colored(MUTED),
            };
            let seen = r.is_some_and(|r| !r.evidence.trim().is_empty());
            rows.push(vec![
                Cell::new(format!("{} {}", clause.id, clause.title)),
                Cell::new(
                    clause
                        .documented_information
                        .iter()
                        .map(|d| format!("☐ {d}"))
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
                level,
                if seen {
                    Cell::new("Recorded").colored(GREEN)
                } else {
                    Cell::new("None recorded").colored(MUTED)
                },
            ]);
        }
        vec![
            Block::text(
                "The documented information the standard expects, requirement by requirement, as \
                 a checklist for the client's document owners. The level and the evidence column \
                 show what the assessment found.",
            ),
            Block::Table(Table {
                columns: vec![
                    Column::new("Requirement", 2.4),
                    Column::new("Documented information expected", 4.6),
                    Column::new("Level", 0.8).center(),
                    Column::new("Evidence seen", 1.3),
                ],
                rows,
                size: 8.0,
                header: true,
            }),
        ]
    }

    fn not_applicable(&self) -> Vec<Block> {
        let mut rows: Vec<&ClauseResponse> = self
            .input
            .responses
            .iter()
            .filter(|r| r.rating == Rating::NotApplicable)
            .collect();
        rows.sort_by(|a, b| compare_clause_ids(&a.clause_id, &b.clause_id));
        let mut blocks = vec![Block::text(
            "The standard allows no exclusions of its requirements. Where a requirement was \
             nonetheless judged not applicable to the scope, the justification is listed here \
             for the auditor's attention.",
        )];
        if rows.is_empty() {
            blocks.push(Block::spans(vec![Span::bold(
                "No requirement was marked not applicable.",
            )]));
            return blocks;
        }
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Requirement", 2.4),
                Column::new("Justification", 5.0),
            ],
            rows: rows
                .into_iter()
                .map(|r| {
                    vec![
                        Cell::new(format!(
                            "{} {}",
                            r.clause_id,
                            clause_title(self.input.catalogue, &r.clause_id)
                        ))
                        .bold(),
                        Cell::new(r.na_justification.trim()),
                    ]
                })
                .collect(),
            size: 8.5,
            header: true,
        }));
        blocks
    }

    fn itil(&self) -> Vec<Block> {
        vec![
            Block::text(
                "The ITIL 4 practices that usually support each requirement: where a \
                 requirement falls short, these are the practices to look at first.",
            ),
            Block::Table(Table {
                columns: vec![
                    Column::new("Requirement", 3.0),
                    Column::new("ITIL 4 practices", 5.0),
                ],
                rows: self
                    .input
                    .catalogue
                    .assessable()
                    .map(|c| {
                        vec![
                            Cell::new(format!("{} {}", c.id, c.title)),
                            Cell::new(c.itil_practices.join(", ")).colored(INK),
                        ]
                    })
                    .collect(),
                size: 8.0,
                header: true,
            }),
        ]
    }
}

/// What was observed, the evidence and the recommendation, as given.
fn finding_texts(blocks: &mut Vec<Block>, f: &Finding) {
    for (label, text) in [
        ("Observed", &f.observation),
        ("Evidence", &f.evidence),
        ("Recommendation", &f.recommendation),
    ] {
        if !text.trim().is_empty() {
            blocks.push(Block::spans(vec![
                Span::bold(format!("{label}:")),
                Span::plain(text.trim()),
            ]));
        }
    }
}

/// Readiness reasons shown in the executive summary; the rest are counted.
const SUMMARY_REASONS: usize = 5;
/// Clauses below target shown in the executive summary.
const SUMMARY_GAPS: usize = 5;
/// Shorter lists, tried in turn when the executive summary does not fit
/// its page (long finding titles, a long introduction).
const SUMMARY_TIGHTER: [(usize, usize); 4] = [(4, 4), (3, 3), (2, 3), (1, 2)];

/// "1 major nonconformity · 2 minor nonconformities".
fn nonconformities_note(major: u32, minor: u32) -> String {
    format!(
        "{} · {}",
        count(major, "major nonconformity", "major nonconformities"),
        count(minor, "minor nonconformity", "minor nonconformities")
    )
}

/// "3 of 4 service KPIs meet their target; 1 does not." or `None` without
/// KPIs.
fn kpi_sentence(k: &KpiStatus) -> Option<String> {
    let total = k.met + k.not_met + k.unknown;
    if total == 0 {
        return None;
    }
    let mut rest = Vec::new();
    if k.not_met > 0 {
        rest.push(format!(
            "{} {}",
            k.not_met,
            plural(k.not_met, "does not", "do not")
        ));
    }
    if k.unknown > 0 {
        rest.push(format!(
            "{} {} no value or target yet",
            k.unknown,
            plural(k.unknown, "has", "have")
        ));
    }
    Some(format!(
        "{} of {} {} {}{}.",
        k.met,
        total,
        plural(total, "service KPI", "service KPIs"),
        plural(k.met, "meets its target", "meet their target"),
        if rest.is_empty() {
            String::new()
        } else {
            format!("; {}", rest.join(", and "))
        }
    ))
}

/// "2 findings that call for action, grouped by the requirement they
/// concern."
fn findings_intro(n: usize) -> String {
    format!(
        "{} that {}, grouped by the requirement {}.",
        count(n as u64, "finding", "findings"),
        plural(n as u64, "calls for action", "call for action"),
        plural(n as u64, "it concerns", "they concern")
    )
}

/// "1 closed finding is not listed."
fn closed_note(n: u32) -> String {
    format!(
        "{} {} not listed.",
        count(n, "closed finding", "closed findings"),
        plural(n, "is", "are")
    )
}

fn trend_cell(trend: Trend) -> Cell {
    let cell = Cell::new(trend.label());
    match trend {
        Trend::Improved => cell.colored(GREEN).bold(),
        Trend::Regressed => cell.colored(RED).bold(),
        Trend::Unchanged | Trend::NotComparable => cell.colored(MUTED),
    }
}

fn delta_cell(c: &ClauseChange) -> Cell {
    match c.delta {
        Some(d) => {
            let cell = Cell::new(format_delta(d));
            match c.trend {
                Trend::Improved => cell.colored(GREEN),
                Trend::Regressed => cell.colored(RED),
                _ => cell.colored(MUTED),
            }
        }
        None => Cell::new("–").colored(MUTED),
    }
}

fn rating_text(r: Option<Rating>) -> &'static str {
    r.map_or("–", Rating::short_label)
}

/// KPIs met, out of those measured; a follow-up starts with its KPIs not
/// yet measured, which is not a decline.
fn kpi_row(p: &Progress) -> Vec<Cell> {
    let side = |met: u32, measured: u32| {
        if measured == 0 {
            Cell::new("not measured").colored(MUTED)
        } else {
            Cell::new(format!("{met} of {measured}"))
        }
    };
    let (m, n) = (p.kpis_met, p.kpis_measured);
    let change = if n.baseline == 0 || n.current == 0 {
        Cell::new("")
    } else {
        let rate = |met: u32, measured: u32| f64::from(met) / f64::from(measured);
        let diff = rate(m.current, n.current) - rate(m.baseline, n.baseline);
        let text = format!("{:+.0} pts", diff * 100.0).replace('-', "\u{2212}");
        if diff.abs() < 0.005 {
            Cell::new("±0 pts").colored(MUTED)
        } else if diff > 0.0 {
            Cell::new(text).colored(GREEN)
        } else {
            Cell::new(text).colored(RED)
        }
    };
    vec![
        Cell::new("KPIs meeting their target"),
        side(m.baseline, n.baseline),
        side(m.current, n.current),
        change,
    ]
}

/// ", on the 40 requirements scored in both" while some requirement is
/// scored on one side only, so the overall figure reads as what it is.
fn like_for_like(p: &Progress) -> String {
    like_for_like_of(p.scored_one_side, p.scored_both)
}

fn like_for_like_of(scored_one_side: u32, scored_both: u32) -> String {
    if scored_one_side == 0 {
        String::new()
    } else {
        format!(
            ", on the {} scored in both",
            count(scored_both, "requirement", "requirements")
        )
    }
}

/// " (2 requirements are scored in one of them only …)" for the progress
/// section's introduction; nothing when every requirement compares.
fn scored_in_one_only(n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    format!(
        " ({} {} scored in one of them only and {} left out of both, so while {} {}, the \
         figures here can differ from each assessment's own)",
        count(n, "requirement", "requirements"),
        plural(n, "is", "are"),
        plural(n, "is", "are"),
        plural(n, "it", "they"),
        plural(n, "is", "are"),
    )
}

/// "1 requirement improved and 2 regressed".
fn moved_note(improved: u32, regressed: u32) -> String {
    format!(
        "{} improved and {regressed} regressed",
        count(improved, "requirement", "requirements")
    )
}

/// "2 practices worth keeping and spreading; they need no action."
fn good_practice_note(n: usize) -> String {
    let n = n as u64;
    format!(
        "{} worth keeping and spreading; {} no action.",
        count(n, "practice", "practices"),
        plural(n, "it needs", "they need")
    )
}

/// One sentence on the progress since the baseline, for the summary.
fn progress_sentence(p: &Progress) -> String {
    let overall = match (p.overall_baseline, p.overall_current, p.overall_delta) {
        (Some(b), Some(c), Some(d)) => format!(
            "overall maturity moved from {} to {} ({}{})",
            fmt_score(Some(b)),
            fmt_score(Some(c)),
            format_delta(d),
            like_for_like(p)
        ),
        _ => "overall maturity cannot be compared yet, as no requirement is scored in both"
            .to_owned(),
    };
    format!(
        "It follows up the assessment “{}”: since then, {overall}; {}.",
        p.baseline.title,
        moved_note(p.requirements.improved, p.requirements.regressed)
    )
}

/// The "Progress since baseline" section of a follow-up assessment.
fn progress(p: &Progress) -> Vec<Block> {
    let b = &p.baseline;
    let mut blocks = vec![Block::text(format!(
        "This assessment is a follow-up of “{}” ({}, started {}). Both are scored on the same \
         scale with the same roll-up. A clause is improved or regressed when its score moved. \
         A requirement cannot be compared when a side has no score (not assessed, or not \
         applicable on one side only). Clause groups and the overall figure compare like with \
         like: on both sides they are the mean of the requirements scored in both \
         assessments{}.",
        b.title,
        match b.status {
            AssessmentStatus::Draft => "draft",
            AssessmentStatus::Final => "final",
        },
        b.created_at.format("%-d %B %Y"),
        scored_in_one_only(p.scored_one_side)
    ))];
    let t = p.requirements;
    blocks.push(Block::Tiles(vec![
        Tile {
            label: "Overall maturity".into(),
            value: format!(
                "{} → {}",
                fmt_score(p.overall_baseline),
                fmt_score(p.overall_current)
            ),
            note: p.overall_delta.map_or_else(
                || "not comparable yet".to_owned(),
                |d| match p.scored_one_side {
                    0 => format!("{} since the baseline", format_delta(d)),
                    _ => format!("{} on {} in both", format_delta(d), p.scored_both),
                },
            ),
            accent: match p.overall_trend {
                Trend::Improved => GREEN,
                Trend::Regressed => RED,
                _ => BRAND,
            },
        },
        Tile {
            label: "Requirements up".into(),
            value: t.improved.to_string(),
            note: format!("{} unchanged", t.unchanged),
            accent: GREEN,
        },
        Tile {
            label: "Requirements down".into(),
            value: t.regressed.to_string(),
            note: format!("{} not comparable", t.not_comparable),
            accent: if t.regressed > 0 { RED } else { BRAND },
        },
        Tile {
            label: "Certification readiness".into(),
            value: p.verdict_current.label().into(),
            note: format!("baseline: {}", p.verdict_baseline.label()),
            accent: verdict_color(p.verdict_current),
        },
    ]));

    blocks.push(Block::h2("Headline figures"));
    let count_row = |label: &str, c: clausewise_core::progress::CountChange, fewer_is_better| {
        let diff = i64::from(c.current) - i64::from(c.baseline);
        let good = if fewer_is_better { diff < 0 } else { diff > 0 };
        let text = match diff {
            0 => "±0".to_owned(),
            d if d > 0 => format!("+{d}"),
            d => format!("\u{2212}{}", -d),
        };
        let change = match diff {
            0 => Cell::new(text).colored(MUTED),
            _ if good => Cell::new(text).colored(GREEN),
            _ => Cell::new(text).colored(RED),
        };
        vec![
            Cell::new(label),
            Cell::new(c.baseline.to_string()),
            Cell::new(c.current.to_string()),
            change,
        ]
    };
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::new("Measure", 4.6),
            Column::new("Baseline", 1.4).right(),
            Column::new("Now", 1.4).right(),
            Column::new("Change", 1.4).right(),
        ],
        rows: vec![
            vec![
                Cell::new("Overall maturity"),
                Cell::new(fmt_score(p.overall_baseline)),
                Cell::new(fmt_score(p.overall_current)),
                match p.overall_delta {
                    Some(d) => Cell::new(format_delta(d)).colored(match p.overall_trend {
                        Trend::Improved => GREEN,
                        Trend::Regressed => RED,
                        _ => MUTED,
                    }),
                    None => Cell::new("–").colored(MUTED),
                },
            ],
            vec![
                Cell::new("Coverage"),
                Cell::new(format!("{:.0} %", p.coverage_baseline * 100.0)),
                Cell::new(format!("{:.0} %", p.coverage_current * 100.0)),
                Cell::new(""),
            ],
            vec![
                Cell::new("Readiness for certification"),
                Cell::new(p.verdict_baseline.label()),
                Cell::new(p.verdict_current.label())
                    .bold()
                    .colored(verdict_color(p.verdict_current)),
                Cell::new(""),
            ],
            count_row("Open major nonconformities", p.open_major, true),
            count_row("Open minor nonconformities", p.open_minor, true),
            count_row("Open findings that call for action", p.open_actions, true),
            kpi_row(p),
        ],
        size: 9.0,
        header: true,
    }));

    blocks.push(Block::h2("Clauses, baseline against now"));
    let rows = p
        .clauses
        .iter()
        .filter(|c| c.depth <= 1)
        .map(|c| {
            let bold = |cell: Cell| if c.depth == 0 { cell.bold() } else { cell };
            vec![
                bold(Cell::new(&c.clause_id)),
                bold(Cell::new(&c.title).indented(f32::from(c.depth) * 8.0)),
                Cell::new(fmt_score(c.baseline)),
                bold(Cell::new(fmt_score(c.current))),
                delta_cell(c),
                trend_cell(c.trend),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::new("Clause", 0.9),
            Column::new("Title", 4.4),
            Column::new("Baseline", 1.1).right(),
            Column::new("Now", 0.9).right(),
            Column::new("Change", 1.0).right(),
            Column::new("Trend", 1.5),
        ],
        rows,
        size: 8.0,
        header: true,
    }));

    blocks.push(Block::h2("Requirements that changed level"));
    let moved: Vec<&ClauseChange> = p.moved().collect();
    if moved.is_empty() {
        blocks.push(Block::text(
            "No requirement has changed level since the baseline.",
        ));
    } else {
        blocks.push(Block::small(vec![Span::muted(
            "Largest change first. Levels run from 0 (Incomplete) to 5 (Innovating).",
        )]));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Clause", 0.9),
                Column::new("Requirement", 4.6),
                Column::new("Baseline", 1.1).center(),
                Column::new("Now", 0.9).center(),
                Column::new("Change", 1.0).right(),
                Column::new("Trend", 1.3),
            ],
            rows: moved
                .into_iter()
                .map(|c| {
                    vec![
                        Cell::new(&c.clause_id),
                        Cell::new(&c.title),
                        Cell::new(rating_text(c.baseline_rating)),
                        Cell::new(rating_text(c.current_rating)).bold(),
                        delta_cell(c),
                        trend_cell(c.trend),
                    ]
                })
                .collect(),
            size: 8.0,
            header: true,
        }));
    }
    blocks
}

/// Chart bars labelled with clause number and title.
fn bars(clauses: &[ClauseBar]) -> Vec<Bar> {
    clauses
        .iter()
        .map(|b| Bar {
            label: format!("{} {}", b.clause_id, b.title),
            current: b.current,
            target: b.target,
            no_score: b.no_score.map(NoScore::label),
        })
        .collect()
}

/// The people interviewed, each with the requirements they were interviewed
/// on, in the order they first appear.
fn interviewees(responses: &[ClauseResponse]) -> Vec<(String, Vec<String>)> {
    let mut sorted: Vec<&ClauseResponse> = responses.iter().collect();
    sorted.sort_by(|a, b| compare_clause_ids(&a.clause_id, &b.clause_id));
    let mut people: Vec<(String, Vec<String>)> = Vec::new();
    for r in sorted {
        for name in split_names(&r.interviewees) {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            let key = name.to_lowercase();
            match people.iter_mut().find(|(n, _)| n.to_lowercase() == key) {
                Some((_, clauses)) => {
                    if !clauses.contains(&r.clause_id) {
                        clauses.push(r.clause_id.clone());
                    }
                }
                None => people.push((name.to_owned(), vec![r.clause_id.clone()])),
            }
        }
    }
    people
}

/// Splits a list of people at commas, semicolons and line breaks, but not
/// inside parentheses: "Ana (IT, Hamburg), Jo" is two people.
fn split_names(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = (depth - 1).max(0),
            ',' | ';' | '\n' if depth == 0 => {
                out.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_with_counts_agree_with_0_1_and_2() {
        let kpis = |met, not_met, unknown| {
            kpi_sentence(&KpiStatus {
                met,
                not_met,
                unknown,
            })
        };
        assert_eq!(kpis(0, 0, 0), None);
        assert_eq!(
            kpis(1, 0, 0).unwrap(),
            "1 of 1 service KPI meets its target."
        );
        assert_eq!(
            kpis(0, 1, 0).unwrap(),
            "0 of 1 service KPI meet their target; 1 does not."
        );
        assert_eq!(
            kpis(3, 1, 0).unwrap(),
            "3 of 4 service KPIs meet their target; 1 does not."
        );
        assert_eq!(
            kpis(1, 2, 1).unwrap(),
            "1 of 4 service KPIs meets its target; 2 do not, and 1 has no value or target yet."
        );
        assert_eq!(
            kpis(2, 0, 2).unwrap(),
            "2 of 4 service KPIs meet their target; 2 have no value or target yet."
        );
        assert_eq!(
            kpis(0, 0, 2).unwrap(),
            "0 of 2 service KPIs meet their target; 2 have no value or target yet."
        );

        assert_eq!(
            nonconformities_note(0, 0),
            "0 major nonconformities · 0 minor nonconformities"
        );
        assert_eq!(
            nonconformities_note(1, 1),
            "1 major nonconformity · 1 minor nonconformity"
        );
        assert_eq!(
            nonconformities_note(2, 1),
            "2 major nonconformities · 1 minor nonconformity"
        );

        assert_eq!(
            findings_intro(0),
            "0 findings that call for action, grouped by the requirement they concern."
        );
        assert_eq!(
            findings_intro(1),
            "1 finding that calls for action, grouped by the requirement it concerns."
        );
        assert_eq!(
            findings_intro(2),
            "2 findings that call for action, grouped by the requirement they concern."
        );

        assert_eq!(
            good_practice_note(1),
            "1 practice worth keeping and spreading; it needs no action."
        );
        assert_eq!(
            good_practice_note(2),
            "2 practices worth keeping and spreading; they need no action."
        );
        assert_eq!(moved_note(0, 0), "0 requirements improved and 0 regressed");
        assert_eq!(moved_note(1, 1), "1 requirement improved and 1 regressed");
        assert_eq!(moved_note(2, 2), "2 requirements improved and 2 regressed");
        assert_eq!(like_for_like_of(0, 40), "");
        assert_eq!(
            like_for_like_of(1, 1),
            ", on the 1 requirement scored in both"
        );
        assert_eq!(
            like_for_like_of(2, 2),
            ", on the 2 requirements scored in both"
        );
        assert_eq!(scored_in_one_only(0), "");
        assert_eq!(
            scored_in_one_only(1),
            " (1 requirement is scored in one of them only and is left out of both, so while \
             it is, the figures here can differ from each assessment's own)"
        );
        assert_eq!(
            scored_in_one_only(2),
            " (2 requirements are scored in one of them only and are left out of both, so \
             while they are, the figures here can differ from each assessment's own)"
        );

        assert_eq!(closed_note(0), "0 closed findings are not listed.");
        assert_eq!(closed_note(1), "1 closed finding is not listed.");
        assert_eq!(closed_note(2), "2 closed findings are not listed.");
    }

    #[test]
    fn names_split_outside_parentheses_only() {
        assert_eq!(
            split_names("Ana Lima (IT, Hamburg), Jo; Kim\nLee (a; b)"),
            vec!["Ana Lima (IT, Hamburg)", " Jo", " Kim", "Lee (a; b)"]
        );
    }
}
