// Feeds shared across tabs: one runner per (venue, symbol), started by its first subscriber
// and stopped when the last one leaves; the runners of one venue share one socket (stream-pool.ts). Every snapshot goes to the cache first, so a
// restarted worker (or a tab switching back) sees the last figures with their true ages.
import type { VenueId } from '../../core/types';
import type { VenueFeed } from '../../venues/feed-types';
import { feedFor } from '../../venues/feeds';
import type { MarketSnapshot } from '../../venues/types';
import { marketKey, type SnapshotCache } from '../cache/snapshot-cache';
import { FeedRunner, type RunnerDeps } from './runner';
import { StreamPool } from './stream-pool';

/** A compromised renderer could ask for market after market; each costs a subscription and polls. */
export const MAX_ACTIVE_FEEDS = 10;

export type SnapshotListener = (snapshot: MarketSnapshot) => void;

export interface Subscription {
  /** The snapshot to show right away (cached figures keep their original ages). */
  snapshot: MarketSnapshot;
  unsubscribe(): void;
}

interface Entry {
  runner: FeedRunner;
  listeners: Set<SnapshotListener>;
}

function unavailable(venue: VenueId, symbol: string, why: string): MarketSnapshot {
  return { venue, symbol, figures: {}, status: 'unavailable', lastError: why };
}

export class FeedHub {
  private readonly entries = new Map<string, Entry>();
  private readonly deps: RunnerDeps;

  constructor(
    deps: RunnerDeps,
    private readonly cache: SnapshotCache,
    private readonly onSnapshot: SnapshotListener = () => undefined,
    private readonly lookup: (venue: VenueId) => VenueFeed | undefined = feedFor,
  ) {
    this.deps = { ...deps, streams: deps.streams ?? new StreamPool(deps) };
  }

  subscribe(venue: VenueId, symbol: string, listener: SnapshotListener): Subscription {
    const feed = this.lookup(venue);
    const none = { unsubscribe: () => undefined };
    if (feed === undefined)
      return {
        ...none,
        snapshot: unavailable(venue, symbol, 'No live market data for this venue yet; bundled facts are used'),
      };
    if (!feed.symbolPattern.test(symbol))
      return { ...none, snapshot: unavailable(venue, symbol, `Symbol ${symbol} is not a market this feed knows`) };
    const key = marketKey(venue, symbol);
    let entry = this.entries.get(key);
    if (entry === undefined) {
      if (this.entries.size >= MAX_ACTIVE_FEEDS)
        return {
          ...none,
          snapshot: unavailable(venue, symbol, 'Too many markets watched at once; close some exchange tabs'),
        };
      const listeners = new Set<SnapshotListener>();
      const runner = new FeedRunner(feed, symbol, this.deps, this.cache.get(key), (snapshot) => {
        this.cache.put(key, snapshot);
        this.onSnapshot(snapshot);
        for (const notify of listeners) notify(snapshot);
      });
      entry = { runner, listeners };
      this.entries.set(key, entry);
      runner.start();
    }
    const active = entry;
    active.listeners.add(listener);
    let subscribed = true;
    return {
      snapshot: active.runner.current(),
      unsubscribe: () => {
        if (!subscribed) return;
        subscribed = false;
        active.listeners.delete(listener);
        if (active.listeners.size === 0 && this.entries.get(key) === active) {
          active.runner.stop();
          this.entries.delete(key);
        }
      },
    };
  }

  /** Latest snapshot for a market: the running feed's, else the cached one, else null. */
  snapshot(venue: VenueId, symbol: string): MarketSnapshot | null {
    const key = marketKey(venue, symbol);
    return this.entries.get(key)?.runner.current() ?? this.cache.get(key);
  }

  activeMarkets(): string[] {
    return [...this.entries.keys()];
  }
}
