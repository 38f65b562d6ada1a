// The refusal the background answers a form with: its field is a plain path of ours, never a
// page's text, and the sentence names the field and nothing of the value.
import { describe, expect, it } from 'vitest';
import { formInvalid, safeField } from '../../src/background/quotes/refusal';

describe('formInvalid', () => {
  it('names the field and nothing of the value', () => {
    expect(formInvalid('account.walletBalance')).toEqual({
      code: 'FORM_INVALID',
      field: 'account.walletBalance',
      text: 'The order form could not be read cleanly (account.walletBalance). No figures until it can.',
    });
  });

  it('never passes on a path that is not a plain field path', () => {
    for (const path of ['<img src=x>', 'account.__proto__ x', 'a'.repeat(500), ''])
      expect(safeField(path)).toBe('form');
    expect(formInvalid('<img src=x>').text).not.toContain('<');
  });
});
