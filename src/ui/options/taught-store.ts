// The options page's access to the fields the trader pointed at (teach mode, issue 14): the list
// in storage.local under TAUGHT_KEY, always read through parseTaught (a bad entry is dropped, the
// rest shown). The content scripts write it while teaching and follow its changes, so forgetting
// here takes effect on an open page at once.
import { forgetTaught, parseTaught, TAUGHT_KEY, type TaughtPage } from '../../settings/taught';
import type { StorageLike } from './store';

export interface TaughtStore {
  load(): Promise<TaughtPage[]>;
  /** Forgets one page's fields (venue and page key name it). */
  forget(venue: TaughtPage['venue'], page: string): Promise<void>;
  /** Forgets every page's fields; the number of pages forgotten. */
  forgetAll(): Promise<number>;
  /** Called with the parsed list whenever it changes (here, on a page being taught, or elsewhere). */
  subscribe(listener: (list: TaughtPage[]) => void): () => void;
}

export function taughtStore(storage: Pick<StorageLike, 'local' | 'onChanged'>): TaughtStore {
  const load = async (): Promise<TaughtPage[]> => parseTaught((await storage.local.get(TAUGHT_KEY))[TAUGHT_KEY]);
  return {
    load,
    async forget(venue, page) {
      // From the list as stored now: a page may have been taught since this one was shown.
      const left = forgetTaught(await load(), venue, page);
      if (left.length === 0) await storage.local.remove([TAUGHT_KEY]);
      else await storage.local.set({ [TAUGHT_KEY]: left });
    },
    async forgetAll() {
      const count = (await load()).length;
      await storage.local.remove([TAUGHT_KEY]);
      return count;
    },
    subscribe(listener) {
      const onChanged = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
        const change = changes[TAUGHT_KEY];
        if (areaName === 'local' && change !== undefined) listener(parseTaught(change.newValue));
      };
      storage.onChanged.addListener(onChanged);
      return () => storage.onChanged.removeListener(onChanged);
    },
  };
}
