import type { Clause, ClauseResponse, ClauseScore } from '../../lib/bindings';
import type { EditSlot } from './autosave.svelte';

/** The input in the clause panel that edits each field of a response. */
export const FIELD_ID: Record<EditSlot, string> = {
  rating: 'level-label',
  target_level: 'response-target',
  na_justification: 'response-na',
  na_basis: 'response-na-basis',
  judgement: 'response-judgement',
  notes: 'response-notes',
  evidence: 'response-evidence',
  interviewees: 'response-interviewees',
};

/** The practice filter's value for SMS governance requirements (no ITIL 4 practice name). */
export const SMS_GOVERNANCE = 'sms-governance';

export interface Filters {
  query: string;
  notAssessed: boolean;
  belowTarget: boolean;
  /** Levels a follow-up carried over from its baseline, not yet confirmed. */
  unconfirmed: boolean;
  practice: string;
}

export function blankResponse(clauseId: string): ClauseResponse {
  return {
    clause_id: clauseId,
    rating: { kind: 'not_assessed' },
    target_level: null,
    na_justification: '',
    na_basis: 'exclusion',
    judgement: 'not_judged',
    notes: '',
    evidence: '',
    interviewees: '',
    carried_over: false,
    updated_at: null,
  };
}

export function filtersActive(f: Filters): boolean {
  return f.query.trim() !== '' || f.notAssessed || f.belowTarget || f.unconfirmed || f.practice !== '';
}

/** Whether a requirement passes the search and filters of the clause tree. */
export function matchesFilters(
  clause: Clause,
  response: ClauseResponse,
  score: ClauseScore | undefined,
  f: Filters,
): boolean {
  if (f.notAssessed && response.rating.kind !== 'not_assessed') return false;
  if (f.belowTarget && !((score?.gap ?? 0) > 0)) return false;
  if (f.unconfirmed && !(response.carried_over && response.rating.kind !== 'not_assessed')) return false;
  if (f.practice === SMS_GOVERNANCE) {
    if (!clause.sms_governance) return false;
  } else if (f.practice && !clause.itil_practices.includes(f.practice)) return false;
  const query = f.query.trim().toLocaleLowerCase();
  if (!query) return true;
  // A clause number finds that clause and everything below it ("8.5" finds
  // 8.5.1.2 but "1" does not find 10.1).
  if (/^[0-9.]+$/.test(query)) {
    const prefix = query.endsWith('.') ? query : `${query}.`;
    return clause.id === query || clause.id.startsWith(prefix);
  }
  const haystack = [clause.title, clause.summary ?? '', ...clause.kpis, ...clause.itil_practices]
    .join(' ')
    .toLocaleLowerCase();
  return query.split(/\s+/).every((word) => haystack.includes(word));
}

/** The ids of a clause's ancestors, nearest last. */
export function ancestors(clauses: Clause[], clause: Clause): Clause[] {
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const chain: Clause[] = [];
  let parent = clause.parent ? byId.get(clause.parent) : undefined;
  while (parent) {
    chain.unshift(parent);
    parent = parent.parent ? byId.get(parent.parent) : undefined;
  }
  return chain;
}

/**
 * Scrolls the list around `item` just enough to show it, and nothing else:
 * `scrollIntoView` would also scroll the page when it scrolls as a whole
 * (small windows, high zoom), hiding the header.
 */
export function revealInList(item: HTMLElement | null, list: HTMLElement | null): void {
  if (!item || !list) return;
  const box = item.getBoundingClientRect();
  const view = list.getBoundingClientRect();
  if (box.top < view.top) list.scrollTop -= view.top - box.top;
  else if (box.bottom > view.bottom) list.scrollTop += box.bottom - view.bottom;
}
