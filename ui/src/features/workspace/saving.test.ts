// Saving that never lies: each field is saved on its own, a refused field
// holds back nothing else, the header says "Not saved" for as long as any
// field is refused, and refused text survives a restart.
import { screen, within, waitFor, cleanup } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { openWorkspace as open, testApp } from '../../testing/app';
import { Autosave } from './autosave.svelte';
import type { ApiError, ResponseEdit, SavedResponse } from '../../lib/bindings';

const app = testApp({ client_name: 'Nordwind Logistik GmbH', title: 'Readiness 2026' });
const openWorkspace = (at?: RegExp) => open(app.backend, at);

const saveState = () => document.querySelector('.save-state') as HTMLElement;
const tree = () => screen.getByRole('complementary', { name: 'Clauses' });

describe('saving that never lies', () => {
  it('keeps saying "Not saved" for a refused field while other fields and requirements save, and after a restart', async () => {
    const user = await openWorkspace();
    const pasted = 'Dana Whitfield, Jonas Müller, Ana Souza (Łódź); '.repeat(56);
    expect([...pasted.trim()].length).toBeGreaterThan(2_000);

    await user.click(screen.getByLabelText(/^Notes/));
    await user.paste('Context analysis reviewed in March.');
    await user.click(screen.getByLabelText('People interviewed'));
    await user.paste(pasted);

    // Refused at the field, with the count, and in the header and the tree.
    const field = screen.getByLabelText('People interviewed');
    await waitFor(() => expect(saveState()).toHaveTextContent('Not saved: 4.1 People interviewed'));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/People interviewed is too long/)).toBeInTheDocument();
    expect(screen.getByText(/characters · \d+ too many/)).toBeInTheDocument();
    expect(within(tree()).getByRole('button', { name: /^4\.1 .*not saved/ })).toBeInTheDocument();
    expect(field).toHaveValue(pasted);

    // Scoring another requirement saves, and the header still tells the truth.
    await user.keyboard('{Escape}');
    await user.keyboard('j3');
    await waitFor(() => expect(app.backend.saves.at(-1)?.clause_id).toBe('4.2'));
    expect(app.backend.saves.at(-1)?.rating).toEqual({ kind: 'level', level: 3 });
    expect(saveState()).toHaveTextContent('Not saved');
    expect(saveState()).not.toHaveTextContent('All changes saved');
    const stored = await app.backend.response(app.id, '4.1');
    expect(stored?.notes).toBe('Context analysis reviewed in March.');
    expect(stored?.interviewees).toBe('');

    // Restart: the refused text is back in its field, still not saved.
    cleanup();
    await openWorkspace(/^4\.2 /);
    await user.click(within(tree()).getByRole('button', { name: /^4\.1 / }));
    await waitFor(() => expect(saveState()).toHaveTextContent('Not saved: 4.1 People interviewed'));
    expect(screen.getByLabelText('People interviewed')).toHaveValue(pasted);

    // Shortened, it saves; the header says so only now.
    const again = screen.getByLabelText('People interviewed');
    await user.clear(again);
    await user.paste('Dana Whitfield, Jonas Müller');
    await waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));
    expect(screen.queryByText(/People interviewed is too long/)).not.toBeInTheDocument();
    const fixed = await app.backend.response(app.id, '4.1');
    expect(fixed?.interviewees).toBe('Dana Whitfield, Jonas Müller');
    expect(localStorage.getItem(`clausewise:unsaved:${app.id}`)).toBeNull();
  });

  it('takes you to the refused field from the header', async () => {
    const user = await openWorkspace();
    await user.click(screen.getByLabelText('Evidence seen'));
    await user.paste('x'.repeat(400_001));
    await waitFor(() => expect(saveState()).toHaveTextContent('Not saved: 4.1 Evidence seen'));
    await user.keyboard('{Escape}');
    await user.keyboard('jj');
    await screen.findByRole('heading', { level: 2, name: /4\.3/ });
    await user.click(within(saveState()).getByRole('button'));
    await screen.findByRole('heading', { level: 2, name: /4\.1/ });
    expect(screen.getByLabelText('Evidence seen')).toHaveFocus();
  });

  it('shows a counter before the limit is reached', async () => {
    const user = await openWorkspace();
    const field = screen.getByLabelText('People interviewed');
    await user.click(field);
    await user.paste('a'.repeat(1_400));
    expect(screen.queryByText(/\/ 2,000 characters/)).not.toBeInTheDocument();
    await user.paste('a'.repeat(200));
    expect(screen.getByText('1,600 / 2,000 characters')).toBeInTheDocument();
    await waitFor(() => expect(saveState()).toHaveTextContent('All changes saved'));
  });
});

describe('Autosave', () => {
  const saved = (clauseId: string): SavedResponse =>
    ({ response: { clause_id: clauseId, carried_over: false, updated_at: 'now' }, scorecard: {} }) as unknown as SavedResponse;

  it('sends only the newest value of a field, and fields in the order of their last change', async () => {
    const sent: [string, ResponseEdit][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const autosave = new Autosave(
      async (clauseId, edit) => {
        sent.push([clauseId, edit]);
        if (sent.length === 1) await gate;
        return saved(clauseId);
      },
      () => {},
    );
    autosave.queue('4.1', { field: 'notes', value: 'a' });
    autosave.queue('4.1', { field: 'notes', value: 'ab' });
    autosave.queue('4.1', { field: 'evidence', value: 'E' });
    autosave.queue('4.1', { field: 'notes', value: 'abc' });
    autosave.queue('4.1', { field: 'rating', value: { kind: 'level', level: 2 } });
    autosave.queue('4.1', { field: 'not_applicable', value: 'No suppliers' });
    expect(autosave.state).toBe('saving');
    release();
    expect(await autosave.settled()).toBe(true);
    expect(sent).toEqual([
      ['4.1', { field: 'notes', value: 'a' }],
      ['4.1', { field: 'evidence', value: 'E' }],
      ['4.1', { field: 'notes', value: 'abc' }],
      // Rating and N/A share a slot: the newer decides.
      ['4.1', { field: 'not_applicable', value: 'No suppliers' }],
    ]);
    expect(autosave.state).toBe('saved');
  });

  it('keeps a refusal until the same field saves, whatever else saves meanwhile', async () => {
    const refuse: ApiError = { code: 'validation', message: 'Notes is too long.', field: 'notes' };
    const autosave = new Autosave(
      async (clauseId, edit) => {
        if (edit.field === 'notes' && edit.value.length > 3) throw refuse;
        return saved(clauseId);
      },
      () => {},
    );
    autosave.queue('4.1', { field: 'notes', value: 'too long' });
    expect(await autosave.settled()).toBe(false);
    expect(autosave.rejection('4.1', 'notes')?.error).toEqual(refuse);
    autosave.queue('4.2', { field: 'rating', value: { kind: 'level', level: 1 } });
    autosave.queue('4.1', { field: 'evidence', value: 'ok' });
    expect(await autosave.settled()).toBe(false);
    expect(autosave.state).toBe('failed');
    expect([...autosave.unsavedClauses]).toEqual(['4.1']);
    autosave.queue('4.1', { field: 'notes', value: 'ok' });
    expect(await autosave.settled()).toBe(true);
    expect(autosave.rejections).toEqual([]);
    expect(autosave.state).toBe('saved');
  });

  it('hands the refusal of an attempt back instead of keeping it', async () => {
    const refuse: ApiError = { code: 'validation', message: 'Justification is required.', field: 'na_justification' };
    const autosave = new Autosave(
      async (clauseId, edit) => {
        if (edit.field === 'not_applicable' && !edit.value) throw refuse;
        return saved(clauseId);
      },
      () => {},
    );
    expect(await autosave.attempt('4.1', { field: 'not_applicable', value: '' })).toEqual(refuse);
    expect(autosave.rejections).toEqual([]);
    expect(autosave.state).toBe('idle');
    expect(await autosave.attempt('4.1', { field: 'not_applicable', value: 'Run by the group' })).toBeNull();
    expect(autosave.state).toBe('saved');
  });

  it('retries a passing failure and says so meanwhile', async () => {
    vi.useFakeTimers();
    try {
      let fail = true;
      const autosave = new Autosave(
        async (clauseId) => {
          if (fail) throw { code: 'storage', message: 'The disk is full.', field: null } satisfies ApiError;
          return saved(clauseId);
        },
        () => {},
      );
      autosave.queue('4.1', { field: 'notes', value: 'typed' });
      await vi.advanceTimersByTimeAsync(10);
      expect(autosave.state).toBe('failed');
      expect(autosave.retrying?.message).toBe('The disk is full.');
      expect(autosave.dirty).toBe(true);
      fail = false;
      await vi.advanceTimersByTimeAsync(2_100);
      expect(autosave.state).toBe('saved');
      expect(autosave.dirty).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps refused values as drafts and offers them again on the next start', async () => {
    const storage = new Map<string, string>();
    const drafts = {
      storage: {
        getItem: (k: string) => storage.get(k) ?? null,
        setItem: (k: string, v: string) => void storage.set(k, v),
        removeItem: (k: string) => void storage.delete(k),
      },
      key: 'drafts',
    };
    const refusing = new Autosave(
      async () => {
        throw { code: 'validation', message: 'too long', field: 'interviewees' } satisfies ApiError;
      },
      () => {},
      drafts,
    );
    refusing.queue('8.2.3', { field: 'interviewees', value: 'long list' });
    await refusing.settled();
    expect(JSON.parse(storage.get('drafts')!)).toEqual([{ clauseId: '8.2.3', edit: { field: 'interviewees', value: 'long list' } }]);

    const sent: string[] = [];
    const next = new Autosave(
      async (clauseId, edit) => {
        sent.push(`${clauseId} ${edit.field}`);
        return saved(clauseId);
      },
      () => {},
      drafts,
    );
    expect(next.restoreDrafts()).toEqual([{ clauseId: '8.2.3', edit: { field: 'interviewees', value: 'long list' } }]);
    expect(await next.settled()).toBe(true);
    expect(sent).toEqual(['8.2.3 interviewees']);
    expect(storage.has('drafts')).toBe(false);
    storage.set('drafts', '{not json');
    expect(next.restoreDrafts()).toEqual([]);
  });
});
