import type { Direction, FindingKind, FindingStatus, NoScore, Phase, Priority, Trend, Verdict } from './bindings';

export const KIND_LABEL: Record<FindingKind, string> = {
  major_nonconformity: 'Major nonconformity',
  minor_nonconformity: 'Minor nonconformity',
  observation: 'Observation',
  opportunity_for_improvement: 'Opportunity for improvement',
  good_practice: 'Good practice',
};

export const KIND_SHORT: Record<FindingKind, string> = {
  major_nonconformity: 'Major NC',
  minor_nonconformity: 'Minor NC',
  observation: 'Observation',
  opportunity_for_improvement: 'OFI',
  good_practice: 'Good practice',
};

export const KINDS = Object.keys(KIND_LABEL) as FindingKind[];

/** Why a clause has no score (as the report prints it). */
export const NO_SCORE_LABEL: Record<NoScore, string> = {
  not_assessed: 'not assessed',
  not_applicable: 'not applicable',
};

export const PRIORITY_LABEL: Record<Priority, string> = { high: 'High', medium: 'Medium', low: 'Low' };
export const PRIORITIES = Object.keys(PRIORITY_LABEL) as Priority[];

export const STATUS_LABEL: Record<FindingStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  closed: 'Closed',
};
export const STATUSES = Object.keys(STATUS_LABEL) as FindingStatus[];

export const PHASE_LABEL: Record<Phase, string> = {
  before_stage1: 'Before the stage 1 audit',
  before_stage2: 'Before the stage 2 audit',
  after_certification: 'After certification',
};
export const PHASES = Object.keys(PHASE_LABEL) as Phase[];

export const VERDICT_LABEL: Record<Verdict, string> = {
  not_ready: 'Not ready',
  conditionally_ready: 'Conditionally ready',
  ready: 'Ready',
};

export const DIRECTION_LABEL: Record<Direction, string> = {
  higher_is_better: 'Higher is better',
  lower_is_better: 'Lower is better',
};

const PRIORITY_RANK: Record<Priority, number> = { high: 0, medium: 1, low: 2 };
export const priorityRank = (p: Priority) => PRIORITY_RANK[p];

export function formatDate(iso: string | null): string {
  if (!iso) return '–';
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

export const TREND_LABEL: Record<Trend, string> = {
  improved: 'Improved',
  regressed: 'Regressed',
  unchanged: 'Unchanged',
  not_comparable: 'Not comparable',
};
export const TRENDS = Object.keys(TREND_LABEL) as Trend[];
