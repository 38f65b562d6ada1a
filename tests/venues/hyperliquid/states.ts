// Hyperliquid's fixture page (e2e/fixtures/pages/hyperliquid.html) in the states its selector counts name.
import { HYPERLIQUID_SELECTORS, type HyperliquidState } from '../../../src/venues/hyperliquid/selectors';
import { $ } from '../../readers/load';
import { AS_LOADED, type FixtureStates, selectTab } from '../fixture-states';

export const SELECTORS = HYPERLIQUID_SELECTORS;

const hook = (doc: Document, name: string) => $(doc, `[data-fixture="${name}"]`);

export const STATES: FixtureStates<HyperliquidState> = {
  /** Long, Limit, 0.1 BTC at 65,000, cross 20×; the balance and one position shown. */
  example: AS_LOADED,
  /** Market tab: the price field is gone. */
  market: {
    put: (doc) => {
      selectTab(doc, '[data-fixture="order-form"] [role="tab"]', 'Market');
      hook(doc, 'price-field').hidden = true;
    },
  },
  /** TP/SL ticked: its price fields shown. */
  tpsl: {
    put: (doc) => {
      (hook(doc, 'tpsl') as HTMLInputElement).checked = true;
      hook(doc, 'tpsl-fields').hidden = false;
    },
  },
  /** Logged out: no account panel, no positions tables, "-- USDC" available. */
  'logged-out': {
    put: (doc) => {
      hook(doc, 'account').remove();
      doc.querySelector('.sc-pos6e7')!.remove();
      hook(doc, 'available').textContent = '-- USDC';
    },
  },
  /** Open Orders selected among the account tables: positions not shown. */
  'orders-tab': {
    put: (doc) => {
      for (const tab of doc.querySelectorAll('.sc-pos6e7 [role="tab"]'))
        tab.setAttribute('aria-selected', String(tab.textContent === 'Open Orders'));
    },
  },
};
