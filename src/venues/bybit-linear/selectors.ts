// Bybit USDT perpetual order form (https://www.bybit.com/trade/usdt/{SYMBOL}), as data.
// Evidence: shared/reference/exchange-pages.md — the `oc__` (order-create) and `by-` (Bybit
// component) prefixes recur across 2022–2026 sources: rows `.oc__row-bottom--12` holding
// `.by-input__inner` inputs, the TP/SL checkbox text `span.oc__tp-sl-chk-text`, popovers
// `.by-popover__el` ("Order by …"), `.trade-assets` for the account; visible texts "Limit",
// "Market", "Cross"/"Isolated", "10.00x", "Buy/Long", "Sell/Short", "TP/SL", "Available Balance".
// Roles, labels and the layout of rows, account panel and positions table are modelled in
// e2e/fixtures/pages/bybit-linear.html and must be re-checked against a saved live snapshot.
// `expected`: match count per fixture state, `example` as loaded (Cross 10×, Limit, Qty 0.1 BTC,
// TP/SL off, account panel and positions table shown); `gen2*`: the second generation
// (bybit-linear.gen2.html, §8 of the evidence): leverage in `.oc-head-leverage`, the unit in
// `.by-input__right-icon`, checkboxes drawn by class (`by-checkbox--checked`, no input, no ARIA).
// Words come from the page's label table (words.ts): bybitSelectors(table) builds the table for one
// language, BYBIT_SELECTORS is the English one.
import { prefixPattern } from '../dom/page-locale';
import type { SelectorTable } from '../dom/query';
import { BYBIT_WORDS, type BybitWords } from './words';
import { perLanguage } from '../dom/per-language';

/** A form row: its label text and the Bybit input inside the same row. */
const OC_ROW = { field: '.oc__row-bottom--12', labelPart: '.oc__row-label', input: 'input.by-input__inner' } as const;

/** The row of a size field, to look its unit up inside that row only. */
export const OC_ROW_CONTAINER = OC_ROW.field;

const EN = BYBIT_WORDS['en']!;
export const BUY_TEXT = EN.buy;
export const SELL_TEXT = EN.sell;
/** The size field's label says which way the trader orders: by quantity (base) or by value (quote). */
export const SIZE_BY_QTY = EN.byQty;
export const SIZE_BY_VALUE = EN.byValue;
/** "10.00x": Bybit shows leverage with two decimals ("10,00x" on a decimal-comma page: read in its number scope). */
export const LEVERAGE_TEXT = /^\d{1,3}(?:[.,]\d{1,2})?x$/i;

/** The fixture page's states besides `example`, each key counted in each (tests/venues/bybit-linear/states.ts). */
export type BybitState = 'market' | 'tpsl' | 'logged-out' | 'positions-hidden' | 'gen2' | 'gen2-tpsl-off';

/** "Available Balance 10,000.0000 USDT" in the table's words (a comma page may group by spaces). */
function availableRow(w: BybitWords): RegExp {
  return new RegExp(`${prefixPattern(w.available).source} (?:\\S+|\\d{1,3}(?: \\d{3})+(?:,\\d+)?) [A-Z]{2,12}$`);
}

/** The selector table for one language's words. */
function selectorsOf(w: BybitWords) {
  return {
    /** Margin mode button in the form's header: its text is the current mode. */
    marginMode: {
      expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'positions-hidden': 1, gen2: 1, 'gen2-tpsl-off': 1 },
      strategies: [{ by: 'role', role: 'button', name: [...w.cross, ...w.isolated] }],
    },
    /**
     * Leverage ("10.00x"): a button (first generation) or the form head's `.oc-head-leverage`
     * (second). Two of them (hedge mode, one per side) is ambiguous.
     */
    leverage: {
      expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'positions-hidden': 1, gen2: 1, 'gen2-tpsl-off': 1 },
      strategies: [
        { by: 'role', role: 'button', name: LEVERAGE_TEXT },
        { by: 'text', text: LEVERAGE_TEXT, css: '.oc-head-leverage' },
      ],
    },
    typeLimit: {
      expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'positions-hidden': 1, gen2: 1, 'gen2-tpsl-off': 1 },
      strategies: [{ by: 'role', role: 'tab', name: w.limit }],
    },
    typeMarket: {
      expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'positions-hidden': 1, gen2: 1, 'gen2-tpsl-off': 1 },
      strategies: [{ by: 'role', role: 'tab', name: w.market }],
    },
    /** Limit price (USDT); the Market tab has no price row. */
    price: {
      expected: { example: 1, market: 0, tpsl: 1, 'logged-out': 1, 'positions-hidden': 1, gen2: 1, 'gen2-tpsl-off': 1 },
      strategies: [
        { by: 'label', label: w.price, css: 'input' },
        { by: 'field', label: w.price, ...OC_ROW },
      ],
    },
    /** Quantity (base) or value (USDT), whichever the "Order by" menu chose. */
    size: {
      expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'positions-hidden': 1, gen2: 1, 'gen2-tpsl-off': 1 },
      strategies: [
        { by: 'label', label: [...w.byQty, ...w.byValue], css: 'input' },
        { by: 'field', label: [...w.byQty, ...w.byValue], ...OC_ROW },
      ],
    },
    /** The label of the size row ("Qty" / "Value"), looked up inside that row. */
    sizeLabel: {
      expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'positions-hidden': 1, gen2: 1, 'gen2-tpsl-off': 1 },
      strategies: [{ by: 'css', css: '.oc__row-label' }],
    },
    /** The unit of the size row ("BTC" / "USDT"), looked up inside that row: suffix (gen 1) or right icon (gen 2). */
    sizeUnit: {
      expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'positions-hidden': 1, gen2: 1, 'gen2-tpsl-off': 1 },
      strategies: [
        { by: 'css', css: '.by-input__suffix' },
        { by: 'css', css: '.by-input__right-icon' },
      ],
    },
    /**
     * The TP/SL switch: a checkbox by role (native or ARIA), else the `.by-checkbox` drawn around the
     * text "TP/SL" whose state is its class (src/venues/dom/switch-state.ts).
     */
    tpsl: {
      expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'positions-hidden': 1, gen2: 1, 'gen2-tpsl-off': 1 },
      strategies: [
        { by: 'role', role: 'checkbox', name: w.tpsl },
        { by: 'text', text: w.tpsl, css: '.by-checkbox' },
      ],
    },
    /** Reduce-Only, found like TP/SL: while it is on (or its state is unclear) the order is not quoted. */
    reduceOnly: {
      expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'positions-hidden': 1, gen2: 1, 'gen2-tpsl-off': 1 },
      strategies: [
        { by: 'role', role: 'checkbox', name: w.reduceOnly },
        { by: 'text', text: w.reduceOnly, css: '.by-checkbox' },
      ],
    },
    /** Shown only while TP/SL is on. */
    takeProfit: {
      expected: { example: 0, market: 0, tpsl: 1, 'logged-out': 0, 'positions-hidden': 0, gen2: 1, 'gen2-tpsl-off': 0 },
      strategies: [
        { by: 'label', label: w.takeProfit, css: 'input' },
        { by: 'field', label: w.takeProfit, ...OC_ROW },
      ],
    },
    stopLoss: {
      expected: { example: 0, market: 0, tpsl: 1, 'logged-out': 0, 'positions-hidden': 0, gen2: 1, 'gen2-tpsl-off': 0 },
      strategies: [
        { by: 'label', label: w.stopLoss, css: 'input' },
        { by: 'field', label: w.stopLoss, ...OC_ROW },
      ],
    },
    /** "Available Balance 10,000.0000 USDT" (or "-- USDT" logged out: then no balance). */
    available: {
      expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'positions-hidden': 1, gen2: 1, 'gen2-tpsl-off': 1 },
      strategies: [{ by: 'text', text: availableRow(w), css: 'div, span, p, li' }],
    },
    buy: {
      expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'positions-hidden': 1, gen2: 1, 'gen2-tpsl-off': 1 },
      strategies: [{ by: 'role', role: 'button', name: w.buy }],
    },
    sell: {
      expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'positions-hidden': 1, gen2: 1, 'gen2-tpsl-off': 1 },
      strategies: [{ by: 'role', role: 'button', name: w.sell }],
    },
    /**
     * Unified Trading Account panel: "Wallet Balance 10,000.0000 USDT" (the balance before unrealised
     * PnL; "Margin Balance" already includes the PnL of open positions, which the engine adds itself).
     */
    walletBalance: {
      expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 0, 'positions-hidden': 1, gen2: 1, 'gen2-tpsl-off': 1 },
      strategies: [{ by: 'text', text: /^Wallet Balance \S+ [A-Z]{2,12}$/, css: 'div, span, p, li' }],
    },
    /** Symbol picker in the page header ("BTCUSDT Perpetual"): cross-checked against the URL (optional). */
    symbolTitle: {
      expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 1, 'positions-hidden': 1, gen2: 1, 'gen2-tpsl-off': 1 },
      strategies: [{ by: 'role', role: 'button', name: /^[A-Z0-9]{2,24}USDT Perpetual$/ }],
    },
    /** The "Entry Price" column header of the open positions table (found by its visible text). */
    positionsHeader: {
      expected: { example: 1, market: 1, tpsl: 1, 'logged-out': 0, 'positions-hidden': 0, gen2: 1, 'gen2-tpsl-off': 1 },
      strategies: [{ by: 'text', text: ['Entry Price'], css: 'th, [role="columnheader"]' }],
    },
  } as const satisfies SelectorTable<string, BybitState>;
}

export type BybitSelectors = ReturnType<typeof selectorsOf>;
export const BYBIT_SELECTORS: BybitSelectors = selectorsOf(EN);
/** The selector table for a label table id of words.ts (made once per language). */
export const bybitSelectors: (table: string) => BybitSelectors = perLanguage(
  (words: BybitWords) => (words === EN ? BYBIT_SELECTORS : selectorsOf(words)),
  (table) => BYBIT_WORDS[table] ?? EN,
);

export type BybitKey = keyof BybitSelectors;

/** Column headers of the positions table the reader needs, by their visible text. */
export const POSITION_COLUMNS = {
  contract: ['Contracts', 'Contract'],
  quantity: ['Qty', 'Size'],
  entryPrice: ['Entry Price'],
  markPrice: ['Mark Price'],
  maintenanceMargin: ['MM', 'Maintenance Margin'],
} as const;

/**
 * The Contracts cell: symbol, side tag and margin mode with leverage ("SOLUSDT Long Cross 10.00x").
 * Groups: 1 symbol, 2 side, 3 margin mode.
 */
export const POSITION_CONTRACT = /^([A-Z0-9]{2,24}USDT) (Long|Short) (Cross|Isolated) \d{1,3}(?:\.\d{1,2})?x$/;
/** The table's empty state row ("No positions", "No data"). */
export const NO_POSITIONS = /^(?:No (?:open )?positions?|No data)$/i;
