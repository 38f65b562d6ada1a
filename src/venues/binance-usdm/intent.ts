// Binance USDⓈ-M hedge mode's Open / Close tab (exchange-pages.md §8: `#position-direction
// [role="tab"]` with aria-selected, buttons "Open Long" / "Open Short" and "Close Long" / "Close
// Short"). One-way mode has no such tab: the intent is left out. Read strictly: the tabs and the
// buttons must tell the same story, otherwise 'intent' is missing and nothing is quoted.
import { isOn } from '../dom/query';
import type { Scan } from '../dom/scan';
import type { OrderForm } from '../types';
import type { BinanceUsdmKey } from './selectors';

/**
 * undefined: one-way mode (no tab, no Close buttons); 'open' / 'close': the selected tab of hedge
 * mode; null: unreadable ('intent' missing) — one tab without the other, both or neither
 * selected, or buttons that do not belong to the selected tab.
 */
export function readIntent(scan: Scan<BinanceUsdmKey>, root: Element | null): OrderForm['intent'] | null {
  const open = scan.optional('openTab');
  const close = scan.optional('closeTab');
  // Looked up in the form only: a Close Long in the positions table below is not the form's.
  const closeButtons = scan.all('closeButton', root).length;
  if (scan.matched['openTab']! > 1 || scan.matched['closeTab']! > 1) return scan.need('intent', null);
  if (!open && !close) return closeButtons === 0 ? undefined : scan.need('intent', null);
  if (!open || !close || isOn(open) === isOn(close)) return scan.need('intent', null);
  const intent = isOn(close) ? 'close' : 'open';
  // The Close tab shows Close Long / Close Short and nothing else; the Open tab none of them.
  if ((intent === 'close') !== closeButtons > 0) return scan.need('intent', null);
  return intent;
}
