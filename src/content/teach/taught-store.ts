// The taught fields as the content script holds them: loaded with the settings before the first
// session reads the page, followed through storage.onChanged (the options page may forget them),
// and written one page at a time. A write updates the copy here at once (the form is read again
// with the new pick in the same moment) and then storage, read fresh so that a change the options
// page made meanwhile to another page's entry is kept.
import { forgetTaught, parseTaught, putTaught, TAUGHT_KEY, taughtFor, type TaughtPage } from '../../settings/taught';
import type { Locator } from '../../venues/dom/locator';
import type { VenueId } from '../../core/types';
import type { ExtApi, StorageChanges } from '../ext-api';

export interface TaughtStore {
  locators(venue: VenueId, page: string): Readonly<Record<string, Locator>> | null;
  /** Sets (or, with null, forgets) one page's locators. */
  put(venue: VenueId, page: string, locators: Readonly<Record<string, Locator>> | null): void;
}

const change = (
  list: readonly TaughtPage[],
  venue: VenueId,
  page: string,
  locators: Readonly<Record<string, Locator>> | null,
  now: number,
) =>
  locators === null || Object.keys(locators).length === 0
    ? forgetTaught(list, venue, page)
    : putTaught(list, venue, page, locators, now);

export async function loadTaught(ext: Pick<ExtApi, 'getLocal'>): Promise<TaughtPage[]> {
  try {
    return parseTaught(await ext.getLocal(TAUGHT_KEY));
  } catch {
    return []; // storage unavailable: nothing taught, the built-in reader alone
  }
}

/**
 * The store over `initial`; `onChange` runs when storage changed it from elsewhere (the options
 * page, another tab), after the copy here follows.
 */
export function createTaughtStore(
  ext: Pick<ExtApi, 'getLocal' | 'setLocal' | 'onStorageChanged'>,
  initial: TaughtPage[],
  signal: AbortSignal,
  onChange: () => void,
  now: () => number = Date.now,
): TaughtStore {
  let list = initial;
  const listener = (changes: StorageChanges, area: string): void => {
    const changed = changes[TAUGHT_KEY];
    if (area !== 'local' || changed === undefined) return;
    list = parseTaught(changed.newValue);
    onChange();
  };
  ext.onStorageChanged.addListener(listener);
  signal.addEventListener('abort', () => ext.onStorageChanged.removeListener(listener), { once: true });

  return {
    locators: (venue, page) => taughtFor(list, venue, page)?.locators ?? null,
    put(venue, page, locators) {
      const at = now();
      list = change(list, venue, page, locators, at);
      // Read fresh (not through loadTaught: a failed read must not write a list without the others).
      void ext
        .getLocal(TAUGHT_KEY)
        .then((raw) => ext.setLocal(TAUGHT_KEY, change(parseTaught(raw), venue, page, locators, at)))
        .catch(() => undefined); // storage gone (extension reloaded): the pick holds for this page's life
    },
  };
}
