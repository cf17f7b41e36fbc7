import { screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { newFinding, openView, openWorkspace, renderApp, testApp } from '../../testing/app';
import { TestBackend } from '../../testing/testBackend';

const app = testApp({ client_name: 'Nordwind Logistik GmbH', title: 'Readiness 2026' });

const levelRadio = (name: RegExp) => within(screen.getByRole('radiogroup', { name: 'Current maturity' })).getByRole('radio', { name });
const header = () => screen.getByRole('group', { name: 'Undo and redo' });
const undoButton = () => within(header()).getByRole('button', { name: /Undo/ });
const redoButton = () => within(header()).getByRole('button', { name: /Redo/ });
const ratingOf = async (clauseId: string) => (await app.backend.response(app.id, clauseId))?.rating ?? { kind: 'not_assessed' };

describe('undo and redo', () => {
  it('Ctrl+Z takes back a level, Ctrl+Shift+Z brings it back; the buttons say what they would do', async () => {
    const user = await openWorkspace(app.backend);
    expect(undoButton()).toBeDisabled();
    await user.keyboard('2');
    await waitFor(() => expect(undoButton()).toBeEnabled());
    expect(undoButton()).toHaveAttribute('title', 'Undo: requirement 4.1: level — → 2 (Ctrl+Z)');
    await user.keyboard('4');
    await waitFor(() => expect(undoButton()).toHaveAttribute('title', 'Undo: requirement 4.1: level 2 → 4 (Ctrl+Z)'));

    await user.keyboard('{Control>}z{/Control}');
    expect(await screen.findByText('Undone: requirement 4.1: level 2 → 4')).toBeInTheDocument();
    await waitFor(() => expect(levelRadio(/2 Managed/)).toHaveAttribute('aria-checked', 'true'));
    expect(await ratingOf('4.1')).toEqual({ kind: 'level', level: 2 });
    expect(redoButton()).toHaveAttribute('title', 'Redo: requirement 4.1: level 2 → 4 (Ctrl+Shift+Z)');

    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(await screen.findByText('Redone: requirement 4.1: level 2 → 4')).toBeInTheDocument();
    await waitFor(() => expect(levelRadio(/4 Predictable/)).toHaveAttribute('aria-checked', 'true'));
    expect(await ratingOf('4.1')).toEqual({ kind: 'level', level: 4 });
    expect(redoButton()).toBeDisabled();
    // The overall maturity follows what is stored.
    expect(screen.getByTestId('overall')).toHaveTextContent('4.0');
  });

  it('takes back the latest change whichever view made it: a finding added in Findings, from the header', async () => {
    await app.backend.createFinding(app.id, newFinding({ clause_id: '8.6.1', kind: 'minor_nonconformity', title: 'Incidents not classified' }));
    const user = userEvent.setup();
    openView(app, 'findings');
    expect(await screen.findByRole('button', { name: 'Incidents not classified' })).toBeInTheDocument();
    await waitFor(() => expect(undoButton()).toBeEnabled());
    await user.click(undoButton());
    expect(await screen.findByText('Undone: added finding “Incidents not classified”')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Incidents not classified' })).not.toBeInTheDocument());
    expect(await app.backend.findingsOf(app.id)).toHaveLength(0);
    await user.click(redoButton());
    expect(await screen.findByRole('button', { name: 'Incidents not classified' })).toBeInTheDocument();
    expect(await app.backend.findingsOf(app.id)).toHaveLength(1);
  });

  it('leaves Ctrl+Z to the text field while typing', async () => {
    const user = await openWorkspace(app.backend);
    await user.keyboard('3');
    await waitFor(() => expect(undoButton()).toBeEnabled());
    await user.click(screen.getByLabelText(/^Notes/));
    await user.keyboard('Seen the SMS plan{Control>}z{/Control}');
    // No undo of the level happened behind the field.
    expect(screen.queryByText(/^Undone:/)).not.toBeInTheDocument();
    expect(await ratingOf('4.1')).toEqual({ kind: 'level', level: 3 });
  });

  it('says why when nothing can be undone any more', async () => {
    await app.backend.editResponse(app.id, '4.1', { field: 'rating', value: { kind: 'level', level: 1 } });
    const user = await openWorkspace(app.backend);
    await waitFor(() => expect(undoButton()).toBeEnabled());
    await user.click(undoButton());
    await screen.findByText(/^Undone:/);
    await waitFor(() => expect(undoButton()).toBeDisabled());
    await user.keyboard('{Control>}z{/Control}');
    expect(await screen.findByText(/^Nothing undone: /)).toBeInTheDocument();
    expect(await ratingOf('4.1')).toEqual({ kind: 'not_assessed' });
  });
});

describe('history', () => {
  it("shows a requirement's changes with author, before and after", async () => {
    const user = await openWorkspace(app.backend);
    await user.keyboard('2');
    await user.click(screen.getByLabelText(/^Notes/));
    await user.keyboard('Context reviewed yearly — Протокол 7');
    await user.click(screen.getByText('History', { selector: 'summary' }));
    await waitFor(() => expect(screen.getAllByTestId('history-entry')).toHaveLength(2));
    const [notes, level] = screen.getAllByTestId('history-entry') as [HTMLElement, HTMLElement];
    expect(notes).toHaveTextContent('Test Consultant');
    expect(notes).toHaveTextContent('Notes — → Context reviewed yearly — Протокол 7');
    expect(level).toHaveTextContent('Level — → 2');
    // The next change shows at once in the open panel.
    await user.keyboard('{Escape}4');
    await waitFor(() => expect(screen.getAllByTestId('history-entry')).toHaveLength(3));
    expect(screen.getAllByTestId('history-entry')[0]).toHaveTextContent('Level 2 → 4');
  });

  it("shows a finding's own history in its dialog", async () => {
    const finding = await app.backend.createFinding(app.id, newFinding({ clause_id: '4.1', kind: 'observation', title: 'Issues list stale' }));
    await app.backend.updateFinding(app.id, finding.id, newFinding({ clause_id: '4.1', kind: 'observation', title: 'Issues list stale', priority: 'high' }));
    const user = await openWorkspace(app.backend);
    await user.click(screen.getByRole('button', { name: /Issues list stale/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByText('History', { selector: 'summary' }));
    await waitFor(() => expect(within(dialog).getAllByTestId('history-entry')).toHaveLength(2));
    const [changed, added] = within(dialog).getAllByTestId('history-entry') as [HTMLElement, HTMLElement];
    expect(changed).toHaveTextContent('Priority Low → High');
    expect(added).toHaveTextContent('Added');
    expect(added).toHaveTextContent('Title Issues list stale');
  });

  it('lists every change of the assessment, narrowed by author and by day', async () => {
    await app.backend.editResponse(app.id, '8.5.1.3', { field: 'rating', value: { kind: 'level', level: 3 } });
    await app.backend.setAuthor('Ana Lima');
    await app.backend.editResponse(app.id, '9.2', { field: 'rating', value: { kind: 'level', level: 2 } });
    await app.backend.createFinding(app.id, newFinding({ clause_id: '9.2', kind: 'minor_nonconformity', title: 'No audit programme' }));
    const user = userEvent.setup();
    openView(app, 'history');
    await waitFor(() => expect(screen.getAllByTestId('history-entry')).toHaveLength(3));
    const authors = screen.getByRole('combobox', { name: 'Author' });
    expect(within(authors).getAllByRole('option').map((o) => o.textContent)).toEqual(['Everyone', 'Ana Lima', 'Test Consultant']);
    await user.selectOptions(authors, 'Test Consultant');
    await waitFor(() => expect(screen.getAllByTestId('history-entry')).toHaveLength(1));
    expect(screen.getByTestId('history-entry')).toHaveTextContent('Requirement 8.5.1.3');
    await user.selectOptions(authors, 'Ana Lima');
    await waitFor(() => expect(screen.getAllByTestId('history-entry')).toHaveLength(2));
    // A day range that ended before today holds nothing.
    await user.type(screen.getByLabelText('To'), '2020-01-01');
    await user.tab();
    expect(await screen.findByText('No change matches.')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('To'));
    await user.tab();
    await waitFor(() => expect(screen.getAllByTestId('history-entry')).toHaveLength(2));
    // A requirement named in the log opens it.
    await user.click(screen.getByRole('button', { name: 'Requirement 9.2' }));
    expect(await screen.findByRole('heading', { level: 2, name: /^9\.2 / })).toBeInTheDocument();
  });
});

describe("the consultant's name", () => {
  it('is asked on the first start, until given, and can be changed from the status bar', async () => {
    const backend = new TestBackend({ anonymous: true });
    const user = userEvent.setup();
    const first = renderApp(backend);
    const dialog = await screen.findByRole('dialog', { name: 'Welcome to Clausewise' });
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Give your name' })).toBeInTheDocument();
    first.unmount();

    // Asked again on the next start; a name too long is refused at the field.
    renderApp(backend);
    const again = await screen.findByRole('dialog', { name: 'Welcome to Clausewise' });
    const name = within(again).getByLabelText('Your name');
    await user.click(name);
    await user.paste('x'.repeat(201));
    await user.click(within(again).getByRole('button', { name: 'Save' }));
    expect(await within(again).findByRole('alert')).toHaveTextContent(/Author/);
    await user.clear(name);
    await user.type(name, '  Zoë Ødegård  ');
    await user.click(within(again).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await backend.getAuthor()).toBe('Zoë Ødegård');
    await user.click(screen.getByRole('button', { name: 'Author: Zoë Ødegård' }));
    const edit = await screen.findByRole('dialog', { name: 'Your name' });
    expect(within(edit).getByLabelText('Your name')).toHaveValue('Zoë Ødegård');
    await user.clear(within(edit).getByLabelText('Your name'));
    await user.type(within(edit).getByLabelText('Your name'), 'محمد');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('button', { name: 'Author: محمد' })).toBeInTheDocument();
  });

  it('is recorded with the changes made in the app', async () => {
    await app.backend.setAuthor('Dana Whitfield');
    const user = await openWorkspace(app.backend);
    await user.keyboard('3');
    await waitFor(async () => {
      const [entry] = await app.backend.getHistory(app.id, {});
      expect(entry?.author).toBe('Dana Whitfield');
    });
  });
});
