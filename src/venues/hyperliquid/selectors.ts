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

/** The fixture page's states besides `example`, each key counted in each (tests/venues/hyperliquid/states.ts). */
export type HyperliquidState = 'market' | 'tpsl' | 'logged-out' | 'orders-tab';

export const HYPERLIQUID_SELECTORS = {
  /** The coin picker ("BTC-USD"): perps only; spot pairs read "PURR/USDC". */
  coin: {
    expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'orders-tab': 1 },
    strategies: [{ by: 'role', role: 'button', name: /^k?[A-Z0-9]{1,15}-USDC?$/ }],
  },
  /** Margin mode button: its text is the current mode. */
  marginMode: {
    expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'orders-tab': 1 },
    strategies: [{ by: 'role', role: 'button', name: ['Cross', 'Isolated'] }],
  },
  /** Leverage button ("20x"): its text is the current leverage. */
  leverage: {
    expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'orders-tab': 1 },
    strategies: [{ by: 'role', role: 'button', name: /^\d{1,3}x$/i }],
  },
  typeMarket: {
    expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'orders-tab': 1 },
    strategies: [{ by: 'role', role: 'tab', name: ['Market'] }],
  },
  typeLimit: {
    expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'orders-tab': 1 },
    strategies: [{ by: 'role', role: 'tab', name: ['Limit'] }],
  },
  /** The side toggle: one of the two is pressed; the order goes out through "Place Order". */
  sideBuy: {
    expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'orders-tab': 1 },
    strategies: [{ by: 'role', role: 'button', name: BUY_TEXT }],
  },
  sideSell: {
    expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'orders-tab': 1 },
    strategies: [{ by: 'role', role: 'button', name: SELL_TEXT }],
  },
  submit: {
    expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'orders-tab': 1 },
    strategies: [
      { by: 'role', role: 'button', name: PLACE_ORDER_TEXT },
      { by: 'role', role: 'button', name: NAMED_SUBMIT },
    ],
  },
  /** Limit price (USDC); the Market tab has no price field. */
  price: {
    expected: { example: 1, market: 0, tpsl: 1, 'logged-out': 1, 'orders-tab': 1 },
    strategies: [
      { by: 'label', label: ['Price (USDC)', 'Price'], css: 'input' },
      { by: 'css', css: 'input[placeholder="Price"]' },
    ],
  },
  size: {
    expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'orders-tab': 1 },
    strategies: [
      { by: 'label', label: ['Size'], css: 'input' },
      { by: 'css', css: 'input[placeholder="Size"]' },
    ],
  },
  /** Unit menu of the size field ("BTC" or "USDC"), looked up next to the size input only. */
  sizeUnit: {
    expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'orders-tab': 1 },
    strategies: [{ by: 'css', css: 'button[aria-haspopup="listbox"], [role="button"][aria-haspopup="listbox"]' }],
  },
  reduceOnly: {
    expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'orders-tab': 1 },
    strategies: [{ by: 'label', label: ['Reduce Only'], css: 'input[type="checkbox"]' }],
  },
  tpsl: {
    expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'orders-tab': 1 },
    strategies: [{ by: 'label', label: ['TP/SL', 'Take Profit / Stop Loss'], css: 'input[type="checkbox"]' }],
  },
  /** Shown only while TP/SL is on. */
  takeProfit: {
    expected: { example: 0, market: 0, tpsl: 1, 'logged-out': 0, 'orders-tab': 0 },
    strategies: [{ by: 'label', label: ['TP Price'], css: 'input' }],
  },
  stopLoss: {
    expected: { example: 0, market: 0, tpsl: 1, 'logged-out': 0, 'orders-tab': 0 },
    strategies: [{ by: 'label', label: ['SL Price'], css: 'input' }],
  },
  /** "Available to Trade 9,887.80 USDC". */
  available: {
    expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'orders-tab': 1 },
    strategies: [{ by: 'text', text: /^Available to Trade \S+ USDC$/, css: 'div, span, p' }],
  },
  /** Perps Overview "Balance $10,000.00": the perps account before unrealized PnL. */
  balance: {
    expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 0, 'orders-tab': 1 },
    strategies: [{ by: 'text', text: /^Balance \$\S+$/, css: 'div, span, p' }],
  },
  /** The bottom panel tab "Positions (1)": selected while the positions table shows. */
  positionsTab: {
    expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 0, 'orders-tab': 1 },
    strategies: [{ by: 'role', role: 'tab', name: /^Positions(?: \(\d+\))?$/ }],
  },
  /** A header cell only the positions table has; its table is the positions table. */
  positionsHeader: {
    expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 0, 'orders-tab': 1 },
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
