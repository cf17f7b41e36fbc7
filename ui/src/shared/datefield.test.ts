import { screen, within, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { openWorkspace, testApp } from '../testing/app';
import { todayIso } from '../lib/dates';

// jsdom speaks US English: dates are typed month first.
const app = testApp({});

async function newFinding() {
  const user = await openWorkspace(app.backend);
  await user.keyboard('f');
  const dialog = screen.getByRole('dialog', { name: 'New finding' });
  await user.type(within(dialog).getByLabelText('Title'), 'No change calendar');
  return { user, dialog, due: within(dialog).getByLabelText('Due date') };
}

describe('the due date of a finding', () => {
  it('is typed the local way, shown in words, and stored as ISO', async () => {
    const { user, dialog, due } = await newFinding();
    expect(due).toHaveValue('');
    // The due date's hint comes first (a nonconformity's cycle has dates too).
    expect(within(dialog).getAllByText('MM/DD/YYYY or YYYY-MM-DD')[0]).toBeInTheDocument();
    await user.type(due, '03312026');
    expect(within(dialog).getByText('Tuesday, March 31, 2026')).toBeInTheDocument();
    await user.tab();
    expect(due).toHaveValue('03/31/2026');
    await user.click(within(dialog).getByRole('button', { name: /Add finding/ }));
    await waitFor(async () => expect((await app.backend.findingsOf(app.id))[0]?.due_date).toBe('2026-03-31'));
  });

  it('refuses a date that does not exist, with the reason at the field, and saves nothing', async () => {
    const { user, dialog, due } = await newFinding();
    await user.type(due, '2026-02-30');
    await user.click(within(dialog).getByRole('button', { name: /Add finding/ }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('February 2026 has only 28 days.');
    expect(due).toHaveAttribute('aria-invalid', 'true');
    expect(due).toHaveFocus();
    expect(await app.backend.findingsOf(app.id)).toHaveLength(0);
    await user.clear(due);
    await user.type(due, '2026-02-28');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(dialog).getByText('Saturday, February 28, 2026')).toBeInTheDocument();
  });

  it('asks before Esc throws away a date that is not one yet', async () => {
    const { user } = await newFinding();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    await user.keyboard('f');
    const again = within(screen.getByRole('dialog', { name: 'New finding' })).getByLabelText('Due date');
    await user.type(again, '31.13');
    await user.keyboard('{Escape}');
    expect(screen.getByRole('alertdialog', { name: 'Discard this new finding?' })).toBeInTheDocument();
  });

  it('is picked from a calendar with the keyboard', async () => {
    const { user, dialog, due } = await newFinding();
    await user.type(due, '03/31/2026');
    await user.click(within(dialog).getByRole('button', { name: 'Choose the due date from a calendar' }));
    const calendar = screen.getByRole('dialog', { name: 'Due date: choose a day' });
    expect(within(calendar).getByRole('heading', { name: 'March 2026' })).toBeInTheDocument();
    const chosen = within(calendar).getByRole('button', { name: 'Tuesday, March 31, 2026' });
    expect(chosen).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(within(calendar).getByRole('heading', { name: 'April 2026' })).toBeInTheDocument();
    await user.keyboard('{ArrowDown}{PageDown}');
    expect(within(calendar).getByRole('button', { name: 'Friday, May 8, 2026' })).toHaveFocus();
    // Esc closes the calendar only, not the finding dialog.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Due date: choose a day' })).not.toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'New finding' })).toBeInTheDocument();
    expect(due).toHaveValue('03/31/2026');
    await user.click(within(dialog).getByRole('button', { name: 'Choose the due date from a calendar' }));
    await user.keyboard('{ArrowLeft}{Enter}');
    expect(due).toHaveValue('03/30/2026');
    expect(due).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Choose the due date from a calendar' }));
    await user.click(screen.getByRole('button', { name: 'Today' }));
    const [y, m, d] = todayIso().split('-');
    expect(due).toHaveValue(`${m}/${d}/${y}`);
  });
});
