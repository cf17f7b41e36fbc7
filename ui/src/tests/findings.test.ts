import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import App from '../App.svelte';
import { MockBackend } from '../lib/mockBackend';
import { backendContext } from '../lib/context';

let backend: MockBackend;
let id: string;

beforeEach(async () => {
  backend = new MockBackend();
  sessionStorage.clear();
  localStorage.clear();
  id = (
    await backend.createAssessment({ client_name: 'Acme', title: 'Readiness', scope: '', assessors: '', target_level: 3, starts_on: null, ends_on: null })
  ).id;
  location.hash = `#/assessments/${id}`;
});

afterEach(() => {
  location.hash = '';
});

async function open() {
  render(App, { context: backendContext(backend) });
  await screen.findByRole('heading', { level: 2, name: /4\.1 Understanding/ });
}

describe('findings', () => {
  it('are added from the clause with F and appear in the findings view and the roadmap', async () => {
    const user = userEvent.setup();
    await open();
    await user.keyboard('f');
    const dialog = screen.getByRole('dialog', { name: 'New finding' });
    expect(within(dialog).getByLabelText('Clause')).toHaveValue('4.1');
    await user.click(within(dialog).getByRole('button', { name: /Add finding/ }));
    expect(within(dialog).getByText('Finding title is required.')).toBeInTheDocument();
    await user.selectOptions(within(dialog).getByLabelText('Kind'), 'major_nonconformity');
    await user.type(within(dialog).getByLabelText('Title'), 'No context analysis for São Paulo');
    await user.type(within(dialog).getByLabelText('Recommendation'), 'Extend the context analysis to all sites.');
    await user.type(within(dialog).getByLabelText('Owner'), 'João Araújo');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(backend.findings.get(id)?.[0]).toMatchObject({ kind: 'major_nonconformity', phase: 'before_stage1' });
    const panelFindings = screen.getByRole('heading', { name: 'Findings (1)' }).closest('section')!;
    expect(within(panelFindings).getByText('No context analysis for São Paulo')).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: /Findings/ }));
    const row = (await screen.findByRole('button', { name: 'No context analysis for São Paulo' })).closest('tr')!;
    expect(within(row).getByText('Major NC')).toBeInTheDocument();
    expect(within(row).getByText('João Araújo')).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Roadmap' }));
    const stage1 = (await screen.findByRole('heading', { name: /Before the stage 1 audit/ })).closest('section')!;
    expect(within(stage1).getByText('Extend the context analysis to all sites.')).toBeInTheDocument();
  });

  it('are filtered by kind and jump to their clause', async () => {
    const user = userEvent.setup();
    const base = { observation: '', evidence: '', recommendation: '', owner: '', due_date: null, status: 'open' as const, phase: null };
    await backend.createFinding(id, { ...base, clause_id: '9.3', kind: 'minor_nonconformity', title: 'Review inputs incomplete', priority: 'medium' });
    await backend.createFinding(id, { ...base, clause_id: '8.6.1', kind: 'good_practice', title: 'Major incident drills', priority: 'low' });
    location.hash = `#/assessments/${id}/findings`;
    render(App, { context: backendContext(backend) });
    await screen.findByRole('button', { name: 'Review inputs incomplete' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'good_practice');
    expect(screen.queryByRole('button', { name: 'Review inputs incomplete' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '8.6.1' }));
    expect(await screen.findByRole('heading', { level: 2, name: /8\.6\.1 Incident management/ })).toBeInTheDocument();
  });

  it('can be deleted and the deletion undone', async () => {
    const user = userEvent.setup();
    await backend.createFinding(id, {
      clause_id: '4.1', kind: 'observation', title: 'Context not reviewed since 2024', observation: '', evidence: '',
      recommendation: '', priority: 'low', owner: '', due_date: null, status: 'open', phase: null,
    });
    await open();
    await user.click(screen.getByRole('button', { name: /Context not reviewed since 2024/ }));
    await user.click(screen.getByRole('button', { name: 'Delete finding' }));
    expect(backend.findings.get(id)).toHaveLength(0);
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(backend.findings.get(id)).toHaveLength(1));
    expect(await screen.findByRole('button', { name: /Context not reviewed since 2024/ })).toBeInTheDocument();
  });
});

describe('dashboard', () => {
  it('shows the readiness verdict with its reasons, and closing the last major changes it', async () => {
    const user = userEvent.setup();
    const major = await backend.createFinding(id, {
      clause_id: '9.2', kind: 'major_nonconformity', title: 'No internal audit programme', observation: '', evidence: '',
      recommendation: '', priority: 'high', owner: '', due_date: null, status: 'open', phase: null,
    });
    location.hash = `#/assessments/${id}/dashboard`;
    render(App, { context: backendContext(backend) });
    expect(await screen.findByTestId('verdict')).toHaveTextContent('Not ready');
    expect(screen.getByText(/Open major nonconformity at 9\.2: No internal audit programme/)).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Radar of clauses 4 to 10/ })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: /Findings/ }));
    await user.click(await screen.findByRole('button', { name: 'No internal audit programme' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit finding' });
    await user.selectOptions(within(dialog).getByLabelText('Status'), 'closed');
    await user.click(within(dialog).getByRole('button', { name: /Save finding/ }));
    await waitFor(() => expect(backend.findings.get(id)?.[0]?.status).toBe('closed'));
    expect(major.id).toBe(backend.findings.get(id)?.[0]?.id);
    await user.click(screen.getByRole('link', { name: 'Dashboard' }));
    expect(await screen.findByTestId('verdict')).toHaveTextContent('Ready');
  });
});

describe('KPIs', () => {
  it('are added from a suggestion and show met or not met', async () => {
    const user = userEvent.setup();
    location.hash = `#/assessments/${id}/kpis`;
    render(App, { context: backendContext(backend) });
    await screen.findByRole('heading', { name: 'No KPIs yet' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'KPI to add' }), 'Mean time to restore service');
    await user.click(screen.getByRole('button', { name: 'Add KPI' }));
    const dialog = screen.getByRole('dialog', { name: 'New KPI' });
    expect(within(dialog).getByLabelText('Name')).toHaveValue('Mean time to restore service');
    expect(within(dialog).getByLabelText('Target')).toHaveValue('4');
    await user.type(within(dialog).getByLabelText('Current value'), '5,5');
    await user.click(within(dialog).getByRole('button', { name: 'Add KPI' }));
    const row = (await screen.findByRole('button', { name: 'Mean time to restore service' })).closest('tr')!;
    expect(within(row).getByText('Not met')).toBeInTheDocument();
    expect(within(row).getByText('5.5 hours')).toBeInTheDocument();
    expect(backend.kpis.get(id)?.[0]?.value).toBe(5.5);
  });
});

describe('KPI dialog', () => {
  it('sends one save when Add is pressed twice before the first returns', async () => {
    const user = userEvent.setup();
    // A save that takes a moment, as on a busy disk: the window for a second press.
    let saves = 0;
    const save = backend.createKpi.bind(backend);
    backend.createKpi = async (...args) => {
      saves++;
      await new Promise((resolve) => setTimeout(resolve, 100));
      return save(...args);
    };
    location.hash = `#/assessments/${id}/kpis`;
    render(App, { context: backendContext(backend) });
    await screen.findByRole('heading', { name: 'No KPIs yet' });
    await user.click(screen.getByRole('button', { name: 'Add KPI' }));
    const dialog = screen.getByRole('dialog', { name: 'New KPI' });
    await user.type(within(dialog).getByLabelText('Name'), 'Change success rate');
    const form = dialog.querySelector('form')!;
    form.requestSubmit();
    form.requestSubmit();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // Let any second save finish before counting.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(saves).toBe(1);
    expect(backend.kpis.get(id)).toHaveLength(1);
  });
});
