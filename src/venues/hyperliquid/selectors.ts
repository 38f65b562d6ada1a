// Hyperliquid perpetuals order form (https://app.hyperliquid.xyz/trade/{COIN}), as data.
// Evidence: shared/reference/exchange-pages.md — hl-paper-mode's heuristics (buttons by text
// "Place Order", "Buy / Long", "Sell / Short"; size/price inputs by their <label> text or
// placeholder; leverage as "(\d+)x"; Reduce Only as a checkbox inside its label) and the form of
// docs.easy.fun ("Cross" and "20x" buttons). The page is styled-components (sc-xxxx hashes that
// change on every deploy), so no class is used here at all. The ARIA states of the order-type
// tabs (aria-selected) and the side toggle (aria-pressed), the size-unit menu button, the account
// panel and the positions table are modelled in e2e/fixtures/pages/hyperliquid.html and must be
// re-checked against a saved live snapshot.
// `expected`: match count per fixture state, `example` as loaded (BTC, Cross 20×, Limit, Buy / Long,
// 65,000.0 × 0.1 BTC, Reduce Only and TP/SL off, one SOL position).
import type { SelectorTable } from '../dom/query';

export const BUY_TEXT = ['Buy / Long', 'Buy/Long'] as const;
export const SELL_TEXT = ['Sell / Short', 'Sell/Short'] as const;
export const PLACE_ORDER_TEXT = ['Place Order'] as const;
/** Older layouts name the submit after the order ("Market Buy", "Limit Sell"), per hl-paper-mode. */
export const NAMED_SUBMIT = /^(?:Market|Limit) (Buy|Sell)$/;

/** A perp coin as the API and the URL spell it: "BTC", "kPEPE" (k = thousands of the token). */
export const COIN = /^k?[A-Z0-9]{1,15}$/;
/**
 * A builder-deployed perp (HIP-3, §8): "xyz:TSLA", its dex before the colon. Read so the overlay can
 * say the market is not supported (no market data or facts for it): never quoted as another coin.
 */
export const BUILDER_COIN = /^[a-z][a-z0-9]{0,7}:k?[A-Z0-9]{1,15}$/;

/** Summary rows the page derives from the order (generation 1 "Liq. Price" below the submit, 2 above it). */
export const SUMMARY_ROWS = {
  liquidationPrice: /^(?:Liquidation Price|Liq\. Price) (\S+)$/,
  orderValue: /^Order Value (\S+)$/,
  marginRequired: /^Margin Required (\S+)$/,
} as const;

/** The fixture page's states besides `example`, each key counted in each (tests/venues/hyperliquid/states.ts). */
export type HyperliquidState =
  'market' | 'tpsl' | 'logged-out' | 'orders-tab' | 'gen2' | 'gen2-market' | 'gen2-builder';

/** Found once in every state of both generations. */
const EVERYWHERE = {
  example: 1,
  market: 1,
  tpsl: 1,
  'logged-out': 1,
  'orders-tab': 1,
  gen2: 1,
  'gen2-market': 1,
  'gen2-builder': 1,
} as const;
const NOWHERE = Object.fromEntries(Object.keys(EVERYWHERE).map((k) => [k, 0])) as Record<keyof typeof EVERYWHERE, 0>;
/** Account panel and positions table: gone when logged out. */
const LOGGED_IN = { ...EVERYWHERE, 'logged-out': 0 } as const;

export const HYPERLIQUID_SELECTORS = {
  /** The coin picker ("BTC-USD"): perps only; spot pairs read "PURR/USDC". */
  coin: {
    expected: EVERYWHERE,
    strategies: [{ by: 'role', role: 'button', name: /^(?:[a-z][a-z0-9]{0,7}:)?k?[A-Z0-9]{1,15}-USDC?$/ }],
  },
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
  typeMarket: {
    expected: EVERYWHERE,
    strategies: [{ by: 'role', role: 'tab', name: ['Market'] }],
  },
  typeLimit: {
    expected: EVERYWHERE,
    strategies: [{ by: 'role', role: 'tab', name: ['Limit'] }],
  },
  /**
   * The side toggle: one of the two is pressed (generation 1) or checked (generation 2's segmented
   * control as radios); the order goes out through "Place Order".
   */
  sideBuy: {
    expected: EVERYWHERE,
    strategies: [
      { by: 'role', role: 'button', name: BUY_TEXT },
      { by: 'role', role: 'radio', name: BUY_TEXT },
    ],
  },
  sideSell: {
    expected: EVERYWHERE,
    strategies: [
      { by: 'role', role: 'button', name: SELL_TEXT },
      { by: 'role', role: 'radio', name: SELL_TEXT },
    ],
  },
  submit: {
    expected: EVERYWHERE,
    strategies: [
      { by: 'role', role: 'button', name: PLACE_ORDER_TEXT },
      { by: 'role', role: 'button', name: NAMED_SUBMIT },
    ],
  },
  /** Limit price (USDC); the Market tab has no price field. */
  price: {
    expected: { ...EVERYWHERE, market: 0, 'gen2-market': 0 },
    strategies: [
      { by: 'label', label: ['Price (USDC)', 'Price'], css: 'input' },
      { by: 'css', css: 'input[placeholder="Price"]' },
    ],
  },
  size: {
    expected: EVERYWHERE,
    strategies: [
      { by: 'label', label: ['Size'], css: 'input' },
      { by: 'css', css: 'input[placeholder="Size"]' },
    ],
  },
  /** Unit menu of the size field ("BTC" or "USDC"), looked up next to the size input only. */
  sizeUnit: {
    expected: EVERYWHERE,
    strategies: [{ by: 'css', css: 'button[aria-haspopup="listbox"], [role="button"][aria-haspopup="listbox"]' }],
  },
  reduceOnly: {
    expected: EVERYWHERE,
    strategies: [{ by: 'label', label: ['Reduce Only'], css: 'input[type="checkbox"]' }],
  },
  tpsl: {
    expected: EVERYWHERE,
    strategies: [{ by: 'label', label: ['TP/SL', 'Take Profit / Stop Loss'], css: 'input[type="checkbox"]' }],
  },
  /** Shown only while TP/SL is on. */
  takeProfit: {
    expected: { ...NOWHERE, tpsl: 1 },
    strategies: [{ by: 'label', label: ['TP Price'], css: 'input' }],
  },
  stopLoss: {
    expected: { ...NOWHERE, tpsl: 1 },
    strategies: [{ by: 'label', label: ['SL Price'], css: 'input' }],
  },
  /** "Available to Trade 9,887.80 USDC". */
  available: {
    expected: EVERYWHERE,
    strategies: [{ by: 'text', text: /^Available to Trade \S+ USDC$/, css: 'div, span, p' }],
  },
  /** The page's own estimates for the order (summary-rows.ts): one row each, label and figure. */
  liquidationPrice: {
    expected: EVERYWHERE,
    strategies: [{ by: 'text', text: SUMMARY_ROWS.liquidationPrice, css: 'div' }],
  },
  orderValue: { expected: EVERYWHERE, strategies: [{ by: 'text', text: SUMMARY_ROWS.orderValue, css: 'div' }] },
  marginRequired: { expected: EVERYWHERE, strategies: [{ by: 'text', text: SUMMARY_ROWS.marginRequired, css: 'div' }] },
  /** Perps Overview "Balance $10,000.00": the perps account before unrealized PnL. */
  balance: {
    expected: LOGGED_IN,
    strategies: [{ by: 'text', text: /^Balance \$\S+$/, css: 'div, span, p' }],
  },
  /** The bottom panel tab "Positions (1)": selected while the positions table shows. */
  positionsTab: {
    expected: LOGGED_IN,
    strategies: [{ by: 'role', role: 'tab', name: /^Positions(?: \(\d+\))?$/ }],
  },
  /** A header cell only the positions table has; its table is the positions table. */
  positionsHeader: {
    expected: LOGGED_IN,
    strategies: [{ by: 'text', text: ['Entry Price'], css: 'th, [role="columnheader"]' }],
  },
} as const satisfies SelectorTable<string, HyperliquidState>;

export type HyperliquidKey = keyof typeof HYPERLIQUID_SELECTORS;

/** Positions table columns we read, by their header text (never by position). */
export const POSITION_COLUMNS = {
  coin: ['Coin'],
  size: ['Size'],
  entryPrice: ['Entry Price'],
  markPrice: ['Mark Price'],
  margin: ['Margin'],
} as const;
