import { render, screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import App from '../App.svelte';
import { MockBackend } from '../lib/mockBackend';
import { backendContext } from '../lib/context';

let backend: MockBackend;

beforeEach(() => {
  backend = new MockBackend();
});

afterEach(() => {
  location.hash = '';
});

describe('recovery', () => {
  it('restores a snapshot when the database cannot be opened', async () => {
    const user = userEvent.setup();
    await backend.takeSnapshot();
    backend.failWith = {
      code: 'not_a_database',
      message: '/data/clausewise.db is not a Clausewise database, or it is damaged. It was left untouched.',
      field: null,
    };
    render(App, { context: backendContext(backend) });
    expect(await screen.findByRole('heading', { name: 'Clausewise cannot open its database' })).toBeInTheDocument();
    expect(screen.getByText(/Nothing has been changed or deleted/)).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: /Restore the snapshot of/ }));
    const dialog = screen.getByRole('dialog', { name: 'Restore this snapshot?' });
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(backend.restored).toHaveLength(1));
    expect(await screen.findByRole('heading', { name: 'Assessments' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/Restored the snapshot/);
  });

  it('can set the file aside and start empty', async () => {
    const user = userEvent.setup();
    backend.failWith = { code: 'newer_schema', message: 'Written by a newer version of Clausewise.', field: null };
    render(App, { context: backendContext(backend) });
    await user.click(await screen.findByRole('button', { name: /Set the file aside and start empty/ }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Start empty' }));
    expect(await screen.findByRole('heading', { name: 'No assessments yet' })).toBeInTheDocument();
    expect(backend.freshStarts).toBe(1);
  });
});

describe('backups page', () => {
  it('takes a snapshot and restores one after confirmation', async () => {
    const user = userEvent.setup();
    location.hash = '#/backups';
    render(App, { context: backendContext(backend) });
    expect(await screen.findByText(/No snapshots yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Take a snapshot now' }));
    expect(await screen.findByText('Taken by hand')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Restore the snapshot of/ }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(backend.restored).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: /Restore the snapshot of/ }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(backend.restored).toEqual([backend.snapshots[0]!.path]));
  });
});
