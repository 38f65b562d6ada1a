// The options page's access to storage: settings in storage.sync (always read through
// parseSettings), overlay positions in storage.local. Takes the storage API as an argument so
// the form can be tested against a fake one with the same shape.
import { parseSettings, SETTINGS_KEY, type Settings } from '../../settings/settings';

/**
 * The content script stores the dragged overlay's position per venue under this prefix
 * (src/content/session.ts, positionKey); tests/options/options.test.tsx checks the two agree.
 */
export const OVERLAY_POSITION_PREFIX = 'overlayPosition.';

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;
type ChangeListener = (changes: Changes, areaName: string) => void;

/** The part of browser.storage this page uses (webextension-polyfill's types fit it). */
export interface StorageLike {
  sync: {
    get(keys: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
  local: {
    get(keys: string | null): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
    remove(keys: string[]): Promise<void>;
  };
  onChanged: {
    addListener(listener: ChangeListener): void;
    removeListener(listener: ChangeListener): void;
  };
}

export interface SettingsStore {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
  /** Called with the parsed new settings whenever storage.sync's settings change (here or elsewhere). */
  subscribe(listener: (settings: Settings) => void): () => void;
  /** Forgets every remembered overlay position; the number removed. */
  clearOverlayPositions(): Promise<number>;
}

export function settingsStore(storage: StorageLike): SettingsStore {
  return {
    load: async () => parseSettings((await storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]),
    save: (settings) => storage.sync.set({ [SETTINGS_KEY]: settings }),
    subscribe(listener) {
      const onChanged: ChangeListener = (changes, areaName) => {
        const change = changes[SETTINGS_KEY];
        if (areaName === 'sync' && change !== undefined) listener(parseSettings(change.newValue));
      };
      storage.onChanged.addListener(onChanged);
      return () => storage.onChanged.removeListener(onChanged);
    },
    async clearOverlayPositions() {
      const keys = Object.keys(await storage.local.get(null)).filter((key) => key.startsWith(OVERLAY_POSITION_PREFIX));
      if (keys.length > 0) await storage.local.remove(keys);
      return keys.length;
    },
  };
}
