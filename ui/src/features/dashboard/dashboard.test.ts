import { screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { newFinding, openView, testApp } from '../../testing/app';

const app = testApp({});

describe('dashboard', () => {
  it('shows the readiness verdict with its reasons, and closing the last major changes it', async () => {
    const user = userEvent.setup();
    const major = await app.backend.createFinding(
      app.id,
      newFinding({ clause_id: '9.2', kind: 'major_nonconformity', title: 'No internal audit programme', priority: 'high' }),
    );
    openView(app, 'dashboard');
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
