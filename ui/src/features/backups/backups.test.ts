import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { newAssessment, renderApp, testApp } from '../../testing/app';
import SnapshotList from './SnapshotList.svelte';

const app = testApp();

/** The restore button of the snapshot taken for `reason` (the list also has the one of the start). */
const restoreButton = (reason: string) =>
  within(screen.getByText(reason).closest('tr')!).getByRole('button', { name: /Restore the snapshot of/ });

describe('recovery', () => {
  it('restores a snapshot when the database cannot be opened', async () => {
    const user = userEvent.setup();
    await app.backend.createAssessment(newAssessment({ title: 'Kept in the snapshot' }));
    const snapshot = await app.backend.takeSnapshot();
    await app.backend.damageDatabase();
    renderApp(app.backend);
    expect(await screen.findByRole('heading', { name: 'Clausewise cannot open its database' })).toBeInTheDocument();
    expect(screen.getByText(/Nothing has been changed or deleted/)).toBeInTheDocument();
    await screen.findByText('Taken by hand');
    await user.click(restoreButton('Taken by hand'));
    const dialog = screen.getByRole('dialog', { name: 'Restore this snapshot?' });
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(app.backend.restored).toEqual([snapshot.path]));
    expect(await screen.findByRole('heading', { name: 'Assessments' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/Restored the snapshot/));
    expect(await screen.findByText('Kept in the snapshot')).toBeInTheDocument();
  });

  it('can set the file aside and start empty', async () => {
    const user = userEvent.setup();
    await app.backend.damageDatabase();
    renderApp(app.backend);
    await user.click(await screen.findByRole('button', { name: /Set the file aside and start empty/ }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Start empty' }));
    expect(await screen.findByRole('heading', { name: 'No assessments yet' })).toBeInTheDocument();
    expect((await app.backend.recoveryInfo()).problem).toBeNull();
  });
});

describe('backups page', () => {
  it('takes a snapshot and restores one after confirmation', async () => {
    const user = userEvent.setup();
    location.hash = '#/backups';
    renderApp(app.backend);
    // Starting took the day's snapshot.
    expect(await screen.findByText('Daily, on start')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Take a snapshot now' }));
    expect(await screen.findByText('Taken by hand')).toBeInTheDocument();
    const taken = (await app.backend.listSnapshots()).find((s) => s.reason.kind === 'manual');
    await user.click(restoreButton('Taken by hand'));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(app.backend.restored).toHaveLength(0);
    await user.click(restoreButton('Taken by hand'));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(app.backend.restored).toEqual([taken!.path]));
  });
});

describe('the snapshot list', () => {
  it('says when there is no snapshot yet', () => {
    render(SnapshotList, { snapshots: [], onrestore: () => {} });
    expect(screen.getByText(/No snapshots yet/)).toBeInTheDocument();
  });
});
