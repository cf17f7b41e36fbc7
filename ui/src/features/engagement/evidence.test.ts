/// <reference types="node" />
import { screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openView, testApp } from '../../testing/app';

const app = testApp({ client_name: 'Nordwind Logistik GmbH' });

/** A file on disk as the consultant would attach it; its path and content. */
function tempFile(name: string, text: string): { path: string; bytes: Buffer; sha: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'clausewise-evidence-')), name);
  const bytes = Buffer.from(text, 'utf8');
  writeFileSync(path, bytes);
  return { path, bytes, sha: createHash('sha256').update(bytes).digest('hex') };
}

const editor = () => screen.getByRole('form', { name: /E-01|New evidence item/ });
const stored = async () => (await app.backend.getEngagement(app.id)).evidence;

async function openEvidence() {
  const user = userEvent.setup();
  openView(app, 'evidence');
  await screen.findAllByRole('button', { name: /Add evidence item/ });
  return user;
}

/** Adds "Change records Q1" backing 8.5.1.3 through the editor; leaves it open. */
async function addChangeRecords(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getAllByRole('button', { name: /Add evidence item/ })[0]!);
  const form = editor();
  await user.selectOptions(within(form).getByLabelText('Kind'), 'Record');
  await user.type(within(form).getByLabelText('Title'), 'Change records Q1 — Журнал изменений');
  await user.type(within(form).getByLabelText('Filter: Requirements it backs'), '8.5.1.3{Enter}');
  await user.click(within(form).getByRole('button', { name: /^Save/ }));
  expect(await within(form).findByText('Added to the register as E-01.')).toBeInTheDocument();
}

describe('the evidence register', () => {
  it('starts empty with a way to add the first item, also with N', async () => {
    const user = await openEvidence();
    expect(screen.getByRole('heading', { name: 'No evidence recorded yet' })).toBeInTheDocument();
    await user.keyboard('n');
    expect(editor()).toBeInTheDocument();
    expect(within(editor()).getByLabelText('Title')).toHaveFocus();
  });

  it('adds an item; a refused sample keeps everything typed, Esc asks before discarding', async () => {
    const user = await openEvidence();
    await addChangeRecords(user);
    const form = editor();
    expect(within(form).getByRole('heading', { name: /E-01/ })).toHaveTextContent('Change records Q1 — Журнал изменений');
    expect(await stored()).toMatchObject([{ code: 'E-01', kind: 'record', clause_ids: ['8.5.1.3'], sampling: null }]);

    await user.type(within(form).getByLabelText('Population'), '148');
    await user.type(within(form).getByLabelText('Sample size'), '200');
    await user.type(within(form).getByLabelText('Owner'), 'Dana Fischer');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await within(form).findByText('A sample cannot be larger than the population it is drawn from (200 of 148).')).toBeInTheDocument();
    expect(within(form).getByLabelText('Owner')).toHaveValue('Dana Fischer');
    expect(within(form).getByLabelText('Sample size')).toHaveValue('200');
    expect((await stored())[0]?.owner).toBe('');

    // Esc with unsaved changes asks; keeping them keeps the text.
    await user.keyboard('{Escape}');
    const question = screen.getByRole('alertdialog', { name: 'Discard the changes to E-01?' });
    await user.click(within(question).getByRole('button', { name: 'Keep editing' }));
    expect(within(editor()).getByLabelText('Owner')).toHaveValue('Dana Fischer');

    await user.clear(within(form).getByLabelText('Sample size'));
    await user.type(within(form).getByLabelText('Sample size'), '12');
    await user.type(within(form).getByLabelText('Exceptions'), '2');
    await user.click(within(form).getByRole('button', { name: /^Save/ }));
    expect(await within(form).findByText('Saved.')).toBeInTheDocument();
    expect((await stored())[0]).toMatchObject({ owner: 'Dana Fischer', sampling: { population: 148, sample: 12, exceptions: 2 } });

    // The register lists it with its sample, once the editor is closed.
    await user.click(within(form).getByRole('button', { name: 'Close' }));
    const row = screen.getByRole('row', { name: /E-01/ });
    expect(row).toHaveTextContent('12 of 148 sampled, 2 exceptions');
    expect(row).toHaveTextContent('8.5.1.3');
  });

  it('keeps what was typed and not saved across leaving the view', async () => {
    const user = await openEvidence();
    await addChangeRecords(user);
    await user.type(within(editor()).getByLabelText('Notes'), 'Two changes had no approval record.');
    await user.click(screen.getByRole('link', { name: 'Findings' }));
    await screen.findByRole('heading', { level: 2, name: 'Findings' });
    await user.click(screen.getByRole('link', { name: 'Evidence' }));
    const form = await screen.findByRole('form', { name: /E-01/ });
    expect(within(form).getByLabelText('Notes')).toHaveValue('Two changes had no approval record.');
    expect(within(form).getByText(/What you typed here earlier and did not save is back/)).toBeInTheDocument();
    expect((await stored())[0]?.notes).toBe('');
  });

  it('attaches files from the open dialog and by dropping them, opens one hash-checked, removes one', async () => {
    const user = await openEvidence();
    await addChangeRecords(user);
    const form = editor();
    const changes = tempFile('changes-q1.csv', 'id;approved\nCHG-101;yes\nCHG-102;no\n');
    app.backend.attachDialogAnswer = [changes.path];
    await user.click(within(form).getByRole('button', { name: 'Attach files…' }));
    expect(await within(form).findByTestId('file-notice')).toHaveTextContent('Attached “changes-q1.csv”.');
    const files = within(form).getByRole('list', { name: 'Attached files' });
    expect(files).toHaveTextContent('changes-q1.csv');
    expect(files).toHaveTextContent(changes.sha.slice(0, 12));
    expect(files).not.toHaveTextContent(changes.sha.slice(0, 13));
    expect((await stored())[0]?.files).toMatchObject([{ name: 'changes-q1.csv', sha256: changes.sha, stored: true }]);

    // Dragged over the window: it says where the files go; dropped, they are attached.
    const policy = tempFile('Änderungsrichtlinie.txt', 'Richtlinie v2 — 变更政策');
    app.backend.dragFiles([policy.path], { drop: false });
    expect(await screen.findByText(/Drop to attach to/)).toHaveTextContent('E-01 Change records Q1');
    app.backend.drag({ kind: 'drop', paths: [policy.path] });
    await waitFor(() => expect(within(form).getByRole('list', { name: 'Attached files' })).toHaveTextContent('Änderungsrichtlinie.txt'));
    expect(screen.queryByText(/Drop to attach to/)).not.toBeInTheDocument();

    // What cannot be attached is said, and stays until dismissed.
    const folder = join(mkdtempSync(join(tmpdir(), 'clausewise-evidence-')), 'Scans');
    mkdirSync(folder);
    app.backend.dragFiles([folder]);
    const refused = await within(form).findByText('“Scans” is a folder; attach the files in it one by one.');
    await user.type(within(form).getByLabelText('Notes'), 'x');
    expect(refused).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Dismiss' }));
    expect(within(form).queryByText(/is a folder/)).not.toBeInTheDocument();

    // Opened: a copy checked against its hash, byte for byte the original.
    await user.click(within(form).getByRole('button', { name: 'Open changes-q1.csv' }));
    await waitFor(() => expect(app.backend.attachmentsOpened).toHaveLength(1));
    const opened = app.backend.attachmentsOpened[0]!;
    expect(opened.sha256).toBe(changes.sha);
    expect(readFileSync(opened.path).equals(changes.bytes)).toBe(true);
    expect(within(form).getByTestId('file-notice')).toHaveTextContent(opened.path);

    await user.click(within(form).getByRole('button', { name: 'Remove Änderungsrichtlinie.txt' }));
    const confirm = screen.getByRole('dialog', { name: 'Remove “Änderungsrichtlinie.txt”?' });
    await user.click(within(confirm).getByRole('button', { name: 'Remove file' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(form).getByRole('list', { name: 'Attached files' })).not.toHaveTextContent('Änderungsrichtlinie.txt');
    expect((await stored())[0]?.files.map((f) => f.name)).toEqual(['changes-q1.csv']);

    // Away from the view, dropped files go nowhere.
    expect(app.backend.dropListenerCount).toBe(1);
    await user.click(within(form).getByRole('button', { name: 'Close' }));
    await user.click(screen.getByRole('link', { name: 'Scope' }));
    await screen.findByTestId('scope-stats');
    expect(app.backend.dropListenerCount).toBe(0);
  });

  it('raises the finding a sample with exceptions calls for, and the workspace counts it', async () => {
    const user = await openEvidence();
    await addChangeRecords(user);
    const form = editor();
    const raise = within(form).getByRole('button', { name: 'Raise finding' });
    expect(raise).toBeDisabled();
    await user.type(within(form).getByLabelText('Population'), '148');
    await user.type(within(form).getByLabelText('Sample size'), '12');
    await user.type(within(form).getByLabelText('Exceptions'), '2');
    expect(raise).toBeEnabled();
    // Not saved yet: raising saves the sample first.
    await user.click(raise);
    const raised = await within(form).findByTestId('raised-finding');
    expect(raised).toHaveTextContent('Minor nonconformity');
    expect(raised).toHaveTextContent('8.5.1.3 · 2 of 12 sampled records do not conform: Change records Q1');
    const findings = await app.backend.findingsOf(app.id);
    expect(findings).toMatchObject([{ clause_id: '8.5.1.3', kind: 'minor_nonconformity' }]);
    expect((await stored())[0]).toMatchObject({ finding_ids: [findings[0]!.id], sampling: { exceptions: 2 } });
    expect(within(screen.getByRole('link', { name: /Findings/ })).getByText('1')).toBeInTheDocument();
    expect(within(form).getByRole('list', { name: /Findings it backs: chosen/ })).toHaveTextContent('8.5.1.3');

    await user.click(within(raised).getByRole('button', { name: 'Open finding' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit finding' });
    expect(within(dialog).getByLabelText('Title')).toHaveValue(findings[0]!.title);
  });

  it('records the documented information register: seen, approved, current and the item it was seen as', async () => {
    const policy = await app.backend.addEvidence(app.id, {
      kind: 'document',
      title: 'SMS scope statement',
      version: '1.2',
      owner: '',
      seen_on: null,
      location: '',
      notes: '',
      clause_ids: ['4.3'],
      finding_ids: [],
      scope_ids: [],
      sampling: null,
    });
    const user = await openEvidence();
    await user.click(screen.getByRole('button', { name: 'Documented information' }));
    const checklist = screen.getByRole('region', { name: /^7\.5\.4 / });
    const entry = () => within(checklist).getByRole('group', { name: 'SMS scope' });
    // Not checked yet: only whether it was seen can be said.
    expect(within(entry()).queryByRole('group', { name: 'Approved' })).not.toBeInTheDocument();
    await user.click(within(entry()).getByRole('button', { name: 'Seen' }));
    await user.click(await within(entry()).findByRole('button', { name: 'Approved' }));
    await waitFor(() => expect(within(entry()).getByRole('button', { name: 'Approved' })).toHaveAttribute('aria-pressed', 'true'));
    await user.click(within(entry()).getByRole('button', { name: 'Out of date' }));
    await waitFor(() => expect(within(entry()).getByRole('button', { name: 'Out of date' })).toHaveAttribute('aria-pressed', 'true'));
    await user.selectOptions(within(entry()).getByLabelText('Seen as (evidence item)'), 'E-01 SMS scope statement');
    await waitFor(async () =>
      expect((await app.backend.getWorkspace(app.id)).documents.find((d) => d.clause_id === '7.5.4' && d.item === 'SMS scope')).toEqual({
        clause_id: '7.5.4',
        item: 'SMS scope',
        present: true,
        approved: true,
        current: false,
        evidence_id: policy.id,
      }),
    );
    // The same document expected by 4.3 is an entry of its own.
    const scope = screen.getByRole('region', { name: /^4\.3 / });
    expect(within(within(scope).getByRole('group', { name: 'SMS scope' })).getByRole('button', { name: 'Seen' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await user.selectOptions(screen.getByLabelText('Entries shown'), 'Missing, not approved or out of date');
    expect(screen.getAllByRole('region', { name: /^\d/ })).toHaveLength(1);
    expect(screen.getByTestId('register-stats')).toHaveTextContent('1 of 67 checked · 1 missing, not approved or out of date');
  });
});
