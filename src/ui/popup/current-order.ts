// Asks the background for the order the current tab's overlay shows (popup→bg:current-order).
// The answer is checked like any message: a form and a snapshot that do not pass the
// background's own validators, or that belong to another market, are treated as no order.
import type { CurrentOrder, PopupToBg } from '../../messaging/messages';
import { isMarketSnapshot, isOrderForm } from '../../messaging/validate-cs-to-bg';
import { SYMBOL } from '../../messaging/messages';
import { isVenue } from './scenario';
import { isObj } from '../../schema';

/** The parts of the extension API this needs (webextension-polyfill's browser, or a fake in tests). */
export interface PopupApi {
  tabs: { query(q: { active: true; currentWindow: true }): Promise<Array<{ id?: number }>> };
  runtime: { sendMessage(message: PopupToBg): Promise<unknown> };
}

/** The order without the overlay's quotes: the popup computes the same ones from form and snapshot (unchecked, unused). */
export type TabOrder = Omit<CurrentOrder, 'sides'>;

/** The background's answer → the order, or null for no order or anything malformed. */
export function parseCurrentOrder(answer: unknown): TabOrder | null {
  if (!isObj(answer) || answer.type !== 'bg→popup:current-order' || !isObj(answer.order)) return null;
  const o = answer.order;
  if (!isVenue(o.venue) || typeof o.symbol !== 'string' || !SYMBOL.test(o.symbol)) return null;
  if (!isOrderForm(o.form) || o.form.venue !== o.venue || o.form.symbol !== o.symbol) return null;
  if (o.snapshot !== null && !isMarketSnapshot(o.snapshot)) return null;
  return { venue: o.venue, symbol: o.symbol, form: o.form, snapshot: o.snapshot };
}

/**
 * The tab a `?tab=<id>` in the page's address names: the calculator opened in a tab of its own
 * (the e2e tests do) is then the active tab itself and would never find an order.
 */
export function tabFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  return raw !== null && /^\d{1,15}$/.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : null;
}

/** The given tab, else the active one; null when there is none (or no tab API answers). */
export async function tabOf(api: Pick<PopupApi, 'tabs'>, tabId: number | null): Promise<number | null> {
  if (tabId !== null) return tabId;
  try {
    const id = (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    return id === undefined || id < 0 ? null : id;
  } catch {
    return null;
  }
}

/** The order of the given tab (default: the active one), or null (no overlay there, the background not answering, or no tab). */
export async function fetchCurrentOrder(api: PopupApi, tabId: number | null = null): Promise<TabOrder | null> {
  try {
    const id = await tabOf(api, tabId);
    if (id === null || id < 0) return null;
    return parseCurrentOrder(await api.runtime.sendMessage({ type: 'popup→bg:current-order', tabId: id }));
  } catch {
    return null;
  }
}
