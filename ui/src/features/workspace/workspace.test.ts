import { screen, within, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { openWorkspace as open, testApp } from '../../testing/app';
import { matchesFilters, blankResponse } from './workspace';
import { EMPTY_LIFECYCLE } from '../../lib/labels';

const app = testApp({ client_name: 'Nordwind Logistik GmbH', title: 'Readiness 2026' });
const openWorkspace = () => open(app.backend);

const tree = () => screen.getByRole('complementary', { name: 'Clauses' });
const levelRadio = (name: RegExp) => within(screen.getByRole('radiogroup', { name: 'Current maturity' })).getByRole('radio', { name });

describe('clause-by-clause workspace', () => {
  it('records the documented information of 7.5.4 item by item, and a second press takes it back', async () => {
    const user = await openWorkspace();
    await user.click(within(tree()).getByRole('button', { name: /^7\.5\.4 / }));
    await screen.findByRole('heading', { level: 2, name: /^7\.5\.4 / });
    const list = screen.getByTestId('document-checklist');
    expect(list).toHaveTextContent('0 of 14 checked');
    const scope = within(within(list).getByRole('group', { name: 'SMS scope' }));
    await user.click(scope.getByRole('button', { name: 'Seen' }));
    const plans = within(within(list).getByRole('group', { name: 'Service continuity plan(s)' }));
    await user.click(plans.getByRole('button', { name: 'Missing' }));
    await waitFor(() => expect(list).toHaveTextContent('2 of 14 checked'));
    expect(scope.getByRole('button', { name: 'Seen' })).toHaveAttribute('aria-pressed', 'true');
    const stored = (await app.backend.getWorkspace(app.id)).documents;
    expect(stored.find((d) => d.item === 'SMS scope')?.present).toBe(true);
    expect(stored.find((d) => d.item === 'Service continuity plan(s)')?.present).toBe(false);

    await user.click(scope.getByRole('button', { name: 'Seen' }));
    await waitFor(() => expect(list).toHaveTextContent('1 of 14 checked'));
    expect((await app.backend.getWorkspace(app.id)).documents[0]?.present).toBeNull();
    // Other requirements list what to expect, with nothing to record.
    await user.click(within(tree()).getByRole('button', { name: /^7\.5\.3 / }));
    await screen.findByRole('heading', { level: 2, name: /^7\.5\.3 / });
    expect(screen.queryByTestId('document-checklist')).not.toBeInTheDocument();
  });

  it('opens on the first requirement with its guidance and the whole tree', async () => {
    await openWorkspace();
    expect(screen.getByRole('heading', { level: 1, name: 'Readiness 2026' })).toBeInTheDocument();
    expect(screen.getByLabelText('Progress')).toHaveTextContent('0 / 57');
    expect(within(tree()).getAllByRole('button', { name: /^\d/ }).length).toBe(77);
    const guide = screen.getByRole('complementary', { name: 'Workshop guide' });
    expect(within(guide).getByRole('heading', { name: 'Ask in the workshop' })).toBeInTheDocument();
    expect(within(guide).getAllByRole('listitem').length).toBeGreaterThan(5);
    expect(screen.getAllByRole('radio')).toHaveLength(6);
    expect(levelRadio(/3 Established/)).toHaveTextContent('target');
  });

  it('scores with digits and moves with j/k: two keystrokes per requirement', async () => {
    const user = await openWorkspace();
    await user.keyboard('2j');
    await screen.findByRole('heading', { level: 2, name: /4\.2 Understanding the needs/ });
    await user.keyboard('4j');
    await screen.findByRole('heading', { level: 2, name: /4\.3 Determining the scope/ });
    await user.keyboard('k');
    await screen.findByRole('heading', { level: 2, name: /4\.2/ });
    expect(levelRadio(/4 Predictable/)).toHaveAttribute('aria-checked', 'true');

    await waitFor(() => expect(app.backend.saves).toHaveLength(2));
    expect(app.backend.saves.map((s) => [s.clause_id, s.rating])).toEqual([
      ['4.1', { kind: 'level', level: 2 }],
      ['4.2', { kind: 'level', level: 4 }],
    ]);
    await waitFor(() => expect(screen.getByLabelText('Progress')).toHaveTextContent('2 / 57'));
    expect(screen.getByTestId('overall')).toHaveTextContent('3.0');
    expect(within(tree()).getByRole('button', { name: /^4 Context/ })).toHaveTextContent('2/4');
    await waitFor(() => expect(screen.getByText('All changes saved')).toBeInTheDocument());
  });

  it('records not applicable only with a justification', async () => {
    const user = await openWorkspace();
    await user.keyboard('n');
    const why = await screen.findByLabelText('Why does this requirement not apply to this SMS?');
    expect(why).toHaveFocus();
    await user.click(screen.getByRole('button', { name: /Mark not applicable/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Justification for not applicable is required.');
    expect(why).toHaveAttribute('aria-invalid', 'true');
    expect(why).toHaveFocus();
    // Refused, nothing stands as not applicable, nor waits to be saved.
    expect(within(tree()).getByRole('button', { name: /^4\.1 / })).not.toHaveTextContent('N/A');
    expect(screen.getByText('Saved automatically')).toBeInTheDocument();
    expect(app.backend.saves).toHaveLength(0);
    await user.type(why, 'Group function; assessed at holding level.');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(app.backend.saves).toHaveLength(1));
    expect(app.backend.saves[0]).toMatchObject({
      clause_id: '4.1',
      rating: { kind: 'not_applicable' },
      na_justification: 'Group function; assessed at holding level.',
    });
    expect(await screen.findByLabelText('Justification for not applicable')).toHaveValue('Group function; assessed at holding level.');
    expect(within(tree()).getByRole('button', { name: /^4\.1 / })).toHaveTextContent('N/A');
  });

  it('records a conformity judgement beside the level, and says what a reviewer would question', async () => {
    const user = await openWorkspace();
    const conformity = screen.getByLabelText('Conformity');
    expect(conformity).toHaveValue('not_judged');
    await user.selectOptions(conformity, 'minor_nonconformity');
    // No finding records it yet: the panel asks for one.
    expect(await screen.findByTestId('standing')).toHaveTextContent(
      'Judged a nonconformity, but no open finding records it: raise one so it is acted on',
    );
    expect((await app.backend.response(app.id, '4.1'))?.judgement).toBe('minor_nonconformity');

    // Conforms with nothing written down is questioned too.
    await user.selectOptions(conformity, 'conforms');
    await waitFor(() =>
      expect(screen.getByTestId('standing')).toHaveTextContent('Judged to conform with no notes, evidence or people interviewed'),
    );
    await user.type(screen.getByLabelText('People interviewed'), 'K. Vogel (CIO)');
    await waitFor(() => expect(screen.queryByTestId('standing')).not.toBeInTheDocument());

    // A not applicable requirement says why it does not apply.
    await user.keyboard('{Escape}n');
    await user.type(await screen.findByLabelText('Why does this requirement not apply to this SMS?'), 'No context of its own.');
    await user.keyboard('{Control>}{Enter}{/Control}');
    const basis = await screen.findByLabelText('Why it does not apply');
    expect(basis).toHaveValue('exclusion');
    expect(screen.getByText(/A claimed exclusion stands in the way of certification/)).toBeInTheDocument();
    await user.selectOptions(basis, 'no_instances');
    await waitFor(async () => expect((await app.backend.response(app.id, '4.1'))?.na_basis).toBe('no_instances'));
  });

  it('shows a judgement raised by an open nonconformity, and the finding that raised it', async () => {
    await app.backend.editResponse(app.id, '4.1', { field: 'judgement', value: 'conforms' });
    await app.backend.editResponse(app.id, '4.1', { field: 'notes', value: 'Context analysis from 2024, not reviewed since.' });
    await app.backend.createFinding(app.id, {
      clause_id: '4.1',
      kind: 'minor_nonconformity',
      title: 'Context analysis not reviewed for two years',
      observation: '',
      evidence: '',
      recommendation: '',
      priority: 'medium',
      owner: '',
      due_date: null,
      status: 'open',
      phase: null,
      lifecycle: { ...EMPTY_LIFECYCLE },
    });
    await openWorkspace();
    const standing = await screen.findByTestId('standing');
    expect(standing).toHaveTextContent('Stands as minor nonconformity (recorded: conforms), raised by “Context analysis not reviewed for two years”.');
    expect(screen.getByLabelText('Conformity')).toHaveValue('conforms');
  });

  it('autosaves notes as they are typed, in any script, and keeps them on reopen', async () => {
    const user = await openWorkspace();
    await user.click(screen.getByLabelText(/^Notes/));
    await user.paste('Ελλάδα — Журнал — 変更 🚀 '.repeat(2000));
    await user.type(screen.getByLabelText('People interviewed'), 'J. Müller (CIO)');
    await waitFor(() => expect(screen.getByText('All changes saved')).toBeInTheDocument());
    const last = app.backend.saves.at(-1)!;
    expect(last.interviewees).toBe('J. Müller (CIO)');
    expect(last.notes.length).toBeGreaterThan(40_000);

    const ws = await app.backend.getWorkspace(app.id);
    expect(ws.responses[0]?.notes).toBe(last.notes);
  });

  it('filters the tree: search by number or words, not assessed, ITIL practice', async () => {
    const user = await openWorkspace();
    await user.keyboard('/');
    const search = screen.getByRole('searchbox', { name: /Search clauses/ });
    expect(search).toHaveFocus();
    await user.type(search, '8.5.1');
    expect(within(tree()).getByRole('button', { name: /^8\.5\.1\.2 / })).toBeInTheDocument();
    expect(within(tree()).queryByRole('button', { name: /^9\.1 / })).not.toBeInTheDocument();
    expect(screen.getByText(/3 of 57 requirements/)).toBeInTheDocument();
    await user.clear(search);
    await user.type(search, 'supplier');
    expect(within(tree()).getByRole('button', { name: /^8\.3\.4\.1 / })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by ITIL practice' }), 'Change enablement');
    const shown = within(tree()).getAllByRole('button', { name: /^\d/ }).map((b) => b.textContent);
    expect(shown.some((t) => t?.includes('Change management policy'))).toBe(true);
    // Requirements of the SMS's own governance have no ITIL 4 practice.
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Filter by ITIL practice' }),
      'SMS governance (no ITIL 4 practice)',
    );
    const governance = within(tree())
      .getAllByRole('button', { name: /^\d+(\.\d+)+ / })
      .map((b) => b.textContent?.split(' ')[0]);
    expect(governance).toEqual(expect.arrayContaining(['9.2', '9.3', '10.1']));
    expect(governance).not.toContain('8.5.1.1');
    await user.click(within(tree()).getByRole('button', { name: /^9\.2 / }));
    expect(await screen.findByText('SMS governance: no ITIL 4 practice equivalent.')).toBeInTheDocument();
  });

  it('shows a save failure and retries it', async () => {
    app.backend.saveFailure = { code: 'storage', message: 'The disk is full: nothing was saved.', field: null };
    const user = await openWorkspace();
    await user.keyboard('3');
    expect(await screen.findByText(/Not saved — retrying/)).toBeInTheDocument();
    app.backend.saveFailure = null;
    await waitFor(() => expect(screen.getByText('All changes saved')).toBeInTheDocument(), { timeout: 4000 });
    expect(app.backend.saves).toHaveLength(1);
  });

  it('lists the shortcuts with ?', async () => {
    const user = await openWorkspace();
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Set the current maturity level')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

describe('matchesFilters', () => {
  it('treats numbers as clause prefixes on dot boundaries', () => {
    const clause = { id: '10.1', title: 'Nonconformity', itil_practices: [], kpis: [], summary: '' } as never;
    const none = { query: '1', notAssessed: false, belowTarget: false, unconfirmed: false, practice: '' };
    expect(matchesFilters(clause, blankResponse('10.1'), undefined, none)).toBe(false);
    expect(matchesFilters(clause, blankResponse('10.1'), undefined, { ...none, query: '10' })).toBe(true);
    expect(matchesFilters(clause, blankResponse('10.1'), undefined, { ...none, query: '10.1' })).toBe(true);
  });
});
