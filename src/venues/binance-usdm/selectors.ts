// Binance USDⓈ-M futures order form (https://www.binance.com/{locale}/futures/{SYMBOL}), as data.
// Evidence: shared/reference/exchange-pages.md — tabs `[role="tab"][aria-controls="bn-tab-pane-LIMIT"]`
// (text fallback "Limit"/"Лимит"), `button.bn-button__buy` "Buy/Long" / `button.bn-button__sell`
// "Sell/Short", inputs `input.bn-textField-input`, visible texts "Cross / 20x", "Avbl", "TP/SL".
// The field structure (bn-textField-prefix label, -suffix unit) is modelled in
// e2e/fixtures/pages/binance-usdm.html and must be re-checked against a saved live snapshot.
// `expected`: match count per fixture state, `example` as loaded (Cross 20×, Limit, 0.1 BTC, TP/SL off).
// Emotion's hashed classes (css-1x2y3z) change on every deploy and are never used.
import type { SelectorTable } from '../dom/query';

/** Binance's text field: label in the prefix, unit (or unit picker) in the suffix. */
const BN_FIELD = {
  field: '.bn-textField',
  labelPart: '.bn-textField-prefix',
  input: 'input.bn-textField-input',
} as const;

export const BN_FIELD_CONTAINER = BN_FIELD.field;

export const BUY_TEXT = ['Buy/Long', 'Buy / Long', 'Open Long'] as const;
export const SELL_TEXT = ['Sell/Short', 'Sell / Short', 'Open Short'] as const;
/** Hedge mode's Close tab buttons: they reduce an existing position (jackhai9's text table, §8). */
export const CLOSE_TEXT = ['Close Long', 'Close Short'] as const;

/**
 * The fixture pages' states besides `example`, each key counted in each (tests/venues/binance-usdm/states.ts):
 * generation 1 (binance-usdm.html) and generation 2 (binance-usdm.gen2-*.html: one-way, hedge Open, hedge Close).
 */
export type BinanceUsdmState =
  'market' | 'tpsl' | 'logged-out' | 'gen2-oneway' | 'gen2-hedge-open' | 'gen2-hedge-close';

/** Generation 2 (§8, 2026): `limitPrice-<n>` / `unitAmount-<n>` inputs, renumbered between renders. */
const PRICE_ID = { by: 'idPrefix', prefix: 'limitPrice-', css: 'input' } as const;
const SIZE_ID = { by: 'idPrefix', prefix: 'unitAmount-', css: 'input' } as const;

/** Found once in every state, of both generations. */
const EVERYWHERE = {
  example: 1,
  market: 1,
  tpsl: 1,
  'logged-out': 1,
  'gen2-oneway': 1,
  'gen2-hedge-open': 1,
  'gen2-hedge-close': 1,
} as const;

export const BINANCE_USDM_SELECTORS = {
  /** Margin mode button: its text is the current mode. */
  marginMode: {
    expected: EVERYWHERE,
    strategies: [{ by: 'role', role: 'button', name: ['Cross', 'Isolated'] }],
  },
  /** Leverage button ("20x"): its text is the current leverage. */
  leverage: {
    expected: EVERYWHERE,
    strategies: [{ by: 'role', role: 'button', name: /^\d{1,3}x$/i }],
  },
  typeLimit: {
    expected: EVERYWHERE,
    strategies: [
      { by: 'css', css: '[role="tab"][aria-controls="bn-tab-pane-LIMIT"]' },
      { by: 'css', css: '[role="tab"][data-tab-key="LIMIT"]' },
      { by: 'role', role: 'tab', name: ['Limit', 'Лимит'] },
    ],
  },
  typeMarket: {
    expected: EVERYWHERE,
    strategies: [
      { by: 'css', css: '[role="tab"][aria-controls="bn-tab-pane-MARKET"]' },
      { by: 'css', css: '[role="tab"][data-tab-key="MARKET"]' },
      { by: 'role', role: 'tab', name: ['Market'] },
    ],
  },
  /** Limit price (USDT); on the Market tab the field shows "Market Price" and is not read. */
  price: {
    expected: EVERYWHERE,
    strategies: [
      PRICE_ID,
      { by: 'label', label: ['Price'], css: 'input' },
      { by: 'field', label: ['Price'], ...BN_FIELD },
    ],
  },
  size: {
    expected: EVERYWHERE,
    strategies: [
      SIZE_ID,
      { by: 'label', label: ['Size', 'Amount'], css: 'input' },
      { by: 'field', label: ['Size', 'Amount'], ...BN_FIELD },
    ],
  },
  /** Unit of the size field ("BTC" or "USDT"), looked up inside the size field only. */
  sizeUnit: {
    expected: EVERYWHERE,
    strategies: [{ by: 'css', css: '.bn-textField-suffix' }],
  },
  tpsl: {
    expected: EVERYWHERE,
    strategies: [{ by: 'role', role: 'checkbox', name: ['TP/SL'] }],
  },
  /** Shown only while TP/SL is on. */
  takeProfit: {
    expected: {
      example: 0,
      market: 0,
      tpsl: 1,
      'logged-out': 0,
      'gen2-oneway': 0,
      'gen2-hedge-open': 0,
      'gen2-hedge-close': 0,
    },
    strategies: [
      { by: 'label', label: ['Take Profit'], css: 'input' },
      { by: 'field', label: ['Take Profit'], ...BN_FIELD },
    ],
  },
  stopLoss: {
    expected: {
      example: 0,
      market: 0,
      tpsl: 1,
      'logged-out': 0,
      'gen2-oneway': 0,
      'gen2-hedge-open': 0,
      'gen2-hedge-close': 0,
    },
    strategies: [
      { by: 'label', label: ['Stop Loss'], css: 'input' },
      { by: 'field', label: ['Stop Loss'], ...BN_FIELD },
    ],
  },
  /** "Avbl 10,000.00 USDT" (or "Avbl -- USDT" logged out: then no balance). */
  available: {
    expected: EVERYWHERE,
    strategies: [{ by: 'text', text: /^Avbl \S+ [A-Z]{2,12}$/, css: 'div, span, p' }],
  },
  buy: {
    expected: EVERYWHERE,
    strategies: [
      { by: 'css', css: 'button.bn-button__buy' },
      { by: 'role', role: 'button', name: BUY_TEXT },
    ],
  },
  sell: {
    expected: EVERYWHERE,
    strategies: [
      { by: 'css', css: 'button.bn-button__sell' },
      { by: 'role', role: 'button', name: SELL_TEXT },
    ],
  },
  /** Hedge mode's Open tab (`#position-direction`); none in one-way mode. */
  openTab: {
    expected: {
      example: 0,
      market: 0,
      tpsl: 0,
      'logged-out': 0,
      'gen2-oneway': 0,
      'gen2-hedge-open': 1,
      'gen2-hedge-close': 1,
    },
    strategies: [
      { by: 'role', role: 'tab', name: ['Open'], css: '#position-direction [role="tab"]' },
      { by: 'role', role: 'tab', name: ['Open'] },
    ],
  },
  closeTab: {
    expected: {
      example: 0,
      market: 0,
      tpsl: 0,
      'logged-out': 0,
      'gen2-oneway': 0,
      'gen2-hedge-open': 1,
      'gen2-hedge-close': 1,
    },
    strategies: [
      { by: 'role', role: 'tab', name: ['Close'], css: '#position-direction [role="tab"]' },
      { by: 'role', role: 'tab', name: ['Close'] },
    ],
  },
  /** "Close Long" / "Close Short": shown only on the Close tab. */
  closeButton: {
    expected: {
      example: 0,
      market: 0,
      tpsl: 0,
      'logged-out': 0,
      'gen2-oneway': 0,
      'gen2-hedge-open': 0,
      'gen2-hedge-close': 2,
    },
    strategies: [{ by: 'role', role: 'button', name: CLOSE_TEXT }],
  },
} as const satisfies SelectorTable<string, BinanceUsdmState>;

export type BinanceUsdmKey = keyof typeof BINANCE_USDM_SELECTORS;
