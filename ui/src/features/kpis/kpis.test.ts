import { screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { newFinding, openView, testApp } from '../../testing/app';

const app = testApp({});

describe('KPIs', () => {
  it('are added from a suggestion with a series of measurements, and a miss nobody acted upon is flagged', async () => {
    const user = userEvent.setup();
    openView(app, 'kpis');
    await screen.findByRole('heading', { name: 'No KPIs yet' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'KPI to add' }), 'Mean time to restore service');
    await user.click(screen.getByRole('button', { name: 'Add KPI' }));
    const dialog = screen.getByRole('dialog', { name: 'New KPI' });
    expect(within(dialog).getByLabelText('Name')).toHaveValue('Mean time to restore service');
    expect(within(dialog).getByLabelText('Target')).toHaveValue('4');
    expect(within(dialog).getByLabelText('Tolerance')).toHaveValue('0.5');
    await user.type(within(dialog).getByLabelText('Owner'), 'Katrin Albers — Łódź');
    // The first period is typed; the next month is offered after it.
    await user.click(within(dialog).getByRole('button', { name: 'Add period' }));
    await user.type(within(dialog).getByLabelText('Period 1'), '2026-08');
    await user.type(within(dialog).getByLabelText('Value 2026-08'), '4,2');
    await user.click(within(dialog).getByRole('button', { name: 'Add period' }));
    expect(within(dialog).getByLabelText('Period 2')).toHaveValue('2026-09');
    expect(within(dialog).getByLabelText('Value 2026-09')).toHaveFocus();
    await user.keyboard('5.5');
    await user.type(within(dialog).getByLabelText('Note 2026-09'), 'Storage outage 東京');
    await user.click(within(dialog).getByRole('button', { name: 'Add KPI' }));

    const row = (await screen.findByRole('button', { name: 'Mean time to restore service' })).closest('tr')!;
    expect(within(row).getByText('Missed')).toBeInTheDocument();
    expect(within(row).getByText('5.5 hours')).toBeInTheDocument();
    expect(within(row).getByTestId('not-acted-upon')).toHaveTextContent('Not acted upon');
    expect(within(row).getByRole('img', { name: /2026-08 4.2 \(within tolerance\), 2026-09 5.5 \(missed\)/ })).toBeInTheDocument();
    expect(screen.getByTestId('kpis-not-acted-upon')).toHaveTextContent('Mean time to restore service');
    const [stored] = await app.backend.kpisOf(app.id);
    expect(stored).toMatchObject({
      status: 'missed',
      statuses: ['within_tolerance', 'missed'],
      not_acted_upon: true,
      owner: 'Katrin Albers — Łódź',
      measurements: [
        { period: '2026-08', value: 4.2, note: '' },
        { period: '2026-09', value: 5.5, note: 'Storage outage 東京' },
      ],
    });
  });

  it('stop being flagged once linked to a finding or a decision', async () => {
    const user = userEvent.setup();
    await app.backend.createFinding(app.id, newFinding({ clause_id: '8.3.3', kind: 'minor_nonconformity', title: 'SLA breaches have no follow-up' }));
    await app.backend.createKpi(app.id, {
      ...(await app.backend.kpiSuggestions()).find((s) => s.name === 'SLA attainment')!,
      measurements: [{ period: '2026-09', value: 91, note: '' }],
    });
    openView(app, 'kpis');
    const row = (await screen.findByRole('button', { name: 'SLA attainment' })).closest('tr')!;
    expect(within(row).getByTestId('not-acted-upon')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'SLA attainment' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit KPI' });
    await user.click(within(dialog).getByRole('checkbox', { name: /SLA breaches have no follow-up/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save KPI' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const after = screen.getByRole('button', { name: 'SLA attainment' }).closest('tr')!;
    expect(within(after).queryByTestId('not-acted-upon')).not.toBeInTheDocument();
    expect(within(after).getByText('action linked')).toBeInTheDocument();
    expect(screen.queryByTestId('kpis-not-acted-upon')).not.toBeInTheDocument();
    expect((await app.backend.kpisOf(app.id))[0]).toMatchObject({ not_acted_upon: false });
  });

  it('are adopted from any KPI line of the catalogue in one step', async () => {
    const user = userEvent.setup();
    openView(app, 'kpis');
    await screen.findByRole('heading', { name: 'No KPIs yet' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'KPI to add' }), 'Changes causing incidents (%)');
    await user.click(screen.getByRole('button', { name: 'Add KPI' }));
    // The line is turned into a KPI by the Rust side first: the dialog opens once it answers.
    const dialog = await screen.findByRole('dialog', { name: 'New KPI' });
    expect(within(dialog).getByLabelText('Name')).toHaveValue('Changes causing incidents');
    expect(within(dialog).getByLabelText('Unit')).toHaveValue('%');
    expect(within(dialog).getByLabelText('Direction')).toHaveValue('lower_is_better');
    expect(within(dialog).getByLabelText('Clauses it evidences')).toHaveValue('8.5.1.3');
    await user.click(within(dialog).getByRole('button', { name: 'Add KPI' }));
    expect(await screen.findByRole('button', { name: 'Changes causing incidents' })).toBeInTheDocument();
  });

  it('refuse a period measured twice where the series is, and save nothing', async () => {
    const user = userEvent.setup();
    openView(app, 'kpis');
    await screen.findByRole('heading', { name: 'No KPIs yet' });
    await user.click(screen.getByRole('button', { name: 'Add KPI' }));
    const dialog = screen.getByRole('dialog', { name: 'New KPI' });
    await user.type(within(dialog).getByLabelText('Name'), 'Complaints');
    for (const value of ['3', '4']) {
      await user.click(within(dialog).getByRole('button', { name: 'Add period' }));
      const periods = within(dialog).getAllByLabelText(/^Period \d/);
      await user.type(periods[periods.length - 1]!, 'Q3 2026');
      const values = within(dialog).getAllByLabelText(/^Value /);
      await user.type(values[values.length - 1]!, value);
    }
    await user.click(within(dialog).getByRole('button', { name: 'Add KPI' }));
    expect(await within(dialog).findByText('The period “Q3 2026” is measured twice: one value per period.')).toBeInTheDocument();
    expect(await app.backend.kpisOf(app.id)).toHaveLength(0);
    // Removed, it saves.
    await user.click(within(dialog).getAllByRole('button', { name: 'Remove Q3 2026' })[0]!);
    await user.click(within(dialog).getByRole('button', { name: 'Add KPI' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect((await app.backend.kpisOf(app.id))[0]?.measurements).toEqual([{ period: 'Q3 2026', value: 4, note: '' }]);
  });
});

describe('KPI dialog', () => {
  it('sends one save when Add is pressed twice before the first returns', async () => {
    const user = userEvent.setup();
    // A save that takes a moment, as on a busy disk: the window for a second press.
    let saves = 0;
    const save = app.backend.createKpi;
    app.backend.createKpi = async (...args) => {
      saves++;
      await new Promise((resolve) => setTimeout(resolve, 100));
      return save(...args);
    };
    openView(app, 'kpis');
    await screen.findByRole('heading', { name: 'No KPIs yet' });
    await user.click(screen.getByRole('button', { name: 'Add KPI' }));
    const dialog = screen.getByRole('dialog', { name: 'New KPI' });
    await user.type(within(dialog).getByLabelText('Name'), 'Change success rate');
    const form = dialog.querySelector('form')!;
    form.requestSubmit();
    form.requestSubmit();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // Let any second save finish before counting.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(saves).toBe(1);
    expect(await app.backend.kpisOf(app.id)).toHaveLength(1);
  });
});
