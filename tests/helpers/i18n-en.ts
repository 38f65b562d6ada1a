// Vitest setup file (vitest.config.ts): unit tests run in node, without the browser's i18n API,
// so this gives them one backed by _locales/en that formats messages as the browsers do. The
// extension itself bundles no English (src/ui/i18n.ts); e2e tests use the browsers' own API.
import en from '../../_locales/en/messages.json';

export interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** `$1`…`$9` → the substitution (missing ones become empty, as in the browsers). */
const positional = (text: string, subs: readonly string[]): string =>
  text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');

/** The browsers' message format: named `$NAME$` placeholders (case-insensitive) → their content, `$$` → `$`. */
export function formatMessage(entry: MessageEntry, substitutions?: string | string[]): string {
  const subs = substitutions === undefined ? [] : typeof substitutions === 'string' ? [substitutions] : substitutions;
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$|\$(\d)/g, (whole, name?: string, digit?: string) => {
    if (whole === '$$') return '$';
    if (digit !== undefined) return subs[Number(digit) - 1] ?? '';
    const content = entry.placeholders?.[(name ?? '').toLowerCase()]?.content;
    return content === undefined ? '' : positional(content, subs);
  });
}

const messages: Record<string, MessageEntry | undefined> = en;

/** chrome.i18n in English; an unknown key answers '' as in the browsers. No getUILanguage: tests pick the locale. */
export const englishI18n = {
  getMessage: (key: string, substitutions?: string | string[]): string => {
    const entry = messages[key];
    return entry === undefined ? '' : formatMessage(entry, substitutions);
  },
};

const g = globalThis as { chrome?: { i18n?: unknown } };
g.chrome ??= {};
g.chrome.i18n ??= englishI18n;
