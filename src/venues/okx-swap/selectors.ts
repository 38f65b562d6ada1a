// OKX USDT perpetual swap order form (https://www.okx.com/trade-swap/{base}-usdt-swap), as data.
// Evidence: shared/reference/exchange-pages.md has NO order-form selector for OKX; only the `okui-`
// component-library classes (okui-input-input, okui-select-item, okui-table-tbody) are attested.
// So every key leads with roles, labels and visible texts ("Cross", "10.00x", "Limit", "Market",
// "Price (USDT)", "Amount", "TP/SL", "Available", "Buy/Long", "Sell/Short"), with okui- classes as the
// fallback. The layout (label above an okui-input box, unit picker as a combobox inside the amount
// box, assets panel, positions table) is our model in e2e/fixtures/pages/okx-swap.html and must be
// re-checked against a saved snapshot of the live page.
// `expected`: match count per fixture state, `example` as loaded (Cross 10.00x, Limit, 10 Contracts,
// TP/SL off, Positions tab open with one cross position).
// CSS-module hashed classes (index_xxx__yyyy) change on every deploy and are never used.
// Words come from the page's label table (words.ts): okxSelectors(table) builds the table for one
// language, OKX_SELECTORS is the English one.
import { prefixPattern } from '../dom/page-locale';
import type { SelectorTable } from '../dom/query';
import { OKX_WORDS, type OkxWords } from './words';
import { perLanguage } from '../dom/per-language';

/**
 * An okui component class, bare (`okui-input`, generation 1) or namespaced by the bundle that uses it
 * (`trade_okui-input`, `balance_okui-input-input`: §8 of the evidence, generation 2). The whole class
 * token must end in it: `trade_okui-input` is not `trade_okui-input-box`.
 */
export const okui = (block: string, tag = ''): string =>
  `${tag}.okui-${block}, ${tag}[class$="_okui-${block}"], ${tag}[class*="_okui-${block} "]`;

/** okui text field: a caption (a <label> or not), then a box holding the input (and a unit picker). */
const OKUI_FIELD = {
  field: okui('input'),
  labelPart: okui('input-label'),
  input: okui('input-input', 'input'),
} as const;

export const OKUI_FIELD_CONTAINER = OKUI_FIELD.field;

const EN = OKX_WORDS['en']!;
export const BUY_TEXT = EN.buy;
export const SELL_TEXT = EN.sell;

/** "10.00x", "3x", "12.5x": OKX shows leverage with two decimals ("10,00x" on a decimal-comma page). */
export const LEVERAGE_TEXT = /^\d{1,3}(?:[.,]\d{1,2})?\s?[x×]$/i;
/** "Positions (1)": the bottom panel's tab; the count cross-checks the table's rows. */
export const POSITIONS_TAB_TEXT = /^Positions(?: \((\d{1,4})\))?$/;
/** "Cash balance 10,000.00 USDT" (or "Cash balance -- USDT" logged out). */
export const CASH_BALANCE_TEXT = /^Cash balance \S+ [A-Z]{2,12}$/;

/** "Available 9,523.10 USDT" / "Cost 650.00 USDT" in a table's words (a comma page may group by spaces). */
export function amountRow(prefix: readonly string[]): RegExp {
  return new RegExp(`${prefixPattern(prefix).source} (?:\\S+|\\d{1,3}(?: \\d{3})+(?:,\\d+)?) [A-Z]{2,12}$`, 'i');
}
/** A pattern that matches nothing: the Cost row of a table without its word is not looked for. */
const NO_ROW = /(?!)/;

/**
 * The fixture pages' states besides `example`, each key counted in each (tests/venues/okx-swap/states.ts);
 * `gen2*`: the second page generation (okx-swap.gen2.html: namespaced okui- classes, captions that are no
 * <label>, ARIA checkboxes, Cost per side) as loaded, on the Market tab, with TP/SL on.
 */
export type OkxState =
  'market' | 'tpsl' | 'logged-out' | 'orders-tab' | 'no-assets-panel' | 'gen2' | 'gen2-market' | 'gen2-tpsl';

/** Keys found once in every state of both generations. */
const EVERYWHERE = {
  example: 1,
  market: 1,
  tpsl: 1,
  'logged-out': 1,
  'orders-tab': 1,
  'no-assets-panel': 1,
  gen2: 1,
  'gen2-market': 1,
  'gen2-tpsl': 1,
} as const;
const NOWHERE = Object.fromEntries(Object.keys(EVERYWHERE).map((state) => [state, 0])) as Record<
  keyof typeof EVERYWHERE,
  number
>;

/** The selector table for one language's words. */
function selectorsOf(w: OkxWords) {
  return {
    /** Margin mode button: its text is the current mode. */
    marginMode: {
      expected: EVERYWHERE,
      strategies: [{ by: 'role', role: 'button', name: [...w.cross, ...w.isolated] }],
    },
    /** Leverage button ("10.00x"): its text is the current leverage. */
    leverage: {
      expected: EVERYWHERE,
      strategies: [{ by: 'role', role: 'button', name: LEVERAGE_TEXT }],
    },
    typeLimit: {
      expected: EVERYWHERE,
      strategies: [
        { by: 'role', role: 'tab', name: w.limit },
        { by: 'text', text: w.limit, css: okui('tabs-pane') },
      ],
    },
    typeMarket: {
      expected: EVERYWHERE,
      strategies: [
        { by: 'role', role: 'tab', name: w.market },
        { by: 'text', text: w.market, css: okui('tabs-pane') },
      ],
    },
    /** Limit price in USDT; hidden on the Market tab (a disabled "Market price" box shows instead). */
    price: {
      expected: EVERYWHERE,
      strategies: [
        { by: 'label', label: w.price, css: 'input' },
        { by: 'field', label: w.price, ...OKUI_FIELD },
      ],
    },
    size: {
      expected: EVERYWHERE,
      strategies: [
        { by: 'label', label: w.amount, css: 'input' },
        { by: 'field', label: w.amount, ...OKUI_FIELD },
      ],
    },
    /** Unit picker of the amount field (Contracts, the base asset or USDT), looked up inside that field only. */
    sizeUnit: {
      expected: EVERYWHERE,
      strategies: [
        { by: 'css', css: '[role="combobox"]' },
        { by: 'css', css: okui('select') },
      ],
    },
    tpsl: {
      expected: EVERYWHERE,
      strategies: [{ by: 'role', role: 'checkbox', name: w.tpsl }],
    },
    /** Shown only while TP/SL is on. */
    takeProfit: {
      expected: { ...NOWHERE, tpsl: 1, 'gen2-tpsl': 1 },
      strategies: [
        { by: 'label', label: w.takeProfit, css: 'input' },
        { by: 'field', label: w.takeProfit, ...OKUI_FIELD },
      ],
    },
    stopLoss: {
      expected: { ...NOWHERE, tpsl: 1, 'gen2-tpsl': 1 },
      strategies: [
        { by: 'label', label: w.stopLoss, css: 'input' },
        { by: 'field', label: w.stopLoss, ...OKUI_FIELD },
      ],
    },
    /** "Available 9,523.10 USDT" (label and amount in one row). */
    available: {
      expected: EVERYWHERE,
      strategies: [{ by: 'text', text: amountRow(w.available), css: 'div, p, li, dl' }],
    },
    buy: {
      expected: EVERYWHERE,
      strategies: [{ by: 'role', role: 'button', name: w.buy }],
    },
    sell: {
      expected: EVERYWHERE,
      strategies: [{ by: 'role', role: 'button', name: w.sell }],
    },
    /**
     * "Cost 650.00 USDT", what the order needs (OKX's rule: src/venues/okx-swap/order-cost.ts): one row
     * under both buttons (generation 1) or one under each (generation 2). Read for the cross-check.
     */
    cost: {
      expected: { ...EVERYWHERE, gen2: 2, 'gen2-market': 2, 'gen2-tpsl': 2 },
      strategies: [{ by: 'text', text: w.cost === undefined ? NO_ROW : amountRow(w.cost), css: 'div, p, li, dl' }],
    },
    /** Instrument picker ("BTCUSDT Perpetual"): cross-checked against the URL to catch a half-done SPA switch. */
    instrument: {
      expected: EVERYWHERE,
      strategies: [{ by: 'role', role: 'button', name: /^[A-Z0-9]{1,20}USDT Perpetual$/, css: '[aria-haspopup]' }],
    },
    /** Trading account's cash balance (without unrealised PnL), read for cross margin only. */
    cashBalance: {
      expected: { ...EVERYWHERE, 'no-assets-panel': 0 },
      strategies: [{ by: 'text', text: CASH_BALANCE_TEXT, css: 'div, p, li, dl' }],
    },
    /** The bottom panel's Positions tab; its panel (aria-controls) holds the positions table. */
    positionsTab: {
      expected: EVERYWHERE,
      strategies: [{ by: 'role', role: 'tab', name: POSITIONS_TAB_TEXT }],
    },
    /** The table inside the positions panel. */
    positionsTable: {
      expected: { ...EVERYWHERE, 'logged-out': 0, 'orders-tab': 0 },
      strategies: [
        { by: 'css', css: 'table' },
        { by: 'css', css: '[role="table"]' },
      ],
    },
  } as const satisfies SelectorTable<string, OkxState>;
}

export type OkxSelectors = ReturnType<typeof selectorsOf>;
export const OKX_SELECTORS: OkxSelectors = selectorsOf(EN);
/** The selector table for a label table id of words.ts (made once per language). */
export const okxSelectors: (table: string) => OkxSelectors = perLanguage(
  (words: OkxWords) => (words === EN ? OKX_SELECTORS : selectorsOf(words)),
  (table) => OKX_WORDS[table] ?? EN,
);

export type OkxKey = keyof OkxSelectors;

/** Column headers of the positions table, by the figure read from each column. */
export const POSITION_COLUMNS = {
  instrument: ['Instrument', 'Symbol'],
  amount: ['Amount', 'Size', 'Position'],
  entryPrice: ['Avg. entry price', 'Entry price', 'Avg. price'],
  markPrice: ['Mark price'],
  maintenanceMargin: ['Maint. margin', 'MMR', 'Maintenance margin'],
} as const;
