import { screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { newFinding, openWorkspace, renderApp, testApp } from '../testing/app';

const app = testApp({});

/** One of the assessment's views, by its address. */
function openView(view: 'findings' | 'kpis' | 'dashboard') {
  location.hash = `#/assessments/${app.id}/${view}`;
  renderApp(app.backend);
}

describe('findings', () => {
  it('are added from the clause with F and appear in the findings view and the roadmap', async () => {
    const user = await openWorkspace(app.backend);
    await user.keyboard('f');
    const dialog = screen.getByRole('dialog', { name: 'New finding' });
    expect(within(dialog).getByLabelText('Clause')).toHaveValue('4.1');
    await user.click(within(dialog).getByRole('button', { name: /Add finding/ }));
    expect(await within(dialog).findByText('Finding title is required.')).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByLabelText('Title')).toHaveFocus());
    await user.selectOptions(within(dialog).getByLabelText('Kind'), 'major_nonconformity');
    await user.type(within(dialog).getByLabelText('Title'), 'No context analysis for São Paulo');
    await user.type(within(dialog).getByLabelText('Recommendation'), 'Extend the context analysis to all sites.');
    await user.type(within(dialog).getByLabelText('Owner'), 'João Araújo');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect((await app.backend.findingsOf(app.id))[0]).toMatchObject({ kind: 'major_nonconformity', phase: 'before_stage1' });
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
    await app.backend.createFinding(
      app.id,
      newFinding({ clause_id: '9.3', kind: 'minor_nonconformity', title: 'Review inputs incomplete', priority: 'medium' }),
    );
    await app.backend.createFinding(app.id, newFinding({ clause_id: '8.6.1', kind: 'good_practice', title: 'Major incident drills' }));
    openView('findings');
    await screen.findByRole('button', { name: 'Review inputs incomplete' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'good_practice');
    expect(screen.queryByRole('button', { name: 'Review inputs incomplete' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '8.6.1' }));
    expect(await screen.findByRole('heading', { level: 2, name: /8\.6\.1 Incident management/ })).toBeInTheDocument();
  });

  it('can be deleted and the deletion undone', async () => {
    await app.backend.createFinding(app.id, newFinding({ clause_id: '4.1', kind: 'observation', title: 'Context not reviewed since 2024' }));
    const user = await openWorkspace(app.backend);
    await user.click(screen.getByRole('button', { name: /Context not reviewed since 2024/ }));
    await user.click(screen.getByRole('button', { name: 'Delete finding' }));
    await waitFor(async () => expect(await app.backend.findingsOf(app.id)).toHaveLength(0));
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await app.backend.findingsOf(app.id)).toHaveLength(1));
    expect(await screen.findByRole('button', { name: /Context not reviewed since 2024/ })).toBeInTheDocument();
  });
});

describe('dashboard', () => {
  it('shows the readiness verdict with its reasons, and closing the last major changes it', async () => {
    const user = userEvent.setup();
    const major = await app.backend.createFinding(
      app.id,
      newFinding({ clause_id: '9.2', kind: 'major_nonconformity', title: 'No internal audit programme', priority: 'high' }),
    );
    openView('dashboard');
    expect(await screen.findByTestId('verdict')).toHaveTextContent('Not ready');
    expect(screen.getByText('Open major nonconformity at 9.2 Internal audit: No internal audit programme')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Radar of clauses 4 to 10/ })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: /Findings/ }));
    await user.click(await screen.findByRole('button', { name: 'No internal audit programme' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit finding' });
    await user.selectOptions(within(dialog).getByLabelText('Status'), 'closed');
    await user.click(within(dialog).getByRole('button', { name: /Save finding/ }));
    await waitFor(async () => expect((await app.backend.findingsOf(app.id))[0]?.status).toBe('closed'));
    expect(major.id).toBe((await app.backend.findingsOf(app.id))[0]?.id);
    await user.click(screen.getByRole('link', { name: 'Dashboard' }));
    // No open major any more: what is left is that nothing is assessed yet.
    expect(await screen.findByTestId('verdict')).toHaveTextContent('Conditionally ready');
    expect(screen.getByText('57 requirements are not assessed yet')).toBeInTheDocument();
  });
});

describe('KPIs', () => {
  it('are added from a suggestion and show met or not met', async () => {
    const user = userEvent.setup();
    openView('kpis');
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
    expect((await app.backend.kpisOf(app.id))[0]).toMatchObject({ value: 5.5, met: false });
  });
});

describe('KPI dialog', () => {
  it('sends one save when Add is pressed twice before the first returns', async () => {
    const user = userEvent.setup();
    // A save that takes a moment, as on a busy disk: the window for a second press.
    let saves = 0;
    const save = app.backend.createKpi;
    app.backend.createKpi = async (...args) => {
      saves++;
      await new Promise((resolve) => setTimeout(resolve, 100));
      return save(...args);
    };
    openView('kpis');
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
    expect(await app.backend.kpisOf(app.id)).toHaveLength(1);
  });
});
