// Assessment details after creation, and the draft / final status: a final
// assessment asks before anything in it changes.
import { screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { openWorkspace, testApp } from '../../testing/app';

const app = testApp({
  client_name: 'Nordwind Logistik GmbH',
  title: 'Readiness 2026',
  scope: 'Service desk',
  assessors: 'Dana Whitfield',
});
const stored = async () => (await app.backend.getWorkspace(app.id)).assessment;

describe('assessment details', () => {
  it('change after creation: client, title, scope, assessors and target', async () => {
    const user = userEvent.setup();
    await openWorkspace(app.backend);
    await user.click(screen.getByRole('button', { name: 'Details…' }));
    const dialog = screen.getByRole('dialog', { name: 'Assessment details' });
    expect(within(dialog).getByLabelText('Scope')).toHaveValue('Service desk');
    await user.clear(within(dialog).getByLabelText('Client'));
    await user.type(within(dialog).getByLabelText('Client'), 'Nordwind Logistik SE');
    await user.clear(within(dialog).getByLabelText('Assessment title'));
    await user.type(within(dialog).getByLabelText('Assessment title'), 'Readiness review 2026');
    await user.type(within(dialog).getByLabelText('Assessors'), ', Jonas Müller');
    await user.selectOptions(within(dialog).getByLabelText('Target maturity'), '4');
    await user.click(within(dialog).getByRole('button', { name: 'Save details' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Readiness review 2026');
    expect(await screen.findByText('Nordwind Logistik SE')).toBeInTheDocument();
    expect(await stored()).toMatchObject({ title: 'Readiness review 2026', assessors: 'Dana Whitfield, Jonas Müller', target_level: 4 });
  });

  it('take the fieldwork dates as typed, and refuse an end before the start at its field', async () => {
    const user = userEvent.setup();
    await openWorkspace(app.backend);
    await user.click(screen.getByRole('button', { name: 'Details…' }));
    const dialog = screen.getByRole('dialog', { name: 'Assessment details' });
    await user.type(within(dialog).getByLabelText(/^From/), '2026-11-18');
    await user.type(within(dialog).getByLabelText(/^To/), '2026-11-16');
    await user.click(within(dialog).getByRole('button', { name: 'Save details' }));
    expect(await within(dialog).findByText('The last day of the fieldwork cannot be before the first.')).toBeInTheDocument();
    expect((await stored()).ends_on).toBeNull();
    const to = within(dialog).getByLabelText(/^To/);
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(to).toHaveFocus();
    await user.clear(to);
    await user.type(to, '2026-11-20');
    await user.click(within(dialog).getByRole('button', { name: 'Save details' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await stored()).toMatchObject({ starts_on: '2026-11-18', ends_on: '2026-11-20' });
  });

  it('shows a refused value at its field and keeps the dialog open', async () => {
    const user = userEvent.setup();
    await openWorkspace(app.backend);
    await user.click(screen.getByRole('button', { name: 'Details…' }));
    const dialog = screen.getByRole('dialog', { name: 'Assessment details' });
    await user.clear(within(dialog).getByLabelText('Assessment title'));
    await user.click(within(dialog).getByRole('button', { name: 'Save details' }));
    expect(await within(dialog).findByText('Assessment title is required.')).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByLabelText('Assessment title')).toHaveFocus());
    expect((await stored()).title).toBe('Readiness 2026');
  });
});

describe('a final assessment', () => {
  it('is marked final in its details and asks before it is changed', async () => {
    const user = userEvent.setup();
    await openWorkspace(app.backend);
    await user.click(screen.getByRole('button', { name: 'Details…' }));
    let dialog = screen.getByRole('dialog', { name: 'Assessment details' });
    await user.click(within(dialog).getByLabelText(/^Final/));
    await user.click(within(dialog).getByRole('button', { name: 'Save details' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect((await stored()).status).toBe('final');
    expect(screen.getByText('Final')).toBeInTheDocument();

    // A level typed in a final assessment: asked first; kept final, nothing is sent.
    await user.keyboard('3');
    dialog = await screen.findByRole('dialog', { name: 'Reopen “Readiness 2026” as a draft?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep it final' }));
    expect(app.backend.edits).toHaveLength(0);
    expect(screen.getByRole('radio', { name: /3 Established/ })).toHaveAttribute('aria-checked', 'false');

    // Typing into a field asks too.
    await user.click(screen.getByLabelText(/^Notes/));
    await user.keyboard('x');
    dialog = await screen.findByRole('dialog', { name: /Reopen/ });
    expect(screen.getByLabelText(/^Notes/)).toHaveValue('');
    await user.click(within(dialog).getByRole('button', { name: 'Keep it final' }));

    // Reopened, the change goes through and the badge says Draft.
    await user.keyboard('{Escape}');
    await user.keyboard('3');
    dialog = await screen.findByRole('dialog', { name: /Reopen/ });
    await user.click(within(dialog).getByRole('button', { name: 'Reopen as draft' }));
    await waitFor(() => expect(app.backend.saves).toHaveLength(1));
    expect(app.backend.saves[0]?.rating).toEqual({ kind: 'level', level: 3 });
    expect((await stored()).status).toBe('draft');
    expect(screen.getByText('Draft')).toBeInTheDocument();
  });

  it('asks before a finding is added to it', async () => {
    const user = userEvent.setup();
    await app.backend.setAssessmentStatus(app.id, 'final');
    await openWorkspace(app.backend);
    await user.keyboard('f');
    const dialog = await screen.findByRole('dialog', { name: /Reopen/ });
    await user.click(within(dialog).getByRole('button', { name: 'Keep it final' }));
    expect(screen.queryByRole('dialog', { name: 'New finding' })).not.toBeInTheDocument();
  });
});
