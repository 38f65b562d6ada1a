// The content script's end of the quotes channel: one runtime port to the background, which
// answers every form we send with quotes (and sends them again when its market data changes).
// Chrome stops an idle service worker and the port drops with it; we reconnect with backoff
// (250 ms doubling to 5 s) and the session sends its form again, while it keeps showing the last
// quotes (marked as updating; the mark ages into "stale" on its own). If the extension itself
// went away (runtime.id gone), we report that instead. The same port carries the popup's page
// actions (teach, report) from the background and the page's report back (page-action.ts).
import { MARKET_PORT, type CsToBg, type QuotesMessage } from '../messaging/messages';
import { checkPageActionCommand, MAX_PAGE_REPORT, type PageAction } from '../messaging/page-action';
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
  /**
   * The popup asked for a page action: 'teach' starts teach mode; 'report' wants sendReport with
   * the same requestId, promptly (the background answers the popup null after 3 s). Without this
   * callback a report request is answered "none" at once.
   */
  onPageAction?: (action: PageAction, requestId: number) => void;
}

export interface MarketPort {
  /** Send a message if connected; false while reconnecting (onConnected asks for it again). */
  send(message: CsToBg): boolean;
  /** Answers a 'report' page action: the report's text, or null when there is none to give. */
  sendReport(requestId: number, text: string | null): boolean;
}

const dropped = (what: string, path: string, reason: string): void =>
  // Which field failed, never the payload (the reason names the path and the rule).
  console.debug(`[margin-preflight] dropped an invalid ${what} from the background: ${path} ${reason}`.slice(0, 300));

export function openMarketPort({
  ext,
  signal,
  onQuotes,
  onInvalidated,
  onConnected,
  onPageAction,
}: MarketPortOptions): MarketPort {
  let port: PortLike | null = null;
  let delay = RECONNECT_FIRST_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const invalidated = (): boolean => ext.runtimeId() === undefined;

  const onMessage = (raw: unknown): void => {
    if (typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'bg→cs:page-action') {
      const command = checkPageActionCommand(raw);
      if (!command.ok) return dropped('page action', command.path, command.reason);
      const { action, requestId } = command.value;
      if (onPageAction !== undefined) onPageAction(action, requestId);
      else if (action === 'report') sendReport(requestId, null);
      return;
    }
    const checked = checkBgToCs(raw);
    if (!checked.ok) return dropped('message', checked.path, checked.reason);
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

  function sendReport(requestId: number, text: string | null): boolean {
    // The background refuses a longer one; an early "no report" beats the popup's timeout.
    const report = text !== null && text.length <= MAX_PAGE_REPORT ? text : null;
    return post({ type: 'cs→bg:page-report', requestId, report });
  }

  return { send: post, sendReport };
}
