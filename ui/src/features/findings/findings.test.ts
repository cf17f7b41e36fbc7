import { screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { newFinding, openView, openWorkspace, testApp } from '../../testing/app';

const app = testApp({});

describe('findings', () => {
  it('keep a nonconformity open until its corrective action is verified, and show where it stands', async () => {
    const user = userEvent.setup();
    await app.backend.createFinding(
      app.id,
      newFinding({ clause_id: '8.5.1.3', kind: 'minor_nonconformity', title: 'Changes approved late', owner: 'Change manager', due_date: '2027-01-29' }),
    );
    openView(app, 'findings');
    await user.click(await screen.findByRole('button', { name: 'Changes approved late' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit finding' });
    expect(within(dialog).getByTestId('nc-stage')).toHaveTextContent('Raised, no action planned');
    await user.selectOptions(within(dialog).getByLabelText('Status'), 'closed');
    await user.click(within(dialog).getByRole('button', { name: /Save finding/ }));
    expect(await within(dialog).findByText(/can only be closed once its corrective action is verified/)).toBeInTheDocument();
    expect((await app.backend.findingsOf(app.id))[0]?.status).toBe('open');

    // A plan accepted with no corrective action written is refused at its field.
    await user.selectOptions(within(dialog).getByLabelText('Status'), 'in_progress');
    await user.type(within(dialog).getByLabelText('Plan accepted on'), '2026-12-01');
    await user.click(within(dialog).getByRole('button', { name: /Save finding/ }));
    expect(await within(dialog).findByText('Plan accepted on needs a corrective action first.')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('Corrective action'), 'Approval made a required step');
    await user.click(within(dialog).getByRole('button', { name: /Save finding/ }));
    await waitFor(async () => expect((await app.backend.findingsOf(app.id))[0]?.nc_stage).toBe('plan_accepted'));
    expect(await screen.findByText('Plan accepted')).toBeInTheDocument();
  });

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
    openView(app, 'findings');
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
    const toast = (await screen.findByText(/Deleted “Context not reviewed since 2024”/)).closest('.toast') as HTMLElement;
    await user.click(within(toast).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await app.backend.findingsOf(app.id)).toHaveLength(1));
    expect(await screen.findByRole('button', { name: /Context not reviewed since 2024/ })).toBeInTheDocument();
  });

  it('name the services, sites and parties they concern, kept with the finding', async () => {
    const user = userEvent.setup();
    const site = { id: crypto.randomUUID(), kind: 'site' as const, name: 'Łódź', owner: '', criticality: null, customers: '', reference: '', processes: [] };
    await app.backend.saveScopeItem(app.id, site);
    await app.backend.createFinding(app.id, newFinding({ clause_id: '8.3.4.1', kind: 'minor_nonconformity', title: 'No contract with the data centre' }));
    openView(app, 'findings');
    await user.click(await screen.findByRole('button', { name: 'No contract with the data centre' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit finding' });
    const concerns = await within(dialog).findByPlaceholderText('Filter: a service, site or party');
    await user.type(concerns, 'Łódź{Enter}');
    await user.click(within(dialog).getByRole('button', { name: /Save finding/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const finding = (await app.backend.findingsOf(app.id)).find((f) => f.title === 'No contract with the data centre')!;
    expect((await app.backend.getEngagement(app.id)).finding_scope).toEqual([{ finding_id: finding.id, scope_ids: [site.id] }]);
    // Opened again, it shows what it concerns.
    await user.click(screen.getByRole('button', { name: 'No contract with the data centre' }));
    expect(within(screen.getByRole('dialog', { name: 'Edit finding' })).getByRole('button', { name: /Łódź/ })).toBeInTheDocument();
  });
});
