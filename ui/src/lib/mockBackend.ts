// In-memory Backend for component tests: same contract as the Rust side,
// including validation errors that name the field.
import type { Backend } from './backend';
import type { ApiError, Assessment, AssessmentSummary, Client, NewAssessment } from './bindings';

function fail(code: ApiError['code'], message: string, field: string | null = null): never {
  throw { code, message, field } satisfies ApiError;
}

export class MockBackend implements Backend {
  clients: Client[] = [];
  assessments: Assessment[] = [];
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
}
