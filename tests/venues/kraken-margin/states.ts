// Kraken Pro's fixture page (e2e/fixtures/pages/kraken-margin.html) in the states its selector counts name.
import { KRAKEN_SELECTORS, type KrakenState } from '../../../src/venues/kraken-margin/selectors';
import { $ } from '../../readers/load';
import { AS_LOADED, type FixtureStates, selectTab } from '../fixture-states';

export const SELECTORS = KRAKEN_SELECTORS;

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
};
