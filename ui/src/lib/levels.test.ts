import { describe, expect, it } from 'vitest';
import { formatDelta, formatScore } from './levels';

describe('score formatting', () => {
  // The same table as `scores_round_half_up_at_one_decimal_without_binary_noise`
  // in crates/core/src/scoring.rs: the app and the report must agree.
  it('rounds half up at one decimal, without binary noise, like the Rust side', () => {
    const cases: [number, string][] = [
      [2.25, '2.3'],
      [2.75, '2.8'],
      [1.15, '1.2'],
      [2.35, '2.4'],
      [2 + 1 / 3, '2.3'],
      [1.0625, '1.1'],
      [0.04, '0.0'],
      [5, '5.0'],
      [-0.25, '-0.3'],
    ];
    for (const [value, shown] of cases) expect(formatScore(value), String(value)).toBe(shown);
    expect(formatScore(null)).toBe('–');
  });

  it('prints changes with their sign', () => {
    expect(formatDelta(0.5)).toBe('+0.5');
    expect(formatDelta(-1)).toBe('\u22121.0');
    expect(formatDelta(1e-12)).toBe('±0.0');
    expect(formatDelta(null)).toBe('–');
  });
});
