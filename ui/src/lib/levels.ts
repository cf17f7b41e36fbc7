import type { Rating } from './bindings';

/** One decimal, as everywhere in Clausewise (the report uses the same). */
export function formatScore(value: number | null | undefined): string {
  return value == null ? '–' : value.toFixed(1);
}

/** Short label of a rating for chips: the level, "N/A" or a dash. */
export function ratingLabel(rating: Rating): string {
  switch (rating.kind) {
    case 'level':
      return String(rating.level);
    case 'not_applicable':
      return 'N/A';
    default:
      return '–';
  }
}

/** CSS class for a level colour (lv-0 … lv-5), also for rolled-up scores. */
export function levelClass(value: number | null | undefined): string {
  if (value == null) return 'lv-none';
  return `lv-${Math.min(5, Math.max(0, Math.floor(value + 1e-9)))}`;
}

/** A change in score as the report prints it: "+0.5", "−1.0", "±0.0". */
export function formatDelta(delta: number | null | undefined): string {
  if (delta == null) return '–';
  if (Math.abs(delta) < 1e-9) return '±0.0';
  return delta > 0 ? `+${delta.toFixed(1)}` : `\u2212${(-delta).toFixed(1)}`;
}
