import { screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { openView, testApp } from '../../testing/app';

const app = testApp({ client_name: 'Nordwind Logistik GmbH' });

const group = (name: RegExp) => screen.getByRole('region', { name });
const scopeOf = async () => (await app.backend.getEngagement(app.id)).scope;

describe('the scope', () => {
  it('lists services, sites, units and parties, each empty with a line on what belongs there', async () => {
    openView(app, 'scope');
    await screen.findByTestId('scope-stats');
    for (const name of [/^Services/, /^Sites/, /^Organisational units/, /^Other parties/]) {
      expect(within(group(name)).getByRole('button', { name: /^Add / })).toBeInTheDocument();
    }
    expect(group(/^Services/)).toHaveTextContent('The services the SMS delivers');
    const matrix = group(/^8\.2\.3 /);
    expect(matrix).toHaveTextContent('No other party yet.');
    expect(within(matrix).getByRole('button', { name: 'Add party' })).toBeInTheDocument();
  });

  it('adds a service with its owner, criticality, customers and agreement; a refused one stays typed', async () => {
    const user = userEvent.setup();
    openView(app, 'scope');
    await screen.findByTestId('scope-stats');
    await user.click(within(group(/^Services/)).getByRole('button', { name: 'Add service' }));
    const dialog = screen.getByRole('dialog', { name: 'New service' });
    await user.type(within(dialog).getByLabelText('Service owner'), 'Ольга Смирнова');
    await user.click(within(dialog).getByRole('button', { name: /Add service/ }));
    // The Rust side refuses a service without a name; what was typed stays.
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Scope item name is required.');
    expect(within(dialog).getByLabelText('Name')).toHaveFocus();
    expect(within(dialog).getByLabelText('Service owner')).toHaveValue('Ольга Смирнова');

    await user.type(within(dialog).getByLabelText('Name'), 'Kundenportal 客户门户');
    await user.selectOptions(within(dialog).getByLabelText('Criticality'), 'High');
    await user.type(within(dialog).getByLabelText('Customers'), 'Retail customers');
    await user.type(within(dialog).getByLabelText('Agreement reference'), 'SLA-07');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    const row = within(group(/^Services/)).getByRole('row', { name: /Kundenportal 客户门户/ });
    expect(row).toHaveTextContent('Ольга Смирнова');
    expect(row).toHaveTextContent('High');
    expect(row).toHaveTextContent('SLA-07');
    expect(await scopeOf()).toMatchObject([
      { kind: 'service', name: 'Kundenportal 客户门户', owner: 'Ольга Смирнова', criticality: 'high', customers: 'Retail customers', reference: 'SLA-07' },
    ]);
  });

  it('adds a party with the processes it operates, and a matrix cell toggles one and is stored', async () => {
    const user = userEvent.setup();
    openView(app, 'scope');
    await screen.findByTestId('scope-stats');
    await user.click(within(group(/^Other parties/)).getByRole('button', { name: 'Add party' }));
    const dialog = screen.getByRole('dialog', { name: 'New party' });
    await user.selectOptions(within(dialog).getByLabelText('Kind of party'), 'Internal supplier');
    await user.type(within(dialog).getByLabelText('Name'), 'Rechenzentrum Nord');
    await user.type(within(dialog).getByLabelText('Contract or agreement'), 'OLA-2026-03');
    // The searchable list of processes: Enter in the filter picks the first match.
    await user.type(within(dialog).getByLabelText('Filter: Processes it operates'), 'incident{Enter}');
    expect(within(dialog).getByRole('checkbox', { name: /8\.6\.1 Incident management/ })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: /Add party/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    const parties = group(/^Other parties/);
    expect(within(parties).getByRole('row', { name: /Rechenzentrum Nord/ })).toHaveTextContent('Internal supplier');
    const matrix = group(/^8\.2\.3 /);
    const cell = (process: string) => within(matrix).getByRole('button', { name: `Rechenzentrum Nord operates ${process}` });
    expect(cell('8.6.1 Incident management')).toHaveAttribute('aria-pressed', 'true');
    expect(cell('8.5.1 Change management')).toHaveAttribute('aria-pressed', 'false');

    await user.click(cell('8.5.1 Change management'));
    await waitFor(async () => expect((await scopeOf())[0]?.processes).toEqual(['8.5.1', '8.6.1']));
    expect(cell('8.5.1 Change management')).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(within(parties).getByRole('row', { name: /Rechenzentrum Nord/ })).toHaveTextContent('8.5.1, 8.6.1'));

    // By keyboard: the arrows move between cells, Space toggles.
    cell('8.5.1 Change management').focus();
    await user.keyboard('{ArrowDown}');
    expect(cell('8.5.2 Service design and transition')).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(cell('8.4.3 Capacity management')).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(cell('8.6.1 Incident management')).toHaveFocus();
    await user.keyboard(' ');
    await waitFor(async () => expect((await scopeOf())[0]?.processes).toEqual(['8.5.1']));
    expect(cell('8.6.1 Incident management')).toHaveAttribute('aria-pressed', 'false');
  });

  it('deletes an entry only once asked', async () => {
    await app.backend.saveScopeItem(app.id, {
      id: crypto.randomUUID(),
      kind: 'site',
      name: 'Łódź',
      owner: '',
      criticality: null,
      customers: '',
      reference: '',
      processes: [],
    });
    const user = userEvent.setup();
    openView(app, 'scope');
    await screen.findByTestId('scope-stats');
    await user.click(await screen.findByRole('button', { name: 'Delete Łódź' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete “Łódź”?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(await scopeOf()).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Delete Łódź' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await scopeOf()).toEqual([]);
    expect(group(/^Sites/)).toHaveTextContent('The locations in scope');
  });
});
