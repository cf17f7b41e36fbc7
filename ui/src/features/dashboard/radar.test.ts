import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import RadarChart from './RadarChart.svelte';
import type { ClauseBar } from '../../lib/bindings';

const bar = (clause_id: string, current: number | null, target: number | null): ClauseBar => ({
  clause_id,
  title: `Clause ${clause_id}`,
  current,
  target,
  gap: current != null && target != null ? Math.max(0, target - current) : null,
  no_score: current == null ? 'not_assessed' : null,
  weakest: null,
});

describe('radar', () => {
  it('leaves a gap for a clause group with nothing assessed, never a point at 0', () => {
    const bars = [bar('4', 3, 3), bar('5', null, null), bar('6', 2, 3), bar('7', 1, 3)];
    const { container } = render(RadarChart, { bars });
    expect(screen.getByRole('img', { name: /Radar of clauses 4 to 10/ })).toBeInTheDocument();
    // A point for each scored clause only.
    expect(container.querySelectorAll('circle.current-dot')).toHaveLength(3);
    // The line joins 6 and 7, and 7 and 4, but nothing touches clause 5.
    const line = container.querySelector('path.current')!.getAttribute('d')!;
    expect(line.match(/M/g)).toHaveLength(2);
    expect(line).not.toContain(`${(180).toFixed(1)},${(180).toFixed(1)}`);
    expect(container.querySelector('.spoke.no-score')).not.toBeNull();
    expect(container.querySelector('.no-score-label')).toHaveTextContent('not assessed');
    expect(container.querySelector('.legend')).toHaveTextContent('Dashed spoke, no point: not assessed');
  });

  it('names the lowest requirement under a clause whose mean hides it', () => {
    const bars = [bar('4', 3, 3), { ...bar('9', 2.7, 3), weakest: { clause_id: '9.2', level: 0, below_mean: true } }];
    const { container } = render(RadarChart, { bars });
    expect(container.querySelector('.weakest-label')).toHaveTextContent('lowest 9.2: 0');
    expect(container.querySelector('.legend')).toHaveTextContent("Lowest: the requirement below the clause's mean");
  });

  it('draws the full outline when every clause is scored', () => {
    const bars = ['4', '5', '6'].map((id) => bar(id, 2, 3));
    const { container } = render(RadarChart, { bars });
    expect(container.querySelector('path.current')!.getAttribute('d')!.match(/M/g)).toHaveLength(3);
    expect(container.querySelector('.no-score-label')).toBeNull();
    expect(container.querySelector('.legend')).not.toHaveTextContent('no point');
  });
});
