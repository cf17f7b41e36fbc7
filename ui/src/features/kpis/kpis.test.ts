import { screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { openView, testApp } from '../../testing/app';

const app = testApp({});

describe('KPIs', () => {
  it('are added from a suggestion and show met or not met', async () => {
    const user = userEvent.setup();
    openView(app, 'kpis');
    await screen.findByRole('heading', { name: 'No KPIs yet' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'KPI to add' }), 'Mean time to restore service');
    await user.click(screen.getByRole('button', { name: 'Add KPI' }));
    const dialog = screen.getByRole('dialog', { name: 'New KPI' });
    expect(within(dialog).getByLabelText('Name')).toHaveValue('Mean time to restore service');
    expect(within(dialog).getByLabelText('Target')).toHaveValue('4');
    await user.type(within(dialog).getByLabelText('Current value'), '5,5');
    await user.click(within(dialog).getByRole('button', { name: 'Add KPI' }));
    const row = (await screen.findByRole('button', { name: 'Mean time to restore service' })).closest('tr')!;
    expect(within(row).getByText('Not met')).toBeInTheDocument();
    expect(within(row).getByText('5.5 hours')).toBeInTheDocument();
    expect((await app.backend.kpisOf(app.id))[0]).toMatchObject({ value: 5.5, met: false });
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
