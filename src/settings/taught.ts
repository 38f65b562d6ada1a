// The fields the trader pointed at (teach mode, issue 14): per venue and page generation, the
// robust locator of each taught selector key, in storage.local under TAUGHT_KEY. Written by the
// content script (one entry per page at a time), listed and cleared by the options page.
// Read through parseTaught only: storage is shared with whatever else ran in the profile, so a
// bad entry is dropped on its own and never takes the others (or the reader) with it.
import { VENUES, type VenueId } from '../core/types';
import { arr, check, number, object, oneOf, record, string, type Infer } from '../schema';
import { locatorSchema, type Locator } from '../venues/dom/locator';

export const TAUGHT_KEY = 'taughtFields';
/** More pages than a trader teaches by hand; a cap keeps a corrupt or hostile list small. */
export const MAX_TAUGHT_PAGES = 50;
/** Selector keys per page: every venue's teach table has far fewer. */
const MAX_TAUGHT_KEYS = 24;

const selectorKey = string({ min: 1, max: 40, pattern: /^[A-Za-z][A-Za-z0-9]*$/ });

const taughtPageSchema = object({
  venue: oneOf(VENUES),
  page: string({ min: 1, max: 200 }),
  /** Epoch ms of the last pick on this page. */
  taughtAt: number({ min: 0, integer: true }),
  locators: record(selectorKey, locatorSchema, { max: MAX_TAUGHT_KEYS }),
});
export type TaughtPage = Omit<Infer<typeof taughtPageSchema>, 'locators'> & { locators: Record<string, Locator> };

/** The stored list: entries that fail the schema (or repeat a page) are dropped, the rest kept in order. */
export function parseTaught(raw: unknown): TaughtPage[] {
  const checked = check(arr, raw);
  if (!checked.ok) return [];
  const out: TaughtPage[] = [];
  for (const item of checked.value.slice(0, MAX_TAUGHT_PAGES)) {
    const entry = check(taughtPageSchema, item);
    if (!entry.ok || Object.keys(entry.value.locators).length === 0) continue;
    if (out.some((e) => e.venue === entry.value.venue && e.page === entry.value.page)) continue;
    out.push(entry.value as TaughtPage);
  }
  return out;
}

/**
 * The page generation we can know from here: the page's language (labels are looked up in it) and
 * the path's shape with the market replaced. Every reader takes the market from the path's last
 * segment (a page without one, Hyperliquid's /trade, shows a default market), so that segment is
 * the one replaced: "/trade/usdt/BTCUSDT" in English → "en /trade/usdt/*".
 */
export function pageKeyOf(url: URL, lang: string): string {
  const segments = url.pathname.split('/').filter((s) => s !== '');
  const shape = segments.length >= 2 ? segments.slice(0, -1) : segments;
  const language = lang.trim().toLowerCase().slice(0, 20) || '-';
  return `${language} /${[...shape, '*'].join('/')}`.slice(0, 200);
}

export function taughtFor(list: readonly TaughtPage[], venue: VenueId, page: string): TaughtPage | null {
  return list.find((e) => e.venue === venue && e.page === page) ?? null;
}

/** The list with this page's locators set to `locators` (the teach flow starts from what the page had); newest first. */
export function putTaught(
  list: readonly TaughtPage[],
  venue: VenueId,
  page: string,
  locators: Readonly<Record<string, Locator>>,
  now: number,
): TaughtPage[] {
  const entry: TaughtPage = { venue, page, taughtAt: now, locators: { ...locators } };
  return [entry, ...forgetTaught(list, venue, page)].slice(0, MAX_TAUGHT_PAGES);
}

/** The list without this page's entry. */
export function forgetTaught(list: readonly TaughtPage[], venue: VenueId, page: string): TaughtPage[] {
  return list.filter((e) => !(e.venue === venue && e.page === page));
}
