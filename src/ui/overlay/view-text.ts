// Overlay texts shared by the view builders: message lookup with an English fallback, side names.
import en from '../../../_locales/en/messages.json';
import type { Side } from '../../core/types';
import { t, type MessageKey } from '../i18n';

/**
 * Text through t() when _locales has the key; otherwise this English (with $1, $2 …), so the
 * overlay never shows a raw key while a message is still to be added to _locales.
 */
export function say(key: string, english: string, subs: string[] = []): string {
  if (key in en) return t(key as MessageKey, subs);
  return english.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

/** The side's name as the overlay's column headings write it. */
export const sideTitle = (side: Side): string => t(side === 'long' ? 'overlay_long' : 'overlay_short');
