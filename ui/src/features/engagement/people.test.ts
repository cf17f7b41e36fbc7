import { screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { openView, testApp } from '../../testing/app';

const app = testApp({ client_name: 'Nordwind Logistik GmbH' });

const region = (name: RegExp) => screen.getByRole('region', { name });

describe('people and interviews', () => {
  it('adds a person to the directory; a refused e-mail stays typed with the reason', async () => {
    const user = userEvent.setup();
    openView(app, 'people');
    await screen.findByTestId('people-stats');
    const directory = region(/^Directory/);
    expect(directory).toHaveTextContent('The people of Nordwind Logistik GmbH you interview');
    await user.click(within(directory).getByRole('button', { name: 'Add person' }));
    const dialog = screen.getByRole('dialog', { name: 'New person' });
    await user.type(within(dialog).getByLabelText('Name'), 'مريم الحسن');
    await user.type(within(dialog).getByLabelText('Role'), 'Change manager');
    await user.type(within(dialog).getByLabelText('E-mail'), 'maryam@');
    await user.click(within(dialog).getByRole('button', { name: /Add person/ }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('“maryam@” is not an e-mail address');
    expect(within(dialog).getByLabelText('E-mail')).toHaveFocus();
    expect(within(dialog).getByLabelText('Name')).toHaveValue('مريم الحسن');
    await user.type(within(dialog).getByLabelText('E-mail'), 'nordwind.example');
    await user.click(within(dialog).getByRole('button', { name: /Add person/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(region(/^Directory/)).getByRole('row', { name: /مريم الحسن/ })).toHaveTextContent('maryam@nordwind.example');
    expect((await app.backend.getEngagement(app.id)).people).toMatchObject([
      { name: 'مريم الحسن', role: 'Change manager', email: 'maryam@nordwind.example' },
    ]);
  });

  it('adds an interview with people and requirements picked from lists, and the coverage follows', async () => {
    await app.backend.savePerson(app.id, { id: crypto.randomUUID(), name: 'Dana Fischer', role: 'Change manager', unit: '', site: '', email: '' });
    const user = userEvent.setup();
    openView(app, 'people');
    await screen.findByTestId('people-stats');
    const coverage = () => region(/^Interview coverage/);
    expect(within(coverage()).getByTestId('coverage-figures')).toHaveTextContent('0 of 57 requirements discussed');
    expect(within(coverage()).getByTestId('coverage-figures')).toHaveTextContent('57 never discussed');
    expect(within(coverage()).getByRole('list', { name: 'Requirements never discussed' }).children).toHaveLength(57);

    await user.click(within(region(/^Interview sessions/)).getByRole('button', { name: 'Add interview' }));
    const dialog = screen.getByRole('dialog', { name: 'New interview' });
    await user.clear(within(dialog).getByLabelText('Date'));
    await user.type(within(dialog).getByLabelText('Date'), '2026-11-16');
    await user.type(within(dialog).getByLabelText('Time'), '9h30');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Dana Fischer, Change manager' }));
    const clauses = within(dialog).getByRole('group', { name: /^Requirements to cover/ });
    await user.type(within(clauses).getByLabelText('Filter: Requirements to cover'), '8.5.1');
    expect(within(clauses).getAllByRole('checkbox')).toHaveLength(3);
    await user.click(within(clauses).getByRole('checkbox', { name: /8\.5\.1\.1 / }));
    await user.click(within(clauses).getByRole('checkbox', { name: /8\.5\.1\.3 / }));
    await user.click(within(dialog).getByRole('button', { name: /Add interview/ }));
    // The time is refused by the Rust side; everything picked stays.
    expect(await within(dialog).findByText('The time “9h30” is not a time of day: write it as 09:30.')).toBeInTheDocument();
    expect(within(clauses).getByRole('list', { name: /chosen/ })).toHaveTextContent('8.5.1.1');
    await user.clear(within(dialog).getByLabelText('Time'));
    await user.type(within(dialog).getByLabelText('Time'), '09:30');
    await user.click(within(dialog).getByRole('button', { name: /Add interview/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    const sessions = region(/^Interview sessions/);
    expect(within(sessions).getByRole('row', { name: /2026, 09:30/ })).toHaveTextContent('Dana Fischer');
    expect(within(coverage()).getByTestId('coverage-figures')).toHaveTextContent('2 of 57 requirements discussed');
    expect(within(coverage()).getByTestId('coverage-figures')).toHaveTextContent('55 never discussed');
    const gaps = within(coverage()).getByRole('list', { name: 'Requirements never discussed' });
    expect(gaps).not.toHaveTextContent('8.5.1.1');
    expect(gaps.children).toHaveLength(55);
    const stored = await app.backend.getEngagement(app.id);
    expect(stored.coverage).toMatchObject({ covered: 2, never_discussed: 55 });
    expect(stored.interviews).toMatchObject([{ held_on: '2026-11-16', time: '09:30', clause_ids: ['8.5.1.1', '8.5.1.3'] }]);
    // The directory counts the sessions each person took part in.
    const dana = within(region(/^Directory/)).getByRole('row', { name: /Dana Fischer/ });
    expect(within(dana).getAllByRole('cell')[5]).toHaveTextContent('1');

    // A requirement never discussed opens in the clause view.
    await user.click(within(gaps).getByRole('button', { name: /^5\.3 / }));
    expect(await screen.findByRole('heading', { level: 2, name: /^5\.3 / })).toBeInTheDocument();
  });
});
