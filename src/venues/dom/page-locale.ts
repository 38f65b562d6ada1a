// The page's language, and what follows from it for a reader: which of the venue's label tables
// to match the page's words with, and how the page writes numbers (numbers.ts).
//
// The language is what the page declares in <html lang>, and, for a venue whose URLs carry a locale
// segment (Binance /zh-CN/futures/…, OKX /ru/trade-swap/…), that segment. When both are there they
// must name the same table (a half-done SPA switch between languages is not read). No lang and no
// segment: English, as before (our tables must still match the page's words).
//
// Number conventions per language (CLDR's decimal separator): dot for English, Chinese, Japanese,
// Korean, Thai…; comma for Russian, Ukrainian, German, French, Spanish, Portuguese, Turkish,
// Vietnamese, Italian, Polish, Indonesian… A venue whose comma-language pages we have not seen
// rendered reads them as 'either' (numbers.ts: the scope's evidence decides, an ambiguous "1.000"
// is refused without evidence); a venue that has seen them says so in `commaSeen`.
import type { PageNumberFormat } from './numbers';

/** Languages (primary subtag) whose numbers are written with a decimal comma. */
const COMMA_LANGUAGES = new Set([
  'ru', 'uk', 'be', 'kk', 'de', 'fr', 'es', 'pt', 'it', 'tr', 'vi', 'pl', 'nl', 'id', 'cs', 'sk', 'ro', 'hu',
  'bg', 'el', 'sv', 'da', 'nb', 'no', 'fi', 'az', 'uz', 'ka', 'lt', 'lv', 'et', 'sl', 'hr', 'sr', 'pt-br',
]); // prettier-ignore

/** Languages whose numbers are written with a decimal dot. */
const DOT_LANGUAGES = new Set(['en', 'zh', 'ja', 'ko', 'th', 'he', 'ms', 'fil', 'tl', 'hi', 'bn', 'ur', 'my']);

/** A locale segment at the start of a path: "/zh-CN/", "/ru/", "/pt-BR/", "/es-LA/". */
const URL_LOCALE = /^\/([a-z]{2,3}(?:-[a-z]{2,4})?)\//i;

export interface PageLocale {
  /** The label table used: one of the venue's table ids ('en', 'zh-CN', 'ru', …). */
  table: string;
  /** How the page writes numbers. */
  format: PageNumberFormat;
}

export interface LocaleOptions {
  /** The venue's URLs carry a locale segment ("/ru/…"): it counts as the page's word too. */
  urlSegment?: boolean;
  /** Table ids whose decimal-comma rendering the venue is known to use (else 'either'). */
  commaSeen?: readonly string[];
}

/** The language the document declares, trimmed; null when it declares none. */
export function declaredLanguage(doc: Document): string | null {
  const lang = doc.documentElement.getAttribute('lang')?.trim() ?? '';
  return lang === '' ? null : lang;
}

/** The locale segment of a venue URL ("/zh-CN/futures/BTCUSDT" → "zh-CN"); null without one. */
export function urlLanguage(url: URL): string | null {
  return URL_LOCALE.exec(url.pathname)?.[1] ?? null;
}

/**
 * The table for a language tag among `tables`: the tag itself, then the Chinese script variants
 * (zh-Hant / zh-HK / zh-MO → zh-TW; zh / zh-Hans / zh-SG → zh-CN), then its primary subtag
 * (ru-RU → ru, pt-BR → pt, uk-UA → uk). Case-insensitive; null when none fits.
 */
export function tableFor(tag: string, tables: readonly string[]): string | null {
  const lower = tag.toLowerCase().replace(/_/g, '-');
  const find = (id: string): string | null => tables.find((t) => t.toLowerCase() === id) ?? null;
  const primary = lower.split('-')[0] ?? lower;
  const chinese = primary !== 'zh' ? null : /^zh-(?:hant|tw|hk|mo)(?:-|$)/.test(lower) ? 'zh-tw' : 'zh-cn';
  return find(lower) ?? (chinese === null ? null : find(chinese)) ?? find(primary);
}

/** 'dot' or 'comma' for a language tag; null when we do not know its convention. */
export function numberFormatOf(tag: string): 'dot' | 'comma' | null {
  const primary = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  return DOT_LANGUAGES.has(primary) ? 'dot' : COMMA_LANGUAGES.has(primary) ? 'comma' : null;
}

/**
 * The page's label table and number convention, or null when the page is in a language the venue
 * has no table for (or declares two different ones): the reader then refuses with 'locale'.
 */
export function pageLocale(
  doc: Document,
  url: URL,
  tables: readonly string[],
  options: LocaleOptions = {},
): PageLocale | null {
  const declared = declaredLanguage(doc);
  const segment = options.urlSegment === true ? urlLanguage(url) : null;
  const tags = [declared, segment].filter((tag): tag is string => tag !== null);
  if (tags.length === 0) tags.push('en');
  const found = tags.map((tag) => tableFor(tag, tables));
  const table = found[0];
  if (table === null || table === undefined || found.some((other) => other !== table)) return null;
  const format = numberFormatOf(table);
  if (format === null) return null;
  const seen = format === 'dot' || (options.commaSeen ?? []).includes(table);
  return { table, format: seen ? format : 'either' };
}

/** A pattern for a row that starts with one of a table's words ("Avbl 10,000.00 USDT" → /^(?:Avbl)/). */
export function prefixPattern(words: readonly string[]): RegExp {
  return new RegExp(`^(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})`);
}

/**
 * The label table of the page a document shows, for the paths that have no URL of their own (the
 * guard's submit lookup, the form root): English when the page's language has no table — the
 * reader refuses such a page anyway.
 */
export function documentTable(doc: Document, tables: readonly string[], options: LocaleOptions = {}): string {
  let url: URL;
  try {
    url = new URL(doc.URL);
  } catch {
    return 'en';
  }
  return pageLocale(doc, url, tables, options)?.table ?? 'en';
}
