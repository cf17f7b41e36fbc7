// Assessment details after creation, and the draft / final status: a final
// assessment asks before anything in it changes.
import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import App from '../App.svelte';
import { MockBackend } from '../lib/mockBackend';
import { backendContext } from '../lib/context';

let backend: MockBackend;
let assessmentId: string;

beforeEach(async () => {
  backend = new MockBackend();
  sessionStorage.clear();
  localStorage.clear();
  const a = await backend.createAssessment({
    client_name: 'Nordwind Logistik GmbH',
    title: 'Readiness 2026',
    scope: 'Service desk',
    assessors: 'Dana Whitfield',
    target_level: 3,
    starts_on: null,
    ends_on: null,
  });
  assessmentId = a.id;
  location.hash = `#/assessments/${a.id}`;
});

afterEach(() => {
  location.hash = '';
});

async function openWorkspace() {
  render(App, { context: backendContext(backend) });
  await screen.findByRole('heading', { level: 2, name: /4\.1 / });
}

describe('assessment details', () => {
  it('change after creation: client, title, scope, assessors and target', async () => {
    const user = userEvent.setup();
    await openWorkspace();
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
    expect(screen.getByText('Nordwind Logistik SE')).toBeInTheDocument();
    const stored = backend.assessments.find((a) => a.id === assessmentId)!;
    expect(stored).toMatchObject({ title: 'Readiness review 2026', assessors: 'Dana Whitfield, Jonas Müller', target_level: 4 });
  });

  it('take the fieldwork dates as typed, and refuse an end before the start at its field', async () => {
    const user = userEvent.setup();
    await openWorkspace();
    await user.click(screen.getByRole('button', { name: 'Details…' }));
    const dialog = screen.getByRole('dialog', { name: 'Assessment details' });
    await user.type(within(dialog).getByLabelText(/^From/), '2026-11-18');
    await user.type(within(dialog).getByLabelText(/^To/), '2026-11-16');
    await user.click(within(dialog).getByRole('button', { name: 'Save details' }));
    expect(await within(dialog).findByText('The last day of the fieldwork cannot be before the first.')).toBeInTheDocument();
    expect(backend.assessments[0]?.ends_on ?? null).toBeNull();
    const to = within(dialog).getByLabelText(/^To/);
    await user.clear(to);
    await user.type(to, '2026-11-20');
    await user.click(within(dialog).getByRole('button', { name: 'Save details' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(backend.assessments[0]).toMatchObject({ starts_on: '2026-11-18', ends_on: '2026-11-20' });
  });

  it('shows a refused value at its field and keeps the dialog open', async () => {
    const user = userEvent.setup();
    await openWorkspace();
    await user.click(screen.getByRole('button', { name: 'Details…' }));
    const dialog = screen.getByRole('dialog', { name: 'Assessment details' });
    await user.clear(within(dialog).getByLabelText('Assessment title'));
    await user.click(within(dialog).getByRole('button', { name: 'Save details' }));
    expect(within(dialog).getByText('Assessment title is required.')).toBeInTheDocument();
    expect(backend.assessments[0]?.title).toBe('Readiness 2026');
  });
});

describe('a final assessment', () => {
  it('is marked final in its details and asks before it is changed', async () => {
    const user = userEvent.setup();
    await openWorkspace();
    await user.click(screen.getByRole('button', { name: 'Details…' }));
    let dialog = screen.getByRole('dialog', { name: 'Assessment details' });
    await user.click(within(dialog).getByLabelText(/^Final/));
    await user.click(within(dialog).getByRole('button', { name: 'Save details' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(backend.assessments[0]?.status).toBe('final');
    expect(screen.getByText('Final')).toBeInTheDocument();

    // A level typed in a final assessment: asked first; kept final, nothing is sent.
    await user.keyboard('3');
    dialog = await screen.findByRole('dialog', { name: 'Reopen “Readiness 2026” as a draft?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep it final' }));
    expect(backend.edits).toHaveLength(0);
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
    await waitFor(() => expect(backend.saves).toHaveLength(1));
    expect(backend.saves[0]?.rating).toEqual({ kind: 'level', level: 3 });
    expect(backend.assessments[0]?.status).toBe('draft');
    expect(screen.getByText('Draft')).toBeInTheDocument();
  });

  it('asks before a finding is added to it', async () => {
    const user = userEvent.setup();
    await backend.setAssessmentStatus(assessmentId, 'final');
    await openWorkspace();
    await user.keyboard('f');
    const dialog = await screen.findByRole('dialog', { name: /Reopen/ });
    await user.click(within(dialog).getByRole('button', { name: 'Keep it final' }));
    expect(screen.queryByRole('dialog', { name: 'New finding' })).not.toBeInTheDocument();
  });
});
