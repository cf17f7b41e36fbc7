import { screen, within, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, afterEach } from 'vitest';
import { renderApp, testApp } from '../../testing/app';
import { SHORTCUTS, dispatch, keyLabels, matches } from '../../lib/shortcuts';

const app = testApp({});

afterEach(() => {
  document.documentElement.classList.remove('high-contrast');
});

function key(init: KeyboardEventInit): KeyboardEvent {
  return new KeyboardEvent('keydown', { cancelable: true, ...init });
}

async function open(hash: string) {
  location.hash = hash;
  const user = userEvent.setup();
  renderApp(app.backend);
  return user;
}

describe('the shortcuts table', () => {
  it('matches keys as written, with Ctrl on every layout and letters in either case', () => {
    expect(matches('Ctrl+=', key({ key: '=', ctrlKey: true }))).toBe(true);
    expect(matches('Ctrl++', key({ key: '+', ctrlKey: true, shiftKey: true }))).toBe(true);
    // With Ctrl, Shift tells a letter's shortcuts apart: undo and redo.
    expect(matches('Ctrl+z', key({ key: 'z', ctrlKey: true }))).toBe(true);
    expect(matches('Ctrl+z', key({ key: 'Z', ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matches('Ctrl+Shift+z', key({ key: 'Z', ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matches('Ctrl+Shift+z', key({ key: 'z', ctrlKey: true }))).toBe(false);
    expect(matches('Ctrl+0', key({ key: 'à', code: 'Digit0', ctrlKey: true }))).toBe(true);
    expect(matches('Ctrl+0', key({ key: '0', code: 'Digit0' }))).toBe(false);
    expect(matches('0', key({ key: '0', ctrlKey: true }))).toBe(false);
    expect(matches('?', key({ key: '?', shiftKey: true }))).toBe(true);
    expect(matches('f', key({ key: 'F', shiftKey: true }))).toBe(true);
    expect(matches('f', key({ key: 'f', altKey: true }))).toBe(false);
    expect(matches('ArrowDown', key({ key: 'ArrowDown', shiftKey: true }))).toBe(false);
    expect(matches('Shift+PageUp', key({ key: 'PageUp', shiftKey: true }))).toBe(true);
    expect(matches('PageUp', key({ key: 'PageUp', shiftKey: true }))).toBe(false);
  });

  it('runs the first handler of the most specific place that does not decline', () => {
    const ran: string[] = [];
    const event = key({ key: 'Escape' });
    const handled = dispatch(event, ['search', 'text'], {
      openFirstMatch: () => void ran.push('open'),
      leaveField: () => void ran.push('leave'),
    });
    expect(handled).toBe(true);
    expect(ran).toEqual(['leave']);
    expect(event.defaultPrevented).toBe(true);

    const digit = key({ key: '3' });
    expect(dispatch(digit, ['clauses'], { rate: () => false })).toBe(false);
    expect(digit.defaultPrevented).toBe(false);
  });

  it('is what the shortcuts dialog shows, every entry of it', async () => {
    const user = await open(`#/assessments/${app.id}`);
    await screen.findByRole('heading', { level: 2, name: /4\.1 / });
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const rows = within(dialog)
      .getAllByRole('row')
      .map((r) => Array.from((r as HTMLTableRowElement).cells, (c) => c.textContent?.replace(/\s+/g, ' ').trim()).join(' | '));
    for (const s of SHORTCUTS) expect(rows).toContain(`${keyLabels(s).join(' or ')} | ${s.description}`);
    expect(rows).toHaveLength(SHORTCUTS.length);
    expect(within(dialog).getByRole('table', { name: 'Every view of an assessment' })).toHaveTextContent(/F\s*New finding/);
  });
});

describe('keys on every view of an assessment', () => {
  it('F opens a new finding on the Findings view, and on the others', async () => {
    const user = await open(`#/assessments/${app.id}/findings`);
    await screen.findByRole('heading', { level: 2, name: 'Findings' });
    await user.keyboard('f');
    const dialog = screen.getByRole('dialog', { name: 'New finding' });
    expect(within(dialog).getByLabelText('Clause')).toHaveValue('4.1');
    await user.keyboard('{Escape}');
    for (const view of ['Roadmap', 'KPIs', 'Dashboard']) {
      await user.click(screen.getByRole('link', { name: view }));
      await waitFor(() => expect(location.hash).toContain(`/${view.toLowerCase()}`));
      await user.keyboard('f');
      expect(screen.getByRole('dialog', { name: 'New finding' })).toBeInTheDocument();
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    }
  });

  it('the Findings view has an Add finding button, for the clause last opened', async () => {
    const user = await open(`#/assessments/${app.id}`);
    await screen.findByRole('heading', { level: 2, name: /4\.1 / });
    await user.keyboard('jj');
    await screen.findByRole('heading', { level: 2, name: /4\.3 / });
    await user.click(screen.getByRole('link', { name: /Findings/ }));
    const view = (await screen.findByRole('heading', { level: 2, name: 'Findings' })).closest('section')!;
    await user.click(within(view).getByRole('button', { name: /Add finding/ }));
    const dialog = screen.getByRole('dialog', { name: 'New finding' });
    expect(within(dialog).getByLabelText('Clause')).toHaveValue('4.3');
  });

  it('/ on another view goes to the clause search', async () => {
    const user = await open(`#/assessments/${app.id}/roadmap`);
    await screen.findByRole('heading', { name: 'Improvement roadmap' });
    await user.keyboard('/');
    await waitFor(() => expect(screen.getByRole('searchbox', { name: /Search clauses/ })).toHaveFocus());
  });

  it('Enter in the clause search opens the first match and leaves the search, so digits score it', async () => {
    const user = await open(`#/assessments/${app.id}`);
    await screen.findByRole('heading', { level: 2, name: /4\.1 / });
    await user.keyboard('/');
    const search = screen.getByRole('searchbox', { name: /Search clauses/ });
    await user.type(search, '8.5.1');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 2, name: /8\.5\.1\.1 / })).toBeInTheDocument();
    expect(search).not.toHaveFocus();
    await user.keyboard('4');
    await waitFor(() => expect(app.backend.saves.at(-1)).toMatchObject({ clause_id: '8.5.1.1', rating: { kind: 'level', level: 4 } }));
    // The filter stays: J moves on within the matches.
    expect(search).toHaveValue('8.5.1');
    await user.keyboard('j');
    expect(await screen.findByRole('heading', { level: 2, name: /8\.5\.1\.2 / })).toBeInTheDocument();
  });

  it('N opens the not applicable form with the field focused and its confirm button shown', async () => {
    const user = await open(`#/assessments/${app.id}`);
    await screen.findByRole('heading', { level: 2, name: /4\.1 / });
    await user.keyboard('n');
    expect(screen.getByLabelText('Why does this requirement not apply to this SMS?')).toHaveFocus();
    expect(screen.getByRole('button', { name: /Mark not applicable/ })).toBeVisible();
  });
});

describe('zoom and high contrast', () => {
  it('zoom with Ctrl+= and Ctrl+- in browser steps, also while typing; Ctrl+0 resets; remembered', async () => {
    const user = await open(`#/assessments/${app.id}`);
    await screen.findByRole('heading', { level: 2, name: /4\.1 / });
    await user.keyboard('{Control>}={/Control}');
    await user.keyboard('{Control>}={/Control}');
    expect(screen.getByRole('button', { name: /^Zoom 125 %/ })).toHaveTextContent('125 %');
    await user.click(screen.getByLabelText(/^Notes/));
    await user.keyboard('{Control>}-{/Control}');
    expect(screen.getByLabelText(/^Notes/)).toHaveValue('');
    expect(app.backend.zooms).toEqual([1.1, 1.25, 1.1]);
    expect(localStorage.getItem('clausewise.zoom')).toBe('1.1');
    await user.keyboard('{Control>}0{/Control}');
    expect(app.backend.zooms.at(-1)).toBe(1);
    // The rating did not change: Ctrl+0 is not the digit 0.
    expect(app.backend.saves).toHaveLength(0);
    for (let i = 0; i < 12; i++) await user.keyboard('{Control>}={/Control}');
    expect(app.backend.zooms.at(-1)).toBe(2);
    expect(screen.getByRole('button', { name: 'Zoom in' })).toBeDisabled();
  });

  it('applies the remembered zoom and contrast on start; the contrast toggle is remembered', async () => {
    localStorage.setItem('clausewise.zoom', '1.5');
    const user = await open('#/');
    await screen.findByRole('heading', { name: 'Assessments' });
    expect(app.backend.zooms).toEqual([1.5]);
    const toggle = screen.getByRole('button', { name: /High contrast/ });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement).toHaveClass('high-contrast');
    expect(localStorage.getItem('clausewise.high-contrast')).toBe('on');
  });

  it('? shows the shortcuts on the assessment list too', async () => {
    const user = await open('#/');
    await screen.findByRole('heading', { name: 'Assessments' });
    await user.keyboard('?');
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });
});
