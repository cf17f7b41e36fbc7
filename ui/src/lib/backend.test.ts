import { describe, expect, it } from 'vitest';
import { isApiError, toApiError } from './backend';
import { formatChanged } from './format';

describe('toApiError', () => {
  it('keeps errors from the Rust side as they are', () => {
    const e = { code: 'storage', message: 'The disk is full: nothing was saved.', field: null };
    expect(isApiError(e)).toBe(true);
    expect(toApiError(e)).toBe(e);
  });

  it('wraps plain strings from the shell (e.g. a denied command) as internal errors', () => {
    expect(toApiError('Command create_assessment not allowed by ACL')).toEqual({
      code: 'internal',
      message: 'Command create_assessment not allowed by ACL',
      field: null,
    });
    expect(isApiError({ code: 'bogus', message: 'x' })).toBe(false);
  });
});

describe('formatChanged', () => {
  const now = new Date(2026, 10, 24, 15, 0);
  it('says today and yesterday in local time', () => {
    expect(formatChanged(new Date(2026, 10, 24, 9, 30).toISOString(), now)).toMatch(/^Today, /);
    expect(formatChanged(new Date(2026, 10, 23, 22, 0).toISOString(), now)).toMatch(/^Yesterday, /);
    expect(formatChanged(new Date(2026, 9, 1, 8, 0).toISOString(), now)).toMatch(/2026/);
  });

  it('shows unparseable input unchanged', () => {
    expect(formatChanged('not a date', now)).toBe('not a date');
  });
});
