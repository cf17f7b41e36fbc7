//! The report model: everything the report says, built from the assessment
//! by one function, as sections of layout blocks. Nothing here knows about
//! pages; the layout engine decides where things land.
//!
//! [`build`] and the types the sections share are here; each section's
//! content is built in its own module, in the order the report prints them:
//! `cover` (the cover's facts; the contents page is made from the outline
//! when laid out), `summary`, `progress` (a follow-up's progress since its
//! baseline), `method`, `charts`, `execution` (practices against the management
//! system), `clauses`, `findings`, `roadmap`, `kpis`,
//! `documents`, `not_applicable`, `itil` and `evidence`.

mod charts;
mod clauses;
mod cover;
mod documents;
mod evidence;
mod execution;
mod findings;
mod itil;
mod kpis;
mod method;
mod narrative;
mod not_applicable;
mod progress;
mod roadmap;
mod summary;

use chrono::{DateTime, Utc};
use clausewise_core::dashboard::{dashboard, Dashboard};
use clausewise_core::finding::Finding;
use clausewise_core::i18n::{text, Lang};
use clausewise_core::kpi::Kpi;
use clausewise_core::practices::PracticeRecord;
use clausewise_core::progress::Progress;
use clausewise_core::report::{ReportOptions, ReportSection};
use clausewise_core::tr;
use clausewise_core::verdicts::{DocumentCheck, Verdict};
use clausewise_core::{Assessment, Catalogue, ClauseResponse};

pub use cover::Cover;

use crate::colours::{GREEN, MUTED, RED};
use crate::layout::{Block, Cell};
use clausewise_core::palette::{level_colours, Colour};

/// The data a report is made of.
pub struct ReportInput<'a> {
    pub catalogue: &'a Catalogue,
    pub assessment: &'a Assessment,
    pub client_name: &'a str,
    pub responses: &'a [ClauseResponse],
    pub findings: &'a [Finding],
    pub kpis: &'a [Kpi],
    /// The documented information register (the 7.5.4 checklist first).
    pub documents: &'a [DocumentCheck],
    /// The ITIL practice profile (any order; practices not listed have
    /// nothing recorded).
    pub practices: &'a [PracticeRecord],
    /// When the report is produced (its date).
    pub generated: DateTime<Utc>,
    /// Progress since the baseline, for a follow-up assessment.
    pub progress: Option<&'a Progress>,
    /// Scope, interviews and the evidence register, when recorded.
    pub engagement: Option<&'a clausewise_core::engagement::Engagement>,
    /// The consultant's own words for the report.
    pub narrative: Option<&'a clausewise_core::narrative::Narrative>,
    /// Who assessed which requirements, from the history (printed in the
    /// method when the options ask for it).
    pub assessed_by: &'a [clausewise_core::history::AssessedBy],
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
            documents: &ws.documents,
            practices: &ws.practices,
            generated: Utc::now(),
            progress: None,
            engagement: None,
            narrative: None,
            assessed_by: &[],
        }
    }

    /// The same, with the consultant's narrative.
    pub fn with_narrative(
        self,
        narrative: Option<&'a clausewise_core::narrative::Narrative>,
    ) -> ReportInput<'a> {
        ReportInput { narrative, ..self }
    }

    /// The same, with who assessed which requirements.
    pub fn with_assessed_by(
        self,
        assessed_by: &'a [clausewise_core::history::AssessedBy],
    ) -> ReportInput<'a> {
        ReportInput {
            assessed_by,
            ..self
        }
    }

    /// The same, with scope, interviews and evidence.
    pub fn with_engagement(
        self,
        engagement: Option<&'a clausewise_core::engagement::Engagement>,
    ) -> ReportInput<'a> {
        ReportInput { engagement, ..self }
    }

    /// The dashboard of this data: scores, verdicts, chart model, KPI
    /// status, execution against control.
    pub fn dashboard(&self) -> Dashboard {
        dashboard(
            self.catalogue,
            self.assessment.target_level,
            self.responses,
            self.findings,
            self.kpis,
            self.documents,
            self.practices,
        )
    }

    /// The same, with the progress since the assessment's baseline.
    pub fn with_progress(self, progress: Option<&'a Progress>) -> ReportInput<'a> {
        ReportInput { progress, ..self }
    }
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
    /// The firm's colour for titles, the cover band and column titles.
    pub brand: Colour,
    /// The language everything the report itself writes is in.
    pub lang: Lang,
}

/// Builds the report. Pure: same input, same report.
pub fn build(input: &ReportInput, options: &ReportOptions) -> Report {
    let a = input.assessment;
    let dash = input.dashboard();
    let author = if options.author.trim().is_empty() {
        a.assessors.trim().to_owned()
    } else {
        options.author.trim().to_owned()
    };
    let standard = input.catalogue.standard();

    let standings =
        clausewise_core::judgement::standings(input.catalogue, input.responses, input.findings);
    let lang = options.lang;
    let ctx = Ctx {
        input,
        dash: &dash,
        options,
        standings,
        lang,
    };
    let mut sections = Vec::new();
    for key in ReportSection::ALL {
        if key == ReportSection::Contents || !options.includes(key) {
            continue;
        }
        if key == ReportSection::Progress && input.progress.is_none() {
            continue;
        }
        if key == ReportSection::Evidence && input.engagement.is_none_or(|e| e.evidence.is_empty())
        {
            continue;
        }
        if (key == ReportSection::Management && !ctx.key_messages_written())
            || (key == ReportSection::Conclusions && !ctx.conclusions_written())
        {
            continue;
        }
        let blocks = match key {
            ReportSection::Management => ctx.key_messages(),
            ReportSection::Summary => ctx.summary(),
            ReportSection::Progress => input
                .progress
                .map(|p| progress::progress(lang, input.catalogue, p))
                .unwrap_or_default(),
            ReportSection::Method => ctx.method(),
            ReportSection::Charts => ctx.charts(),
            ReportSection::Execution => ctx.execution(),
            ReportSection::Clauses => ctx.clauses(),
            ReportSection::Findings => ctx.findings(),
            ReportSection::Roadmap => ctx.roadmap(),
            ReportSection::Conclusions => ctx.conclusions(),
            ReportSection::Kpis => ctx.kpis(),
            ReportSection::Documents => ctx.documents(),
            ReportSection::NotApplicable => ctx.not_applicable(),
            ReportSection::Itil => ctx.itil(),
            ReportSection::Evidence => ctx.evidence(),
            ReportSection::Contents => Vec::new(),
        };
        // The consultant's key messages and the executive summary stand on
        // their own pages, and so does the appendix; every other section
        // follows on.
        let after_summary = sections.last().is_some_and(|s: &Section| {
            matches!(s.key, ReportSection::Summary | ReportSection::Management)
        });
        sections.push(Section {
            key,
            title: section_title(lang, key),
            blocks,
            new_page: matches!(
                key,
                ReportSection::Management
                    | ReportSection::Summary
                    | ReportSection::Itil
                    | ReportSection::Evidence
            ) || after_summary,
            tighter: if key == ReportSection::Summary {
                ctx.summary_tighter()
            } else {
                Vec::new()
            },
        });
    }

    Report {
        title: format!("{} — {}", a.title, input.client_name),
        subject: tr!(lang, "report-subject", standard = &standard),
        author,
        keywords: vec![
            standard.clone(),
            tr!(lang, "keyword-gap-assessment"),
            tr!(lang, "keyword-service-management"),
            input.client_name.to_owned(),
        ],
        generated: input.generated,
        cover: cover::cover(input, options),
        footer: format!("{} · {}", input.client_name, a.title),
        contents: options.includes(ReportSection::Contents),
        sections,
        brand: clausewise_core::report::accent_colour(options.accent.as_deref())
            .ok()
            .flatten()
            .unwrap_or(crate::colours::BRAND),
        lang,
    }
}

/// A section's title in a language.
pub fn section_title(lang: Lang, key: ReportSection) -> String {
    text(lang, &format!("section-{}", key.name()), &[])
}

/// What every section is built from.
struct Ctx<'a> {
    input: &'a ReportInput<'a>,
    dash: &'a Dashboard,
    options: &'a ReportOptions,
    /// Every requirement's conformity as it stands, open findings counted.
    standings: Vec<clausewise_core::Standing>,
    lang: Lang,
}

impl Ctx<'_> {
    fn response(&self, id: &str) -> Option<&ClauseResponse> {
        self.input.responses.iter().find(|r| r.clause_id == id)
    }

    /// A clause's title in the report's language.
    fn clause_title(&self, id: &str) -> String {
        clausewise_core::i18n::clause_title(self.lang, self.input.catalogue, id)
    }

    /// A value's label in the report's language (see [`label`]).
    fn label<T: serde::Serialize>(&self, kind: &str, value: T) -> String {
        label(self.lang, kind, value)
    }
}

/// The label of a value of the domain (a finding's kind, a verdict, a
/// status) in a language: the message `KIND-NAME`, NAME being the value's
/// name in files ("finding-kind-major_nonconformity").
pub(crate) fn label<T: serde::Serialize>(lang: Lang, kind: &str, value: T) -> String {
    let name = clausewise_core::i18n::serde_name(&value);
    text(lang, &format!("{kind}-{name}"), &[])
}

fn verdict_color(v: Verdict) -> Colour {
    match v {
        Verdict::Provisional => MUTED,
        Verdict::NotReady => RED,
        Verdict::Ready => GREEN,
    }
}

/// A rated level, in the level's colours.
fn level_cell(level: u8) -> Cell {
    let colours = level_colours(level);
    Cell::new(level.to_string())
        .bold()
        .filled(colours.fill, colours.on)
}

#[cfg(test)]
mod tests {
    use super::findings::{findings_intro, good_practice_note};
    use super::progress::{like_for_like_of, moved_note, scored_in_one_only};
    use super::roadmap::closed_note;
    use super::summary::{findings_sentence, kpi_sentence, nonconformities_note};
    use clausewise_core::dashboard::KpiStatus;
    use clausewise_core::i18n::Lang;

    #[test]
    fn sentences_with_counts_agree_with_0_1_and_2() {
        let kpis = |met, not_met, unknown| {
            kpi_sentence(
                Lang::En,
                &KpiStatus {
                    met,
                    within_tolerance: 0,
                    not_met,
                    unknown,
                    not_acted_upon: 0,
                },
            )
        };
        assert_eq!(
            kpi_sentence(Lang::En, &KpiStatus {
                met: 3,
                within_tolerance: 1,
                not_met: 3,
                unknown: 1,
                not_acted_upon: 2,
            })
            .unwrap(),
            "3 of 8 service KPIs meet their target; 1 is within tolerance, 3 do not, and 1 has \
             no measurement or target yet. 2 missed KPIs led to no decision or action: measured, but \
             not acted upon."
        );
        assert!(kpi_sentence(
            Lang::En,
            &KpiStatus {
                met: 0,
                within_tolerance: 0,
                not_met: 1,
                unknown: 0,
                not_acted_upon: 1,
            }
        )
        .unwrap()
        .ends_with(" 1 missed KPI led to no decision or action: measured, but not acted upon."));
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
            "1 of 4 service KPIs meets its target; 2 do not, and 1 has no measurement or target yet."
        );
        assert_eq!(
            kpis(2, 0, 2).unwrap(),
            "2 of 4 service KPIs meet their target; 2 have no measurement or target yet."
        );
        assert_eq!(
            kpis(0, 0, 2).unwrap(),
            "0 of 2 service KPIs meet their target; 2 have no measurement or target yet."
        );

        assert_eq!(
            nonconformities_note(Lang::En, 0, 0),
            "0 major · 0 minor nonconformities"
        );
        assert_eq!(
            nonconformities_note(Lang::En, 1, 1),
            "1 major · 1 minor nonconformity"
        );
        use clausewise_core::dashboard::KindCount;
        use clausewise_core::finding::FindingKind;
        let kinds = [
            KindCount {
                kind: FindingKind::MajorNonconformity,
                open: Some(1),
                total: 1,
            },
            KindCount {
                kind: FindingKind::Observation,
                open: Some(0),
                total: 0,
            },
            KindCount {
                kind: FindingKind::GoodPractice,
                open: None,
                total: 2,
            },
        ];
        assert_eq!(
            findings_sentence(Lang::En, &kinds),
            "1 major nonconformity (1 open) · 2 good practices."
        );
        assert_eq!(findings_sentence(Lang::En, &[]), "none recorded.");
        assert_eq!(
            nonconformities_note(Lang::En, 0, 1),
            "0 major · 1 minor nonconformity"
        );
        assert_eq!(
            nonconformities_note(Lang::En, 2, 1),
            "2 major · 1 minor nonconformities"
        );

        assert_eq!(
            findings_intro(Lang::En, 0),
            "0 findings that call for action, grouped by the requirement they concern."
        );
        assert_eq!(
            findings_intro(Lang::En, 1),
            "1 finding that calls for action, grouped by the requirement it concerns."
        );
        assert_eq!(
            findings_intro(Lang::En, 2),
            "2 findings that call for action, grouped by the requirement they concern."
        );

        assert_eq!(
            good_practice_note(Lang::En, 1),
            "1 practice worth keeping and spreading; it needs no action."
        );
        assert_eq!(
            good_practice_note(Lang::En, 2),
            "2 practices worth keeping and spreading; they need no action."
        );
        assert_eq!(
            moved_note(Lang::En, 0, 0),
            "0 requirements improved and 0 regressed"
        );
        assert_eq!(
            moved_note(Lang::En, 1, 1),
            "1 requirement improved and 1 regressed"
        );
        assert_eq!(
            moved_note(Lang::En, 2, 2),
            "2 requirements improved and 2 regressed"
        );
        assert_eq!(like_for_like_of(Lang::En, 0, 40), "");
        assert_eq!(
            like_for_like_of(Lang::En, 1, 1),
            ", on the 1 requirement scored in both"
        );
        assert_eq!(
            like_for_like_of(Lang::En, 2, 2),
            ", on the 2 requirements scored in both"
        );
        assert_eq!(scored_in_one_only(Lang::En, 0), "");
        assert_eq!(
            scored_in_one_only(Lang::En, 1),
            " (1 requirement is scored in one of them only and is left out of both, so while \
             it is, the figures here can differ from each assessment's own)"
        );
        assert_eq!(
            scored_in_one_only(Lang::En, 2),
            " (2 requirements are scored in one of them only and are left out of both, so \
             while they are, the figures here can differ from each assessment's own)"
        );

        assert_eq!(
            closed_note(Lang::En, 0),
            "0 closed findings are not listed."
        );
        assert_eq!(closed_note(Lang::En, 1), "1 closed finding is not listed.");
        assert_eq!(
            closed_note(Lang::En, 2),
            "2 closed findings are not listed."
        );
    }
}
