// Binance USDⓈ-M's fixture page (e2e/fixtures/pages/binance-usdm.html) in the states its selector counts name.
import { BINANCE_USDM_SELECTORS, type BinanceUsdmState } from '../../../src/venues/binance-usdm/selectors';
import { $, byText, rehashClasses } from '../../readers/load';
import { AS_LOADED, type FixtureStates, selectTab } from '../fixture-states';

export const SELECTORS = BINANCE_USDM_SELECTORS;

const input = (doc: Document, label: string) =>
  byText(doc, '.bn-textField-prefix', label).closest('.bn-textField')!.querySelector('input')!;

export const STATES: FixtureStates<BinanceUsdmState> = {
  /** Limit, 0.1 BTC at 65,000, cross 20×, TP/SL off. */
  example: AS_LOADED,
  /** Market tab: the price box emptied and disabled. */
  market: {
    put: (doc) => {
      selectTab(doc, '[role="tab"]', 'Market');
      const price = input(doc, 'Price');
      price.value = '';
      price.disabled = true;
    },
  },
  /** TP/SL ticked: its two trigger fields shown. */
  tpsl: {
    put: (doc) => {
      byText(doc, '[role="checkbox"]', 'TP/SL').setAttribute('aria-checked', 'true');
      $(doc, '[data-fixture="tpsl-fields"]').hidden = false;
    },
  },
  /** Logged out: "Avbl -- USDT". */
  'logged-out': {
    put: (doc) => {
      byText(doc, 'span', '10,000.00 USDT').textContent = '-- USDT';
    },
  },
  /** Generation 2 (binance-usdm.gen2-*.html, exchange-pages.md §8), each as loaded: the same example order. */
  'gen2-oneway': { page: 'binance-usdm.gen2-oneway.html', put: () => undefined },
  'gen2-hedge-open': {
    page: 'binance-usdm.gen2-hedge-open.html',
    url: 'https://www.binance.com/futures/BTCUSDT',
    put: () => undefined,
  },
  'gen2-hedge-close': { page: 'binance-usdm.gen2-hedge-close.html', put: () => undefined },
};

/** A redeploy renames every emotion class (css-xxxx); the reader does not use them. */
export const REDEPLOY = { rehash: rehashClasses, atLeast: 20 };
