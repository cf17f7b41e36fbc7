//! TypeScript declarations for every type that crosses IPC, generated from
//! the Rust types and committed at `ui/src/lib/bindings.ts`. A test fails
//! when the committed file is stale; run the tests with
//! `CLAUSEWISE_UPDATE_BINDINGS=1` to rewrite it.

use ts_rs::{Config, TS};

use crate::catalogue::MaturityLevel;
use crate::dashboard::{
    ChartModel, ClauseBar, Dashboard, HeatCell, HeatRow, KindCount, KpiStatus, NoScore,
    PriorityCount,
};
use crate::finding::{Finding, FindingInput, FindingKind, FindingStatus, Phase, Priority};
use crate::kpi::{Direction, Kpi, KpiInput, KpiRow};
use crate::verdicts::{DocumentCheck, Reason, Stage, StageReadiness, Verdict, Verdicts, Weight};
use crate::view::{AppInfo, RecoveryInfo, SavedResponse, Snapshot, Workspace};
use crate::{
    ApiError, Assessment, AssessmentStatus, AssessmentSummary, Catalogue, Clause, ClauseResponse,
    ClauseScore, Client, ErrorCode, NewAssessment, Rating, Scorecard,
};

pub fn typescript() -> String {
    let cfg = Config::default();
    let decls = [
        ErrorCode::decl(&cfg),
        ApiError::decl(&cfg),
        AppInfo::decl(&cfg),
        Client::decl(&cfg),
        AssessmentStatus::decl(&cfg),
        Assessment::decl(&cfg),
        AssessmentSummary::decl(&cfg),
        NewAssessment::decl(&cfg),
        MaturityLevel::decl(&cfg),
        Clause::decl(&cfg),
        Catalogue::decl(&cfg),
        Rating::decl(&cfg),
        crate::judgement::Judgement::decl(&cfg),
        crate::response::NaBasis::decl(&cfg),
        ClauseResponse::decl(&cfg),
        crate::response::ResponseEdit::decl(&cfg),
        crate::Field::decl(&cfg),
        crate::scoring::Weakest::decl(&cfg),
        crate::judgement::Inconsistency::decl(&cfg),
        crate::judgement::Standing::decl(&cfg),
        ClauseScore::decl(&cfg),
        Scorecard::decl(&cfg),
        crate::practices::PracticeStatus::decl(&cfg),
        crate::practices::PracticeRecord::decl(&cfg),
        crate::practices::GoverningRequirement::decl(&cfg),
        crate::practices::PracticeGovernance::decl(&cfg),
        crate::practices::ExecutionControl::decl(&cfg),
        Workspace::decl(&cfg),
        SavedResponse::decl(&cfg),
        FindingKind::decl(&cfg),
        Priority::decl(&cfg),
        FindingStatus::decl(&cfg),
        Phase::decl(&cfg),
        crate::finding::NcStage::decl(&cfg),
        crate::finding::Lifecycle::decl(&cfg),
        Finding::decl(&cfg),
        FindingInput::decl(&cfg),
        Direction::decl(&cfg),
        Kpi::decl(&cfg),
        KpiRow::decl(&cfg),
        KpiInput::decl(&cfg),
        crate::kpi::Measurement::decl(&cfg),
        crate::kpi::PeriodStatus::decl(&cfg),
        Verdict::decl(&cfg),
        Stage::decl(&cfg),
        Weight::decl(&cfg),
        Reason::decl(&cfg),
        StageReadiness::decl(&cfg),
        Verdicts::decl(&cfg),
        DocumentCheck::decl(&cfg),
        crate::engagement::ScopeKind::decl(&cfg),
        crate::engagement::Criticality::decl(&cfg),
        crate::engagement::ScopeItem::decl(&cfg),
        crate::engagement::ProcessRow::decl(&cfg),
        crate::engagement::PartyMatrix::decl(&cfg),
        crate::engagement::Person::decl(&cfg),
        crate::engagement::Interview::decl(&cfg),
        crate::engagement::CoverageRow::decl(&cfg),
        crate::engagement::Coverage::decl(&cfg),
        crate::engagement::EvidenceKind::decl(&cfg),
        crate::engagement::Sampling::decl(&cfg),
        crate::engagement::EvidenceFile::decl(&cfg),
        crate::engagement::EvidenceItem::decl(&cfg),
        crate::engagement::EvidenceInput::decl(&cfg),
        crate::engagement::Engagement::decl(&cfg),
        crate::engagement::FindingScope::decl(&cfg),
        crate::engagement::AttachReport::decl(&cfg),
        crate::engagement::OpenedFile::decl(&cfg),
        NoScore::decl(&cfg),
        ClauseBar::decl(&cfg),
        HeatCell::decl(&cfg),
        HeatRow::decl(&cfg),
        ChartModel::decl(&cfg),
        KindCount::decl(&cfg),
        PriorityCount::decl(&cfg),
        KpiStatus::decl(&cfg),
        Dashboard::decl(&cfg),
        Snapshot::decl(&cfg),
        crate::view::SnapshotReason::decl(&cfg),
        RecoveryInfo::decl(&cfg),
        crate::report::ReportSection::decl(&cfg),
        crate::report::ReportFormat::decl(&cfg),
        crate::i18n::Lang::decl(&cfg),
        crate::narrative::ClauseComment::decl(&cfg),
        crate::narrative::Narrative::decl(&cfg),
        crate::report::ReportOptions::decl(&cfg),
        crate::view::ExportedReport::decl(&cfg),
        crate::transfer::CatalogueRef::decl(&cfg),
        crate::transfer::AssessmentFile::decl(&cfg),
        crate::transfer::OnConflict::decl(&cfg),
        crate::transfer::ImportOutcome::decl(&cfg),
        crate::transfer::ImportResult::decl(&cfg),
        crate::export::ExportFormat::decl(&cfg),
        crate::export::CsvDelimiter::decl(&cfg),
        crate::FollowUpInput::decl(&cfg),
        crate::progress::Trend::decl(&cfg),
        crate::progress::ClauseChange::decl(&cfg),
        crate::progress::Tally::decl(&cfg),
        crate::progress::CountChange::decl(&cfg),
        crate::progress::BaselineInfo::decl(&cfg),
        crate::progress::KpiTrend::decl(&cfg),
        crate::progress::Progress::decl(&cfg),
        crate::history::ChangeKind::decl(&cfg),
        crate::history::Origin::decl(&cfg),
        crate::history::Subject::decl(&cfg),
        crate::history::ChangeOp::decl(&cfg),
        crate::history::FieldChange::decl(&cfg),
        crate::history::RecordChange::decl(&cfg),
        crate::history::HistoryEntry::decl(&cfg),
        crate::history::HistoryQuery::decl(&cfg),
        crate::history::UndoState::decl(&cfg),
        crate::history::Reverted::decl(&cfg),
        crate::history::RowOp::decl(&cfg),
        crate::history::RecordedRow::decl(&cfg),
        crate::history::RecordedGroup::decl(&cfg),
        crate::merge::Side::decl(&cfg),
        crate::merge::ChangedBy::decl(&cfg),
        crate::merge::MergeConflict::decl(&cfg),
        crate::merge::MergePreview::decl(&cfg),
        crate::merge::MergeChoices::decl(&cfg),
        crate::merge::Merged::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types in crates/core by `cargo test -p clausewise-core`\n\
         // with CLAUSEWISE_UPDATE_BINDINGS=1. Do not edit by hand.\n",
    );
    for decl in decls {
        out.push_str("\nexport ");
        out.push_str(&decl);
        out.push('\n');
    }
    out.push_str(&constants());
    out
}

/// What the UI calls the values of the domain's enums, in their order:
/// the same words as the report and the CLI.
fn labels() -> String {
    use crate::finding::NcStage;
    use crate::finding::{FindingKind, FindingStatus, Phase, Priority};
    use crate::kpi::Direction;
    use crate::progress::Trend;
    use crate::report::ReportSection;
    use crate::verdicts::{Stage, Verdict};
    use crate::AssessmentStatus;
    let mut out = String::new();
    table(
        &mut out,
        "KIND_LABEL",
        "FindingKind",
        FindingKind::ALL.map(|k| (k, k.label())),
    );
    table(
        &mut out,
        "KIND_SHORT",
        "FindingKind",
        FindingKind::ALL.map(|k| (k, k.short_label())),
    );
    table(
        &mut out,
        "PRIORITY_LABEL",
        "Priority",
        Priority::ALL.map(|p| (p, p.label())),
    );
    table(
        &mut out,
        "STATUS_LABEL",
        "FindingStatus",
        FindingStatus::ALL.map(|s| (s, s.label())),
    );
    table(
        &mut out,
        "PHASE_LABEL",
        "Phase",
        Phase::ALL.map(|p| (p, p.label())),
    );
    table(
        &mut out,
        "VERDICT_LABEL",
        "Verdict",
        Verdict::ALL.map(|v| (v, v.label())),
    );
    table(
        &mut out,
        "STAGE_LABEL",
        "Stage",
        Stage::ALL.map(|s| (s, s.label())),
    );
    table(
        &mut out,
        "NC_STAGE_LABEL",
        "NcStage",
        NcStage::ALL.map(|s| (s, s.label())),
    );
    table(
        &mut out,
        "NC_STAGE_SHORT",
        "NcStage",
        NcStage::ALL.map(|s| (s, s.short_label())),
    );
    table(
        &mut out,
        "DIRECTION_LABEL",
        "Direction",
        Direction::ALL.map(|d| (d, d.label())),
    );
    table(
        &mut out,
        "PERIOD_STATUS_LABEL",
        "PeriodStatus",
        crate::kpi::PeriodStatus::ALL.map(|s| (s, s.label())),
    );
    table(
        &mut out,
        "TREND_LABEL",
        "Trend",
        Trend::ALL.map(|t| (t, t.label())),
    );
    table(
        &mut out,
        "NO_SCORE_LABEL",
        "NoScore",
        crate::dashboard::NoScore::ALL.map(|n| (n, n.label())),
    );
    table(
        &mut out,
        "ASSESSMENT_STATUS_LABEL",
        "AssessmentStatus",
        AssessmentStatus::ALL.map(|s| (s, s.label())),
    );
    table(
        &mut out,
        "SUBJECT_LABEL",
        "Subject",
        crate::history::Subject::TABLES.map(|(s, _)| (s, s.label())),
    );
    table(
        &mut out,
        "JUDGEMENT_LABEL",
        "Judgement",
        crate::Judgement::ALL.map(|j| (j, j.label())),
    );
    table(
        &mut out,
        "NA_BASIS_LABEL",
        "NaBasis",
        crate::NaBasis::ALL.map(|b| (b, b.label())),
    );
    table(
        &mut out,
        "INCONSISTENCY_LABEL",
        "Inconsistency",
        crate::Inconsistency::ALL.map(|i| (i, i.label())),
    );
    table(
        &mut out,
        "PRACTICE_STATUS_LABEL",
        "PracticeStatus",
        crate::practices::PracticeStatus::ALL.map(|s| (s, s.label())),
    );
    use crate::engagement::{Criticality, EvidenceKind, ScopeKind};
    table(
        &mut out,
        "SCOPE_KIND_LABEL",
        "ScopeKind",
        ScopeKind::ALL.map(|k| (k, k.label())),
    );
    table(
        &mut out,
        "SCOPE_KIND_HEADING",
        "ScopeKind",
        ScopeKind::ALL.map(|k| (k, k.heading())),
    );
    table(
        &mut out,
        "CRITICALITY_LABEL",
        "Criticality",
        Criticality::ALL.map(|c| (c, c.label())),
    );
    table(
        &mut out,
        "EVIDENCE_KIND_LABEL",
        "EvidenceKind",
        EvidenceKind::ALL.map(|k| (k, k.label())),
    );
    out.push_str("\n/** The kinds of scope entry that operate processes (the other parties of 8.2.3). */\nexport const PARTY_KINDS: readonly ScopeKind[] = [");
    let parties: Vec<String> = ScopeKind::ALL
        .into_iter()
        .filter(|k| k.is_party())
        .map(|k| format!("{:?}", k.as_str()))
        .collect();
    out.push_str(&parties.join(", "));
    out.push_str("];\n");
    table(
        &mut out,
        "SECTION_TITLE",
        "ReportSection",
        ReportSection::ALL.map(|s| (s, s.title())),
    );
    table(
        &mut out,
        "REPORT_FORMAT_LABEL",
        "ReportFormat",
        crate::report::ReportFormat::ALL.map(|f| (f, f.label())),
    );
    table(
        &mut out,
        "LANG_LABEL",
        "Lang",
        crate::i18n::Lang::ALL.map(|l| (l, l.label())),
    );
    out
}

/// One `Record<Type, string>` constant, keys in the enum's order.
fn table<T: serde::Serialize, const N: usize>(
    out: &mut String,
    name: &str,
    ty: &str,
    entries: [(T, &str); N],
) {
    out.push_str(&format!(
        "\nexport const {name}: Record<{ty}, string> = {{\n"
    ));
    for (value, label) in entries {
        let key = crate::i18n::serde_name(&value);
        out.push_str(&format!("  {key}: {label:?},\n"));
    }
    out.push_str("};\n");
}

/// The serde name of a field, as in the `Field` type.
fn serde_name(field: crate::validation::Field) -> String {
    crate::i18n::serde_name(&field)
}

/// Values the UI shows but must not decide: the longest text each field
/// takes (counters), and the years a date may have.
fn constants() -> String {
    use crate::validation::{Field, MAX_YEAR, MIN_YEAR};
    let mut out = String::from(
        "\n/** Longest accepted text per field, in characters (Unicode scalar values). */\n\
         export const FIELD_MAX_CHARS = {\n",
    );
    for field in Field::TEXT {
        out.push_str(&format!(
            "  {}: {},\n",
            serde_name(field),
            field.max_chars()
        ));
    }
    out.push_str("} as const satisfies Partial<Record<Field, number>>;\n");
    out.push_str("\n/** What each field is called, as in messages about it. */\nexport const FIELD_LABEL: Record<Field, string> = {\n");
    for field in Field::ALL {
        out.push_str(&format!("  {}: {:?},\n", serde_name(field), field.label()));
    }
    out.push_str("};\n");
    out.push_str("\n/** Every error code, to tell an error of the app from any other. */\nexport const ERROR_CODES: readonly ErrorCode[] = [");
    let codes: Vec<String> = crate::ErrorCode::ALL
        .iter()
        .map(|c| format!("{:?}", crate::i18n::serde_name(c)))
        .collect();
    out.push_str(&codes.join(", "));
    out.push_str("];\n");
    out.push_str(&labels());
    out.push_str(
        "\n/** The 34 ITIL 4 practices, in the order the practice profile lists them. */\n\
         export const ITIL_PRACTICES: readonly string[] = [\n",
    );
    for practice in crate::itil::PRACTICES {
        out.push_str(&format!("  {practice:?},\n"));
    }
    out.push_str("];\n");
    out.push_str(
        "\n/** A practice's capability levels: number, name, what it looks like. */\n\
         export const CAPABILITY_LEVELS: readonly { level: number; name: string; description: string }[] = [\n",
    );
    for (level, name, description) in crate::practices::CAPABILITY_LEVELS {
        out.push_str(&format!(
            "  {{ level: {level}, name: {name:?}, description: {description:?} }},\n"
        ));
    }
    out.push_str("];\n");
    out.push_str(&format!(
        "\n/** The report's confidentiality label unless the consultant sets another. */\n\
         export const DEFAULT_CONFIDENTIALITY = {:?};\n",
        crate::report::DEFAULT_CONFIDENTIALITY
    ));
    out.push_str(&format!(
        "\n/** Dates are accepted from the year {MIN_YEAR} to {MAX_YEAR}. */\n\
         export const MIN_YEAR = {MIN_YEAR};\nexport const MAX_YEAR = {MAX_YEAR};\n"
    ));
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn the_committed_palette_stylesheet_is_current() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/styles/palette.css");
        let expected = crate::palette::css();
        if std::env::var_os("CLAUSEWISE_UPDATE_BINDINGS").is_some() {
            std::fs::create_dir_all(path.parent().expect("folder")).expect("styles folder");
            std::fs::write(&path, &expected).expect("write palette");
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == expected,
            "ui/src/styles/palette.css is stale: run \
             `CLAUSEWISE_UPDATE_BINDINGS=1 cargo test -p clausewise-core bindings` and commit it"
        );
    }

    #[test]
    fn committed_typescript_bindings_are_current() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings.ts");
        let expected = super::typescript();
        if std::env::var_os("CLAUSEWISE_UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &expected).expect("write bindings");
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == expected,
            "ui/src/lib/bindings.ts is stale: run \
             `CLAUSEWISE_UPDATE_BINDINGS=1 cargo test -p clausewise-core bindings` and commit it"
        );
    }
}
