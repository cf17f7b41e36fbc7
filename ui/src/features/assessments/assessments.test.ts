import { screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { newAssessment, renderApp, testApp } from '../../testing/app';

const app = testApp();
const renderList = () => renderApp(app.backend);

async function seed(client: string, title: string) {
  return app.backend.createAssessment(newAssessment({ client_name: client, title }));
}

describe('assessment list', () => {
  it('shows client, title, status and last change, newest first', async () => {
    await seed('Nordwind Logistik GmbH', 'Readiness 2025');
    await seed('Ελληνική Εταιρεία', 'Αξιολόγηση 2026');
    renderList();
    const rows = await screen.findAllByRole('row');
    // header + 2 rows
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByText('Ελληνική Εταιρεία')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Αξιολόγηση 2026')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Draft')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Readiness 2025')).toBeInTheDocument();
    expect(screen.getByText(/2 assessments · 2 clients/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Assessments' })).toHaveAttribute('aria-current', 'page');
  });

  it('invites to create the first assessment when there is none', async () => {
    renderList();
    expect(await screen.findByRole('heading', { name: 'No assessments yet' })).toBeInTheDocument();
  });

  it('filters by client or title', async () => {
    const user = userEvent.setup();
    await seed('Acme', 'Baseline');
    await seed('Globex', 'Follow-up');
    renderList();
    await screen.findByText('Baseline');
    await user.type(screen.getByRole('searchbox', { name: 'Filter assessments' }), 'glob');
    expect(screen.queryByText('Baseline')).not.toBeInTheDocument();
    expect(screen.getByText('Follow-up')).toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox', { name: 'Filter assessments' }));
    await user.type(screen.getByRole('searchbox', { name: 'Filter assessments' }), 'zzz');
    expect(screen.getByText('No assessment matches “zzz”.')).toBeInTheDocument();
  });

  it('explains a database it cannot open instead of showing an empty list', async () => {
    await app.backend.damageDatabase();
    renderList();
    expect(await screen.findByRole('heading', { name: 'Clausewise cannot open its database' })).toBeInTheDocument();
    expect(screen.getByText(/is not a Clausewise database, or it is damaged/)).toBeInTheDocument();
  });
});

describe('creating an assessment', () => {
  it('shows the message for a missing field at the field, focused, and creates nothing', async () => {
    const user = userEvent.setup();
    renderList();
    await user.click(await screen.findByRole('button', { name: /New assessment/ }));
    const dialog = screen.getByRole('dialog', { name: 'New assessment' });
    await user.click(within(dialog).getByRole('button', { name: 'Create assessment' }));
    const client = within(dialog).getByLabelText('Client');
    expect(await within(dialog).findByText('Client name is required.')).toBeInTheDocument();
    expect(client).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(client).toHaveFocus());
    // The Rust side names one field at a time: the next one once the first is filled in.
    await user.type(client, 'Acme');
    await user.click(within(dialog).getByRole('button', { name: 'Create assessment' }));
    expect(await within(dialog).findByText('Assessment title is required.')).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByLabelText('Assessment title')).toHaveFocus());
    expect(await app.backend.assessments()).toHaveLength(0);
  });

  it('shows a validation error from the backend at its field', async () => {
    const user = userEvent.setup();
    renderList();
    await user.click(await screen.findByRole('button', { name: /New assessment/ }));
    const dialog = screen.getByRole('dialog', { name: 'New assessment' });
    await user.type(within(dialog).getByLabelText('Client'), 'Acme');
    await user.click(within(dialog).getByLabelText('Assessment title'));
    await user.paste('x'.repeat(201));
    await user.click(within(dialog).getByRole('button', { name: 'Create assessment' }));
    expect(await within(dialog).findByText(/too long: 201 characters/)).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Assessment title')).toHaveAttribute('aria-invalid', 'true');
  });

  it('creates with the keyboard shortcut and opens the new assessment', async () => {
    const user = userEvent.setup();
    renderList();
    await screen.findByRole('heading', { name: 'No assessments yet' });
    await user.keyboard('n');
    const dialog = screen.getByRole('dialog', { name: 'New assessment' });
    expect(within(dialog).getByLabelText('Client')).toHaveFocus();
    await user.type(within(dialog).getByLabelText('Client'), 'Łódź Transit 🚋');
    await user.type(within(dialog).getByLabelText('Assessment title'), 'Stage 1 readiness');
    await user.selectOptions(within(dialog).getByLabelText('Target maturity'), '4');
    await user.click(within(dialog).getByRole('button', { name: 'Create assessment' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const [created] = await app.backend.assessments();
    expect(created?.target_level).toBe(4);
    expect(created?.title).toBe('Stage 1 readiness');
    expect((await app.backend.listClients())[0]?.name).toBe('Łódź Transit 🚋');
    await waitFor(() => expect(location.hash).toBe(`#/assessments/${created?.id}`));
  });

  it('closes with Escape without creating anything, asking first once something is typed', async () => {
    const user = userEvent.setup();
    renderList();
    await user.click(await screen.findByRole('button', { name: /New assessment/ }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: /New assessment/ })[0]!);
    await user.type(screen.getByLabelText('Client'), 'Acme');
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await app.backend.assessments()).toHaveLength(0);
  });
});

describe('renaming and deleting', () => {
  it('renames an assessment', async () => {
    const user = userEvent.setup();
    await seed('Acme', 'Old title');
    renderList();
    await user.click(await screen.findByRole('button', { name: 'Rename Old title' }));
    const dialog = screen.getByRole('dialog', { name: 'Rename assessment' });
    const input = within(dialog).getByLabelText('Assessment title');
    expect(input).toHaveValue('Old title');
    await user.clear(input);
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));
    expect(await within(dialog).findByText('Assessment title is required.')).toBeInTheDocument();
    await user.type(input, 'New title');
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));
    expect(await screen.findByText('New title')).toBeInTheDocument();
    expect(screen.queryByText('Old title')).not.toBeInTheDocument();
  });

  it('asks before deleting, and keeping it changes nothing', async () => {
    const user = userEvent.setup();
    await seed('Acme', 'Keep me');
    renderList();
    await user.click(await screen.findByRole('button', { name: 'Delete Keep me' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete assessment?' });
    expect(within(dialog).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(await app.backend.assessments()).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Delete Keep me' }));
    await user.click(screen.getByRole('button', { name: 'Delete assessment' }));
    await waitFor(() => expect(screen.queryByText('Keep me')).not.toBeInTheDocument());
    expect(await app.backend.assessments()).toHaveLength(0);
    expect(screen.getByRole('status')).toHaveTextContent('Deleted “Keep me”.');
  });
});

describe('validation messages', () => {
  it('disappear as soon as their field is edited, and only then', async () => {
    const user = userEvent.setup();
    renderList();
    await user.click(await screen.findByRole('button', { name: /New assessment/ }));
    const dialog = screen.getByRole('dialog', { name: 'New assessment' });
    await user.click(within(dialog).getByRole('button', { name: 'Create assessment' }));
    expect(await within(dialog).findByText('Client name is required.')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('Client'), 'A');
    expect(within(dialog).queryByText('Client name is required.')).not.toBeInTheDocument();
    expect(within(dialog).getByLabelText('Client')).toHaveAttribute('aria-invalid', 'false');
    await user.click(within(dialog).getByRole('button', { name: 'Create assessment' }));
    expect(await within(dialog).findByText('Assessment title is required.')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('Client'), 'cme');
    expect(within(dialog).getByText('Assessment title is required.')).toBeInTheDocument();
  });
});
