import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import App from '../App.svelte';
import { MockBackend } from '../lib/mockBackend';
import { backendContext } from '../lib/context';
import type { Assessment } from '../lib/bindings';

let backend: MockBackend;

beforeEach(() => {
  backend = new MockBackend();
  sessionStorage.clear();
  localStorage.clear();
  location.hash = '#/';
});

afterEach(() => {
  location.hash = '';
});

function assessment(title: string): Assessment {
  return {
    id: crypto.randomUUID(),
    client_id: crypto.randomUUID(),
    title,
    scope: '',
    assessors: '',
    target_level: 3,
    starts_on: null,
    ends_on: null,
    status: 'draft',
    catalogue_id: 'iso-iec-20000-1',
    catalogue_version: '2018',
    created_at: new Date().toISOString(),
    updated_at: new Date().toISOString(),
  };
}

describe('importing an assessment file', () => {
  it('adds the assessment and says so', async () => {
    const user = userEvent.setup();
    render(App, { context: backendContext(backend) });
    backend.importAnswers = [{ assessment: assessment('Archived review'), conflict: null, notice: null, path: '/f.clausewise' }];
    await user.click(await screen.findByRole('button', { name: 'Import…' }));
    expect(await screen.findByText('Imported “Archived review”.')).toBeInTheDocument();
    expect(backend.imports).toEqual([{ path: null, onConflict: null }]);
  });

  it('explains when a follow-up comes without its baseline', async () => {
    const user = userEvent.setup();
    render(App, { context: backendContext(backend) });
    const notice = 'It is a follow-up, but its baseline is not in this database, so it was imported without one.';
    backend.importAnswers = [{ assessment: assessment('Review 2027'), conflict: null, notice, path: '/f.clausewise' }];
    await user.click(await screen.findByRole('button', { name: 'Import…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Imported without its baseline' });
    expect(within(dialog).getByText('“Review 2027” was imported.')).toBeInTheDocument();
    expect(within(dialog).getByRole('status')).toHaveTextContent(notice);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Review 2027')).toBeInTheDocument();
  });

  it('asks replace or keep both when the assessment is already here, and passes the choice on', async () => {
    const user = userEvent.setup();
    render(App, { context: backendContext(backend) });
    backend.importAnswers = [
      { assessment: null, conflict: 'The assessment “Readiness” is already in this database.', notice: null, path: '/f.clausewise' },
      { assessment: assessment('Readiness'), conflict: null, notice: null, path: '/f.clausewise' },
    ];
    await user.click(await screen.findByRole('button', { name: 'Import…' }));
    const dialog = await screen.findByRole('dialog', { name: 'This assessment is already here' });
    expect(within(dialog).getByText(/already in this database/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Keep both' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(backend.imports[1]).toEqual({ path: '/f.clausewise', onConflict: 'keep_both' });
    expect(await screen.findByText('Imported “Readiness”.')).toBeInTheDocument();
  });

  it('shows what is wrong with a bad file and that nothing changed', async () => {
    const user = userEvent.setup();
    render(App, { context: backendContext(backend) });
    backend.importAnswers = [
      { code: 'validation', message: 'x.clausewise cannot be imported. findings[2] ("Audit"): Finding title is required.', field: null },
    ];
    await user.click(await screen.findByRole('button', { name: 'Import…' }));
    const dialog = await screen.findByRole('dialog', { name: 'The file cannot be imported' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent('findings[2] ("Audit")');
    expect(within(dialog).getByText('Nothing was changed.')).toBeInTheDocument();
  });
});

describe('exporting an assessment', () => {
  it('offers the formats and shows where the file went', async () => {
    const user = userEvent.setup();
    const a = await backend.createAssessment({ client_name: 'Acme', title: 'Readiness', scope: '', assessors: '', target_level: 3, starts_on: null, ends_on: null });
    location.hash = `#/assessments/${a.id}`;
    render(App, { context: backendContext(backend) });
    await screen.findByRole('heading', { level: 2, name: /4\.1 Understanding/ });
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    const dialog = screen.getByRole('dialog', { name: 'Export the assessment' });
    await user.click(within(dialog).getByLabelText(/Excel workbook/));
    await user.click(within(dialog).getByRole('button', { name: 'Export…' }));
    expect(await within(dialog).findByTestId('exported-path')).toHaveTextContent('/home/consultant/export.xlsx');
    expect(backend.exported).toEqual([{ id: a.id, format: 'xlsx' }]);
  });

  it('asks for the CSV separator and remembers it', async () => {
    const user = userEvent.setup();
    localStorage.removeItem('clausewise.csv-delimiter');
    const a = await backend.createAssessment({ client_name: 'Acme', title: 'Readiness', scope: '', assessors: '', target_level: 3, starts_on: null, ends_on: null });
    location.hash = `#/assessments/${a.id}`;
    render(App, { context: backendContext(backend) });
    await screen.findByRole('heading', { level: 2, name: /4\.1 Understanding/ });
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    let dialog = screen.getByRole('dialog', { name: 'Export the assessment' });
    expect(within(dialog).queryByRole('group', { name: 'Separator' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByLabelText(/Clause results \(\.csv\)/));
    const separator = within(dialog).getByRole('group', { name: 'Separator' });
    expect(within(separator).getByLabelText('Comma')).toBeChecked();
    await user.click(within(separator).getByLabelText(/Semicolon/));
    await user.click(within(dialog).getByRole('button', { name: 'Export…' }));
    await within(dialog).findByTestId('exported-path');
    expect(backend.exported).toEqual([{ id: a.id, format: 'csv_clauses', delimiter: 'semicolon' }]);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    await user.click(screen.getByRole('button', { name: 'Export…' }));
    dialog = screen.getByRole('dialog', { name: 'Export the assessment' });
    await user.click(within(dialog).getByLabelText(/Findings and roadmap \(\.csv\)/));
    expect(within(within(dialog).getByRole('group', { name: 'Separator' })).getByLabelText(/Semicolon/)).toBeChecked();
  });
});
