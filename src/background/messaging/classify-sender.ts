// The one function that decides who is talking to the background (reference A.6 #9, B.3 #1).
// Nothing else reads port.sender. A compromised renderer can forge message *contents*, but not
// the browser-filled sender fields checked here: our extension id, a real tab, the top frame,
// and the frame's origin being an exchange page we run on.
import type { VenueId } from '../../core/types';

/**
 * Exchange page origins our content script runs on (manifest content_scripts.matches), with the
 * venues their pages may ask about. Binance serves futures and spot margin from one origin.
 */
export const EXCHANGE_ORIGINS: Readonly<Record<string, readonly VenueId[]>> = {
  'https://pro.kraken.com': ['kraken-margin'],
  'https://www.binance.com': ['binance-usdm', 'binance-margin'],
  'https://www.bybit.com': ['bybit-linear'],
  'https://www.okx.com': ['okx-swap'],
  'https://app.hyperliquid.xyz': ['hyperliquid'],
};

/** The fields of runtime.MessageSender we read (origin is missing from the polyfill's types). */
export interface SenderLike {
  id?: string;
  tab?: { id?: number };
  frameId?: number;
  origin?: string;
  url?: string;
}

export type SenderClass =
  | { kind: 'exchange-content-script'; tabId: number; origin: string; venues: readonly VenueId[] }
  /** Our own popup or options page (extension origin, not in a tab's content). */
  | { kind: 'extension-page' }
  | { kind: 'rejected'; reason: string };

function originOf(sender: SenderLike): string | null {
  if (typeof sender.origin === 'string') return sender.origin;
  // COMPAT(firefox): MessageSender.origin arrived in Firefox 126 (Bitwarden's sender.ts marks
  // the same gap). Our strict_min_version is 142, so this branch should be dead; delete it once
  // e2e shows origin present on every supported Firefox. Only taken when origin is absent.
  if (sender.origin === undefined && typeof sender.url === 'string') {
    try {
      return new URL(sender.url).origin;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * `extensionOrigin` (e.g. "chrome-extension://abc…", "moz-extension://uuid") recognises our own
 * pages; without it, only content scripts are recognised.
 */
export function classifySender(
  sender: SenderLike | undefined,
  extensionId: string,
  extensionOrigin?: string,
): SenderClass {
  if (sender === undefined) return { kind: 'rejected', reason: 'no sender' };
  if (typeof extensionId !== 'string' || extensionId === '' || sender.id !== extensionId)
    return { kind: 'rejected', reason: 'another extension' };
  // Our own pages (popup, options; also the popup opened in a tab) have our origin, which no
  // web page or content script can claim.
  if (extensionOrigin !== undefined && extensionOrigin !== '' && originOf(sender) === extensionOrigin)
    return { kind: 'extension-page' };
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0)
    return { kind: 'rejected', reason: 'not from a tab' };
  if (sender.frameId !== 0) return { kind: 'rejected', reason: 'not the top frame' };
  const origin = originOf(sender);
  if (origin === null || !Object.hasOwn(EXCHANGE_ORIGINS, origin))
    return { kind: 'rejected', reason: 'not an exchange page' };
  return { kind: 'exchange-content-script', tabId, origin, venues: EXCHANGE_ORIGINS[origin]! };
}
