// An in-memory browser.storage for the options page: sync and local areas, and onChanged fired
// after each write (asynchronously, as in the browsers), also for writes "from elsewhere".
import type { StorageLike } from '../../src/ui/options/store';

type Listener = Parameters<StorageLike['onChanged']['addListener']>[0];

export class FakeStorage implements StorageLike {
  readonly syncData = new Map<string, unknown>();
  readonly localData = new Map<string, unknown>();
  readonly listeners = new Set<Listener>();
  /** Every value written to sync, in order (what the page saved). */
  readonly writes: Array<Record<string, unknown>> = [];
  failNextSet: Error | null = null;

  private fire(area: string, key: string, oldValue: unknown, newValue: unknown): void {
    queueMicrotask(() => {
      for (const listener of this.listeners) listener({ [key]: { oldValue, newValue } }, area);
    });
  }

  sync = {
    get: async (key: string): Promise<Record<string, unknown>> =>
      this.syncData.has(key) ? { [key]: structuredClone(this.syncData.get(key)) } : {},
    set: async (items: Record<string, unknown>): Promise<void> => {
      if (this.failNextSet) {
        const error = this.failNextSet;
        this.failNextSet = null;
        throw error;
      }
      this.writes.push(structuredClone(items));
      for (const [key, value] of Object.entries(items)) this.write('sync', this.syncData, key, value);
    },
  };

  local = {
    get: async (keys: string | null): Promise<Record<string, unknown>> =>
      keys === null
        ? structuredClone(Object.fromEntries(this.localData))
        : this.localData.has(keys)
          ? { [keys]: structuredClone(this.localData.get(keys)) }
          : {},
    set: async (items: Record<string, unknown>): Promise<void> => {
      for (const [key, value] of Object.entries(items)) this.write('local', this.localData, key, value);
    },
    remove: async (keys: string[]): Promise<void> => {
      for (const key of keys) {
        if (!this.localData.has(key)) continue;
        const old = this.localData.get(key);
        this.localData.delete(key);
        this.fire('local', key, old, undefined);
      }
    },
  };

  onChanged = {
    addListener: (listener: Listener) => void this.listeners.add(listener),
    removeListener: (listener: Listener) => void this.listeners.delete(listener),
  };

  /** A write by another page (the popup, another options window, sync from another device). */
  writeElsewhere(area: 'sync' | 'local', key: string, value: unknown): void {
    this.write(area, area === 'sync' ? this.syncData : this.localData, key, value);
  }

  private write(area: string, data: Map<string, unknown>, key: string, value: unknown): void {
    const old = data.get(key);
    data.set(key, structuredClone(value));
    this.fire(area, key, old, structuredClone(value));
  }
}
