// Kraken Pro order form (https://pro.kraken.com/app/trade/{base}-{quote}), as data.
// Evidence: shared/reference/exchange-pages.md — ids `price-N`, `volumeInQuote-N` with
// numeric suffixes that change between renders (prefix match), readiness link to the fee
// level page. The rest (roles, names) is modelled in e2e/fixtures/pages/kraken-margin.html and
// must be re-checked against a saved snapshot of the live page.
// `expected`: match count per fixture state, `example` as loaded (Buy, Limit, 0.5 BTC, margin 5×).
// Design-system classes (text-ds, border-dimmed) and Tailwind utilities are deliberately unused.
import type { SelectorTable } from '../dom/query';

const LEVERAGE_CHOICE = /^[1-9]\d?(?:\.\d+)?\s?[x×]$/i;
/** "Buy BTC", "Sell ETH": the submit button names the side and the base asset. */
export const SUBMIT_TEXT = /^(Buy|Sell) ([A-Z0-9]{2,12})$/;

/** The fixture page's states besides `example`, each key counted in each (tests/venues/kraken-margin/states.ts). */
export type KrakenState = 'market' | 'spot' | 'size-in-quote';

export const KRAKEN_SELECTORS = {
  /** Side toggle: tabs, or toggle buttons that announce aria-pressed. */
  sideBuy: {
    expected: { example: 1, market: 1, spot: 1, 'size-in-quote': 1 },
    strategies: [
      { by: 'role', role: 'tab', name: ['Buy'] },
      { by: 'role', role: 'button', name: ['Buy'], css: '[aria-pressed]' },
    ],
  },
  sideSell: {
    expected: { example: 1, market: 1, spot: 1, 'size-in-quote': 1 },
    strategies: [
      { by: 'role', role: 'tab', name: ['Sell'] },
      { by: 'role', role: 'button', name: ['Sell'], css: '[aria-pressed]' },
    ],
  },
  typeLimit: {
    expected: { example: 1, market: 1, spot: 1, 'size-in-quote': 1 },
    strategies: [
      { by: 'role', role: 'tab', name: ['Limit'] },
      { by: 'role', role: 'button', name: ['Limit'], css: '[aria-pressed]' },
    ],
  },
  typeMarket: {
    expected: { example: 1, market: 1, spot: 1, 'size-in-quote': 1 },
    strategies: [
      { by: 'role', role: 'tab', name: ['Market'] },
      { by: 'role', role: 'button', name: ['Market'], css: '[aria-pressed]' },
    ],
  },
  /** Limit price (quote currency); absent on the Market form. */
  price: {
    expected: { example: 1, market: 0, spot: 1, 'size-in-quote': 1 },
    strategies: [
      { by: 'idPrefix', prefix: 'price-', css: 'input' },
      { by: 'label', label: ['Limit price', 'Price'], css: 'input' },
    ],
  },
  /** Quantity in the base asset; the form shows this or sizeQuote, chosen by its currency toggle. */
  sizeBase: {
    expected: { example: 1, market: 1, spot: 1, 'size-in-quote': 0 },
    strategies: [{ by: 'idPrefix', prefix: 'volume-', css: 'input' }],
  },
  /** Total in the quote currency. */
  sizeQuote: {
    expected: { example: 0, market: 0, spot: 0, 'size-in-quote': 1 },
    strategies: [{ by: 'idPrefix', prefix: 'volumeInQuote-', css: 'input' }],
  },
  margin: {
    expected: { example: 1, market: 1, spot: 1, 'size-in-quote': 1 },
    strategies: [{ by: 'role', role: 'switch', name: ['Margin'] }],
  },
  /** Leverage choices (2×–5×), shown while margin is on; the checked one is the leverage. */
  leverage: {
    expected: { example: 4, market: 4, spot: 0, 'size-in-quote': 4 },
    strategies: [
      { by: 'role', role: 'radio', name: LEVERAGE_CHOICE },
      { by: 'role', role: 'button', name: LEVERAGE_CHOICE, css: '[aria-pressed]' },
    ],
  },
  submit: {
    expected: { example: 1, market: 1, spot: 1, 'size-in-quote': 1 },
    strategies: [
      { by: 'role', role: 'button', name: SUBMIT_TEXT, css: '[type="submit"]' },
      { by: 'role', role: 'button', name: SUBMIT_TEXT },
    ],
  },
  /** Pair picker ("BTC/USD"): cross-checked against the URL to catch a half-done SPA switch. */
  pair: {
    expected: { example: 1, market: 1, spot: 1, 'size-in-quote': 1 },
    strategies: [{ by: 'role', role: 'button', name: /^[A-Z0-9]{2,12}\/[A-Z0-9]{2,12}$/, css: '[aria-haspopup]' }],
  },
  /** "Available 25,000.00 USD" (label and amount in one row). */
  available: {
    expected: { example: 1, market: 1, spot: 1, 'size-in-quote': 1 },
    strategies: [{ by: 'text', text: /^Available \S+ [A-Z]{2,12}$/, css: 'div, p, dl, li' }],
  },
  /** Link to the fee level page: rendered once the form has loaded (counted, not required). */
  ready: {
    expected: { example: 1, market: 1, spot: 1, 'size-in-quote': 1 },
    strategies: [{ by: 'css', css: 'a[href*="fee-level"]' }],
  },
} as const satisfies SelectorTable<string, KrakenState>;

export type KrakenKey = keyof typeof KRAKEN_SELECTORS;
