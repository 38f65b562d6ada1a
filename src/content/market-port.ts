// The content script's end of the market feed: one runtime port to the background, which
// streams MarketSnapshots for the symbol we watch. Chrome stops an idle service worker and
// the port drops with it; we reconnect with backoff (250 ms doubling to 5 s) and watch
// again, while the session keeps showing the last snapshot (its figures age into "stale" on
// their own). If the extension itself went away (runtime.id gone), we report that instead.
import type { VenueId } from '../core/types';
import { MARKET_PORT, parseBgToCs, type CsToBg } from '../messaging/messages';
import type { MarketSnapshot } from '../venues/types';
import type { ExtApi, PortLike } from './ext-api';

export const RECONNECT_FIRST_MS = 250;
export const RECONNECT_MAX_MS = 5_000;

export interface MarketPortOptions {
  ext: Pick<ExtApi, 'connect' | 'runtimeId'>;
  signal: AbortSignal;
  onSnapshot: (snapshot: MarketSnapshot) => void;
  /** The extension context is gone: the caller tears everything down. */
  onInvalidated: () => void;
  /** After every successful (re)connect and watch, for state the background should know again. */
  onConnected?: () => void;
}

export interface MarketPort {
  /** Watch this symbol now and after every reconnect. */
  watch(venue: VenueId, symbol: string): void;
  /** Send a message if connected; dropped while reconnecting (the next change resends). */
  send(message: CsToBg): void;
}

export function openMarketPort({ ext, signal, onSnapshot, onInvalidated, onConnected }: MarketPortOptions): MarketPort {
  let port: PortLike | null = null;
  let watched: { venue: VenueId; symbol: string } | null = null;
  let delay = RECONNECT_FIRST_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const invalidated = (): boolean => ext.runtimeId() === undefined;

  const onMessage = (raw: unknown): void => {
    const message = parseBgToCs(raw);
    if (message === null) {
      console.debug('[margin-preflight] dropped an invalid message from the background');
      return;
    }
    delay = RECONNECT_FIRST_MS; // data flows: the connection is healthy again
    const { snapshot } = message;
    if (watched !== null && snapshot.venue === watched.venue && snapshot.symbol === watched.symbol) onSnapshot(snapshot);
  };

  const onDisconnect = (): void => {
    drop();
    if (signal.aborted) return;
    if (invalidated()) onInvalidated();
    else scheduleReconnect();
  };

  function drop(): void {
    if (port === null) return;
    port.onMessage.removeListener(onMessage);
    port.onDisconnect.removeListener(onDisconnect);
    port = null;
  }

  function scheduleReconnect(): void {
    clearTimeout(timer);
    timer = setTimeout(connect, delay);
    delay = Math.min(delay * 2, RECONNECT_MAX_MS);
  }

  function post(message: CsToBg): void {
    if (port === null) return;
    try {
      port.postMessage(message);
    } catch {
      // A dead port throws instead of firing onDisconnect in some browsers.
      onDisconnect();
    }
  }

  function connect(): void {
    if (signal.aborted) return;
    if (invalidated()) {
      onInvalidated();
      return;
    }
    try {
      port = ext.connect(MARKET_PORT);
    } catch {
      // "Extension context invalidated" throws here; anything else is worth a retry.
      if (invalidated()) onInvalidated();
      else scheduleReconnect();
      return;
    }
    port.onMessage.addListener(onMessage);
    port.onDisconnect.addListener(onDisconnect);
    if (watched !== null) post({ type: 'cs→bg:watch-market', ...watched });
    onConnected?.();
  }

  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    const last = port;
    drop();
    try {
      last?.disconnect();
    } catch {
      // Already gone.
    }
  }, { once: true });

  connect();

  return {
    watch(venue, symbol) {
      if (watched?.venue === venue && watched.symbol === symbol) return;
      watched = { venue, symbol };
      post({ type: 'cs→bg:watch-market', venue, symbol });
    },
    send: post,
  };
}
