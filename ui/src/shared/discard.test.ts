import { screen, within, waitFor, fireEvent } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { newFinding, openView, openWorkspace, testApp } from '../testing/app';

const app = testApp({});

/** The workspace, or the KPI view when asked. */
async function open(view: 'clauses' | 'kpis' = 'clauses') {
  if (view === 'clauses') return openWorkspace(app.backend);
  const user = userEvent.setup();
  openView(app, 'kpis');
  await screen.findByRole('heading', { name: 'No KPIs yet' });
  return user;
}

const findingDialog = () => screen.getByRole('dialog', { name: 'New finding' });
const question = () => screen.queryByRole('alertdialog');

describe('a dialog with nothing typed', () => {
  it('closes at once with Esc', async () => {
    const user = await open();
    await user.keyboard('f');
    expect(findingDialog()).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(question()).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('closes at once with Cancel and with a click beside it', async () => {
    const user = await open();
    await user.keyboard('f');
    await user.click(within(findingDialog()).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.keyboard('f');
    const backdrop = findingDialog().parentElement!;
    await fireEvent.pointerDown(backdrop);
    await fireEvent.click(backdrop);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('closes at once when a suggested KPI was not changed', async () => {
    const user = await open('kpis');
    await user.selectOptions(screen.getByRole('combobox', { name: 'KPI to add' }), 'Change success rate');
    await user.click(screen.getByRole('button', { name: 'Add KPI' }));
    expect(screen.getByRole('dialog', { name: 'New KPI' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('is unchanged again when what was typed is deleted', async () => {
    const user = await open();
    await user.keyboard('f');
    await user.type(within(findingDialog()).getByLabelText('Title'), 'ab{Backspace}{Backspace}');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

describe('a dialog with something typed', () => {
  it('asks before Esc throws it away, with Keep editing as the default', async () => {
    const user = await open();
    await user.keyboard('f');
    await user.type(within(findingDialog()).getByLabelText('Title'), 'No change calendar');
    await user.keyboard('{Escape}');
    const ask = screen.getByRole('alertdialog', { name: 'Discard this new finding?' });
    expect(within(ask).getByRole('button', { name: 'Keep editing' })).toHaveFocus();
    expect(findingDialog()).toBeInTheDocument();
    // Enter on the default answer keeps editing.
    await user.keyboard('{Enter}');
    expect(question()).not.toBeInTheDocument();
    expect(within(findingDialog()).getByLabelText('Title')).toHaveValue('No change calendar');
  });

  it('keeps every typed character after Keep editing, and then saves them', async () => {
    const user = await open();
    await user.keyboard('f');
    const dialog = findingDialog();
    const title = 'Änderungen ohne Freigabe — 変更 “quoted” 🚀';
    const observation = 'Three emergency changes in March\nhad no CAB record.';
    await user.type(within(dialog).getByLabelText('Title'), title);
    await user.type(within(dialog).getByLabelText('What was observed'), observation);
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(question()).not.toBeInTheDocument();
    expect(within(dialog).getByLabelText('Title')).toHaveValue(title);
    expect(within(dialog).getByLabelText('What was observed')).toHaveValue(observation);
    // Back where the typing stopped.
    expect(within(dialog).getByLabelText('What was observed')).toHaveFocus();
    // Esc inside the question is Keep editing too.
    await user.keyboard('{Escape}');
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(question()).not.toBeInTheDocument();
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect((await app.backend.findingsOf(app.id))[0]).toMatchObject({ title, observation });
  });

  it('closes without saving after Discard', async () => {
    const user = await open();
    await user.keyboard('f');
    await user.type(within(findingDialog()).getByLabelText('Title'), 'Draft that goes');
    await user.click(within(findingDialog()).getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await app.backend.findingsOf(app.id)).toHaveLength(0);
  });

  it('asks before a click beside the dialog throws it away', async () => {
    const user = await open();
    await user.keyboard('f');
    await user.type(within(findingDialog()).getByLabelText('Owner'), 'J. Müller');
    const backdrop = findingDialog().parentElement!;
    await fireEvent.pointerDown(backdrop);
    await fireEvent.click(backdrop);
    expect(screen.getByRole('alertdialog', { name: 'Discard this new finding?' })).toBeInTheDocument();
  });

  it('asks about changes to an existing finding too', async () => {
    await app.backend.createFinding(app.id, newFinding({ clause_id: '4.1', kind: 'observation', title: 'Context not reviewed' }));
    const user = await open();
    await user.click(screen.getByRole('button', { name: /Context not reviewed/ }));
    expect(screen.getByRole('dialog', { name: 'Edit finding' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Context not reviewed/ }));
    await user.selectOptions(within(screen.getByRole('dialog', { name: 'Edit finding' })).getByLabelText('Priority'), 'high');
    await user.keyboard('{Escape}');
    expect(screen.getByRole('alertdialog', { name: 'Discard the changes to this finding?' })).toBeInTheDocument();
  });

  it('asks in the KPI and report dialogs', async () => {
    const user = await open('kpis');
    await user.click(screen.getByRole('button', { name: 'Add KPI' }));
    await user.type(within(screen.getByRole('dialog', { name: 'New KPI' })).getByLabelText('Name'), 'First-time fix rate');
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Export report' }));
    const report = screen.getByRole('dialog', { name: 'Export the gap report' });
    await user.click(within(report).getByRole('checkbox', { name: 'Service KPIs' }));
    await user.click(within(report).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('alertdialog', { name: 'Discard the changes to the report options?' })).toBeInTheDocument();
  });
});

describe('the not applicable form', () => {
  it('asks before Esc or Cancel throws away a justification, and keeps it on Keep editing', async () => {
    const user = await open();
    await user.keyboard('n');
    const why = screen.getByLabelText('Why does this requirement not apply to this SMS?');
    await user.keyboard('{Escape}');
    expect(why).not.toBeInTheDocument();

    await user.keyboard('n');
    await user.type(screen.getByLabelText('Why does this requirement not apply to this SMS?'), 'Run by the holding');
    await user.keyboard('{Escape}');
    const ask = screen.getByRole('alertdialog', { name: 'Discard this justification?' });
    await user.click(within(ask).getByRole('button', { name: 'Keep editing' }));
    const field = screen.getByLabelText('Why does this requirement not apply to this SMS?');
    expect(field).toHaveValue('Run by the holding');
    expect(field).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.queryByLabelText('Why does this requirement not apply to this SMS?')).not.toBeInTheDocument();
    expect(app.backend.saves).toHaveLength(0);
  });

  it('reopens with the justification being written after visiting another clause', async () => {
    const user = await open();
    await user.keyboard('n');
    await user.type(screen.getByLabelText('Why does this requirement not apply to this SMS?'), 'Group function');
    await user.click(screen.getByRole('button', { name: /^4\.2 / }));
    await screen.findByRole('heading', { level: 2, name: /4\.2 / });
    expect(screen.queryByLabelText('Why does this requirement not apply to this SMS?')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^4\.1 / }));
    await screen.findByRole('heading', { level: 2, name: /4\.1 / });
    expect(screen.getByLabelText('Why does this requirement not apply to this SMS?')).toHaveValue('Group function');
  });
});
