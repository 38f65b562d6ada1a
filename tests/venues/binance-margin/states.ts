// Binance spot margin's fixture pages in the states their selector counts name: the first generation
// (e2e/fixtures/pages/binance-margin.html) and the second (binance-margin.gen2.html, states gen2-*).
import { BINANCE_MARGIN_SELECTORS, type BinanceMarginState } from '../../../src/venues/binance-margin/selectors';
import { $, byText, rehashClasses } from '../../readers/load';
import { AS_LOADED, type FixtureStates } from '../fixture-states';

export const SELECTORS = BINANCE_MARGIN_SELECTORS;

/** The second-generation page: one form behind a Buy / Sell tab switch. */
export const GEN2 = 'binance-margin.gen2.html';

/** Gen 2: selects the Buy or Sell tab (ARIA and class) and relabels the submit, as the page's script does. */
export function selectGen2Side(doc: Document, side: 'BUY' | 'SELL'): void {
  for (const t of doc.querySelectorAll<HTMLElement>('[role="tab"][data-side]')) {
    t.setAttribute('aria-selected', String(t.dataset.side === side));
    t.classList.toggle('active', t.dataset.side === side);
  }
  const submit = $(doc, '[data-fixture="submit"]');
  submit.textContent = side === 'BUY' ? 'Buy BTC' : 'Sell BTC';
  submit.classList.toggle('bn-button__buy', side === 'BUY');
  submit.classList.toggle('bn-button__sell', side === 'SELL');
  $(doc, '[data-fixture="avbl"]').textContent = side === 'BUY' ? '20,000.00 USDT' : '0.00000000 BTC';
}

/** Gen 2: the Market pane shown (the Limit pane left hidden in the DOM), its amount typed. */
export function showGen2Market(doc: Document, amount: string): void {
  select(byText(doc, '[role="tab"]', 'Market'));
  $(doc, '[data-pane="LIMIT"]').hidden = true;
  $(doc, '[data-pane="MARKET"]').hidden = false;
  ($(doc, '#marketAmount') as HTMLInputElement).value = amount;
}

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
  /** Gen 2 as loaded: Cross 3x, Borrow, Limit, Buy tab, 0.5 BTC at 65,000.00, Total 32,500.00. */
  gen2: { page: GEN2, put: () => undefined },
  /** Gen 2 on the Sell tab: the submit says "Sell BTC", Avbl in BTC. */
  'gen2-sell': { page: GEN2, put: (doc) => selectGen2Side(doc, 'SELL') },
  /** Gen 2 on the Market tab: no price or Total input, #marketAmount. */
  'gen2-market': { page: GEN2, put: (doc) => showGen2Market(doc, '0.2') },
  /** Gen 2 on the Spot tab: no borrow selector, no margin account panel. */
  'gen2-spot': {
    page: GEN2,
    url: 'https://www.binance.com/en/trade/BTC_USDT?type=spot',
    put: (doc) => {
      select(tab(doc, 'spot'));
      $(doc, '[data-fixture="borrow"]').hidden = true;
      $(doc, '[data-fixture="account"]').hidden = true;
    },
  },
};

/** A redeploy renames every emotion class (css-xxxx); the reader does not use them. */
export const REDEPLOY = { rehash: rehashClasses, atLeast: 20 };
