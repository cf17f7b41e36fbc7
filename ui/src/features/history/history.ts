// How the change log reads: the stored fields and values of a recorded
// change in the consultant's words. What changed, when and by whom comes
// from the Rust side; this only names it.
import type { HistoryEntry, RecordChange, Subject } from '../../lib/bindings';
import {
  ASSESSMENT_STATUS_LABEL,
  CRITICALITY_LABEL,
  EVIDENCE_KIND_LABEL,
  JUDGEMENT_LABEL,
  KIND_LABEL,
  NA_BASIS_LABEL,
  PHASE_LABEL,
  PRACTICE_STATUS_LABEL,
  PRIORITY_LABEL,
  SCOPE_KIND_LABEL,
  STATUS_LABEL,
  SUBJECT_LABEL,
} from '../../lib/bindings';

const FIELD_NAME: Record<string, string> = {
  level: 'Level',
  notes: 'Notes',
  evidence: 'Evidence',
  na_justification: 'Why not applicable',
  na_basis: 'Not applicable because',
  target_level: 'Target level',
  judgement: 'Conformity',
  interviewees: 'Interviewees',
  carried_over: 'Carried over from the baseline',
  clause_id: 'Requirement',
  observation: 'Observation',
  recommendation: 'Recommendation',
  due_date: 'Due',
  root_cause: 'Root cause',
  corrective_action: 'Corrective action',
  plan_accepted_on: 'Plan accepted on',
  implemented_on: 'Implemented on',
  verified_on: 'Verified on',
  verified_by: 'Verified by',
  finding_ids: 'Findings',
  measurements: 'Measurements',
  present: 'Seen',
  starts_on: 'Fieldwork starts',
  ends_on: 'Fieldwork ends',
  report_lang: 'Report language',
  sha256: 'File',
  scope_id: 'Scope item',
  text: 'Text',
};

/** A stored field's name as the log shows it: "Level", "Why not applicable". */
export function fieldName(field: string): string {
  const known = FIELD_NAME[field];
  if (known) return known;
  const words = field.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The labels of a field holding one of a few stored words, by what the record is. */
function wordsOf(subject: Subject, field: string): Record<string, string> | null {
  switch (field) {
    case 'judgement':
      return JUDGEMENT_LABEL;
    case 'na_basis':
      return NA_BASIS_LABEL;
    case 'priority':
      return PRIORITY_LABEL;
    case 'phase':
      return PHASE_LABEL;
    case 'criticality':
      return CRITICALITY_LABEL;
    case 'status':
      if (subject === 'finding') return STATUS_LABEL;
      if (subject === 'assessment') return ASSESSMENT_STATUS_LABEL;
      if (subject === 'practice') return PRACTICE_STATUS_LABEL;
      return null;
    case 'kind':
      if (subject === 'finding') return KIND_LABEL;
      if (subject === 'scope') return SCOPE_KIND_LABEL;
      if (subject === 'evidence') return EVIDENCE_KIND_LABEL;
      return null;
    default:
      return null;
  }
}

const YES_NO_FIELDS = new Set(['present', 'carried_over']);

/** A stored value as the log shows it; "—" for none. */
export function valueText(subject: Subject, field: string, value: string | null): string {
  if (value === null || value === '') return '—';
  if (YES_NO_FIELDS.has(field)) return value === '1' || value === 'true' ? 'yes' : 'no';
  const words = wordsOf(subject, field);
  if (words && value in words) return words[value] ?? value;
  return value;
}

/** Whether a value is prose (shown as a block, not inline). */
export function isLong(value: string | null): boolean {
  return value !== null && (value.length > 60 || value.includes('\n'));
}

/** "Requirement 8.5.1.3", "Finding “No change records”". */
export function recordName(change: Pick<RecordChange, 'subject' | 'label'>): string {
  const what = SUBJECT_LABEL[change.subject];
  const name = change.label;
  const word = what.charAt(0).toUpperCase() + what.slice(1);
  if (!name) return word;
  return /^[0-9.]+$/.test(name) ? `${word} ${name}` : `${word} “${name}”`;
}

/** What kind of entry it is, when it is more than an edit. */
export function entryKind(entry: HistoryEntry): string {
  const imported = entry.origin === 'imported' ? 'in the other copy' : '';
  switch (entry.kind) {
    case 'undo':
      return imported ? `Undo ${imported}` : 'Undo';
    case 'redo':
      return imported ? `Redo ${imported}` : 'Redo';
    case 'merge':
      return imported ? `Merge ${imported}` : 'Merge';
    default:
      return imported ? `Made ${imported}` : '';
  }
}

/** "added", "removed", or nothing for a change of values. */
export function opWord(change: RecordChange): string {
  return change.op === 'changed' ? '' : change.op;
}
