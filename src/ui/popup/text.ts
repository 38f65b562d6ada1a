// The popup's words: t() for every key _locales has; for a key still to be added there, the
// English given here (with $1, $2 …), so the popup never shows a raw key meanwhile.
import en from '../../../_locales/en/messages.json';
import { t, type MessageKey } from '../i18n';
import type { FieldError } from './validate';

export function say(key: string, english: string, subs: string[] = []): string {
  if (Object.hasOwn(en, key)) return t(key as MessageKey, subs);
  return english.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

/** A refused field, in words; `format` writes a plain decimal in the user's locale. */
export function fieldErrorText(error: FieldError, format: (v: string) => string): string {
  switch (error.kind) {
    case 'required':
      return say('popup_required', 'Required');
    case 'invalid':
      return say('error_notANumber', 'Enter a plain number like 5 or 0.5');
    case 'symbol':
      return say('popup_badSymbol', 'Letters, digits and . _ : / - only, e.g. BTCUSDT');
    case 'ambiguous':
      return say('popup_ambiguous', 'This reads two ways: $1 or $2. Type it without the thousands separator.', [
        format(error.readings[0]),
        format(error.readings[1]),
      ]);
    case 'greaterThan':
      return say('error_greaterThan', 'Enter a number greater than $1', [format(error.min)]);
    case 'atLeast':
      return say('error_atLeast', 'Enter $1 or more', [format(error.min)]);
    case 'atMost':
      return say('error_atMost', 'Enter $1 or less', [format(error.max)]);
    case 'below':
      return say('error_below', 'Enter a number below $1', [format(error.max)]);
  }
}
