// In-memory Backend for component tests: same contract as the Rust side,
// including validation errors that name the field.
import type { Backend, ConflictChoice, CsvDelimiter, ExportFormat, ImportResult } from './backend';
import { FIELD_MAX_CHARS } from './bindings';
import { blankResponse } from './workspace';
import type {
  ApiError,
  Assessment,
  AssessmentStatus,
  AssessmentSummary,
  Catalogue,
  Clause,
  Client,
  ClauseResponse,
  ClauseScore,
  Dashboard,
  ExportedReport,
  Finding,
  FindingInput,
  FollowUpInput,
  Kpi,
  KpiInput,
  NewAssessment,
  Progress,
  RecoveryInfo,
  ReportOptions,
  ResponseEdit,
  SavedResponse,
  Snapshot,
  Scorecard,
  Workspace,
} from './bindings';
import catalogueFile from '../../../crates/core/catalogue/iso-iec-20000-1-2018.json';
import { roundScore } from './levels';

/** The built-in catalogue as the Rust side serves it (derived fields filled in). */
export function testCatalogue(): Catalogue {
  const file = catalogueFile as unknown as Catalogue;
  const parents = new Set(file.clauses.map((c) => c.parent).filter((p): p is string => p !== null));
  return {
    ...file,
    clauses: file.clauses.map((c: Clause) => ({
      ...c,
      questions: c.questions ?? [],
      evidence: c.evidence ?? [],
      documented_information: c.documented_information ?? [],
      itil_practices: c.itil_practices ?? [],
      kpis: c.kpis ?? [],
      assessable: !parents.has(c.id),
      depth: c.id.split('.').length - 1,
    })),
  };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** A small stand-in for the Rust roll-up, enough for component tests. */
function rollUp(catalogue: Catalogue, responses: ClauseResponse[], defaultTarget: number): Scorecard {
  const byId = new Map(responses.map((r) => [r.clause_id, r]));
  const scores = new Map<string, ClauseScore>();
  for (const c of [...catalogue.clauses].reverse()) {
    if (c.assessable) {
      const r = byId.get(c.id);
      const rating = r?.rating ?? { kind: 'not_assessed' };
      const score = rating.kind === 'level' ? rating.level : null;
      const target = rating.kind === 'not_applicable' ? null : (r?.target_level ?? defaultTarget);
      scores.set(c.id, {
        clause_id: c.id,
        score,
        target,
        gap: score != null && target != null ? Math.max(0, target - score) : null,
        assessed: rating.kind === 'not_assessed' ? 0 : 1,
        not_applicable: rating.kind === 'not_applicable' ? 1 : 0,
        carried_over: rating.kind !== 'not_assessed' && r?.carried_over ? 1 : 0,
        assessable: 1,
      });
    } else {
      const kids = catalogue.clauses.filter((k) => k.parent === c.id).map((k) => scores.get(k.id)!);
      scores.set(c.id, group(c.id, kids));
    }
  }
  const total = group('', catalogue.clauses.filter((c) => !c.parent).map((c) => scores.get(c.id)!));
  return {
    clauses: catalogue.clauses.map((c) => scores.get(c.id)!),
    overall: total.score,
    overall_target: total.target,
    overall_gap: total.gap,
    assessed: total.assessed,
    not_applicable: total.not_applicable,
    carried_over: total.carried_over,
    assessable: total.assessable,
    coverage: total.assessable ? total.assessed / total.assessable : 0,
  };
}

function group(id: string, kids: ClauseScore[]): ClauseScore {
  const scored = kids.filter((k) => k.score != null);
  const score = mean(scored.map((k) => k.score!));
  const target = mean(scored.map((k) => k.target!));
  return {
    clause_id: id,
    score,
    target,
    gap: score != null && target != null ? Math.max(0, target - score) : null,
    assessed: kids.reduce((a, k) => a + k.assessed, 0),
    not_applicable: kids.reduce((a, k) => a + k.not_applicable, 0),
    carried_over: kids.reduce((a, k) => a + k.carried_over, 0),
    assessable: kids.reduce((a, k) => a + k.assessable, 0),
  };
}

function fail(code: ApiError['code'], message: string, field: string | null = null): never {
  throw { code, message, field } satisfies ApiError;
}

export class MockBackend implements Backend {
  clients: Client[] = [];
  assessments: Assessment[] = [];
  responses = new Map<string, ClauseResponse[]>();
  catalogue = testCatalogue();
  /** Every response as saved, in order. */
  saves: ClauseResponse[] = [];
  /** Every field edit received, in order (refused ones too). */
  edits: { clauseId: string; edit: ResponseEdit }[] = [];
  findings = new Map<string, Finding[]>();
  kpis = new Map<string, Kpi[]>();
  /** Set to make saves reject with this error. */
  saveFailure: ApiError | null = null;
  /** Set to make every call reject with this error (e.g. an unreadable database). */
  failWith: ApiError | null = null;
  private clock = Date.parse('2026-11-20T09:00:00Z');

  private now(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }

  private guard() {
    if (this.failWith) throw this.failWith;
  }

  async appInfo() {
    return { version: '0.1.0', database_path: '/home/consultant/.local/share/clausewise/clausewise.db' };
  }

  async listAssessments(): Promise<AssessmentSummary[]> {
    this.guard();
    return [...this.assessments]
      .sort((a, b) => b.updated_at.localeCompare(a.updated_at))
      .map((a) => ({
        id: a.id,
        title: a.title,
        client_id: a.client_id,
        client_name: this.clients.find((c) => c.id === a.client_id)?.name ?? '',
        status: a.status,
        target_level: a.target_level,
        baseline_id: a.baseline_id ?? null,
        baseline_title: this.assessments.find((b) => b.id === a.baseline_id)?.title ?? null,
        ...(({ overall, assessed, assessable }) => ({ overall, assessed, assessable }))(
          rollUp(this.catalogue, this.responses.get(a.id) ?? [], a.target_level),
        ),
        created_at: a.created_at,
        updated_at: a.updated_at,
      }));
  }

  async listClients(): Promise<Client[]> {
    this.guard();
    return [...this.clients];
  }

  async createAssessment(input: NewAssessment): Promise<Assessment> {
    this.guard();
    const clientName = input.client_name.trim();
    const title = input.title.trim();
    if (!clientName) fail('validation', 'Client name is required.', 'client_name');
    if (!title) fail('validation', 'Assessment title is required.', 'title');
    if ([...title].length > 200)
      fail('validation', `Assessment title is too long: ${[...title].length} characters, at most 200 are allowed.`, 'title');
    const now = this.now();
    let client = this.clients.find((c) => c.name.toLowerCase() === clientName.toLowerCase());
    if (!client) {
      client = { id: crypto.randomUUID(), name: clientName, created_at: now, updated_at: now };
      this.clients.push(client);
    }
    const assessment: Assessment = {
      id: crypto.randomUUID(),
      client_id: client.id,
      title,
      scope: input.scope.trim(),
      assessors: input.assessors.trim(),
      target_level: input.target_level,
      starts_on: input.starts_on,
      ends_on: input.ends_on,
      status: 'draft',
      catalogue_id: 'iso-iec-20000-1',
      catalogue_version: '2018',
      created_at: now,
      updated_at: now,
    };
    this.assessments.push(assessment);
    return assessment;
  }

  async renameAssessment(id: string, title: string): Promise<Assessment> {
    this.guard();
    if (!title.trim()) fail('validation', 'Assessment title is required.', 'title');
    const a = this.assessments.find((x) => x.id === id) ?? fail('not_found', 'The assessment was not found.');
    a.title = title.trim();
    a.updated_at = this.now();
    return { ...a };
  }

  async deleteAssessment(id: string): Promise<void> {
    this.guard();
    const before = this.assessments.length;
    this.assessments = this.assessments.filter((a) => a.id !== id);
    if (this.assessments.length === before) fail('not_found', 'The assessment was not found.');
    // As the database does (ON DELETE SET NULL): follow-ups stay, unlinked.
    for (const a of this.assessments) if (a.baseline_id === id) delete a.baseline_id;
  }

  async getCatalogue(): Promise<Catalogue> {
    return this.catalogue;
  }

  async getWorkspace(id: string): Promise<Workspace> {
    this.guard();
    const assessment = this.assessments.find((a) => a.id === id) ?? fail('not_found', 'The assessment was not found.');
    const responses = this.responses.get(id) ?? [];
    return {
      assessment,
      client_name: this.clients.find((c) => c.id === assessment.client_id)?.name ?? '',
      responses: structuredClone(responses),
      scorecard: rollUp(this.catalogue, responses, assessment.target_level),
    };
  }

  async editResponse(id: string, clauseId: string, edit: ResponseEdit): Promise<SavedResponse> {
    this.guard();
    this.edits.push({ clauseId, edit: structuredClone(edit) });
    if (this.saveFailure) throw this.saveFailure;
    const assessment = this.assessments.find((a) => a.id === id) ?? fail('not_found', 'The assessment was not found.');
    if (assessment.status === 'final')
      fail('final', `“${assessment.title}” is final, as issued to the client. Reopen it as a draft to change it.`);
    const stored = structuredClone(this.responses.get(id)?.find((r) => r.clause_id === clauseId) ?? blankResponse(clauseId));
    const text = (field: keyof typeof FIELD_MAX_CHARS, label: string, value: string) => {
      const n = [...value.trim()].length;
      const max = FIELD_MAX_CHARS[field];
      if (n > max) fail('validation', `${label} is too long: ${n} characters, at most ${max} are allowed.`, field);
      return value.trim();
    };
    const required = () => fail('validation', 'Justification for not applicable is required.', 'na_justification');
    switch (edit.field) {
      case 'rating':
        if (edit.value.kind === 'not_applicable' && !stored.na_justification.trim()) required();
        stored.rating = edit.value;
        stored.carried_over = false;
        break;
      case 'not_applicable':
        stored.na_justification = text('na_justification', 'Justification for not applicable', edit.value);
        if (!stored.na_justification) required();
        stored.rating = { kind: 'not_applicable' };
        stored.carried_over = false;
        break;
      case 'target_level':
        stored.target_level = edit.value;
        break;
      case 'na_justification':
        stored.na_justification = text('na_justification', 'Justification for not applicable', edit.value);
        if (stored.rating.kind === 'not_applicable' && !stored.na_justification) required();
        break;
      case 'notes':
        stored.notes = text('notes', 'Notes', edit.value);
        break;
      case 'evidence':
        stored.evidence = text('evidence', 'Evidence seen', edit.value);
        break;
      case 'interviewees':
        stored.interviewees = text('interviewees', 'People interviewed', edit.value);
        break;
    }
    const saved = { ...stored, updated_at: this.now() };
    this.saves.push(saved);
    const list = (this.responses.get(id) ?? []).filter((r) => r.clause_id !== clauseId);
    list.push(saved);
    this.responses.set(id, list);
    return { response: structuredClone(saved), scorecard: rollUp(this.catalogue, list, assessment.target_level) };
  }

  async updateAssessment(id: string, details: NewAssessment): Promise<Assessment> {
    this.guard();
    const a = this.assessment(id);
    if (a.status === 'final') fail('final', `“${a.title}” is final, as issued to the client. Reopen it as a draft to change it.`);
    if (!details.client_name.trim()) fail('validation', 'Client name is required.', 'client_name');
    if (!details.title.trim()) fail('validation', 'Assessment title is required.', 'title');
    if (details.starts_on && details.ends_on && details.ends_on < details.starts_on)
      fail('validation', 'The last day of the fieldwork cannot be before the first.', 'ends_on');
    const now = this.now();
    let client = this.clients.find((c) => c.name.toLowerCase() === details.client_name.trim().toLowerCase());
    if (!client) {
      client = { id: crypto.randomUUID(), name: details.client_name.trim(), created_at: now, updated_at: now };
      this.clients.push(client);
    }
    Object.assign(a, {
      client_id: client.id,
      title: details.title.trim(),
      scope: details.scope.trim(),
      assessors: details.assessors.trim(),
      target_level: details.target_level,
      starts_on: details.starts_on,
      ends_on: details.ends_on,
      updated_at: now,
    });
    return { ...a };
  }

  async setAssessmentStatus(id: string, status: AssessmentStatus): Promise<Assessment> {
    this.guard();
    const a = this.assessment(id);
    a.status = status;
    a.updated_at = this.now();
    return { ...a };
  }

  private assessment(id: string): Assessment {
    return this.assessments.find((a) => a.id === id) ?? fail('not_found', 'The assessment was not found.');
  }

  async listFindings(id: string): Promise<Finding[]> {
    this.assessment(id);
    return structuredClone(this.findings.get(id) ?? []);
  }

  private checkFinding(input: FindingInput): FindingInput {
    if (!input.title.trim()) fail('validation', 'Finding title is required.', 'title');
    const phases = {
      major_nonconformity: 'before_stage1',
      minor_nonconformity: 'before_stage2',
      observation: 'after_certification',
      opportunity_for_improvement: 'after_certification',
      good_practice: null,
    } as const;
    return {
      ...input,
      title: input.title.trim(),
      phase: input.kind === 'good_practice' ? null : (input.phase ?? phases[input.kind]),
    };
  }

  async createFinding(id: string, input: FindingInput): Promise<Finding> {
    this.assessment(id);
    const now = this.now();
    const finding: Finding = { ...this.checkFinding(input), id: crypto.randomUUID(), created_at: now, updated_at: now };
    this.findings.set(id, [...(this.findings.get(id) ?? []), finding]);
    return structuredClone(finding);
  }

  async updateFinding(id: string, findingId: string, input: FindingInput): Promise<Finding> {
    const list = this.findings.get(id) ?? [];
    const old = list.find((f) => f.id === findingId) ?? fail('not_found', 'The finding was not found.');
    const updated: Finding = { ...old, ...this.checkFinding(input), updated_at: this.now() };
    this.findings.set(id, list.map((f) => (f.id === findingId ? updated : f)));
    return structuredClone(updated);
  }

  async deleteFinding(id: string, findingId: string): Promise<Finding> {
    const list = this.findings.get(id) ?? [];
    const old = list.find((f) => f.id === findingId) ?? fail('not_found', 'The finding was not found.');
    this.findings.set(id, list.filter((f) => f.id !== findingId));
    return old;
  }

  async restoreFinding(id: string, finding: Finding): Promise<Finding> {
    this.findings.set(id, [...(this.findings.get(id) ?? []), finding]);
    return finding;
  }

  async listKpis(id: string): Promise<Kpi[]> {
    this.assessment(id);
    return structuredClone(this.kpis.get(id) ?? []);
  }

  async createKpi(id: string, input: KpiInput): Promise<Kpi> {
    this.assessment(id);
    if (!input.name.trim()) fail('validation', 'KPI name is required.', 'name');
    const now = this.now();
    const kpi: Kpi = { ...input, id: crypto.randomUUID(), created_at: now, updated_at: now };
    this.kpis.set(id, [...(this.kpis.get(id) ?? []), kpi]);
    return structuredClone(kpi);
  }

  async updateKpi(id: string, kpiId: string, input: KpiInput): Promise<Kpi> {
    if (!input.name.trim()) fail('validation', 'KPI name is required.', 'name');
    const list = this.kpis.get(id) ?? [];
    const old = list.find((k) => k.id === kpiId) ?? fail('not_found', 'The KPI was not found.');
    const updated: Kpi = { ...old, ...input, updated_at: this.now() };
    this.kpis.set(id, list.map((k) => (k.id === kpiId ? updated : k)));
    return structuredClone(updated);
  }

  async deleteKpi(id: string, kpiId: string): Promise<void> {
    this.kpis.set(id, (this.kpis.get(id) ?? []).filter((k) => k.id !== kpiId));
  }

  async kpiSuggestions(): Promise<KpiInput[]> {
    return [
      { name: 'Service availability', clause_ids: ['8.7.1', '9.1'], unit: '%', direction: 'higher_is_better', value: null, target: 99.5, period: '', source: '' },
      { name: 'Change success rate', clause_ids: ['8.5.1.3', '9.1'], unit: '%', direction: 'higher_is_better', value: null, target: 95, period: '', source: '' },
      { name: 'Mean time to restore service', clause_ids: ['8.6.1', '9.1'], unit: 'hours', direction: 'lower_is_better', value: null, target: 4, period: '', source: '' },
    ];
  }

  /** Enough of the Rust dashboard for component tests: verdict from open majors only. */
  async getDashboard(id: string): Promise<Dashboard> {
    const ws = await this.getWorkspace(id);
    const findings = this.findings.get(id) ?? [];
    const majors = findings.filter((f) => f.kind === 'major_nonconformity' && f.status !== 'closed');
    const kinds = ['major_nonconformity', 'minor_nonconformity', 'observation', 'opportunity_for_improvement', 'good_practice'] as const;
    return {
      scorecard: ws.scorecard,
      readiness: {
        verdict: majors.length ? 'not_ready' : 'ready',
        reasons: majors.map((f) => ({
          leads_to: 'not_ready' as const,
          message: `Open major nonconformity at ${f.clause_id}: ${f.title}`,
          clause_id: f.clause_id,
          finding_id: f.id,
        })),
        rule: ['Not ready: any open major nonconformity.', 'Ready: none of the above.'],
      },
      charts: {
        radar: this.catalogue.clauses
          .filter((c) => !c.parent)
          .map((c) => {
            const s = ws.scorecard.clauses.find((x) => x.clause_id === c.id)!;
            const noScore = s.score != null ? null : s.assessable > 0 && s.not_applicable === s.assessable ? 'not_applicable' : 'not_assessed';
            return { clause_id: c.id, title: c.title, current: s.score, target: s.target, gap: s.gap, no_score: noScore };
          }),
        gaps: [],
        heat_map: [],
      },
      findings_by_kind: kinds.map((kind) => ({
        kind,
        open: kind === 'good_practice' ? null : findings.filter((f) => f.kind === kind && f.status !== 'closed').length,
        total: findings.filter((f) => f.kind === kind).length,
      })),
      findings_by_priority: (['high', 'medium', 'low'] as const).map((priority) => ({
        priority,
        open: findings.filter((f) => f.priority === priority && f.kind !== 'good_practice' && f.status !== 'closed').length,
        total: findings.filter((f) => f.priority === priority && f.kind !== 'good_practice').length,
      })),
      kpi_status: { met: 0, not_met: 0, unknown: (this.kpis.get(id) ?? []).length },
    };
  }

  async startFollowUp(id: string, input: FollowUpInput): Promise<Assessment> {
    this.guard();
    const title = input.title.trim();
    if (!title) fail('validation', 'Assessment title is required.', 'title');
    if ([...title].length > 200)
      fail('validation', `Assessment title is too long: ${[...title].length} characters, at most 200 are allowed.`, 'title');
    const base = this.assessments.find((a) => a.id === id) ?? fail('not_found', 'The assessment was not found.');
    const now = this.now();
    const follow: Assessment = {
      ...base,
      id: crypto.randomUUID(),
      title,
      status: 'draft',
      starts_on: null,
      ends_on: null,
      baseline_id: id,
      created_at: now,
      updated_at: now,
    };
    this.assessments.push(follow);
    this.responses.set(
      follow.id,
      (this.responses.get(id) ?? []).map((r) => ({
        ...r,
        rating: input.copy_levels ? r.rating : { kind: 'not_assessed' as const },
        na_justification: input.copy_levels ? r.na_justification : '',
        carried_over: input.copy_levels && r.rating.kind !== 'not_assessed',
        notes: '',
        evidence: '',
        interviewees: '',
        updated_at: now,
      })),
    );
    this.findings.set(
      follow.id,
      (this.findings.get(id) ?? [])
        .filter((f) => f.status !== 'closed' && f.kind !== 'good_practice')
        .map((f) => ({ ...f, id: crypto.randomUUID(), created_at: now, updated_at: now })),
    );
    this.kpis.set(
      follow.id,
      (this.kpis.get(id) ?? []).map((k) => ({ ...k, id: crypto.randomUUID(), value: null, period: '', created_at: now, updated_at: now })),
    );
    return { ...follow };
  }

  /** The Rust comparison in small: scores rounded to one decimal, compared. */
  async getProgress(id: string): Promise<Progress | null> {
    this.guard();
    const current = this.assessments.find((a) => a.id === id) ?? fail('not_found', 'The assessment was not found.');
    const base = this.assessments.find((a) => a.id === current.baseline_id);
    if (!base) return null;
    const [then, now] = await Promise.all([this.getWorkspace(base.id), this.getWorkspace(id)]);
    const round = (v: number | null) => (v == null ? null : roundScore(v));
    const rating = (rs: ClauseResponse[], cid: string) => rs.find((r) => r.clause_id === cid)?.rating ?? { kind: 'not_assessed' as const };
    const trendOf = (b: number | null, c: number | null) => {
      if (b == null || c == null) return { delta: null, trend: 'not_comparable' as const };
      const delta = roundScore(c - b);
      return { delta, trend: delta > 0 ? ('improved' as const) : delta < 0 ? ('regressed' as const) : ('unchanged' as const) };
    };
    const tally = { improved: 0, regressed: 0, unchanged: 0, not_comparable: 0 };
    const scoreOf = (card: Scorecard, cid: string) => card.clauses.find((s) => s.clause_id === cid)?.score ?? null;
    const requirements = this.catalogue.clauses.filter((c) => c.assessable);
    const oneSided = requirements
      .filter((c) => (scoreOf(then.scorecard, c.id) == null) !== (scoreOf(now.scorecard, c.id) == null))
      .map((c) => c.id);
    const scoredBoth = requirements.filter(
      (c) => scoreOf(then.scorecard, c.id) != null && scoreOf(now.scorecard, c.id) != null,
    ).length;
    // Groups and the overall figure: like for like, over the requirements scored on both sides.
    const common = (ws: Workspace, target: number) =>
      rollUp(this.catalogue, ws.responses.filter((r) => !oneSided.includes(r.clause_id)), target);
    const [thenCommon, nowCommon] = [common(then, base.target_level), common(now, current.target_level)];
    const naBoth = (cid: string) =>
      rating(then.responses, cid).kind === 'not_applicable' && rating(now.responses, cid).kind === 'not_applicable';
    const clauses = this.catalogue.clauses.map((c) => {
      const [cardThen, cardNow] = c.assessable ? [then.scorecard, now.scorecard] : [thenCommon, nowCommon];
      const b = round(scoreOf(cardThen, c.id));
      const n = round(scoreOf(cardNow, c.id));
      const ratings = c.assessable ? [rating(then.responses, c.id), rating(now.responses, c.id)] : [null, null];
      const { delta, trend: raw } = trendOf(b, n);
      const allNa = c.assessable ? naBoth(c.id) : requirements.filter((r) => r.id.startsWith(`${c.id}.`)).every((r) => naBoth(r.id));
      const trend = allNa ? ('unchanged' as const) : raw;
      if (c.assessable) tally[trend]++;
      return {
        clause_id: c.id,
        title: c.title,
        depth: c.depth,
        assessable: c.assessable,
        baseline: b,
        current: n,
        delta,
        trend,
        baseline_rating: ratings[0] ?? null,
        current_rating: ratings[1] ?? null,
      };
    });
    const open = (aid: string, kind?: string) =>
      (this.findings.get(aid) ?? []).filter((f) => f.status !== 'closed' && (kind ? f.kind === kind : f.kind !== 'good_practice')).length;
    const [dThen, dNow] = await Promise.all([this.getDashboard(base.id), this.getDashboard(id)]);
    // Met as Kpi::met() decides it: needs a value and a target.
    const met = (k: Kpi) =>
      k.value == null || k.target == null ? null : k.direction === 'higher_is_better' ? k.value >= k.target : k.value <= k.target;
    const kpis = (aid: string, wanted: (m: boolean | null) => boolean) => (this.kpis.get(aid) ?? []).filter((k) => wanted(met(k))).length;
    const overall = trendOf(round(thenCommon.overall), round(nowCommon.overall));
    return {
      baseline: { id: base.id, title: base.title, status: base.status, created_at: base.created_at },
      overall_baseline: round(thenCommon.overall),
      overall_current: round(nowCommon.overall),
      overall_delta: overall.delta,
      overall_trend: overall.trend,
      coverage_baseline: then.scorecard.coverage,
      coverage_current: now.scorecard.coverage,
      verdict_baseline: dThen.readiness.verdict,
      verdict_current: dNow.readiness.verdict,
      requirements: tally,
      scored_one_side: oneSided.length,
      scored_both: scoredBoth,
      open_major: { baseline: open(base.id, 'major_nonconformity'), current: open(id, 'major_nonconformity') },
      open_minor: { baseline: open(base.id, 'minor_nonconformity'), current: open(id, 'minor_nonconformity') },
      open_actions: { baseline: open(base.id), current: open(id) },
      kpis_met: { baseline: kpis(base.id, (m) => m === true), current: kpis(id, (m) => m === true) },
      kpis_measured: { baseline: kpis(base.id, (m) => m !== null), current: kpis(id, (m) => m !== null) },
      clauses,
    };
  }

  snapshots: Snapshot[] = [];
  restored: string[] = [];
  freshStarts = 0;

  async recoveryInfo(): Promise<RecoveryInfo> {
    return { problem: this.failWith, database_path: '/data/clausewise.db', snapshots: [...this.snapshots] };
  }

  async listSnapshots(): Promise<Snapshot[]> {
    return [...this.snapshots];
  }

  async takeSnapshot(): Promise<Snapshot> {
    const snapshot: Snapshot = {
      path: `/data/backups/clausewise-${this.snapshots.length}-manual.db`,
      created: this.now(),
      reason: 'manual',
      bytes: 204_800,
    };
    this.snapshots.unshift(snapshot);
    return snapshot;
  }

  async restoreSnapshot(path: string): Promise<void> {
    this.restored.push(path);
    this.failWith = null;
  }

  async startFresh(): Promise<void> {
    this.freshStarts++;
    this.failWith = null;
    this.assessments = [];
  }

  /** What exportReport was asked for; set `exportAnswer` to script the dialog. */
  exports: { id: string; options: ReportOptions }[] = [];
  exportAnswer: ExportedReport | null | ApiError = {
    path: '/home/consultant/Nordwind - gap report.pdf',
    pages: 41,
    bytes: 160_000,
    warnings: [],
  };
  logoAnswer: string | null = '/home/consultant/logo.png';
  opened: { path: string; reveal: boolean }[] = [];

  async exportReport(id: string, options: ReportOptions): Promise<ExportedReport | null> {
    this.exports.push({ id, options: structuredClone(options) });
    const answer = this.exportAnswer;
    if (answer && 'code' in answer) throw answer;
    return answer;
  }

  async chooseLogo(): Promise<string | null> {
    return this.logoAnswer;
  }

  async openReport(path: string, reveal: boolean): Promise<void> {
    this.opened.push({ path, reveal });
  }

  exported: { id: string; format: ExportFormat; delimiter?: CsvDelimiter }[] = [];
  async exportAssessment(id: string, format: ExportFormat, delimiter?: CsvDelimiter): Promise<string | null> {
    this.exported.push(delimiter ? { id, format, delimiter } : { id, format });
    return `/home/consultant/export.${format.startsWith('csv') ? 'csv' : format}`;
  }

  /** Every zoom factor the web view was set to. */
  zooms: number[] = [];
  async setZoom(factor: number): Promise<void> {
    this.zooms.push(factor);
  }

  /** Scripted answers of importAssessment, in order. */
  importAnswers: (ImportResult | null | ApiError)[] = [];
  imports: { path: string | null; onConflict: ConflictChoice | null }[] = [];
  async importAssessment(path: string | null, onConflict: ConflictChoice | null): Promise<ImportResult | null> {
    this.imports.push({ path, onConflict });
    const answer = this.importAnswers.shift() ?? null;
    if (answer && 'code' in answer) throw answer;
    const a = answer?.assessment;
    if (a && !this.assessments.some((x) => x.id === a.id)) this.assessments.push(a);
    return answer;
  }
}
