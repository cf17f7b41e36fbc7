import { screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { newFinding, openView, testApp } from '../../testing/app';

const app = testApp({});

describe('dashboard', () => {
  it('gives no verdict while nothing is judged, then follows the judgements and the findings', async () => {
    const user = userEvent.setup();
    const first = openView(app, 'dashboard');
    const cert = await screen.findByTestId('verdict-certification');
    expect(cert).toHaveTextContent('Provisional');
    expect(cert).toHaveTextContent('0 of 57 judged');
    expect(screen.getByTestId('verdict-stage1')).toHaveTextContent('0 of 7 judged');
    expect(screen.getByRole('img', { name: /Radar of clauses 4 to 10/ })).toBeInTheDocument();
    first.unmount();

    // Every requirement judged conforming: ready for certification.
    const catalogue = await app.backend.getCatalogue();
    for (const c of catalogue.clauses.filter((c) => c.assessable)) {
      await app.backend.editResponse(app.id, c.id, { field: 'judgement', value: 'conforms' });
      await app.backend.editResponse(app.id, c.id, { field: 'notes', value: 'Seen with records.' });
    }
    await app.backend.createFinding(
      app.id,
      newFinding({ clause_id: '9.2', kind: 'major_nonconformity', title: 'No internal audit programme', priority: 'high' }),
    );
    openView(app, 'dashboard');
    expect(await screen.findByTestId('verdict-certification')).toHaveTextContent('Not ready');
    const card = screen.getByTestId('verdict-card-certification');
    expect(within(card).getByText('Open major nonconformity at 9.2 Internal audit: No internal audit programme')).toBeInTheDocument();
    expect(within(screen.getByTestId('verdict-card-stage1')).getByText(/9.2 Internal audit is a major nonconformity/)).toBeInTheDocument();

    // Downgraded to an observation, it no longer stands in the way.
    await user.click(screen.getByRole('link', { name: /Findings/ }));
    await user.click(await screen.findByRole('button', { name: 'No internal audit programme' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit finding' });
    await user.selectOptions(within(dialog).getByLabelText('Kind'), 'observation');
    await user.click(within(dialog).getByRole('button', { name: /Save finding/ }));
    await waitFor(async () => expect((await app.backend.findingsOf(app.id))[0]?.kind).toBe('observation'));
    await user.click(screen.getByRole('link', { name: 'Dashboard' }));
    expect(await screen.findByTestId('verdict-certification')).toHaveTextContent('Ready');
  });

  it('names the lowest requirement wherever a mean hides it', async () => {
    const user = userEvent.setup();
    for (const [clause, level] of [['9.1', 4], ['9.2', 0], ['9.3', 4]] as const) {
      await app.backend.editResponse(app.id, clause, { field: 'rating', value: { kind: 'level', level } });
    }
    openView(app, 'dashboard');
    // Clause 9 reads 2.7; the audit that was never held is named beside it.
    expect(await screen.findByTestId('overall-weakest')).toHaveTextContent('Lowest: 9.2 at level 0');
    expect(document.querySelector('.radar .weakest-label')).toHaveTextContent('lowest 9.2: 0');
    await user.click(screen.getByRole('link', { name: 'Clauses' }));
    expect(await screen.findByLabelText('lowest 9.2 at level 0')).toHaveTextContent('↓0');
  });
});
