// Generated from the Rust types in crates/core by `cargo test -p clausewise-core`
// with CLAUSEWISE_UPDATE_BINDINGS=1. Do not edit by hand.

export type ErrorCode = "validation" | "not_found" | "newer_schema" | "not_a_database" | "unavailable" | "storage" | "internal" | "conflict" | "final";

export type ApiError = { code: ErrorCode, message: string, 
/**
 * The input field the message belongs to, for validation errors.
 */
field: Field | null, };

export type AppInfo = { version: string, database_path: string, };

export type Client = { id: string, name: string, created_at: string, updated_at: string, };

export type AssessmentStatus = "draft" | "final";

export type Assessment = { id: string, client_id: string, title: string, scope: string, assessors: string, 
/**
 * Maturity level the client aims for (1–5); the default target of
 * every requirement in this assessment.
 */
target_level: number, 
/**
 * First and last day of the fieldwork (workshops, interviews), if set.
 */
starts_on: string | null, ends_on: string | null, 
/**
 * A final assessment is the one issued to the client: it is changed
 * only after being reopened as a draft.
 */
status: AssessmentStatus, 
/**
 * The framework catalogue the assessment follows (id and edition).
 */
catalogue_id: string, catalogue_version: string, 
/**
 * The earlier assessment this one is a follow-up of, if any; progress
 * is measured against it.
 */
baseline_id?: string, created_at: string, updated_at: string, };

export type AssessmentSummary = { id: string, title: string, client_id: string, client_name: string, status: AssessmentStatus, target_level: number, 
/**
 * The assessment this one follows up, if any, and its title.
 */
baseline_id: string | null, baseline_title: string | null, 
/**
 * Overall maturity (the mean of clauses 4–10), as on the dashboard.
 */
overall: number | null, 
/**
 * Requirements decided (a level or N/A) of those assessable.
 */
assessed: number, assessable: number, 
/**
 * The title a follow-up of this assessment is offered.
 */
follow_up_title: string, created_at: string, updated_at: string, };

export type NewAssessment = { client_name: string, title: string, scope: string, assessors: string, target_level: number, starts_on: string | null, ends_on: string | null, };

export type MaturityLevel = { level: number, name: string, descriptor: string, };

export type Clause = { 
/**
 * Dotted clause number, e.g. `8.5.1.2`.
 */
id: string, title: string, parent: string | null, 
/**
 * Introduction of a group of requirements (clauses with children).
 */
intro?: string, 
/**
 * What an assessable requirement expects, in our own words.
 */
summary?: string, 
/**
 * Questions to ask in the workshop.
 */
questions: Array<string>, 
/**
 * Records, documents and tool views to look for.
 */
evidence: Array<string>, 
/**
 * Documented information the standard expects for this requirement.
 */
documented_information: Array<string>, 
/**
 * ITIL 4 practices that usually support the requirement, in their
 * canonical spelling.
 */
itil_practices: Array<string>, 
/**
 * A requirement on governing the management system itself (leadership,
 * roles, documented information, audit, review, corrective action),
 * which no ITIL 4 practice covers: it lists no practices.
 */
sms_governance: boolean, 
/**
 * KPIs that evidence the requirement.
 */
kpis: Array<string>, 
/**
 * True for leaves: the requirements that get a maturity level.
 * Derived from the tree when the catalogue is loaded (a value in the
 * file is ignored).
 */
assessable: boolean, 
/**
 * 0 for top-level clauses. Derived when the catalogue is loaded.
 */
depth: number, };

export type Catalogue = { format: string, format_version: number, 
/**
 * Stable identifier of the framework, e.g. `iso-iec-20000-1`.
 */
id: string, 
/**
 * Edition of the framework, e.g. `2018+A1:2024`.
 */
version: string, 
/**
 * Earlier editions whose assessments this catalogue reads, e.g. `2018`:
 * the clause ids are the same, only the guidance changed.
 */
supersedes: Array<string>, title: string, description: string, maturity_levels: Array<MaturityLevel>, clauses: Array<Clause>, };

export type Rating = { "kind": "not_assessed" } | { "kind": "not_applicable" } | { "kind": "level", level: number, };

export type Judgement = "not_judged" | "conforms" | "not_yet_evidenced" | "minor_nonconformity" | "major_nonconformity";

export type NaBasis = "exclusion" | "no_instances";

export type ClauseResponse = { clause_id: string, rating: Rating, 
/**
 * Target for this requirement; `None` means the assessment's target.
 */
target_level: number | null, na_justification: string, 
/**
 * Why it is not applicable, when it is.
 */
na_basis: NaBasis, 
/**
 * The auditor's conclusion, beside the maturity level.
 */
judgement: Judgement, notes: string, evidence: string, interviewees: string, 
/**
 * A follow-up's level (or N/A) taken over from the baseline and not yet
 * confirmed or changed in this assessment.
 */
carried_over: boolean, updated_at: string | null, };

export type ResponseEdit = { "field": "rating", "value": Rating } | { "field": "not_applicable", "value": string } | { "field": "target_level", "value": number | null } | { "field": "na_justification", "value": string } | { "field": "na_basis", "value": NaBasis } | { "field": "judgement", "value": Judgement } | { "field": "notes", "value": string } | { "field": "evidence", "value": string } | { "field": "interviewees", "value": string };

export type Field = "client_name" | "title" | "scope" | "assessors" | "target_level" | "na_justification" | "notes" | "evidence" | "interviewees" | "level" | "finding_title" | "observation" | "recommendation" | "owner" | "kpi_name" | "kpi_unit" | "kpi_value" | "kpi_period" | "kpi_source" | "confidentiality" | "firm" | "author" | "sections" | "starts_on" | "ends_on" | "due_date" | "logo" | "template" | "accent" | "narrative" | "na_basis" | "judgement" | "correction" | "root_cause" | "corrective_action" | "plan_accepted_on" | "implemented_on" | "verified_on" | "verified_by" | "verification" | "status" | "document" | "practice" | "practice_status" | "practice_capability" | "practice_tool" | "practice_owner" | "practice_notes" | "kpi_owner" | "kpi_definition" | "kpi_service" | "kpi_tolerance" | "kpi_note" | "kpi_decision" | "kpi_findings" | "scope_name" | "scope_owner" | "scope_customers" | "scope_reference" | "scope_processes" | "person_name" | "person_role" | "person_unit" | "person_site" | "person_email" | "interview_date" | "interview_time" | "interview_people" | "interview_clauses" | "interview_notes" | "evidence_title" | "evidence_version" | "evidence_owner" | "evidence_seen_on" | "evidence_location" | "evidence_notes" | "evidence_links" | "sampling" | "file_name";

export type Weakest = { clause_id: string, level: number, 
/**
 * Below the score shown for the clause it is the weakest link of (one
 * decimal): the mean hides it, so it is shown beside the mean. Never
 * for a requirement itself.
 */
below_mean: boolean, };

export type Inconsistency = "high_level_with_open_major" | "conforms_without_record" | "conforms_at_level_zero" | "several_minors" | "nonconformity_without_finding";

export type Standing = { clause_id: string, 
/**
 * What the consultant recorded.
 */
recorded: Judgement, 
/**
 * What stands: the recorded judgement, raised by open nonconformities.
 */
effective: Judgement, 
/**
 * The open findings that raised it above what was recorded.
 */
raised_by: Array<string>, inconsistencies: Array<Inconsistency>, };

export type ClauseScore = { clause_id: string, score: number | null, target: number | null, gap: number | null, 
/**
 * Requirements at or below this clause that have a level or are N/A.
 */
assessed: number, not_applicable: number, 
/**
 * Of the assessed, those whose level a follow-up carried over from its
 * baseline and nobody has confirmed yet.
 */
carried_over: number, 
/**
 * Requirements at or below this clause.
 */
assessable: number, 
/**
 * The lowest level at or below this clause (for a requirement with a
 * level, the requirement itself); `None` while none has a level.
 */
weakest: Weakest | null, };

export type Scorecard = { 
/**
 * One entry per catalogue clause, in catalogue order.
 */
clauses: Array<ClauseScore>, overall: number | null, overall_target: number | null, overall_gap: number | null, assessed: number, not_applicable: number, 
/**
 * Assessed requirements still carrying the baseline's level unconfirmed.
 */
carried_over: number, assessable: number, 
/**
 * Share of requirements decided, 0.0 to 1.0.
 */
coverage: number, 
/**
 * The lowest-rated requirement of the whole assessment.
 */
weakest: Weakest | null, };

export type PracticeStatus = "not_in_place" | "partial" | "in_place";

export type PracticeRecord = { 
/**
 * The practice's ITIL 4 name, as [`itil::PRACTICES`] spells it.
 */
practice: string, status: PracticeStatus | null, 
/**
 * 1 to 5 ([`CAPABILITY_LEVELS`]); only for a practice the client runs.
 */
capability: number | null, 
/**
 * The tool it runs on, e.g. "ServiceNow".
 */
tool: string, owner: string, notes: string, };

export type GoverningRequirement = { clause_id: string, title: string, 
/**
 * Its maturity level; `None` while not assessed (or not applicable).
 */
level: number | null, target: number, 
/**
 * Assessed, and below its target.
 */
below_target: boolean, 
/**
 * Its conformity, once open findings are counted, is a nonconformity.
 */
nonconforming: boolean, };

export type PracticeGovernance = { practice: string, status: PracticeStatus, capability: number | null, 
/**
 * The requirements that list this practice, in catalogue order.
 */
requirements: Array<GoverningRequirement>, 
/**
 * Mean maturity of the assessed governing requirements (one decimal).
 */
governance: number | null, 
/**
 * The practice runs while a requirement governing it is below target
 * or nonconforming.
 */
outruns_control: boolean, };

export type ExecutionControl = { 
/**
 * Mean capability of the practices the client runs that have one
 * (one decimal); `None` while none has.
 */
execution: number | null, 
/**
 * Practices recorded as in place or partial.
 */
practices_run: number, 
/**
 * Practices with a status recorded (any).
 */
practices_recorded: number, 
/**
 * Mean maturity of the assessed requirements marked "SMS governance, no
 * ITIL equivalent" (one decimal); `None` while none is assessed.
 */
control: number | null, governance_assessed: number, governance_total: number, 
/**
 * Governance requirements that are nonconforming.
 */
governance_nonconforming: number, 
/**
 * Every practice the client runs, in ITIL order.
 */
practices: Array<PracticeGovernance>, 
/**
 * "Practices 3.2, management system 1.9", or what is still missing.
 */
headline: string, 
/**
 * The gap in plain words, for the executive summary; `None` until both
 * scores are known.
 */
narrative: string | null, };

export type Workspace = { assessment: Assessment, client_name: string, 
/**
 * Stored responses; requirements without one are not assessed yet.
 */
responses: Array<ClauseResponse>, scorecard: Scorecard, 
/**
 * Every requirement's conformity judgement once its open findings are
 * counted, with what a reviewer would question, in catalogue order.
 */
standings: Array<Standing>, 
/**
 * The documented information register: the 7.5.4 checklist, then what
 * each other requirement expects, every entry in catalogue order.
 */
documents: Array<DocumentCheck>, 
/**
 * The ITIL practice profile: every one of the 34 practices, in ITIL
 * order, blank where nothing was recorded.
 */
practices: Array<PracticeRecord>, };

export type SavedResponse = { response: ClauseResponse, scorecard: Scorecard, 
/**
 * The requirement's standing after the change.
 */
standing: Standing, };

export type FindingKind = "major_nonconformity" | "minor_nonconformity" | "observation" | "opportunity_for_improvement" | "good_practice";

export type Priority = "high" | "medium" | "low";

export type FindingStatus = "open" | "in_progress" | "closed";

export type Phase = "before_stage1" | "before_stage2" | "after_certification";

export type NcStage = "raised" | "planned" | "plan_accepted" | "implemented" | "verified";

export type Lifecycle = { 
/**
 * What was done at once to contain the nonconformity.
 */
correction: string, root_cause: string, 
/**
 * What will remove the cause.
 */
corrective_action: string, plan_accepted_on: string | null, implemented_on: string | null, verified_on: string | null, verified_by: string, 
/**
 * What was checked to show the corrective action worked.
 */
verification: string, };

export type Finding = { id: string, clause_id: string, kind: FindingKind, title: string, 
/**
 * What was observed.
 */
observation: string, evidence: string, recommendation: string, priority: Priority, owner: string, due_date: string | null, status: FindingStatus, 
/**
 * Roadmap phase of the recommended action; none for good practice.
 */
phase: Phase | null, 
/**
 * The corrective action cycle; nonconformities only (empty otherwise).
 */
lifecycle: Lifecycle, 
/**
 * Where a nonconformity stands in its cycle, as computed from the
 * lifecycle (see [`Finding::with_stage`]); `None` for other kinds.
 * Written for readers; whatever is read is recomputed.
 */
nc_stage: NcStage | null, created_at: string, updated_at: string, };

export type FindingInput = { clause_id: string, kind: FindingKind, title: string, observation: string, evidence: string, recommendation: string, priority: Priority, owner: string, due_date: string | null, status: FindingStatus, phase: Phase | null, lifecycle: Lifecycle, };

export type Direction = "higher_is_better" | "lower_is_better";

export type Kpi = { id: string, name: string, 
/**
 * The clauses this KPI evidences, e.g. `["8.7.1", "9.1"]`.
 */
clause_ids: Array<string>, unit: string, direction: Direction, target: number | null, 
/**
 * How far short of target a result may fall and still be within
 * tolerance, in the KPI's unit; `None`: no band.
 */
tolerance: number | null, 
/**
 * Who is accountable for the KPI.
 */
owner: string, 
/**
 * How it is calculated.
 */
definition: string, 
/**
 * Where the values come from, e.g. "ITSM tool monthly report".
 */
source: string, 
/**
 * The service it is measured for, if one.
 */
service: string, 
/**
 * Oldest first.
 */
measurements: Array<Measurement>, 
/**
 * The findings and roadmap actions the KPI drives.
 */
finding_ids: Array<string>, 
/**
 * What was decided on its results, e.g. "Reviewed at the management
 * review of 2026-10; led to action X".
 */
decision: string, created_at: string, updated_at: string, };

export type KpiRow = { 
/**
 * The newest measurement against the target; `None` until both are known.
 */
status: PeriodStatus | null, 
/**
 * One per measurement, oldest first.
 */
statuses: Array<PeriodStatus | null>, 
/**
 * Missed in the newest period, with no decision or linked action.
 */
not_acted_upon: boolean, id: string, name: string, 
/**
 * The clauses this KPI evidences, e.g. `["8.7.1", "9.1"]`.
 */
clause_ids: Array<string>, unit: string, direction: Direction, target: number | null, 
/**
 * How far short of target a result may fall and still be within
 * tolerance, in the KPI's unit; `None`: no band.
 */
tolerance: number | null, 
/**
 * Who is accountable for the KPI.
 */
owner: string, 
/**
 * How it is calculated.
 */
definition: string, 
/**
 * Where the values come from, e.g. "ITSM tool monthly report".
 */
source: string, 
/**
 * The service it is measured for, if one.
 */
service: string, 
/**
 * Oldest first.
 */
measurements: Array<Measurement>, 
/**
 * The findings and roadmap actions the KPI drives.
 */
finding_ids: Array<string>, 
/**
 * What was decided on its results, e.g. "Reviewed at the management
 * review of 2026-10; led to action X".
 */
decision: string, created_at: string, updated_at: string, };

export type KpiInput = { name: string, clause_ids: Array<string>, unit: string, direction: Direction, target: number | null, tolerance: number | null, owner: string, definition: string, source: string, service: string, measurements: Array<Measurement>, finding_ids: Array<string>, decision: string, };

export type Measurement = { 
/**
 * E.g. "2026-09", "Q3 2026".
 */
period: string, value: number, note: string, };

export type PeriodStatus = "met" | "within_tolerance" | "missed";

export type Verdict = "provisional" | "not_ready" | "ready";

export type Stage = "stage1" | "certification";

export type Weight = "blocks" | "unjudged" | "note";

export type Reason = { weight: Weight, 
/**
 * The reason in English (as the app shows it).
 */
message: string, clause_id: string | null, finding_id: string | null, };

export type StageReadiness = { stage: Stage, verdict: Verdict, 
/**
 * Of the requirements the rule looks at, how many are judged.
 */
judged: number, looked_at: number, 
/**
 * The requirements still to judge, in catalogue order.
 */
unjudged: Array<string>, 
/**
 * Of the documented information the rule looks at (stage 1: what
 * 7.5.4 lists), how much was checked.
 */
documents_checked: number, documents_expected: number, 
/**
 * Blocking reasons first, then what is not judged, then notes.
 */
reasons: Array<Reason>, rule: Array<string>, 
/**
 * "Provisional: 12 of 57 judged", or the verdict's label.
 */
headline: string, };

export type Verdicts = { stage_1: StageReadiness, certification: StageReadiness, };

export type DocumentCheck = { 
/**
 * The requirement that expects it (absent in files before version 4:
 * the 7.5.4 checklist).
 */
clause_id: string, item: string, present: boolean | null, approved: boolean | null, 
/**
 * Whether what was seen is the current version.
 */
current: boolean | null, evidence_id: string | null, };

export type ScopeKind = "service" | "site" | "unit" | "external_supplier" | "internal_supplier" | "customer_as_supplier";

export type Criticality = "high" | "medium" | "low";

export type ScopeItem = { id: string, kind: ScopeKind, name: string, owner: string, criticality: Criticality | null, customers: string, 
/**
 * The agreement, contract or other reference it is bound by.
 */
reference: string, 
/**
 * Clause ids from [`SMS_PROCESSES`]; only a party has any.
 */
processes: Array<string>, };

export type ProcessRow = { clause_id: string, title: string, 
/**
 * One per party of [`PartyMatrix::parties`], in that order.
 */
operated_by: Array<boolean>, };

export type PartyMatrix = { parties: Array<ScopeItem>, processes: Array<ProcessRow>, };

export type Person = { id: string, name: string, role: string, unit: string, site: string, email: string, };

export type Interview = { id: string, held_on: string, 
/**
 * "09:30", or empty.
 */
time: string, person_ids: Array<string>, 
/**
 * The requirements it was to cover.
 */
clause_ids: Array<string>, notes: string, };

export type CoverageRow = { clause_id: string, title: string, interview_ids: Array<string>, };

export type Coverage = { rows: Array<CoverageRow>, covered: number, 
/**
 * Requirements no interview was to cover.
 */
never_discussed: number, };

export type EvidenceKind = "document" | "record" | "observation" | "interview_note";

export type Sampling = { 
/**
 * How many records there were to draw from.
 */
population: number, 
/**
 * How many were looked at.
 */
sample: number, 
/**
 * How many of those did not show what they should.
 */
exceptions: number, };

export type EvidenceFile = { 
/**
 * Lower-case hex SHA-256 of the content.
 */
sha256: string, 
/**
 * The file's name when it was attached.
 */
name: string, size: number, added_at: string, 
/**
 * Whether this database holds the content (an assessment file exported
 * without its files lists them without content).
 */
stored: boolean, };

export type EvidenceItem = { id: string, 
/**
 * "E-07": short, unique in the assessment, quoted in findings and the report.
 */
code: string, kind: EvidenceKind, title: string, version: string, owner: string, seen_on: string | null, 
/**
 * Where it lives: a path in the client's document system, a ticket query.
 */
location: string, notes: string, 
/**
 * The requirements it backs.
 */
clause_ids: Array<string>, 
/**
 * The findings it backs.
 */
finding_ids: Array<string>, 
/**
 * The services, sites and parties of the scope it concerns.
 */
scope_ids: Array<string>, sampling: Sampling | null, files: Array<EvidenceFile>, };

export type EvidenceInput = { kind: EvidenceKind, title: string, version: string, owner: string, seen_on: string | null, location: string, notes: string, clause_ids: Array<string>, finding_ids: Array<string>, scope_ids: Array<string>, sampling: Sampling | null, };

export type Engagement = { scope: Array<ScopeItem>, people: Array<Person>, interviews: Array<Interview>, evidence: Array<EvidenceItem>, documents: Array<DocumentCheck>, 
/**
 * The scope each finding concerns (findings that name none are left out).
 */
finding_scope: Array<FindingScope>, matrix: PartyMatrix, coverage: Coverage, 
/**
 * Distinct files and their total size.
 */
files: number, file_bytes: number, };

export type FindingScope = { finding_id: string, scope_ids: Array<string>, };

export type AttachReport = { item: EvidenceItem, 
/**
 * The names of the files attached.
 */
attached: Array<string>, 
/**
 * One sentence per file refused, naming it and why.
 */
refused: Array<string>, };

export type OpenedFile = { path: string, sha256: string, name: string, };

export type NoScore = "not_assessed" | "not_applicable";

export type ClauseBar = { clause_id: string, title: string, current: number | null, target: number | null, gap: number | null, 
/**
 * Set exactly when `current` is `None`: why there is nothing to plot.
 */
no_score: NoScore | null, 
/**
 * The lowest requirement below the clause, when it is below the mean
 * shown (a mean of 2.7 with 9.2 at level 0 names 9.2).
 */
weakest: Weakest | null, };

export type HeatCell = { clause_id: string, title: string, rating: Rating, };

export type HeatRow = { clause_id: string, title: string, cells: Array<HeatCell>, };

export type ChartModel = { 
/**
 * Clauses 4 to 10, in order: the radar's spokes.
 */
radar: Array<ClauseBar>, 
/**
 * Second-level clauses (4.1 … 10.2) below their target, largest gap first.
 */
gaps: Array<ClauseBar>, heat_map: Array<HeatRow>, };

export type KindCount = { kind: FindingKind, 
/**
 * Open findings of this kind; `None` for good practice, which is
 * neither open nor closed ([`Finding::is_open`]).
 */
open: number | null, total: number, };

export type PriorityCount = { priority: Priority, open: number, total: number, };

export type KpiStatus = { 
/**
 * The newest measurement meets the target.
 */
met: number, 
/**
 * Short of target, within the tolerance band.
 */
within_tolerance: number, 
/**
 * Missed, beyond the tolerance.
 */
not_met: number, 
/**
 * Nothing measured or no target yet.
 */
unknown: number, 
/**
 * Missed with no decision or linked action: measured but not acted upon.
 */
not_acted_upon: number, };

export type Dashboard = { scorecard: Scorecard, 
/**
 * Stage 1 and certification readiness.
 */
verdicts: Verdicts, charts: ChartModel, findings_by_kind: Array<KindCount>, findings_by_priority: Array<PriorityCount>, kpi_status: KpiStatus, 
/**
 * The practices the client runs against the management system.
 */
execution_control: ExecutionControl, };

export type Snapshot = { path: string, created: string, 
/**
 * Why it was taken.
 */
reason: SnapshotReason, 
/**
 * The reason as the Backups page says it ([`SnapshotReason::label`]).
 */
reason_label: string, bytes: number, };

export type SnapshotReason = { "kind": "daily" } | { "kind": "manual" } | { "kind": "before_restore" } | { "kind": "before_migration", version: number, } | { "kind": "other", tag: string, };

export type RecoveryInfo = { 
/**
 * Why the database cannot be used; `None` when all is well.
 */
problem: ApiError | null, database_path: string, snapshots: Array<Snapshot>, };

export type ReportSection = "contents" | "management" | "summary" | "progress" | "method" | "charts" | "execution" | "clauses" | "findings" | "roadmap" | "conclusions" | "kpis" | "documents" | "not_applicable" | "itil" | "evidence";

export type ReportFormat = "pdf" | "docx";

export type Lang = "en" | "de" | "fr";

export type ClauseComment = { 
/**
 * A top-level clause, "4" … "10".
 */
clause_id: string, text: string, };

export type Narrative = { summary: string, 
/**
 * One message per list item or line.
 */
key_messages: string, conclusions: string, next_steps: string, 
/**
 * In clause order; groups without a comment are left out.
 */
clause_comments: Array<ClauseComment>, };

export type ReportOptions = { 
/**
 * PDF or Word.
 */
format: ReportFormat, 
/**
 * The language the report is written in (the consultant's own text
 * is printed as written).
 */
lang: Lang, 
/**
 * Sections left out of the report.
 */
excluded: Array<ReportSection>, 
/**
 * Printed on the cover and in every page footer, e.g. "Confidential".
 */
confidentiality: string, 
/**
 * The consultant's firm, on the cover and in the page header.
 */
firm: string, 
/**
 * The report's author (also the PDF's author).
 */
author: string, 
/**
 * A PNG or JPEG file with the firm's logo, for the cover.
 */
logo_path: string | null, 
/**
 * A Word template (.docx or .dotx) of the firm, whose styles and page
 * setup the Word report uses.
 */
template_path: string | null, 
/**
 * The firm's colour for titles, the cover band and column titles, as
 * "#RRGGBB" (none: the built-in navy).
 */
accent: string | null, 
/**
 * The method names who assessed which requirements (from the history).
 */
name_assessors: boolean, };

export type ExportedReport = { path: string, 
/**
 * Pages of a PDF; a Word document's depend on the computer showing it.
 */
pages: number | null, bytes: number, 
/**
 * Things that came out differently from what was typed (e.g. characters
 * outside the report's typeface).
 */
warnings: Array<string>, };

export type CatalogueRef = { id: string, version: string, };

export type AssessmentFile = { format: string, format_version: number, exported_at: string, 
/**
 * The program that wrote the file, e.g. "Clausewise 0.1.0".
 */
exported_by: string, catalogue: CatalogueRef, client: Client, assessment: Assessment, responses: Array<ClauseResponse>, findings: Array<Finding>, kpis: Array<Kpi>, 
/**
 * The documented information register, entries something was recorded
 * for (absent in files written before the checklist existed).
 */
documents: Array<DocumentCheck>, 
/**
 * The ITIL practice profile, practices recorded only (absent in files
 * before version 3).
 */
practices: Array<PracticeRecord>, 
/**
 * The services, sites, units and other parties in scope (version 4).
 */
scope: Array<ScopeItem>, 
/**
 * The client's people directory (version 4).
 */
people: Array<Person>, interviews: Array<Interview>, 
/**
 * The evidence register; its files are listed by SHA-256, their content
 * travels only in a package.
 */
evidence: Array<EvidenceItem>, 
/**
 * The scope each finding concerns (version 4; findings naming none are
 * left out).
 */
finding_scope: Array<FindingScope>, 
/**
 * The consultant's own words for the report (version 5).
 */
narrative: Narrative, 
/**
 * The change history, oldest first (version 6; an older file has
 * none: a merge then treats every difference as a conflict).
 */
history: Array<RecordedGroup>, };

export type OnConflict = "fail" | "replace" | "keep_both";

export type ImportOutcome = { "outcome": "imported", assessment: Assessment, notice: string | null, } | { "outcome": "conflict", question: string, 
/**
 * Whether replacing would resolve it; when only some finding or KPI
 * ids are shared with another assessment, only keeping both does.
 */
can_replace: boolean, };

export type ImportResult = { 
/**
 * The file, to pass back with the consultant's choice.
 */
path: string, outcome: ImportOutcome, };

export type ExportFormat = "clausewise" | "xlsx" | "csv_clauses" | "csv_findings" | "csv_progress" | "csv_kpis" | "csv_kpi_measurements" | "csv_practices" | "csv_evidence" | "csv_parties";

export type CsvDelimiter = "comma" | "semicolon";

export type FollowUpInput = { title: string, 
/**
 * Start from the baseline's levels (and N/A decisions) to confirm or
 * change, or start every requirement unassessed.
 */
copy_levels: boolean, };

export type Trend = "improved" | "regressed" | "unchanged" | "not_comparable";

export type ClauseChange = { clause_id: string, title: string, depth: number, assessable: boolean, baseline: number | null, current: number | null, 
/**
 * Current minus baseline, when both have a score.
 */
delta: number | null, trend: Trend, 
/**
 * The requirement's rating then and now (requirements only).
 */
baseline_rating: Rating | null, current_rating: Rating | null, };

export type Tally = { improved: number, regressed: number, unchanged: number, not_comparable: number, };

export type CountChange = { baseline: number, current: number, 
/**
 * Current minus baseline.
 */
delta: number, 
/**
 * Improved when the count went the good way (fewer open findings, more
 * KPIs met), regressed when it went the other.
 */
trend: Trend, };

export type BaselineInfo = { id: string, title: string, status: AssessmentStatus, created_at: string, };

export type KpiTrend = { name: string, unit: string, 
/**
 * The baseline's newest value and the period it covers.
 */
baseline: number | null, baseline_period: string | null, current: number | null, current_period: string | null, 
/**
 * Improved when it moved the way the KPI wants.
 */
trend: Trend, current_status: PeriodStatus | null, };

export type Progress = { baseline: BaselineInfo, 
/**
 * The overall figure then and now, over the requirements scored on both
 * sides (like for like; see [`progress`]).
 */
overall_baseline: number | null, overall_current: number | null, overall_delta: number | null, overall_trend: Trend, coverage_baseline: number, coverage_current: number, verdict_baseline: Verdict, verdict_current: Verdict, 
/**
 * Requirements (the 57 leaves) by direction of change.
 */
requirements: Tally, 
/**
 * Requirements with a score on one side only (assessed on one side and
 * not assessed or not applicable on the other). They are left out of
 * the clause groups and the overall figure on both sides.
 */
scored_one_side: number, 
/**
 * Requirements with a score on both sides: what the clause groups and
 * the overall figure are compared on.
 */
scored_both: number, open_major: CountChange, open_minor: CountChange, 
/**
 * Open findings that call for action (all kinds but good practice).
 */
open_actions: CountChange, kpis_met: CountChange, 
/**
 * KPIs with both a measurement and a target (met or not).
 */
kpis_measured: CountChange, 
/**
 * Every catalogue clause, in catalogue order.
 */
clauses: Array<ClauseChange>, 
/**
 * The follow-up's KPIs, each against the KPI of the same name in the
 * baseline: the newest value on each side, in the KPI's direction.
 */
kpi_trends: Array<KpiTrend>, };

export type ChangeKind = "edit" | "undo" | "redo" | "merge";

export type Origin = "local" | "imported";

export type Subject = "assessment" | "client" | "requirement" | "finding" | "kpi" | "document" | "practice" | "scope" | "person" | "interview" | "evidence" | "finding_scope" | "evidence_file" | "narrative";

export type ChangeOp = "added" | "changed" | "removed";

export type FieldChange = { 
/**
 * The stored field's name (`level`, `notes`, `title`, …).
 */
field: string, before: string | null, after: string | null, };

export type RecordChange = { subject: Subject, 
/**
 * The record's key as stored (for a requirement: assessment, clause).
 */
key: Array<string>, 
/**
 * What the record is called: a clause id, a finding's title, a KPI's
 * name, …
 */
label: string, op: ChangeOp, 
/**
 * The fields that changed; for a record added or removed, the fields
 * that held something.
 */
fields: Array<FieldChange>, };

export type HistoryEntry = { id: string, at: string, author: string, kind: ChangeKind, origin: Origin, 
/**
 * The entry this one undid or redid.
 */
reverts: string | null, 
/**
 * The undo that took this entry back, while it stands.
 */
reverted_by: string | null, changes: Array<RecordChange>, };

export type HistoryQuery = { 
/**
 * Only changes to this requirement (its response and its documented
 * information).
 */
clause_id?: string, 
/**
 * Only changes to this finding.
 */
finding_id?: string, 
/**
 * Only this author's changes.
 */
author?: string, 
/**
 * Only changes on or after this day (UTC).
 */
from?: string, 
/**
 * Only changes on or before this day (UTC).
 */
to?: string, 
/**
 * At most this many entries, newest first.
 */
limit?: number, };

export type UndoState = { 
/**
 * The summary of the change undo would take back.
 */
undo: string | null, 
/**
 * The summary of the change redo would bring back.
 */
redo: string | null, };

export type Reverted = { 
/**
 * The entry taken back (undo) or brought back (redo).
 */
entry: HistoryEntry, 
/**
 * Its one-line summary ([`HistoryEntry::summary`]).
 */
summary: string, 
/**
 * What undo and redo would do next.
 */
state: UndoState, };

export type RowOp = "insert" | "update" | "delete";

export type RecordedRow = { table: string, key: unknown[], op: RowOp, before: Record<string, unknown> | null, after: Record<string, unknown> | null, };

export type RecordedGroup = { id: string, at: string, author: string, kind: ChangeKind, 
/**
 * Where the exporting copy had it from.
 */
origin: Origin, 
/**
 * The group it undid or redid.
 */
reverts?: string, rows: Array<RecordedRow>, };

export type Side = "mine" | "theirs";

export type ChangedBy = { author: string, at: string, };

export type MergeConflict = { 
/**
 * Names the conflict in [`MergeChoices::choices`]; the same for the
 * same conflict in every preview.
 */
id: string, subject: Subject, 
/**
 * What the record is called: a clause id, a finding's title, …
 */
label: string, 
/**
 * The stored field (`level`, `notes`, …); empty when one copy removed
 * the record and the other changed it.
 */
field: string, 
/**
 * The value in this database; `None` where it has none (or the record
 * is removed here).
 */
mine: string | null, theirs: string | null, 
/**
 * Who changed it here and when, when the history says.
 */
mine_by: ChangedBy | null, theirs_by: ChangedBy | null, };

export type MergePreview = { assessment_id: string, title: string, 
/**
 * The file carries a history: only what each copy changed since they
 * parted is weighed. Without one, every difference is a conflict.
 */
with_history: boolean, 
/**
 * Changes only the other copy made, taken as they are (fields before:
 * here; after: the file).
 */
taken: Array<RecordChange>, 
/**
 * Records only the other copy has (a finding, a KPI, evidence, a
 * person, …), added.
 */
united: Array<RecordChange>, conflicts: Array<MergeConflict>, 
/**
 * What cannot be merged, and why (an attached file whose content is
 * not in this database).
 */
left_out: Array<string>, };

export type MergeChoices = { 
/**
 * For every conflict not chosen one by one ("mine for all").
 */
prefer?: Side, 
/**
 * By conflict id.
 */
choices: { [key in string]: Side }, };

export type Merged = { taken: number, united: number, conflicts: number, 
/**
 * The merge as the log shows it; none when nothing changed.
 */
entry: HistoryEntry | null, };

/** Longest accepted text per field, in characters (Unicode scalar values). */
export const FIELD_MAX_CHARS = {
  client_name: 200,
  narrative: 100000,
  title: 200,
  scope: 20000,
  assessors: 2000,
  na_justification: 20000,
  notes: 400000,
  evidence: 400000,
  interviewees: 2000,
  finding_title: 300,
  observation: 400000,
  recommendation: 400000,
  owner: 300,
  kpi_name: 300,
  kpi_unit: 100,
  kpi_period: 100,
  kpi_source: 1000,
  confidentiality: 100,
  firm: 200,
  author: 200,
  correction: 20000,
  root_cause: 20000,
  corrective_action: 20000,
  verified_by: 300,
  verification: 20000,
  practice_tool: 300,
  practice_owner: 300,
  practice_notes: 400000,
  kpi_owner: 300,
  kpi_definition: 20000,
  kpi_service: 300,
  kpi_note: 2000,
  kpi_decision: 20000,
  scope_name: 300,
  scope_owner: 300,
  scope_customers: 2000,
  scope_reference: 300,
  person_name: 200,
  person_role: 300,
  person_unit: 300,
  person_site: 300,
  person_email: 320,
  interview_notes: 400000,
  evidence_title: 300,
  evidence_version: 100,
  evidence_owner: 300,
  evidence_location: 2000,
  evidence_notes: 400000,
  file_name: 255,
} as const satisfies Partial<Record<Field, number>>;

/** What each field is called, as in messages about it. */
export const FIELD_LABEL: Record<Field, string> = {
  client_name: "Client name",
  title: "Assessment title",
  scope: "Scope",
  assessors: "Assessors",
  target_level: "Target maturity level",
  na_justification: "Justification for not applicable",
  notes: "Notes",
  evidence: "Evidence seen",
  interviewees: "People interviewed",
  level: "Maturity level",
  finding_title: "Finding title",
  observation: "What was observed",
  recommendation: "Recommendation",
  owner: "Owner",
  kpi_name: "KPI name",
  kpi_unit: "Unit",
  kpi_value: "Value",
  kpi_period: "Period",
  kpi_source: "Source",
  confidentiality: "Confidentiality label",
  firm: "Consultancy",
  author: "Author",
  sections: "Sections",
  starts_on: "First day of the fieldwork",
  ends_on: "Last day of the fieldwork",
  due_date: "Due date",
  logo: "Logo",
  template: "Word template",
  accent: "Firm colour",
  narrative: "The text",
  na_basis: "Why it does not apply",
  judgement: "Conformity",
  correction: "Correction",
  root_cause: "Root cause",
  corrective_action: "Corrective action",
  plan_accepted_on: "Plan accepted on",
  implemented_on: "Implemented on",
  verified_on: "Effectiveness verified on",
  verified_by: "Verified by",
  verification: "What was checked",
  status: "Status",
  document: "Documented information",
  practice: "Practice",
  practice_status: "In place",
  practice_capability: "Capability",
  practice_tool: "Tool",
  practice_owner: "Practice owner",
  practice_notes: "Practice notes",
  kpi_owner: "KPI owner",
  kpi_definition: "Definition",
  kpi_service: "Service",
  kpi_tolerance: "Tolerance",
  kpi_note: "Measurement note",
  kpi_decision: "Decision",
  kpi_findings: "Linked findings",
  scope_name: "Scope item name",
  scope_owner: "Scope owner",
  scope_customers: "Customers",
  scope_reference: "Agreement reference",
  scope_processes: "Processes operated",
  person_name: "Name",
  person_role: "Role",
  person_unit: "Unit",
  person_site: "Site",
  person_email: "E-mail",
  interview_date: "Interview date",
  interview_time: "Interview time",
  interview_people: "People interviewed",
  interview_clauses: "Clauses to cover",
  interview_notes: "Interview notes",
  evidence_title: "Evidence title",
  evidence_version: "Version",
  evidence_owner: "Evidence owner",
  evidence_seen_on: "Date seen",
  evidence_location: "Location or reference",
  evidence_notes: "Evidence notes",
  evidence_links: "Linked requirements and findings",
  sampling: "Record sampling",
  file_name: "File name",
};

/** Every error code, to tell an error of the app from any other. */
export const ERROR_CODES: readonly ErrorCode[] = ["validation", "not_found", "newer_schema", "not_a_database", "unavailable", "storage", "internal", "conflict", "final"];

export const KIND_LABEL: Record<FindingKind, string> = {
  major_nonconformity: "Major nonconformity",
  minor_nonconformity: "Minor nonconformity",
  observation: "Observation",
  opportunity_for_improvement: "Opportunity for improvement",
  good_practice: "Good practice",
};

export const KIND_SHORT: Record<FindingKind, string> = {
  major_nonconformity: "Major NC",
  minor_nonconformity: "Minor NC",
  observation: "Observation",
  opportunity_for_improvement: "OFI",
  good_practice: "Good practice",
};

export const PRIORITY_LABEL: Record<Priority, string> = {
  high: "High",
  medium: "Medium",
  low: "Low",
};

export const STATUS_LABEL: Record<FindingStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  closed: "Closed",
};

export const PHASE_LABEL: Record<Phase, string> = {
  before_stage1: "Before the stage 1 audit",
  before_stage2: "Before the stage 2 audit",
  after_certification: "After certification",
};

export const VERDICT_LABEL: Record<Verdict, string> = {
  provisional: "Provisional",
  not_ready: "Not ready",
  ready: "Ready",
};

export const STAGE_LABEL: Record<Stage, string> = {
  stage1: "Stage 1 readiness",
  certification: "Certification readiness",
};

export const NC_STAGE_LABEL: Record<NcStage, string> = {
  raised: "Raised, no action planned",
  planned: "Action planned, not accepted",
  plan_accepted: "Plan accepted",
  implemented: "Implemented, not verified",
  verified: "Verified effective",
};

export const NC_STAGE_SHORT: Record<NcStage, string> = {
  raised: "Raised",
  planned: "Planned",
  plan_accepted: "Plan accepted",
  implemented: "Implemented",
  verified: "Verified",
};

export const DIRECTION_LABEL: Record<Direction, string> = {
  higher_is_better: "Higher is better",
  lower_is_better: "Lower is better",
};

export const PERIOD_STATUS_LABEL: Record<PeriodStatus, string> = {
  met: "Met",
  within_tolerance: "Within tolerance",
  missed: "Missed",
};

export const TREND_LABEL: Record<Trend, string> = {
  improved: "Improved",
  regressed: "Regressed",
  unchanged: "Unchanged",
  not_comparable: "Not comparable",
};

export const NO_SCORE_LABEL: Record<NoScore, string> = {
  not_assessed: "not assessed",
  not_applicable: "not applicable",
};

export const ASSESSMENT_STATUS_LABEL: Record<AssessmentStatus, string> = {
  draft: "Draft",
  final: "Final",
};

export const SUBJECT_LABEL: Record<Subject, string> = {
  assessment: "assessment",
  client: "client",
  requirement: "requirement",
  finding: "finding",
  kpi: "KPI",
  document: "documented information",
  practice: "practice",
  scope: "scope",
  person: "person",
  interview: "interview",
  evidence: "evidence",
  finding_scope: "finding scope",
  evidence_file: "attached file",
  narrative: "report text",
};

export const JUDGEMENT_LABEL: Record<Judgement, string> = {
  not_judged: "Not judged",
  conforms: "Conforms",
  not_yet_evidenced: "Not yet evidenced",
  minor_nonconformity: "Minor nonconformity",
  major_nonconformity: "Major nonconformity",
};

export const NA_BASIS_LABEL: Record<NaBasis, string> = {
  exclusion: "Claimed exclusion",
  no_instances: "No instances in scope",
};

export const INCONSISTENCY_LABEL: Record<Inconsistency, string> = {
  high_level_with_open_major: "Rated level 3 or more while a major nonconformity is open here",
  conforms_without_record: "Judged to conform with no notes, evidence or people interviewed",
  conforms_at_level_zero: "Judged to conform at level 0, where the activity is missing",
  several_minors: "Three or more open minor nonconformities here: together they may be a major one",
  nonconformity_without_finding: "Judged a nonconformity, but no open finding records it: raise one so it is acted on",
};

export const PRACTICE_STATUS_LABEL: Record<PracticeStatus, string> = {
  not_in_place: "Not in place",
  partial: "Partial",
  in_place: "In place",
};

export const SCOPE_KIND_LABEL: Record<ScopeKind, string> = {
  service: "Service",
  site: "Site",
  unit: "Organisational unit",
  external_supplier: "External supplier",
  internal_supplier: "Internal supplier",
  customer_as_supplier: "Customer acting as a supplier",
};

export const SCOPE_KIND_HEADING: Record<ScopeKind, string> = {
  service: "Services",
  site: "Sites",
  unit: "Organisational units",
  external_supplier: "External suppliers",
  internal_supplier: "Internal suppliers",
  customer_as_supplier: "Customers acting as suppliers",
};

export const CRITICALITY_LABEL: Record<Criticality, string> = {
  high: "High",
  medium: "Medium",
  low: "Low",
};

export const EVIDENCE_KIND_LABEL: Record<EvidenceKind, string> = {
  document: "Document",
  record: "Record",
  observation: "Observation",
  interview_note: "Interview note",
};

/** The kinds of scope entry that operate processes (the other parties of 8.2.3). */
export const PARTY_KINDS: readonly ScopeKind[] = ["external_supplier", "internal_supplier", "customer_as_supplier"];

export const SECTION_TITLE: Record<ReportSection, string> = {
  contents: "Contents",
  management: "Management summary",
  summary: "Executive summary",
  progress: "Progress since baseline",
  method: "Scope and method",
  charts: "Maturity at a glance",
  execution: "Practices against the management system",
  clauses: "Clause-by-clause results",
  findings: "Findings in detail",
  roadmap: "Improvement roadmap",
  conclusions: "Conclusions and next steps",
  kpis: "Service KPIs",
  documents: "Documented information register",
  not_applicable: "Requirements marked not applicable",
  itil: "Appendix: requirements and ITIL 4 practices",
  evidence: "Appendix: evidence index",
};

export const REPORT_FORMAT_LABEL: Record<ReportFormat, string> = {
  pdf: "PDF document",
  docx: "Word document",
};

export const LANG_LABEL: Record<Lang, string> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
};

/** The 34 ITIL 4 practices, in the order the practice profile lists them. */
export const ITIL_PRACTICES: readonly string[] = [
  "Architecture management",
  "Continual improvement",
  "Information security management",
  "Knowledge management",
  "Measurement and reporting",
  "Organizational change management",
  "Portfolio management",
  "Project management",
  "Relationship management",
  "Risk management",
  "Service financial management",
  "Strategy management",
  "Supplier management",
  "Workforce and talent management",
  "Availability management",
  "Business analysis",
  "Capacity and performance management",
  "Change enablement",
  "Incident management",
  "IT asset management",
  "Monitoring and event management",
  "Problem management",
  "Release management",
  "Service catalogue management",
  "Service configuration management",
  "Service continuity management",
  "Service design",
  "Service desk",
  "Service level management",
  "Service request management",
  "Service validation and testing",
  "Deployment management",
  "Infrastructure and platform management",
  "Software development and management",
];

/** A practice's capability levels: number, name, what it looks like. */
export const CAPABILITY_LEVELS: readonly { level: number; name: string; description: string }[] = [
  { level: 1, name: "Initial", description: "Done when someone sees the need, in each person's own way; results depend on who is there." },
  { level: 2, name: "Repeatable", description: "The same people handle it the same way each time and keep some records, but nothing is written down for others." },
  { level: 3, name: "Defined", description: "Written down, with roles and a tool, and followed the same way across the teams that run it." },
  { level: 4, name: "Managed", description: "Measured against objectives; the results are reviewed and lead to decisions." },
  { level: 5, name: "Optimising", description: "Improved continually from its measurements and feedback, in step with the practices around it." },
];

/** The report's confidentiality label unless the consultant sets another. */
export const DEFAULT_CONFIDENTIALITY = "Confidential";

/** Dates are accepted from the year 1900 to 2999. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;
