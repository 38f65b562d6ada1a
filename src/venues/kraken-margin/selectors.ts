// Kraken Pro order form (https://pro.kraken.com/app/trade/{base}-{quote} and
// /app/trade/margin-{base}-{quote}), as data. Two page generations (exchange-pages.md §5 and §8):
//   gen 1 (kraken-margin.html): Buy/Sell and Limit/Market tabs, a "Margin" switch with 2×–5×
//     choices, ONE size input at a time (`volume-N` or `volumeInQuote-N`, a currency toggle);
//   gen 2 (kraken-margin.gen2.html, the December 2024 screenshot): a Buy | Sell segmented control,
//     the order type as a dropdown ("Limit ▾"), the leverage in the switch's label "Margin (5x)",
//     Quantity (`volume-N`) and Total (`volumeInQuote-N`) both shown, submit "Buy BTC/USD (5x)".
// Ids with numeric suffixes that change between renders are prefix-matched. Roles and names are our
// model of the markup and must be re-checked against a saved snapshot of the live page.
// `expected`: match count per fixture state, `example` as loaded (Buy, Limit, 0.5 BTC, margin 5×);
// the gen2-* states are the second-generation page (tests/venues/kraken-margin/states.ts).
// Design-system classes (text-ds, border-dimmed) and Tailwind utilities are deliberately unused.
import type { SelectorTable } from '../dom/query';

const LEVERAGE_CHOICE = /^[1-9]\d?(?:\.\d+)?\s?[x×]$/i;
/**
 * The submit button names the side and the base asset: "Buy BTC" (gen 1); gen 2 adds the quote
 * and, with margin on, the leverage: "Buy BTC/USD", "Sell BTC/USD (10x)". Groups: side, base,
 * quote (optional), leverage (optional).
 */
export const SUBMIT_TEXT = /^(Buy|Sell) ([A-Z0-9]{2,12})(?:\/([A-Z0-9]{2,12}))?(?: \((\d{1,3}(?:\.\d+)?)\s?[x×]\))?$/;
/** The margin switch: "Margin" (gen 1) or "Margin (5x)" (gen 2, the leverage in its label; group 1). */
export const MARGIN_NAME = /^Margin(?: \((\d{1,3}(?:\.\d+)?)\s?[x×]\))?$/;
/** What the gen-2 order type dropdown can show; any other text is not an order type we know. */
export const AVAILABLE_LABEL = /^Available(?: balance)?/;
const AVAILABLE_TEXT = /^Available(?: balance)? \S+ [A-Z]{2,12}$/;
const ORDER_TYPE_NAME =
  /^(?:Limit|Market|Stop loss|Take profit|Stop loss limit|Take profit limit|Trailing stop|Trailing stop limit|Iceberg|Settle position)$/;

/** The fixture pages' states besides `example`, each key counted in each (tests/venues/kraken-margin/states.ts). */
export type KrakenState =
  'market' | 'spot' | 'size-in-quote' | 'gen2' | 'gen2-margin-url' | 'gen2-spot' | 'gen2-market';

const G1 = { example: 1, market: 1, spot: 1, 'size-in-quote': 1 } as const;
const G2 = { gen2: 1, 'gen2-margin-url': 1, 'gen2-spot': 1, 'gen2-market': 1 } as const;
const NOT_G1 = { example: 0, market: 0, spot: 0, 'size-in-quote': 0 } as const;
const NOT_G2 = { gen2: 0, 'gen2-margin-url': 0, 'gen2-spot': 0, 'gen2-market': 0 } as const;

export const KRAKEN_SELECTORS = {
  /** Side toggle: tabs, or toggle buttons that announce aria-pressed. */
  /** Side toggle: tabs, toggle buttons that announce aria-pressed, or (gen 2) a segmented control of radios. */
  sideBuy: {
    expected: { ...G1, ...G2 },
    strategies: [
      { by: 'role', role: 'tab', name: ['Buy'] },
      { by: 'role', role: 'button', name: ['Buy'], css: '[aria-pressed]' },
      { by: 'role', role: 'radio', name: ['Buy'] },
    ],
  },
  sideSell: {
    expected: { ...G1, ...G2 },
    strategies: [
      { by: 'role', role: 'tab', name: ['Sell'] },
      { by: 'role', role: 'button', name: ['Sell'], css: '[aria-pressed]' },
      { by: 'role', role: 'radio', name: ['Sell'] },
    ],
  },
  /** Gen 1: Limit / Market / Stop loss tabs. */
  typeLimit: {
    expected: { ...G1, ...NOT_G2 },
    strategies: [
      { by: 'role', role: 'tab', name: ['Limit'] },
      { by: 'role', role: 'button', name: ['Limit'], css: '[aria-pressed]' },
    ],
  },
  typeMarket: {
    expected: { ...G1, ...NOT_G2 },
    strategies: [
      { by: 'role', role: 'tab', name: ['Market'] },
      { by: 'role', role: 'button', name: ['Market'], css: '[aria-pressed]' },
    ],
  },
  /** Gen 2: the order type dropdown ("Limit ▾"), named by the type it shows. */
  typeMenu: {
    expected: { ...NOT_G1, ...G2 },
    strategies: [
      { by: 'role', role: 'combobox', name: ORDER_TYPE_NAME },
      { by: 'role', role: 'button', name: ORDER_TYPE_NAME, css: '[aria-haspopup="listbox"]' },
    ],
  },
  /** Limit price (quote currency); absent on the Market form. */
  price: {
    expected: { example: 1, market: 0, spot: 1, 'size-in-quote': 1, ...G2, 'gen2-market': 0 },
    strategies: [
      { by: 'idPrefix', prefix: 'price-', css: 'input' },
      { by: 'label', label: ['Limit price', 'Price'], css: 'input' },
    ],
  },
  /** Quantity in the base asset; gen 1 shows this or sizeQuote (its currency toggle), gen 2 both. */
  sizeBase: {
    expected: { example: 1, market: 1, spot: 1, 'size-in-quote': 0, ...G2 },
    strategies: [{ by: 'idPrefix', prefix: 'volume-', css: 'input' }],
  },
  /** Total in the quote currency. */
  sizeQuote: {
    expected: { example: 0, market: 0, spot: 0, 'size-in-quote': 1, ...G2 },
    strategies: [{ by: 'idPrefix', prefix: 'volumeInQuote-', css: 'input' }],
  },
  /** Gen 1's quantity currency toggle: while it is there the form has one size input at a time. */
  sizeUnit: {
    expected: { ...G1, ...NOT_G2 },
    strategies: [{ by: 'role', role: 'group', name: ['Quantity currency'] }],
  },
  margin: {
    expected: { ...G1, ...G2 },
    strategies: [{ by: 'role', role: 'switch', name: MARGIN_NAME }],
  },
  /** Gen 1's leverage choices (2×–5×), shown while margin is on; the checked one is the leverage. */
  leverage: {
    expected: { example: 4, market: 4, spot: 0, 'size-in-quote': 4, ...NOT_G2 },
    strategies: [
      { by: 'role', role: 'radio', name: LEVERAGE_CHOICE },
      { by: 'role', role: 'button', name: LEVERAGE_CHOICE, css: '[aria-pressed]' },
    ],
  },
  submit: {
    expected: { ...G1, ...G2 },
    strategies: [
      { by: 'role', role: 'button', name: SUBMIT_TEXT, css: '[type="submit"]' },
      { by: 'role', role: 'button', name: SUBMIT_TEXT },
    ],
  },
  /** Pair picker ("BTC/USD"): cross-checked against the URL to catch a half-done SPA switch. */
  pair: {
    expected: { ...G1, ...G2 },
    strategies: [{ by: 'role', role: 'button', name: /^[A-Z0-9]{2,12}\/[A-Z0-9]{2,12}$/, css: '[aria-haspopup]' }],
  },
  /** "Available 25,000.00 USD" (gen 1), "Available balance 3,130.11 USD" (gen 2): label and amount in one block. */
  available: {
    expected: { ...G1, ...G2 },
    strategies: [{ by: 'text', text: AVAILABLE_TEXT, css: 'div, p, dl, li' }],
  },
  /** Link to the fee level page: rendered once the form has loaded (counted, not required). */
  ready: {
    expected: { ...G1, ...NOT_G2 },
    strategies: [{ by: 'css', css: 'a[href*="fee-level"]' }],
  },
} as const satisfies SelectorTable<string, KrakenState>;

export type KrakenKey = keyof typeof KRAKEN_SELECTORS;
