// Binance spot margin's fixture page (e2e/fixtures/pages/binance-margin.html) in the states its selector counts name.
import { BINANCE_MARGIN_SELECTORS, type BinanceMarginState } from '../../../src/venues/binance-margin/selectors';
import { $, byText, rehashClasses } from '../../readers/load';
import { AS_LOADED, type FixtureStates } from '../fixture-states';

export const SELECTORS = BINANCE_MARGIN_SELECTORS;

/** Selects one of a tab list's tabs, as the page's script would. */
function select(el: HTMLElement): void {
  for (const sibling of el.parentElement!.children) sibling.setAttribute('aria-selected', String(sibling === el));
}
const tab = (doc: Document, account: 'spot' | 'cross' | 'isolated') => $(doc, `[data-account="${account}"]`);
const input = (doc: Document, side: 'BUY' | 'SELL', field: 'price' | 'total') =>
  $(doc, `#FormRow-${side}-${field}`) as HTMLInputElement;

export const STATES: FixtureStates<BinanceMarginState> = {
  /** Cross 3×, Borrow, Limit, Buy 0.5 BTC at 65,000; the margin account panel shown. */
  example: AS_LOADED,
  /** Market tab: both price boxes emptied and disabled, both totals hidden. */
  market: {
    put: (doc) => {
      select(byText(doc, '[role="tab"]', 'Market'));
      for (const side of ['BUY', 'SELL'] as const) {
        input(doc, side, 'price').value = '';
        input(doc, side, 'price').disabled = true;
        input(doc, side, 'total').closest<HTMLElement>('.bn-textField')!.hidden = true;
      }
    },
  },
  /** Spot tab: no borrow selector, no margin account panel. */
  spot: {
    url: 'https://www.binance.com/en/trade/BTC_USDT?type=spot',
    put: (doc) => {
      select(tab(doc, 'spot'));
      $(doc, '[data-fixture="borrow"]').hidden = true;
      $(doc, '[data-fixture="account"]').hidden = true;
    },
  },
  /** Isolated tab at the pair's 10×. */
  isolated: {
    url: 'https://www.binance.com/en/trade/BTC_USDT?type=isolated',
    put: (doc) => select(tab(doc, 'isolated')),
  },
  /** Logged out: "Avbl -- USDT" above the Buy form. */
  'logged-out': {
    put: (doc) => {
      doc.querySelectorAll('[data-fixture="avbl"]')[0]!.textContent = '-- USDT';
    },
  },
  /** No margin account panel on the page. */
  'no-account-panel': {
    put: (doc) => {
      $(doc, '[data-fixture="account"]').remove();
    },
  },
};

/** A redeploy renames every emotion class (css-xxxx); the reader does not use them. */
export const REDEPLOY = { rehash: rehashClasses, atLeast: 20 };
