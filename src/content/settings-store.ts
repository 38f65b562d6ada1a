// Settings for the content script: read once from storage.sync, then followed through
// storage.onChanged, always through parseSettings (a hostile or corrupt value falls back to
// the defaults, which keep the guard on).
import { parseSettings, SETTINGS_KEY, type Settings } from '../settings/settings';
import type { ExtApi, StorageChanges } from './ext-api';

export async function loadSettings(ext: ExtApi): Promise<Settings> {
  try {
    return parseSettings(await ext.getSync(SETTINGS_KEY));
  } catch {
    // Storage unavailable (context invalidated, sync disabled by policy): defaults.
    return parseSettings(undefined);
  }
}

export function watchSettings(ext: ExtApi, signal: AbortSignal, onChange: (settings: Settings) => void): void {
  const listener = (changes: StorageChanges, area: string): void => {
    const change = changes[SETTINGS_KEY];
    if (area === 'sync' && change !== undefined) onChange(parseSettings(change.newValue));
  };
  ext.onStorageChanged.addListener(listener);
  signal.addEventListener('abort', () => ext.onStorageChanged.removeListener(listener), { once: true });
}
