import { screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { openView, testApp } from '../../testing/app';

const app = testApp({});

const practice = (name: string) => screen.getByRole('listitem', { name: new RegExp(`^${name}:`) });

describe('the ITIL practice profile', () => {
  it('is filled in by keyboard: J/K move, I/P/N set in place, digits the capability', async () => {
    const user = userEvent.setup();
    openView(app, 'practices');
    await screen.findByRole('heading', { name: 'ITIL practice profile' });
    expect(screen.getAllByRole('listitem')).toHaveLength(34);
    expect(screen.getByTestId('practice-stats')).toHaveTextContent('0 of 34 recorded');

    // The first practice holds the focus; J moves to the next.
    practice('Architecture management').focus();
    await user.keyboard('j');
    expect(practice('Continual improvement')).toHaveFocus();
    await user.keyboard('p3');
    const row = practice('Continual improvement');
    expect(within(row).getByRole('radio', { name: 'Partial' })).toHaveAttribute('aria-checked', 'true');
    expect(within(row).getByRole('radio', { name: '3' })).toHaveAttribute('aria-checked', 'true');
    await waitFor(async () =>
      expect((await app.backend.practicesOf(app.id)).find((p) => p.practice === 'Continual improvement')).toMatchObject({
        status: 'partial',
        capability: 3,
      }),
    );
    // A capability on a practice not recorded yet says it runs.
    await user.keyboard('j4');
    expect(within(practice('Information security management')).getByRole('radio', { name: 'In place' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    // N: not in place, which has no capability.
    await user.keyboard('kn');
    const ci = practice('Continual improvement');
    expect(within(ci).getByRole('radio', { name: 'Not in place' })).toHaveAttribute('aria-checked', 'true');
    expect(within(ci).getByRole('radio', { name: '3' })).toHaveAttribute('aria-checked', 'false');
    await waitFor(async () =>
      expect((await app.backend.practicesOf(app.id)).find((p) => p.practice === 'Continual improvement')).toMatchObject({
        status: 'not_in_place',
        capability: null,
      }),
    );
    expect(screen.getByTestId('practice-stats')).toHaveTextContent('2 of 34 recorded');
    expect(screen.getByTestId('practice-stats')).toHaveTextContent('1 run');
  });

  it('saves the tool, owner and notes, and keeps a refused value on screen until it saves', async () => {
    const user = userEvent.setup();
    openView(app, 'practices');
    await screen.findByRole('heading', { name: 'ITIL practice profile' });
    const row = practice('Service desk');
    await user.type(within(row).getByLabelText('Tool'), 'ServiceNow — Стамбул 東京');
    await user.tab();
    await waitFor(async () =>
      expect((await app.backend.practicesOf(app.id)).find((p) => p.practice === 'Service desk')?.tool).toBe('ServiceNow — Стамбул 東京'),
    );
    const owner = within(row).getByLabelText('Owner');
    await user.click(owner);
    await user.paste('x'.repeat(301));
    await user.tab();
    expect(await screen.findByRole('button', { name: /Not saved: Service desk/ })).toBeInTheDocument();
    expect(within(row).getByRole('alert')).toHaveTextContent('Practice owner');
    expect(owner).toHaveValue('x'.repeat(301));
    expect((await app.backend.practicesOf(app.id)).find((p) => p.practice === 'Service desk')?.owner).toBe('');
    // Away and back: the refused value is still there, and still not saved.
    await user.click(screen.getByRole('link', { name: 'Clauses' }));
    await waitFor(() => expect(document.getElementById('clause-heading')).not.toBeNull());
    await user.click(screen.getByRole('link', { name: 'ITIL practices' }));
    expect(await screen.findByRole('button', { name: /Not saved: Service desk/ })).toBeInTheDocument();
    const again = within(practice('Service desk')).getByLabelText('Owner');
    expect(again).toHaveValue('x'.repeat(301));
    await user.clear(again);
    await user.type(again, 'Katrin Albers');
    await user.tab();
    await waitFor(() => expect(screen.queryByRole('button', { name: /Not saved/ })).not.toBeInTheDocument());
    expect((await app.backend.practicesOf(app.id)).find((p) => p.practice === 'Service desk')?.owner).toBe('Katrin Albers');
    expect(localStorage.getItem(`clausewise.practice-drafts.${app.id}`)).toBeNull();
  });

  it('saves typing a moment after it pauses, without leaving the field', async () => {
    const user = userEvent.setup();
    openView(app, 'practices');
    await screen.findByRole('heading', { name: 'ITIL practice profile' });
    await user.type(within(practice('Incident management')).getByLabelText('Notes'), 'Major incidents reviewed — 東京');
    await waitFor(
      async () =>
        expect((await app.backend.practicesOf(app.id)).find((p) => p.practice === 'Incident management')?.notes).toBe(
          'Major incidents reviewed — 東京',
        ),
      { timeout: 3000 },
    );
  });
});

describe('execution against control on the dashboard', () => {
  it('sets the practices run against the requirements that govern them', async () => {
    const record = { tool: '', owner: '', notes: '' };
    await app.backend.setPractice(app.id, { practice: 'Change enablement', status: 'in_place', capability: 4, ...record });
    for (const id of ['5.1', '9.2', '9.3']) {
      await app.backend.editResponse(app.id, id, { field: 'rating', value: { kind: 'level', level: 1 } });
    }
    await app.backend.editResponse(app.id, '8.5.1.3', { field: 'rating', value: { kind: 'level', level: 2 } });
    openView(app, 'dashboard');
    const card = await screen.findByTestId('execution-control');
    expect(within(card).getByTestId('execution-score')).toHaveTextContent('4.0');
    expect(within(card).getByTestId('control-score')).toHaveTextContent('1.0');
    expect(within(card).getByTestId('outrunning-count')).toHaveTextContent('1');
    expect(within(card).getByTestId('execution-narrative')).toHaveTextContent(/ahead of the system that should govern them/);
    const change = card.querySelector('[data-practice="Change enablement"]') as HTMLElement;
    expect(within(change).getByRole('button', { name: '8.5.1.3' })).toBeInTheDocument();
  });
});
