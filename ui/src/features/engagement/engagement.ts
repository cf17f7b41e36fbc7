// What the engagement views share: new records to fill in, records as the
// editors' inputs, and how figures read. The rules (what is required, what
// a sample may be) are the Rust side's: nothing here checks a record.
import type {
  Catalogue,
  EvidenceInput,
  EvidenceItem,
  Finding,
  Interview,
  Person,
  Sampling,
  ScopeItem,
  ScopeKind,
} from '../../lib/bindings';
import { KIND_SHORT, PARTY_KINDS, SCOPE_KIND_LABEL, formatDate } from '../../lib/labels';
import { newId } from '../../lib/ids';
import type { PickOption } from '../../shared/MultiPick.svelte';

export const isParty = (kind: ScopeKind) => PARTY_KINDS.includes(kind);

export function blankScopeItem(kind: ScopeKind): ScopeItem {
  return { id: newId(), kind, name: '', owner: '', criticality: null, customers: '', reference: '', processes: [] };
}

export function blankPerson(): Person {
  return { id: newId(), name: '', role: '', unit: '', site: '', email: '' };
}

export function blankInterview(heldOn: string): Interview {
  return { id: newId(), held_on: heldOn, time: '', person_ids: [], clause_ids: [], notes: '' };
}

export function blankEvidence(): EvidenceInput {
  return {
    kind: 'document',
    title: '',
    version: '',
    owner: '',
    seen_on: null,
    location: '',
    notes: '',
    clause_ids: [],
    finding_ids: [],
    scope_ids: [],
    sampling: null,
  };
}

/** An item as its editor's input: everything but its id, code and files. */
export function evidenceInput(item: EvidenceItem): EvidenceInput {
  return {
    kind: item.kind,
    title: item.title,
    version: item.version,
    owner: item.owner,
    seen_on: item.seen_on,
    location: item.location,
    notes: item.notes,
    clause_ids: [...item.clause_ids],
    finding_ids: [...item.finding_ids],
    scope_ids: [...item.scope_ids],
    sampling: item.sampling ? { ...item.sampling } : null,
  };
}

/** Today in the computer's time zone, as an ISO date. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "2.4 MB": the sizes the register and the CLI show. */
export function formatBytes(size: number): string {
  const KIB = 1024;
  if (size < KIB) return `${size} B`;
  if (size < KIB * KIB) return `${Math.round(size / KIB)} KB`;
  if (size < KIB ** 3) return `${(size / KIB / KIB).toFixed(1)} MB`;
  return `${(size / KIB ** 3).toFixed(1)} GB`;
}

/** The first 12 hex digits of a SHA-256: enough to tell files apart by eye. */
export const shaPrefix = (sha256: string) => sha256.slice(0, 12);

/** "12 of 148 sampled, 2 exceptions", as the report writes a sample. */
export function samplingSummary(s: Sampling): string {
  const exceptions = s.exceptions === 0 ? 'no exceptions' : s.exceptions === 1 ? '1 exception' : `${s.exceptions} exceptions`;
  return `${s.sample} of ${s.population} sampled, ${exceptions}`;
}

/** "16 Nov 2026, 09:30" */
export function interviewWhen(i: Interview): string {
  return i.time ? `${formatDate(i.held_on)}, ${i.time}` : formatDate(i.held_on);
}

/** The assessable requirements, to pick from. */
export function requirementOptions(catalogue: Catalogue): PickOption[] {
  return catalogue.clauses.filter((c) => c.assessable).map((c) => ({ value: c.id, code: c.id, label: c.title }));
}

export function findingOptions(findings: Finding[]): PickOption[] {
  return findings.map((f) => ({
    value: f.id,
    code: f.clause_id,
    label: `${KIND_SHORT[f.kind]}: ${f.title}`,
    short: `${f.clause_id} ${KIND_SHORT[f.kind]}`,
  }));
}

export function scopeOptions(scope: ScopeItem[]): PickOption[] {
  return scope.map((s) => ({ value: s.id, label: `${s.name} (${SCOPE_KIND_LABEL[s.kind].toLowerCase()})`, short: s.name }));
}

export function personOptions(people: Person[]): PickOption[] {
  return people.map((p) => ({ value: p.id, label: p.role ? `${p.name}, ${p.role}` : p.name }));
}

/** An evidence item as its editor holds it: the sample's numbers as typed. */
export type EvidenceForm = Omit<EvidenceInput, 'sampling'> & { population: string; sample: string; exceptions: string };

export function evidenceForm(input: EvidenceInput): EvidenceForm {
  const { sampling, ...rest } = input;
  return {
    ...rest,
    clause_ids: [...input.clause_ids],
    finding_ids: [...input.finding_ids],
    scope_ids: [...input.scope_ids],
    population: sampling ? String(sampling.population) : '',
    sample: sampling ? String(sampling.sample) : '',
    exceptions: sampling ? String(sampling.exceptions) : '',
  };
}

/**
 * The sample typed: none when all three are empty, exceptions empty read as
 * none; a message when what is typed is not a count.
 */
export function readSampling(form: EvidenceForm): { sampling: Sampling | null } | { problem: string } {
  const [population, sample, exceptions] = [form.population, form.sample, form.exceptions].map((t) => t.trim());
  if (!population && !sample && !exceptions) return { sampling: null };
  if (!population || !sample) return { problem: 'Enter how many records there were and how many were looked at.' };
  // Counts as the Rust side stores them: whole numbers below 2^32.
  const count = (t: string) => (/^\d{1,10}$/.test(t) && Number(t) <= 0xffff_ffff ? Number(t) : NaN);
  const s = { population: count(population), sample: count(sample), exceptions: exceptions ? count(exceptions) : 0 };
  if (![s.population, s.sample, s.exceptions].every(Number.isInteger)) {
    return { problem: 'Enter whole numbers of records, e.g. 148, 12 and 2.' };
  }
  return { sampling: s };
}
