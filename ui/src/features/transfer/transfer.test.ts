import { screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { newAssessment, newFinding, openWorkspace, renderApp, testApp } from '../../testing/app';

const app = testApp();

/** An assessment's file, as another computer would hand it over, with the assessment gone from here. */
async function fileFromElsewhere(title: string): Promise<string> {
  const a = await app.backend.createAssessment(newAssessment({ title }));
  const path = await app.backend.exportFile(a.id);
  await app.backend.deleteAssessment(a.id);
  return path;
}

describe('importing an assessment file', () => {
  it('adds the assessment and says so', async () => {
    const user = userEvent.setup();
    app.backend.openDialogAnswer = await fileFromElsewhere('Archived review');
    renderApp(app.backend);
    await user.click(await screen.findByRole('button', { name: 'Import…' }));
    expect(await screen.findByText('Imported “Archived review”.')).toBeInTheDocument();
    expect(app.backend.imports).toEqual([{ path: null, onConflict: null }]);
    expect(await screen.findByRole('link', { name: 'Archived review' })).toBeInTheDocument();
  });

  it('explains when a follow-up comes without its baseline', async () => {
    const user = userEvent.setup();
    const baseline = await app.backend.createAssessment(newAssessment({ title: 'Review 2026' }));
    const follow = await app.backend.startFollowUp(baseline.id, { title: 'Review 2027', copy_levels: true });
    app.backend.openDialogAnswer = await app.backend.exportFile(follow.id);
    await app.backend.deleteAssessment(follow.id);
    await app.backend.deleteAssessment(baseline.id);
    renderApp(app.backend);
    await user.click(await screen.findByRole('button', { name: 'Import…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Imported without its baseline' });
    expect(within(dialog).getByText('“Review 2027” was imported.')).toBeInTheDocument();
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'It is a follow-up, but its baseline is not in this database, so it was imported without one.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Review 2027')).toBeInTheDocument();
  });

  it('asks replace or keep both when the assessment is already here, and passes the choice on', async () => {
    const user = userEvent.setup();
    const here = await app.backend.createAssessment(newAssessment({ title: 'Readiness' }));
    const file = await app.backend.exportFile(here.id);
    app.backend.openDialogAnswer = file;
    renderApp(app.backend);
    await user.click(await screen.findByRole('button', { name: 'Import…' }));
    const dialog = await screen.findByRole('dialog', { name: 'This assessment is already here' });
    expect(within(dialog).getByText(/The assessment “Readiness” is already in this database/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Keep both' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(app.backend.imports[1]).toEqual({ path: file, onConflict: 'keep_both' });
    // The copy is told apart by its title.
    expect(await screen.findByText('Imported “Readiness (imported copy)”.')).toBeInTheDocument();
    expect((await app.backend.assessments()).map((a) => a.title).sort()).toEqual(['Readiness', 'Readiness (imported copy)']);
  });

  it('merges a colleague’s copy: the preview, the conflict side by side, the choice applied', async () => {
    const user = userEvent.setup();
    const here = await app.backend.createAssessment(newAssessment({ title: 'Readiness' }));
    await app.backend.editResponse(here.id, '9.2', { field: 'notes', value: 'Programme drafted' });
    // The colleague's copy: the same start, then Ben wrote 9.2's note and
    // rated 9.4, as the file's history records.
    const file = await app.backend.exportFile(here.id, (f) => {
      const start = f.responses.find((r) => r.clause_id === '9.2')!;
      start.notes = 'Programme drafted, not approved';
      f.responses.push({ ...start, clause_id: '9.4', notes: '', rating: { kind: 'level', level: 2 } });
      const at = new Date().toISOString();
      f.history.push(
        {
          id: crypto.randomUUID(), at, author: 'Ben Okafor', kind: 'edit', origin: 'local',
          rows: [{ table: 'clause_response', key: [here.id, '9.2'], op: 'update', before: { notes: 'Programme drafted' }, after: { notes: 'Programme drafted, not approved' } }],
        },
        {
          id: crypto.randomUUID(), at, author: 'Ben Okafor', kind: 'edit', origin: 'local',
          rows: [{ table: 'clause_response', key: [here.id, '9.4'], op: 'insert', before: null, after: { rating: 'level', level: 2 } }],
        },
      );
    });
    await app.backend.editResponse(here.id, '9.2', { field: 'notes', value: 'Programme approved by the CIO' });
    app.backend.openDialogAnswer = file;
    renderApp(app.backend);
    await user.click(await screen.findByRole('button', { name: 'Import…' }));
    const ask = await screen.findByRole('dialog', { name: 'This assessment is already here' });
    await user.click(within(ask).getByRole('button', { name: 'Merge…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Merge “Readiness”' });
    expect(within(dialog).getByTestId('merge-tally')).toHaveTextContent(
      '1 change only the other copy made, taken 0 records only the other copy has, added 1 conflict to decide',
    );
    const conflicts = within(dialog).getAllByTestId('merge-conflict');
    expect(conflicts).toHaveLength(1);
    const conflict = within(conflicts[0]!);
    expect(conflicts[0]).toHaveTextContent('Requirement 9.2: Notes');
    expect(conflict.getByRole('radio', { name: /This computer · Test Consultant · .* Programme approved by the CIO/ })).toBeInTheDocument();
    const theirs = conflict.getByRole('radio', { name: /The file · Ben Okafor · .* Programme drafted, not approved/ });
    const merge = within(dialog).getByRole('button', { name: 'Merge' });
    expect(merge).toBeDisabled();
    expect(within(dialog).getByText('1 still to decide')).toBeInTheDocument();
    // Mine for all, then the file's value for this one.
    await user.click(within(dialog).getByRole('button', { name: 'Mine for all' }));
    expect(merge).toBeEnabled();
    await user.click(theirs);
    await user.click(merge);
    expect(await screen.findByText('Merged into “Readiness”: 1 taken, 0 added, 1 decided.')).toBeInTheDocument();
    expect((await app.backend.response(here.id, '9.2'))?.notes).toBe('Programme drafted, not approved');
    expect((await app.backend.response(here.id, '9.4'))?.rating).toEqual({ kind: 'level', level: 2 });
    // Ben's changes are in the log under his name, beside the merge.
    const log = await app.backend.getHistory(here.id, {});
    expect(log[0]?.kind).toBe('merge');
    expect(log.filter((e) => e.author === 'Ben Okafor')).toHaveLength(2);
    // The same file again: nothing to merge.
    await user.click(screen.getByRole('button', { name: 'Import…' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'This assessment is already here' })).getByRole('button', { name: 'Merge…' }));
    const again = await screen.findByRole('dialog', { name: 'Merge “Readiness”' });
    expect(within(again).getByTestId('merge-tally')).toHaveTextContent('0 changes');
    expect(within(again).queryAllByTestId('merge-conflict')).toHaveLength(0);
  });

  it('shows what is wrong with a bad file and that nothing changed', async () => {
    const a = await app.backend.createAssessment(newAssessment());
    for (const [clause_id, title] of [['4.1', 'Context'], ['5.1', 'Leadership'], ['9.2', 'Audit']] as const) {
      await app.backend.createFinding(a.id, newFinding({ clause_id, kind: 'observation', title }));
    }
    app.backend.openDialogAnswer = await app.backend.exportFile(a.id, (file) => {
      const audit = file.findings.find((f) => f.title === 'Audit')!;
      audit.owner = 'J. Müller\nCIO';
    });
    await app.backend.deleteAssessment(a.id);
    const user = userEvent.setup();
    renderApp(app.backend);
    await user.click(await screen.findByRole('button', { name: 'Import…' }));
    const dialog = await screen.findByRole('dialog', { name: 'The file cannot be imported' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent('findings[2] ("Audit"): Owner must not contain control characters.');
    expect(within(dialog).getByText('Nothing was changed.')).toBeInTheDocument();
    expect(await app.backend.assessments()).toEqual([]);
  });
});

describe('exporting an assessment', () => {
  it('offers the formats and shows where the file went', async () => {
    const a = await app.backend.createAssessment(newAssessment());
    location.hash = `#/assessments/${a.id}`;
    const user = await openWorkspace(app.backend);
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    const dialog = screen.getByRole('dialog', { name: 'Export the assessment' });
    await user.click(within(dialog).getByLabelText(/Excel workbook/));
    await user.click(within(dialog).getByRole('button', { name: 'Export…' }));
    expect(await within(dialog).findByTestId('exported-path')).toHaveTextContent('/home/consultant/export.xlsx');
    expect(app.backend.exported).toEqual([{ id: a.id, format: 'xlsx' }]);
  });

  it('offers the evidence files with the assessment file, off unless asked for', async () => {
    const a = await app.backend.createAssessment(newAssessment());
    location.hash = `#/assessments/${a.id}`;
    const user = await openWorkspace(app.backend);
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    const dialog = screen.getByRole('dialog', { name: 'Export the assessment' });
    const files = within(dialog).getByRole('checkbox', { name: /Include evidence files \(a package; larger\)/ });
    expect(files).not.toBeChecked();
    expect(files).toHaveAccessibleDescription(/small enough to e-mail/);
    await user.click(within(dialog).getByRole('button', { name: 'Export…' }));
    await within(dialog).findByTestId('exported-path');
    expect(app.backend.exported).toEqual([{ id: a.id, format: 'clausewise' }]);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    await user.click(screen.getByRole('button', { name: 'Export…' }));
    const again = screen.getByRole('dialog', { name: 'Export the assessment' });
    await user.click(within(again).getByRole('checkbox', { name: /Include evidence files/ }));
    await user.click(within(again).getByRole('button', { name: 'Export…' }));
    await within(again).findByTestId('exported-path');
    expect(app.backend.exported[1]).toEqual({ id: a.id, format: 'clausewise', withFiles: true });
    // Only the assessment file carries files.
    await user.click(within(again).getByRole('button', { name: 'Close' }));
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    const third = screen.getByRole('dialog', { name: 'Export the assessment' });
    await user.click(within(third).getByLabelText(/Excel workbook/));
    expect(within(third).queryByRole('checkbox', { name: /Include evidence files/ })).not.toBeInTheDocument();
  });

  it('asks for the CSV separator and remembers it', async () => {
    localStorage.removeItem('clausewise.csv-delimiter');
    const a = await app.backend.createAssessment(newAssessment());
    location.hash = `#/assessments/${a.id}`;
    const user = await openWorkspace(app.backend);
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    let dialog = screen.getByRole('dialog', { name: 'Export the assessment' });
    expect(within(dialog).queryByRole('group', { name: 'Separator' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByLabelText(/Clause results \(\.csv\)/));
    const separator = within(dialog).getByRole('group', { name: 'Separator' });
    expect(within(separator).getByLabelText('Comma')).toBeChecked();
    await user.click(within(separator).getByLabelText(/Semicolon/));
    await user.click(within(dialog).getByRole('button', { name: 'Export…' }));
    await within(dialog).findByTestId('exported-path');
    expect(app.backend.exported).toEqual([{ id: a.id, format: 'csv_clauses', delimiter: 'semicolon' }]);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    await user.click(screen.getByRole('button', { name: 'Export…' }));
    dialog = screen.getByRole('dialog', { name: 'Export the assessment' });
    await user.click(within(dialog).getByLabelText(/Findings and roadmap \(\.csv\)/));
    expect(within(within(dialog).getByRole('group', { name: 'Separator' })).getByLabelText(/Semicolon/)).toBeChecked();
  });
});
