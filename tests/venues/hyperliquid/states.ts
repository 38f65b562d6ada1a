// Hyperliquid's fixture page (e2e/fixtures/pages/hyperliquid.html) in the states its selector counts name.
import { HYPERLIQUID_SELECTORS, type HyperliquidState } from '../../../src/venues/hyperliquid/selectors';
import { $ } from '../../readers/load';
import { AS_LOADED, type FixtureStates, selectTab } from '../fixture-states';

export const SELECTORS = HYPERLIQUID_SELECTORS;

/** The second-generation page (summary rows above the submit, segmented side control, builder perps). */
export const GEN2 = 'hyperliquid.gen2.html';
/** A builder-deployed perp's trade URL (§8: coins like `xyz:TSLA`). */
export const BUILDER_URL = 'https://app.hyperliquid.xyz/trade/xyz:TSLA';

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
  /** Second generation as loaded: Cross 20x Classic, 0.2 BTC at 65,000, summary rows with a liquidation price. */
  gen2: { page: GEN2, put: () => undefined },
  /** Second generation, Market tab: the price field is gone. */
  'gen2-market': {
    page: GEN2,
    put: (doc) => {
      selectTab(doc, '[data-fixture="order-form"] [role="tab"]', 'Market');
      hook(doc, 'price-field').hidden = true;
    },
  },
  /** Second generation on a builder perp: /trade/xyz:TSLA, the picker and the size menu name it. */
  'gen2-builder': {
    page: GEN2,
    url: BUILDER_URL,
    put: (doc) => {
      hook(doc, 'coin-button').textContent = 'xyz:TSLA-USDC';
      hook(doc, 'size-unit').textContent = 'xyz:TSLA';
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

/** A redeploy: every styled-components class (sc-xxxx and its hash partner) renamed. */
export function rehashStyled(doc: Document): number {
  let changed = 0;
  for (const el of doc.querySelectorAll('[class]')) {
    for (const cls of [...el.classList]) {
      if (/^sc-[a-z0-9]+$/i.test(cls) || /^[a-zA-Z]{6}$/.test(cls))
        el.classList.replace(cls, `sc-r${(changed++).toString(36)}x`);
    }
  }
  return changed;
}

/** A redeploy renames the styled-components classes; the reader does not use them. */
export const REDEPLOY = { rehash: rehashStyled, atLeast: 40 };
