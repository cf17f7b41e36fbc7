import { screen, within, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { openWorkspace, testApp } from '../../testing/app';

const app = testApp({});

async function openDialog() {
  const user = await openWorkspace(app.backend);
  await user.click(screen.getByRole('button', { name: 'Export report' }));
  return { user, dialog: screen.getByRole('dialog', { name: 'Export the gap report' }) };
}

describe('the report export', () => {
  it('writes a Word document with the firm template, and remembers the choice', async () => {
    const { user, dialog } = await openDialog();
    expect(within(dialog).queryByLabelText(/Word template/)).not.toBeInTheDocument();
    await user.click(within(dialog).getByLabelText(/Word document/));
    expect(within(dialog).getByLabelText(/Word template/)).toHaveValue('Built-in styles');
    app.backend.templateAnswer = '/data/report-template.docx';
    const chooseButtons = within(dialog).getAllByRole('button', { name: 'Choose…' });
    await user.click(chooseButtons.at(-1)!);
    expect(within(dialog).getByLabelText(/Word template/)).toHaveValue('Template chosen');
    app.backend.exportAnswer = { path: '/home/consultant/r.docx', pages: null, bytes: 800_000, warnings: [] };
    await user.click(within(dialog).getByRole('button', { name: 'Export Word…' }));
    expect(await within(dialog).findByText('The report is saved.')).toBeInTheDocument();
    expect(within(dialog).queryByText(/pages/)).not.toBeInTheDocument();
    expect(within(dialog).getByText(/781 KB/)).toBeInTheDocument();
    const sent = app.backend.exports.at(-1)!.options;
    expect(sent.format).toBe('docx');
    expect(sent.template_path).toBe('/data/report-template.docx');
    await user.click(within(dialog).getByRole('button', { name: 'Open the document' }));
    expect(app.backend.opened.at(-1)).toEqual({ path: '/home/consultant/r.docx', reveal: false });
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await user.click(screen.getByRole('button', { name: 'Export report' }));
    const again = screen.getByRole('dialog', { name: 'Export the gap report' });
    expect(within(again).getByLabelText(/Word document/)).toBeChecked();
    expect(within(again).getByLabelText(/Word template/)).toHaveValue('Template chosen');
    expect(within(again).getByRole('button', { name: 'Export Word…' })).toBeInTheDocument();
  });

  it('sends the options, shows the result and opens the file; the options are remembered', async () => {
    const { user, dialog } = await openDialog();
    await user.type(within(dialog).getByLabelText('Consultancy'), 'Whitfield Advisory');
    await user.clear(within(dialog).getByLabelText('Confidentiality label'));
    await user.type(within(dialog).getByLabelText('Confidentiality label'), 'Strictly confidential');
    await user.click(within(dialog).getByRole('button', { name: 'Choose…' }));
    expect(within(dialog).getByLabelText('Logo (PNG or JPEG)')).toHaveValue('Logo added');
    await user.click(within(dialog).getByLabelText('Appendix: requirements and ITIL 4 practices'));
    expect(within(dialog).getByText('(14 of 15)')).toBeInTheDocument();
    await user.click(within(dialog).getByLabelText('In “Scope and method”, name who assessed which requirements'));
    await user.click(within(dialog).getByRole('button', { name: 'Export PDF…' }));

    expect(await within(dialog).findByText('The report is saved.')).toBeInTheDocument();
    expect(within(dialog).getByText(/36 pages/)).toBeInTheDocument();
    expect(within(dialog).getByTestId('export-path')).toHaveTextContent('/home/consultant/Nordwind - gap report.pdf');
    // A first assessment has no progress since a baseline: its report leaves
    // that section out too.
    expect(app.backend.exports).toEqual([
      {
        id: app.id,
        options: {
          format: 'pdf',
          lang: 'en',
          excluded: ['progress', 'itil'],
          confidentiality: 'Strictly confidential',
          firm: 'Whitfield Advisory',
          author: '',
          logo_path: '/home/consultant/logo.png',
          template_path: null,
          accent: null,
          name_assessors: true,
        },
      },
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Open the PDF' }));
    await user.click(within(dialog).getByRole('button', { name: 'Show in folder' }));
    expect(app.backend.opened).toEqual([
      { path: '/home/consultant/Nordwind - gap report.pdf', reveal: false },
      { path: '/home/consultant/Nordwind - gap report.pdf', reveal: true },
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    // Next time the firm, label, logo and sections are filled in already.
    await user.click(screen.getByRole('button', { name: 'Export report' }));
    const again = screen.getByRole('dialog', { name: 'Export the gap report' });
    expect(within(again).getByLabelText('Consultancy')).toHaveValue('Whitfield Advisory');
    expect(within(again).getByLabelText('Confidentiality label')).toHaveValue('Strictly confidential');
    expect(within(again).getByLabelText('Appendix: requirements and ITIL 4 practices')).not.toBeChecked();
  });

  it("writes the report in the chosen language, and starts the client's next report in it", async () => {
    const { user, dialog } = await openDialog();
    const language = within(dialog).getByLabelText('Report language');
    expect(language).toHaveValue('en');
    expect(within(language).getAllByRole('option').map((o) => o.textContent)).toEqual(['English', 'Deutsch', 'Français']);
    await user.selectOptions(language, 'Deutsch');
    await user.click(within(dialog).getByRole('button', { name: 'Export PDF…' }));
    expect(await within(dialog).findByText('The report is saved.')).toBeInTheDocument();
    expect(app.backend.exports.at(-1)!.options.lang).toBe('de');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    // Remembered for the client, not only on this machine: with the local
    // options gone, the client's language still comes first.
    localStorage.clear();
    await user.click(screen.getByRole('button', { name: 'Export report' }));
    const again = screen.getByRole('dialog', { name: 'Export the gap report' });
    await waitFor(() => expect(within(again).getByLabelText('Report language')).toHaveValue('de'));
    expect(await app.backend.reportLang(app.id)).toBe('de');
    // Filled in, not typed: closing asks nothing.
    await user.click(within(again).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('stays open with the options when the dialog is cancelled, and shows errors clearly', async () => {
    const { user, dialog } = await openDialog();
    app.backend.exportAnswer = null;
    await user.click(within(dialog).getByRole('button', { name: 'Export PDF…' }));
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Export PDF…' })).toBeEnabled());
    expect(within(dialog).queryByText('The report is saved.')).not.toBeInTheDocument();

    app.backend.exportAnswer = {
      code: 'storage',
      message: 'The report could not be saved to /media/usb/r.pdf: the disk is full',
      field: null,
    };
    await user.click(within(dialog).getByRole('button', { name: 'Export PDF…' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('the disk is full');

    app.backend.exportAnswer = { code: 'validation', message: 'The logo could not be read.', field: 'logo' };
    await user.click(within(dialog).getByRole('button', { name: 'Export PDF…' }));
    expect(await within(dialog).findByText('The logo could not be read.')).toBeInTheDocument();
  });

  it('needs at least one section', async () => {
    const { user, dialog } = await openDialog();
    for (const box of within(dialog).getAllByRole('checkbox')) await user.click(box);
    await user.click(within(dialog).getByRole('button', { name: 'Export PDF…' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Choose at least one section besides the contents.');
    await waitFor(() => expect(within(dialog).getAllByRole('checkbox')[0]).toHaveFocus());
    expect(app.backend.exports).toEqual([]);
  });

  it('reports warnings such as characters outside the typeface', async () => {
    const { user, dialog } = await openDialog();
    app.backend.exportAnswer = { path: '/tmp/r.pdf', pages: 30, bytes: 90_000, warnings: ['2 different characters are outside the typeface'] };
    await user.click(within(dialog).getByRole('button', { name: 'Export PDF…' }));
    expect(await within(dialog).findByText('2 different characters are outside the typeface')).toBeInTheDocument();
  });
});
