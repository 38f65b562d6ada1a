// Text of every surface (popup, options, overlay in the content script) through the browser's
// i18n API, which picks the user's language from _locales/ and always answers in extension pages
// and content scripts. No English is bundled: the content script's budget pays only for code, and
// the keys are typed, so tsc (and tests/i18n-keys.test.ts) hold that every key has a message.
// When the API is gone (the extension reloaded under a live page: the content script stops, see
// content/app.ts) t() answers '' rather than text from another copy. Unit tests get an API backed
// by _locales/en (tests/helpers/i18n-en.ts, a vitest setup file).
// No webextension-polyfill here: this module is in the content-script bundle (size budget).
import type en from '../../_locales/en/messages.json';

export type MessageKey = keyof typeof en;

interface I18nApi {
  getMessage(key: string, substitutions?: string | string[]): string;
  getUILanguage?(): string;
}

function i18nApi(): I18nApi | undefined {
  const g = globalThis as { chrome?: { i18n?: I18nApi }; browser?: { i18n?: I18nApi } };
  return g.chrome?.i18n ?? g.browser?.i18n;
}

/** The message in the user's language, `$1`… / named placeholders filled from `substitutions`. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  try {
    return i18nApi()?.getMessage(key, substitutions) ?? '';
  } catch {
    // An extension context that was invalidated: no new text.
    return '';
  }
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
