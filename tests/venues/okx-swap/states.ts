// OKX's fixture pages (e2e/fixtures/pages/okx-swap.html, generation 2 okx-swap.gen2.html) in the states
// their selector counts name.
import { OKX_SELECTORS, type OkxState } from '../../../src/venues/okx-swap/selectors';
import { $, byText } from '../../readers/load';
import { AS_LOADED, type FixtureStates, selectTab } from '../fixture-states';

export const SELECTORS = OKX_SELECTORS;
export const GEN2 = 'okx-swap.gen2.html';

const hook = (doc: Document, name: string) => $(doc, `[data-fixture="${name}"]`);

/** The Market tab: the price field swapped for the disabled market-price box (both generations). */
function marketTab(doc: Document): void {
  selectTab(doc, '[aria-label="Order type"] [role="tab"]', 'Market');
  hook(doc, 'price-field').hidden = true;
  hook(doc, 'market-price-field').hidden = false;
}

/** Generation 2's TP/SL switched on as the page draws it: aria-checked and the okui class modifier. */
export function gen2TpslOn(doc: Document): void {
  hook(doc, 'tpsl').setAttribute('aria-checked', 'true');
  hook(doc, 'tpsl').classList.add('trade_okui-checkbox-checked');
  hook(doc, 'tpsl-fields').hidden = false;
}

function showOrdersTab(doc: Document): void {
  byText(doc, '[role="tab"]', 'Positions (1)').setAttribute('aria-selected', 'false');
  byText(doc, '[role="tab"]', 'Open orders (0)').setAttribute('aria-selected', 'true');
  $(doc, '#okx-data-positions').hidden = true;
  $(doc, '#okx-data-orders').hidden = false;
}

export const STATES: FixtureStates<OkxState> = {
  /** Limit, cross 10×; the cash balance and the Positions tab with one position shown. */
  example: AS_LOADED,
  /** Market tab: the price field swapped for the disabled market-price box. */
  market: { put: marketTab },
  /** TP/SL ticked: its two trigger fields shown. */
  tpsl: {
    put: (doc) => {
      ($(doc, '[data-fixture="tpsl"]') as HTMLInputElement).checked = true;
      $(doc, '[data-fixture="tpsl-fields"]').hidden = false;
    },
  },
  /** Logged out: "-- USDT" for the available and cash balance, no positions shown. */
  'logged-out': {
    put: (doc) => {
      byText(doc, 'span', '9,523.10 USDT').textContent = '-- USDT';
      byText(doc, 'dd', '10,000.00 USDT').textContent = '-- USDT';
      showOrdersTab(doc);
    },
  },
  /** Open orders tab selected: the positions table hidden. */
  'orders-tab': { put: showOrdersTab },
  /** No assets panel on the page: no cash balance. */
  'no-assets-panel': {
    put: (doc) => {
      $(doc, 'section[aria-labelledby="okx-assets-title"]').remove();
    },
  },
  /** Generation 2 as loaded: the same order, namespaced okui- classes, captions without <label>. */
  gen2: { page: GEN2, put: () => undefined },
  'gen2-market': { page: GEN2, put: marketTab },
  'gen2-tpsl': { page: GEN2, put: gen2TpslOn },
};

/** CSS-module classes (index_name__hash) get new hashes, as a redeploy does. */
export function rehashModules(doc: Document): number {
  let changed = 0;
  for (const el of doc.querySelectorAll('[class]')) {
    for (const cls of [...el.classList]) {
      const m = /^index_([A-Za-z]+)__[A-Za-z0-9]+$/.exec(cls);
      if (m) el.classList.replace(cls, `index_${m[1]}__z${(changed++).toString(36)}Q`);
    }
  }
  return changed;
}

/** A redeploy renames the CSS-module classes (index_name__hash); the reader does not use them. */
export const REDEPLOY = { rehash: rehashModules, atLeast: 20 };
