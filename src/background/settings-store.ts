// User settings as the background sees them: read once at start, then kept current from
// storage.onChanged. Always validated with parseSettings; never trusted as stored.
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from '../settings/settings';
import type { Log, StorageAreaLike } from './env';

export interface SettingsStore {
  current(): Settings;
  load(): Promise<void>;
  onStorageChanged(changes: Record<string, { newValue?: unknown }>, areaName: string): void;
  onChange(listener: () => void): void;
}

export function createSettingsStore(sync: StorageAreaLike | null, log: Log): SettingsStore {
  let settings: Settings = DEFAULT_SETTINGS;
  const listeners: Array<() => void> = [];
  const set = (raw: unknown): void => {
    settings = parseSettings(raw);
    for (const listener of listeners) listener();
  };
  return {
    current: () => settings,
    async load() {
      if (sync === null) return;
      try {
        set((await sync.get(SETTINGS_KEY))[SETTINGS_KEY]);
      } catch {
        log.warn('Margin Preflight: could not read settings; using defaults');
      }
    },
    onStorageChanged(changes, areaName) {
      if (areaName === 'sync' && Object.hasOwn(changes, SETTINGS_KEY)) set(changes[SETTINGS_KEY]?.newValue);
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}
