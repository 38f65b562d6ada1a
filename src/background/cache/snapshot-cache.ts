// Last snapshot per market, in memory and mirrored to storage.session, because Chrome stops an
// idle service worker (and Firefox unloads an idle event page) and globals die with it.
// Restored snapshots keep their figures' original receivedAt: age, not restoration, decides
// whether a figure is still usable.
import type { VenueId } from '../../core/types';
import { isMarketSnapshot } from '../../messaging/validate-cs-to-bg';
import type { MarketSnapshot } from '../../venues/types';
import type { Clock, Log, StorageAreaLike } from '../env';

export const CACHE_KEY = 'marketCache';
export const CACHE_VERSION = 1;
export const MAX_CACHED_MARKETS = 16;
/** Writes are coalesced: a 1 s stream would otherwise write storage every second. */
export const PERSIST_DELAY_MS = 2_000;

/** Cache and hub key for one market; symbols never contain spaces (messages.ts SYMBOL). */
export const marketKey = (venue: VenueId, symbol: string): string => `${venue} ${symbol}`;
const keyOf = (snapshot: MarketSnapshot): string => marketKey(snapshot.venue, snapshot.symbol);

export class SnapshotCache {
  private readonly snapshots = new Map<string, MarketSnapshot>();
  private timer: unknown = null;

  constructor(
    private readonly area: StorageAreaLike | null,
    private readonly clock: Clock,
    private readonly log: Log,
  ) {}

  /** Load what a previous worker saved. Anything that fails validation is dropped. */
  async restore(): Promise<void> {
    if (this.area === null) return;
    let stored: unknown;
    try {
      stored = (await this.area.get(CACHE_KEY))[CACHE_KEY];
    } catch {
      this.log.warn('Margin Preflight: could not read the market cache');
      return;
    }
    if (typeof stored !== 'object' || stored === null) return;
    const { version, snapshots } = stored as { version?: unknown; snapshots?: unknown };
    if (version !== CACHE_VERSION || !Array.isArray(snapshots)) return;
    for (const snapshot of snapshots.slice(-MAX_CACHED_MARKETS)) {
      // Entries written since this worker started are newer than the stored ones.
      if (isMarketSnapshot(snapshot) && !this.snapshots.has(keyOf(snapshot)))
        this.snapshots.set(keyOf(snapshot), snapshot);
    }
  }

  get(key: string): MarketSnapshot | null {
    return this.snapshots.get(key) ?? null;
  }

  put(key: string, snapshot: MarketSnapshot): void {
    // Re-insert so Map order is least recently updated first, for eviction.
    this.snapshots.delete(key);
    this.snapshots.set(key, snapshot);
    for (const oldest of this.snapshots.keys()) {
      if (this.snapshots.size <= MAX_CACHED_MARKETS) break;
      this.snapshots.delete(oldest);
    }
    this.schedulePersist();
  }

  private schedulePersist(): void {
    if (this.area === null || this.timer !== null) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.persist();
    }, PERSIST_DELAY_MS);
  }

  async persist(): Promise<void> {
    if (this.area === null) return;
    try {
      await this.area.set({ [CACHE_KEY]: { version: CACHE_VERSION, snapshots: [...this.snapshots.values()] } });
    } catch {
      this.log.warn('Margin Preflight: could not save the market cache');
    }
  }
}
