import type { Rating } from './bindings';

/**
 * A score rounded to one decimal exactly as the Rust side rounds it
 * (`round_score` in crates/core/src/scoring.rs): to the nearest thousandth,
 * then half up, so 2.25 reads 2.3 and 1.15 reads 1.2 in the app and the report.
 */
export function roundScore(value: number): number {
  const thousandths = Math.round(Math.abs(value) * 1000);
  const rounded = Math.floor((thousandths + 50) / 100) / 10;
  return value < 0 ? -rounded : rounded;
}

/** One decimal, as everywhere in Clausewise (the report uses the same). */
export function formatScore(value: number | null | undefined): string {
  return value == null ? '–' : roundScore(value).toFixed(1);
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
  return delta > 0 ? `+${formatScore(delta)}` : `\u2212${formatScore(-delta)}`;
}
