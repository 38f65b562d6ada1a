// Bybit's fixture page (e2e/fixtures/pages/bybit-linear.html) in the states its selector counts name.
import { BYBIT_SELECTORS, type BybitState } from '../../../src/venues/bybit-linear/selectors';
import { $, byText } from '../../readers/load';
import { AS_LOADED, type FixtureStates, selectTab } from '../fixture-states';

export const SELECTORS = BYBIT_SELECTORS;

/** The second-generation page (class-drawn checkboxes, right-icon unit, `.oc-head-leverage`). */
export const GEN2 = 'bybit-linear.gen2.html';

const hook = (doc: Document, name: string) => $(doc, `[data-fixture="${name}"]`);

export const STATES: FixtureStates<BybitState> = {
  /** Limit, 0.1 BTC at 65,000, cross 10×; the wallet balance and three positions shown. */
  example: AS_LOADED,
  /** Market tab: the price row is gone. */
  market: {
    put: (doc) => {
      selectTab(doc, '.oc [role="tab"]', 'Market');
      hook(doc, 'price-row').hidden = true;
    },
  },
  /** TP/SL ticked: its two trigger fields shown. */
  tpsl: {
    put: (doc) => {
      (hook(doc, 'tpsl') as HTMLInputElement).checked = true;
      hook(doc, 'tpsl-fields').hidden = false;
    },
  },
  /** Logged out: "-- USDT", no account panel, no positions panel. */
  'logged-out': {
    put: (doc) => {
      byText(doc, '.oc__available-value', '10,000.0000 USDT').textContent = '-- USDT';
      $(doc, '.trade-assets').remove();
      $(doc, '.position-panel').remove();
    },
  },
  /** Second generation as loaded: TP/SL on by its class, both triggers shown; leverage in the head. */
  gen2: { page: GEN2, put: () => undefined },
  /** Second generation with TP/SL off (its class modifier gone, the trigger rows hidden). */
  'gen2-tpsl-off': {
    page: GEN2,
    put: (doc) => {
      hook(doc, 'tpsl').classList.remove('by-checkbox--checked');
      hook(doc, 'tpsl-fields').hidden = true;
    },
  },
  /** Another bottom tab selected: the positions table hidden. */
  'positions-hidden': {
    put: (doc) => {
      $(doc, '.by-table').hidden = true;
    },
  },
};
