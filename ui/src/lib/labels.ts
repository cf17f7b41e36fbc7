// The words for the domain's values come from the Rust side (generated into
// ./bindings.ts), so the app says what the report and the CLI say.
import type { Criticality, EvidenceKind, FindingKind, FindingStatus, Lifecycle, Phase, Priority, Trend } from './bindings';
import { CRITICALITY_LABEL, EVIDENCE_KIND_LABEL, KIND_LABEL, PHASE_LABEL, PRIORITY_LABEL, STATUS_LABEL, TREND_LABEL } from './bindings';

export {
  ASSESSMENT_STATUS_LABEL,
  CRITICALITY_LABEL,
  EVIDENCE_KIND_LABEL,
  PARTY_KINDS,
  SCOPE_KIND_HEADING,
  SCOPE_KIND_LABEL,
  DIRECTION_LABEL,
  INCONSISTENCY_LABEL,
  JUDGEMENT_LABEL,
  KIND_LABEL,
  KIND_SHORT,
  NA_BASIS_LABEL,
  NC_STAGE_LABEL,
  NC_STAGE_SHORT,
  NO_SCORE_LABEL,
  PHASE_LABEL,
  PRIORITY_LABEL,
  SECTION_TITLE,
  STAGE_LABEL,
  STATUS_LABEL,
  TREND_LABEL,
  VERDICT_LABEL,
} from './bindings';

/** The values in the order Rust declares them (priorities: highest first). */
export const KINDS = Object.keys(KIND_LABEL) as FindingKind[];
export const PRIORITIES = Object.keys(PRIORITY_LABEL) as Priority[];
export const STATUSES = Object.keys(STATUS_LABEL) as FindingStatus[];
export const PHASES = Object.keys(PHASE_LABEL) as Phase[];
export const TRENDS = Object.keys(TREND_LABEL) as Trend[];

export const priorityRank = (p: Priority) => PRIORITIES.indexOf(p);

export function formatDate(iso: string | null): string {
  if (!iso) return '–';
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** The lifecycle of a finding with nothing recorded yet. */
export const EMPTY_LIFECYCLE: Lifecycle = {
  correction: '',
  root_cause: '',
  corrective_action: '',
  plan_accepted_on: null,
  implemented_on: null,
  verified_on: null,
  verified_by: '',
  verification: '',
};

// The engagement on record: the kinds of scope entry, criticality and the
// kinds of evidence, in the order the Rust side lists them.
export const CRITICALITIES = Object.keys(CRITICALITY_LABEL) as Criticality[];
export const EVIDENCE_KINDS = Object.keys(EVIDENCE_KIND_LABEL) as EvidenceKind[];
