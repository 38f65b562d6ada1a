// Text of every surface (popup, options, overlay in the content script) through the browser's
// i18n API, which picks the user's language from _locales/. The English file is bundled as the
// fallback: unit tests have no i18n API, and a key the browser does not know still shows text.
// No webextension-polyfill here: this module is in the content-script bundle (size budget).
import en from '../../_locales/en/messages.json';

export type MessageKey = keyof typeof en;

interface I18nApi {
  getMessage(key: string, substitutions?: string | string[]): string;
  getUILanguage?(): string;
}

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

function i18nApi(): I18nApi | undefined {
  const g = globalThis as { chrome?: { i18n?: I18nApi }; browser?: { i18n?: I18nApi } };
  return g.chrome?.i18n ?? g.browser?.i18n;
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

export function t(key: MessageKey, substitutions?: string | string[]): string {
  try {
    const text = i18nApi()?.getMessage(key, substitutions);
    if (text) return text;
  } catch {
    // An extension context that was invalidated (the extension reloaded under a live page): English below.
  }
  return formatMessage(en[key] as MessageEntry, substitutions);
}

let cachedLocale: string | undefined;

/**
 * The browser's UI language (for number formatting), else the page's, else English. Asked once:
 * getUILanguage is an API call (measured ~6 ms per page load when asked for every number), and the
 * UI language does not change under a running page.
 */
export function uiLocale(): string {
  if (cachedLocale !== undefined) return cachedLocale;
  let lang: string | undefined;
  try {
    lang = i18nApi()?.getUILanguage?.() || undefined;
  } catch {
    // Invalidated context: fall through.
  }
  cachedLocale = lang ?? ((typeof navigator !== 'undefined' && navigator.language) || 'en');
  return cachedLocale;
}

/** Tests switch the UI language between cases. */
export function resetUiLocaleForTests(): void {
  cachedLocale = undefined;
}
