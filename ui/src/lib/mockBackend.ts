// In-memory Backend for component tests: same contract as the Rust side,
// including validation errors that name the field.
import type { Backend } from './backend';
import type {
  ApiError,
  Assessment,
  AssessmentSummary,
  Catalogue,
  Clause,
  Client,
  ClauseResponse,
  ClauseScore,
  NewAssessment,
  SavedResponse,
  Scorecard,
  Workspace,
} from './bindings';
import catalogueFile from '../../../crates/core/catalogue/iso-iec-20000-1-2018.json';

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
  /** Every save received, in order. */
  saves: ClauseResponse[] = [];
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

  async saveResponse(id: string, response: ClauseResponse): Promise<SavedResponse> {
    this.guard();
    if (this.saveFailure) throw this.saveFailure;
    const assessment = this.assessments.find((a) => a.id === id) ?? fail('not_found', 'The assessment was not found.');
    if (response.rating.kind === 'not_applicable' && !response.na_justification.trim())
      fail('validation', 'Justification for not applicable is required.', 'na_justification');
    const saved = { ...structuredClone(response), updated_at: this.now() };
    this.saves.push(saved);
    const list = (this.responses.get(id) ?? []).filter((r) => r.clause_id !== response.clause_id);
    list.push(saved);
    this.responses.set(id, list);
    return { response: saved, scorecard: rollUp(this.catalogue, list, assessment.target_level) };
  }
}
