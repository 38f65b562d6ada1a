// A refused popup field in words (the messages are in _locales, looked up by t()).
import { t } from '../i18n';
import type { FieldError } from './validate';

/** A refused field, in words; `format` writes a plain decimal in the user's locale. */
export function fieldErrorText(error: FieldError, format: (v: string) => string): string {
  switch (error.kind) {
    case 'required':
      return t('popup_required');
    case 'invalid':
      return t('error_notANumber');
    case 'symbol':
      return t('popup_badSymbol');
    case 'ambiguous':
      return t('popup_ambiguous', [format(error.readings[0]), format(error.readings[1])]);
    case 'greaterThan':
      return t('error_greaterThan', [format(error.min)]);
    case 'atLeast':
      return t('error_atLeast', [format(error.min)]);
    case 'atMost':
      return t('error_atMost', [format(error.max)]);
    case 'below':
      return t('error_below', [format(error.max)]);
  }
}
