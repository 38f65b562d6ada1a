// The content script's end of the quotes channel: one runtime port to the background, which
// answers every form we send with quotes (and sends them again when its market data changes).
// Chrome stops an idle service worker and the port drops with it; we reconnect with backoff
// (250 ms doubling to 5 s) and the session sends its form again, while it keeps showing the last
// quotes (marked as updating; the mark ages into "stale" on its own). If the extension itself
// went away (runtime.id gone), we report that instead.
import { MARKET_PORT, type CsToBg, type QuotesMessage } from '../messaging/messages';
import { checkBgToCs } from '../messaging/validate-bg-to-cs';
import type { ExtApi, PortLike } from './ext-api';

export const RECONNECT_FIRST_MS = 250;
export const RECONNECT_MAX_MS = 5_000;

export interface MarketPortOptions {
  ext: Pick<ExtApi, 'connect' | 'runtimeId'>;
  signal: AbortSignal;
  /** A valid quotes message (called synchronously from the port's message event). */
  onQuotes: (message: QuotesMessage) => void;
  /** The extension context is gone: the caller tears everything down. */
  onInvalidated: () => void;
  /** After every successful (re)connect, for state the background should know again (the form). */
  onConnected?: () => void;
}

export interface MarketPort {
  /** Send a message if connected; false while reconnecting (onConnected asks for it again). */
  send(message: CsToBg): boolean;
}

export function openMarketPort({ ext, signal, onQuotes, onInvalidated, onConnected }: MarketPortOptions): MarketPort {
  let port: PortLike | null = null;
  let delay = RECONNECT_FIRST_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const invalidated = (): boolean => ext.runtimeId() === undefined;

  const onMessage = (raw: unknown): void => {
    const checked = checkBgToCs(raw);
    if (!checked.ok) {
      // Which field failed, never the payload (the reason names the path and the rule).
      console.debug(
        `[margin-preflight] dropped an invalid message from the background: ${checked.path} ${checked.reason}`.slice(
          0,
          300,
        ),
      );
      return;
    }
    const message = checked.value;
    delay = RECONNECT_FIRST_MS; // data flows: the connection is healthy again
    onQuotes(message);
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

  function post(message: CsToBg): boolean {
    if (port === null) return false;
    try {
      port.postMessage(message);
      return true;
    } catch {
      // A dead port throws instead of firing onDisconnect in some browsers.
      onDisconnect();
      return false;
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
    onConnected?.();
  }

  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(timer);
      const last = port;
      drop();
      try {
        last?.disconnect();
      } catch {
        // Already gone.
      }
    },
    { once: true },
  );

  connect();

  return { send: post };
}
