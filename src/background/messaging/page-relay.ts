// The popup's page actions travel popup → background → the tab's content script, over the market
// port that script already opened (its sender was classified when it connected), and a report
// comes back the same way. The popup cannot wait forever: an answer that does not come within
// PAGE_REPORT_TIMEOUT_MS (the page busy, a content script of an older version, the page
// navigating) is null. A report is accepted only on the port its request went out on, so one
// tab's page can never answer for another's.
import type { PageAction, PageReportMessage } from '../../messaging/page-action';
import type { Clock } from '../env';

/**
 * How long the popup waits for a page's report. The popup copies it to the clipboard on the
 * user's click, and browsers honour a click's "user activation" for about five seconds.
 */
export const PAGE_REPORT_TIMEOUT_MS = 3_000;

/** What the relay needs of a port: sending (a closed port throws in some browsers). */
export interface PostPort {
  postMessage(message: unknown): void;
}

export interface PageRelay {
  /** A content script's market port for this tab opened; call the returned function when it closes. */
  attach(tabId: number, port: PostPort): () => void;
  /** Whether the tab has a content script on a venue page we can reach. */
  connected(tabId: number): boolean;
  /** 'teach': true once the page has the action. */
  teach(tabId: number): boolean;
  /** The page's report text, or null (no content script, no answer in time, or the page had none). */
  report(tabId: number): Promise<string | null>;
  /** A report (already validated) arrived on `port`; false when nothing on that port asked for it. */
  answered(port: PostPort, message: PageReportMessage): boolean;
}

interface Pending {
  port: PostPort;
  timer: unknown;
  resolve(report: string | null): void;
}

export function createPageRelay(clock: Clock): PageRelay {
  // Per tab, its ports in the order they opened: during a navigation the old document's port can
  // outlive the new one's connect for a moment, and the newest is the page the user sees.
  const ports = new Map<number, PostPort[]>();
  const pending = new Map<number, Pending>();
  let lastId = 0;

  const newest = (tabId: number): PostPort | null => ports.get(tabId)?.at(-1) ?? null;

  function send(port: PostPort, requestId: number, action: PageAction): boolean {
    try {
      port.postMessage({ type: 'bg→cs:page-action', requestId, action });
      return true;
    } catch {
      return false;
    }
  }

  function settle(requestId: number, report: string | null): void {
    const entry = pending.get(requestId);
    if (entry === undefined) return;
    pending.delete(requestId);
    clock.clearTimeout(entry.timer);
    entry.resolve(report);
  }

  return {
    attach(tabId, port) {
      ports.set(tabId, [...(ports.get(tabId) ?? []), port]);
      return () => {
        const left = (ports.get(tabId) ?? []).filter((p) => p !== port);
        if (left.length > 0) ports.set(tabId, left);
        else ports.delete(tabId);
        // A closed port will never answer: its requests end now, not at the timeout.
        for (const [id, entry] of pending) if (entry.port === port) settle(id, null);
      };
    },
    connected: (tabId) => newest(tabId) !== null,
    teach(tabId) {
      const port = newest(tabId);
      return port !== null && send(port, ++lastId, 'teach');
    },
    report(tabId) {
      const port = newest(tabId);
      if (port === null) return Promise.resolve(null);
      const requestId = ++lastId;
      return new Promise((resolve) => {
        const timer = clock.setTimeout(() => settle(requestId, null), PAGE_REPORT_TIMEOUT_MS);
        pending.set(requestId, { port, timer, resolve });
        if (!send(port, requestId, 'report')) settle(requestId, null);
      });
    },
    answered(port, message) {
      const entry = pending.get(message.requestId);
      if (entry === undefined || entry.port !== port) return false;
      settle(message.requestId, message.report);
      return true;
    },
  };
}
