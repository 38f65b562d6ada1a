// Text of every surface (popup, options, overlay in the content script) through the browser's
// i18n API, which picks the user's language from _locales/ and always answers in extension pages
// and content scripts. No English is bundled: the content script's budget pays only for code, and
// the keys are typed, so tsc (and tests/i18n-keys.test.ts) hold that every key has a message.
// When the API is gone (the extension reloaded under a live page: the content script stops, see
// content/app.ts) t() answers '' rather than text from another copy. Answers are kept per key and
// substitutions (see t): a render asks for the same labels every time. Unit tests get an API backed
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

/**
 * Answers already given, per API object (a test or a reloaded extension brings a new one) and per
 * key + substitutions. getMessage crosses into the browser on every call (issue 15: ~25 % of our
 * page-side JS while typing, the same few dozen labels on every render), and a message does not
 * change under a running page. Bounded: substitutions carry figures, which change per keystroke,
 * so a full cache starts over (the labels are asked again once) rather than growing.
 */
const answers = new WeakMap<I18nApi, Map<string, string>>();
const MAX_CACHED_ANSWERS = 500;

/** The message in the user's language, `$1`… / named placeholders filled from `substitutions`. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  const api = i18nApi();
  if (api === undefined) return '';
  let cache = answers.get(api);
  // JSON keeps key and substitutions apart whatever text a substitution (maybe read from a page) holds.
  const id = substitutions === undefined ? key : JSON.stringify([key, substitutions]);
  const known = cache?.get(id);
  if (known !== undefined) return known;
  let text: string;
  try {
    text = api.getMessage(key, substitutions);
  } catch {
    // An extension context that was invalidated: no new text.
    return '';
  }
  if (cache === undefined) {
    cache = new Map();
    answers.set(api, cache);
  }
  if (cache.size >= MAX_CACHED_ANSWERS) cache.clear();
  cache.set(id, text);
  return text;
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
