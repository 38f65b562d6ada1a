// The background assembled from its parts, with every browser dependency passed in: index.ts
// hands it the real browser, tests hand it fakes (including a second instance over the same
// storage to play a worker restart).
import type { VenueId } from '../core/types';
import { feedFor } from '../venues/feeds';
import { BadgeController, type ActionLike } from './badge/controller';
import { SnapshotCache } from './cache/snapshot-cache';
import type { Clock, FetchLike, Log, SocketFactory, StorageAreaLike } from './env';
import { FeedHub } from './feed/hub';
import type { BgToPopup } from '../messaging/messages';
import type { SenderLike } from './messaging/classify-sender';
import { createPortHandler, type PortLike } from './messaging/market-port';
import { createPageRelay } from './messaging/page-relay';
import { createPageActionHandler } from './messaging/popup-page-action';
import { createPopupHandler } from './messaging/popup-request';
import { createHttpClient } from './net/http';
import { SharedAnswers } from './net/shared-answers';
import { QuoteService } from './quotes/service';
import { createSettingsStore } from './settings-store';

export interface BackgroundEnv {
  extensionId: string;
  /** Origin of our own pages (popup, options), e.g. "chrome-extension://<id>". */
  extensionOrigin: string;
  clock: Clock;
  fetch: FetchLike;
  sockets: SocketFactory;
  random: () => number;
  log: Log;
  /** storage.session, or storage.local where session is missing; null: memory only. */
  cacheArea: StorageAreaLike | null;
  /** storage.sync, where the options page saves settings. */
  syncArea: StorageAreaLike | null;
  action: ActionLike;
}

export interface Background {
  /** Resolves once the cache is restored and settings are read. */
  ready: Promise<void>;
  onConnect(port: PortLike): void;
  /** runtime.onMessage: the popup's requests (current order, page actions); undefined for anything else. */
  onMessage(message: unknown, sender: SenderLike): Promise<BgToPopup> | undefined;
  onStorageChanged(changes: Record<string, { newValue?: unknown }>, areaName: string): void;
  onTabRemoved(tabId: number): void;
  hub: FeedHub;
  cache: SnapshotCache;
  quotes: QuoteService;
}

export function createBackground(env: BackgroundEnv): Background {
  const { clock, log } = env;
  const http = createHttpClient(env.fetch, clock, log);
  const cache = new SnapshotCache(env.cacheArea, clock, log);
  const settings = createSettingsStore(env.syncArea, log);
  const quoteAsset = (venue: VenueId, symbol: string): string | null => feedFor(venue)?.quoteAsset(symbol) ?? null;
  const hub = new FeedHub(
    { clock, http, sockets: env.sockets, random: env.random, log, shared: new SharedAnswers(clock) },
    cache,
  );
  const badge = new BadgeController(env.action, quoteAsset, clock, log);
  // Every quote is computed here, once per change, for the port (overlay) and the badge alike.
  const quotes = new QuoteService({ hub, badge, settings: settings.current, clock, log });
  settings.onChange(() => quotes.settingsChanged());

  const ready = Promise.all([cache.restore(), settings.load()]).then(() => undefined);
  const relay = createPageRelay(clock);
  const onConnect = createPortHandler({ extensionId: env.extensionId, quotes, badge, ready, log, relay });
  const { extensionId, extensionOrigin } = env;
  const currentOrder = createPopupHandler({ extensionId, extensionOrigin, quotes, ready, log });
  const pageAction = createPageActionHandler({ extensionId, extensionOrigin, relay, log });
  const onMessage = (message: unknown, sender: SenderLike): Promise<BgToPopup> | undefined =>
    currentOrder(message, sender) ?? pageAction(message, sender);
  return {
    ready,
    onConnect,
    onMessage,
    onStorageChanged: (changes, areaName) => settings.onStorageChanged(changes, areaName),
    onTabRemoved: (tabId) => badge.forget(tabId),
    hub,
    cache,
    quotes,
  };
}
