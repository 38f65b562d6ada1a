// Kraken Pro's fixture pages in the states their selector counts name: the first generation
// (e2e/fixtures/pages/kraken-margin.html) and the second (kraken-margin.gen2.html, states gen2-*).
import { KRAKEN_SELECTORS, type KrakenState } from '../../../src/venues/kraken-margin/selectors';
import { $ } from '../../readers/load';
import { AS_LOADED, type FixtureStates, selectTab } from '../fixture-states';

export const SELECTORS = KRAKEN_SELECTORS;

/** The second-generation page (the December 2024 layout). */
export const GEN2 = 'kraken-margin.gen2.html';

export const STATES: FixtureStates<KrakenState> = {
  /** Buy, Limit, 0.5 BTC, margin on at 5×. */
  example: AS_LOADED,
  /** Market tab: the limit price row is gone. */
  market: {
    put: (doc) => {
      selectTab(doc, '[role="tab"]', 'Market');
      $(doc, '#price-2').closest('.flex-col')!.setAttribute('hidden', '');
    },
  },
  /** Margin switched off: a spot order, the leverage choices hidden. */
  spot: {
    put: (doc) => {
      $(doc, '[role="switch"]').setAttribute('aria-checked', 'false');
      $(doc, '[role="radiogroup"]').hidden = true;
    },
  },
  /** The currency toggle on USD: the quantity input becomes the total in the quote currency. */
  'size-in-quote': {
    put: (doc) => {
      const input = $(doc, '#volume-3') as HTMLInputElement;
      input.id = 'volumeInQuote-4';
      input.value = '32,500.00';
    },
  },
  /** Gen 2 as loaded at the spot URL: Buy, Limit (dropdown), 0.05 BTC / Total 4722.00, "Margin (5x)" on. */
  gen2: { page: GEN2, put: () => undefined },
  /** The same page at the margin URL. */
  'gen2-margin-url': { page: GEN2, url: 'https://pro.kraken.com/app/trade/margin-btc-usd', put: () => undefined },
  /** Gen 2, margin switched off: "Margin (5x)" still labels the switch, the submit loses its "(5x)". */
  'gen2-spot': {
    page: GEN2,
    put: (doc) => {
      $(doc, '[role="switch"]').setAttribute('aria-checked', 'false');
      $(doc, 'button[type="submit"]').textContent = 'Buy BTC/USD';
    },
  },
  /** Gen 2, Market in the dropdown: the limit price row is gone. */
  'gen2-market': {
    page: GEN2,
    put: (doc) => {
      $(doc, '[aria-haspopup="listbox"]').firstChild!.textContent = 'Market';
      $(doc, '#price-2').closest('.field')!.setAttribute('hidden', '');
    },
  },
};
