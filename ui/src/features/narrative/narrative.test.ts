import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { openView, testApp } from '../../testing/app';

const app = testApp({});

describe('the report text', () => {
  it('saves each part as the Rust side stores it, clause comments included', async () => {
    const user = userEvent.setup();
    openView(app, 'narrative');
    await user.type(await screen.findByLabelText('Management summary'), 'The SMS is **well founded**.  ');
    await user.tab();
    await waitFor(async () =>
      expect((await app.backend.getNarrative(app.id)).summary).toBe('The SMS is **well founded**.'),
    );
    // The stored form (trimmed) is what the field shows once saved.
    expect(screen.getByLabelText('Management summary')).toHaveValue('The SMS is **well founded**.');
    expect(screen.getByTestId('narrative-save')).toHaveTextContent('All report text saved');

    await user.type(screen.getByLabelText(/^9 Performance evaluation/), 'Внутренний аудит 内部审核');
    await user.tab();
    await waitFor(async () =>
      expect((await app.backend.getNarrative(app.id)).clause_comments).toEqual([
        { clause_id: '9', text: 'Внутренний аудит 内部审核' },
      ]),
    );
  });

  it('keeps a refused text on screen, says why, and never claims it is saved', async () => {
    openView(app, 'narrative');
    const field = await screen.findByLabelText('Conclusions');
    // 100,001 characters: one more than a part may hold.
    await fireEvent.input(field, { target: { value: 'x'.repeat(100_001) } });
    await fireEvent.blur(field);
    expect(await screen.findByText(/Not saved: The text is too long/)).toBeInTheDocument();
    expect(screen.getByTestId('narrative-save')).toHaveTextContent('1 part is not saved');
    expect(screen.getByTestId('narrative-save')).not.toHaveTextContent('All report text saved');
    expect((field as HTMLTextAreaElement).value).toHaveLength(100_001);
    expect((await app.backend.getNarrative(app.id)).conclusions).toBe('');

    // Shortened, it saves and the message goes.
    await fireEvent.input(field, { target: { value: 'Ready for stage 1 once 9.2 and 9.3 are done.' } });
    await fireEvent.blur(field);
    await waitFor(async () =>
      expect((await app.backend.getNarrative(app.id)).conclusions).toBe('Ready for stage 1 once 9.2 and 9.3 are done.'),
    );
    await waitFor(() => expect(screen.queryByText(/Not saved/)).not.toBeInTheDocument());
  });
});
