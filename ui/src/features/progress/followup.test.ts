import { screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, beforeEach } from 'vitest';
import { newFinding, renderApp, testApp } from '../../testing/app';

const app = testApp({ client_name: 'Nordwind Logistik GmbH', title: 'Readiness 2026' });
let baseline: string;

/** Scores a requirement and notes it was seen, as the workspace does. */
async function level(id: string, clauseId: string, level: number) {
  await app.backend.editResponse(id, clauseId, { field: 'rating', value: { kind: 'level', level } });
  await app.backend.editResponse(id, clauseId, { field: 'notes', value: 'Seen in the workshop' });
}

beforeEach(async () => {
  baseline = app.id;
  location.hash = '#/';
  await level(baseline, '4.1', 2);
  await level(baseline, '9.2', 1);
  await level(baseline, '9.3', 3);
  await app.backend.createFinding(
    baseline,
    newFinding({ clause_id: '9.2', kind: 'major_nonconformity', title: 'No audit programme', priority: 'high' }),
  );
});

describe('follow-up assessments', () => {
  it('start from the list with a title and a choice of levels, and open in the workspace', async () => {
    const user = userEvent.setup();
    renderApp(app.backend);
    await user.click(await screen.findByRole('button', { name: 'Start a follow-up of Readiness 2026' }));
    const dialog = screen.getByRole('dialog', { name: 'Start a follow-up assessment' });
    const title = within(dialog).getByLabelText('Title of the follow-up');
    expect(title).toHaveValue('Follow-up: Readiness 2026');
    expect(within(dialog).getByLabelText(/Start from the baseline’s levels/)).toBeChecked();

    await user.clear(title);
    await user.click(within(dialog).getByRole('button', { name: 'Start follow-up' }));
    expect(await within(dialog).findByText('Assessment title is required.')).toBeInTheDocument();
    expect(await app.backend.assessments()).toHaveLength(1);

    await user.type(title, 'Année 2 — 第二年');
    await user.click(within(dialog).getByLabelText(/Start with every requirement unassessed/));
    await user.click(within(dialog).getByRole('button', { name: 'Start follow-up' }));
    await screen.findByRole('heading', { level: 1, name: 'Année 2 — 第二年' });
    const follow = (await app.backend.assessments()).find((a) => a.baseline_id === baseline)!;
    expect(location.hash).toBe(`#/assessments/${follow.id}`);
    expect((await app.backend.responsesOf(follow.id)).every((r) => r.rating.kind === 'not_assessed')).toBe(true);
    expect((await app.backend.findingsOf(follow.id)).map((f) => f.title)).toEqual(['No audit programme']);
    expect(screen.getByRole('link', { name: 'Progress' })).toBeInTheDocument();

    // Back in the list, the follow-up names its baseline.
    location.hash = '#/';
    const row = (await screen.findByRole('link', { name: 'Année 2 — 第二年' })).closest('tr')!;
    expect(within(row).getByText('Follow-up of “Readiness 2026”')).toBeInTheDocument();
  });

  it('count carried-over levels apart until each is confirmed', async () => {
    const user = userEvent.setup();
    const follow = await app.backend.startFollowUp(baseline, { title: 'Follow-up 2027', copy_levels: true });
    location.hash = `#/assessments/${follow.id}`;
    renderApp(app.backend);
    await screen.findByRole('heading', { level: 2, name: /4\.1 / });
    const progress = screen.getByLabelText('Progress');
    expect(progress).toHaveTextContent('3 / 57');
    expect(progress).toHaveTextContent('3 carried over, not yet confirmed');
    const tree = screen.getByRole('complementary', { name: 'Clauses' });
    expect(within(tree).getByRole('button', { name: /^4\.1 .*carried over, not yet confirmed/ })).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('Level 2 was carried over from the baseline and is not confirmed yet.');

    // A note is no confirmation; the same level again is.
    await user.click(screen.getByLabelText(/^Notes/));
    await user.paste('Context reviewed again.');
    await user.keyboard('{Escape}');
    expect(screen.getByLabelText('Progress')).toHaveTextContent('3 carried over');
    await user.click(screen.getByRole('button', { name: 'Confirm level 2' }));
    await waitFor(() => expect(screen.getByLabelText('Progress')).toHaveTextContent('2 carried over, not yet confirmed'));
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
    expect(within(tree).getByRole('button', { name: /^4\.1 / })).not.toHaveAccessibleName(/carried over/);

    // The filter shows only what is left to confirm.
    await user.click(within(tree).getByLabelText('Not yet confirmed'));
    const shown = within(tree)
      .getAllByRole('button', { name: /^\d+(\.\d+)+ / })
      .map((b) => b.id.replace('tree-', ''));
    expect(shown).toEqual(['9.2', '9.3']);
  });

  it('show per clause baseline against now, filtered by trend', async () => {
    const user = userEvent.setup();
    const follow = await app.backend.startFollowUp(baseline, { title: 'Follow-up 2027', copy_levels: true });
    expect((await app.backend.response(follow.id, '4.1'))?.notes).toBe('');
    await level(follow.id, '9.2', 3);
    await level(follow.id, '4.1', 1);
    location.hash = `#/assessments/${follow.id}/progress`;
    renderApp(app.backend);

    const view = (await screen.findByRole('heading', { name: 'Progress since baseline' })).closest('section')!;
    expect(within(view).getByText('Readiness 2026')).toBeInTheDocument();
    const audit = within(view).getByRole('button', { name: '9.2' }).closest('tr')!;
    expect(within(audit).getByText('1')).toBeInTheDocument();
    expect(within(audit).getByText('+2.0')).toBeInTheDocument();
    expect(within(audit).getByText('Improved')).toBeInTheDocument();
    const context = within(view).getByRole('button', { name: '4.1' }).closest('tr')!;
    expect(within(context).getByText('−1.0')).toBeInTheDocument();
    expect(within(context).getByText('Regressed')).toBeInTheDocument();

    await user.click(within(view).getByRole('button', { name: /^Regressed/ }));
    expect(within(view).queryByRole('button', { name: '9.2' })).not.toBeInTheDocument();
    expect(within(view).getByRole('button', { name: '4.1' })).toBeInTheDocument();
    await user.click(within(view).getByRole('button', { name: /^Unchanged/ }));
    expect(within(view).getByRole('button', { name: '9.3' })).toBeInTheDocument();

    // Clause groups on request; a clause jumps to the workspace.
    await user.selectOptions(within(view).getByLabelText('Show'), 'all');
    await user.click(within(view).getByRole('button', { name: /^All/ }));
    expect(within(view).getByRole('button', { name: '9' })).toBeInTheDocument();
    await user.click(within(view).getByRole('button', { name: '9.2' }));
    expect(await screen.findByRole('heading', { level: 2, name: /9\.2 Internal audit/ })).toBeInTheDocument();
  });

  it('show progress since baseline on the dashboard; a baseline has no progress tab', async () => {
    const follow = await app.backend.startFollowUp(baseline, { title: 'Follow-up 2027', copy_levels: true });
    await level(follow.id, '9.2', 3);
    location.hash = `#/assessments/${follow.id}/dashboard`;
    const { unmount } = renderApp(app.backend);
    const card = (await screen.findByRole('heading', { name: 'Progress since baseline' })).closest('section')!;
    // 9.2 went from 1 to 3: one requirement improved; clause 9 from 2.0 to
    // 3.0 and 4 stayed at 2.0, so overall 2.0 → 2.5.
    expect(within(card).getByTestId('progress-improved')).toHaveTextContent('1 improved');
    expect(within(card).getByTestId('progress-since')).toHaveTextContent('2.0 → 2.5');
    expect(within(card).getByTestId('progress-since')).toHaveTextContent('+0.5');
    expect(within(card).getByRole('link', { name: /Compare clause by clause/ })).toHaveAttribute(
      'href',
      `#/assessments/${follow.id}/progress`,
    );
    unmount();

    location.hash = `#/assessments/${baseline}/dashboard`;
    renderApp(app.backend);
    await screen.findByRole('heading', { level: 1, name: 'Readiness 2026' });
    await screen.findByTestId('verdict-certification');
    expect(screen.queryByRole('link', { name: 'Progress' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Progress since baseline' })).not.toBeInTheDocument();
    // Nor does its report dialog offer the section.
    localStorage.clear();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export report' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).queryByLabelText('Progress since baseline')).not.toBeInTheDocument();
    expect(within(dialog).getByText('(15 of 15)')).toBeInTheDocument();
  });

  it('offer the progress section in the report of a follow-up only', async () => {
    const user = userEvent.setup();
    localStorage.clear();
    const follow = await app.backend.startFollowUp(baseline, { title: 'Follow-up 2027', copy_levels: true });
    location.hash = `#/assessments/${follow.id}`;
    renderApp(app.backend);
    await screen.findByRole('heading', { level: 1, name: 'Follow-up 2027' });
    await user.click(screen.getByRole('button', { name: 'Export report' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByLabelText('Progress since baseline')).toBeChecked();
    expect(within(dialog).getByText('(16 of 16)')).toBeInTheDocument();
    await user.click(within(dialog).getByLabelText('Progress since baseline'));
    await user.click(within(dialog).getByRole('button', { name: 'Export PDF…' }));
    await waitFor(() => expect(app.backend.exports).toHaveLength(1));
    expect(app.backend.exports[0]!.options.excluded).toEqual(['progress']);
  });

  it('offer their progress as a CSV table', async () => {
    const user = userEvent.setup();
    const follow = await app.backend.startFollowUp(baseline, { title: 'Follow-up 2027', copy_levels: true });
    location.hash = `#/assessments/${follow.id}`;
    renderApp(app.backend);
    await screen.findByRole('heading', { level: 1, name: 'Follow-up 2027' });
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    const dialog = screen.getByRole('dialog', { name: 'Export the assessment' });
    await user.click(within(dialog).getByLabelText(/Progress since baseline \(\.csv\)/));
    await user.click(within(dialog).getByRole('button', { name: 'Export…' }));
    await waitFor(() => expect(app.backend.exported).toEqual([{ id: follow.id, format: 'csv_progress', delimiter: 'comma' }]));
  });

  it('are named when their baseline is about to be deleted', async () => {
    const user = userEvent.setup();
    await app.backend.startFollowUp(baseline, { title: 'Follow-up 2027', copy_levels: true });
    renderApp(app.backend);
    await user.click(await screen.findByRole('button', { name: 'Delete Readiness 2026' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete assessment?' });
    expect(dialog).toHaveTextContent(
      '“Follow-up 2027” is a follow-up of this assessment. It will be kept, but can no longer show the progress since this one.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    await user.click(screen.getByRole('button', { name: 'Delete Follow-up 2027' }));
    expect(screen.getByRole('dialog', { name: 'Delete assessment?' })).not.toHaveTextContent('follow-up of this');
  });

  it('compare groups and the overall figure like for like while requirements are scored on one side only', async () => {
    const follow = await app.backend.startFollowUp(baseline, { title: 'Fresh look', copy_levels: false });
    await level(follow.id, '9.2', 2);
    location.hash = `#/assessments/${follow.id}/progress`;
    renderApp(app.backend);
    // Only 9.2 is scored in both (1 then, 2 now); 4.1 and 9.3 are left out
    // of both sides.
    const tile = (await screen.findByTestId('progress-overall')).closest('.tile')!;
    expect(screen.getByTestId('progress-overall')).toHaveTextContent('1.0 → 2.0');
    expect(tile).toHaveTextContent('+1.0 on the 1 requirement scored in both');
    expect(screen.getByTestId('like-for-like')).toHaveTextContent('2 requirements are scored in one assessment only');
    const view = screen.getByRole('heading', { name: 'Progress since baseline' }).closest('section')!;
    const audit = within(view).getByRole('button', { name: '9.2' }).closest('tr')!;
    expect(within(audit).getByText('Improved')).toBeInTheDocument();
    const context = within(view).getByRole('button', { name: '4.1' }).closest('tr')!;
    expect(within(context).getByText('Not comparable')).toBeInTheDocument();
  });

  it('say so when the baseline is gone', async () => {
    const follow = await app.backend.startFollowUp(baseline, { title: 'Follow-up 2027', copy_levels: true });
    await app.backend.deleteAssessment(baseline);
    location.hash = `#/assessments/${follow.id}/progress`;
    renderApp(app.backend);
    expect(await screen.findByRole('heading', { name: 'No baseline to compare with' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('link', { name: 'Clauses' })).toBeInTheDocument());
    expect(screen.queryByRole('link', { name: 'Progress' })).not.toBeInTheDocument();
    expect((await app.backend.assessments()).map((a) => a.title)).toEqual(['Follow-up 2027']);
  });
});
