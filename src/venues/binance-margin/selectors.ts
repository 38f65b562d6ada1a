// Binance spot margin order form (https://www.binance.com/{locale}/trade/{BASE}_{QUOTE}?type=cross|isolated),
// as data. Evidence: shared/reference/exchange-pages.md — the older spot form's ids `#FormRow-BUY-price`,
// `#FormRow-BUY-quantity`, `#FormRow-BUY-total` (and their SELL twins), `bn-` component classes, tabs
// `[role="tab"][aria-controls="bn-tab-pane-LIMIT"]`; visible texts "Spot" / "Cross 3x" / "Isolated 10x",
// "Normal" / "Borrow" / "Repay", "Avbl", "Margin Level". Those ids come from old Selenium/Cypress tests of the
// *spot* page; the margin tabs, the borrow selector and the account panel are modelled in
// e2e/fixtures/pages/binance-margin.html and must be re-checked against a saved live snapshot.
// `expected`: match count per fixture state, `example` as loaded (Cross 3x, Borrow, Limit, Buy 0.5 BTC).
// Emotion's hashed classes (css-1x2y3z) change on every deploy and are never used.
// Generation 2 (§8 of exchange-pages.md, 2025–2026; e2e/fixtures/pages/binance-margin.gen2.html, states gen2-*):
// one form behind a Buy / Sell tab switch `[role="tab"].bn-tab__buySell` (aria-controls bn-tab-pane-0 / -1),
// inputs #limitPrice / #limitAmount / #limitTotal, one submit button that follows the selected tab.
// Words come from the page's label table (words.ts); binanceMarginSelectors(table) builds the table for one
// language, BINANCE_MARGIN_SELECTORS is the English one.
import type { SelectorTable } from '../dom/query';
import { accountTab, marginWords, panelRow, submitPattern, type MarginWords } from './words';
import { perLanguage } from '../dom/per-language';

const EN = marginWords('en');
/** "Buy BTC", "Sell ETH": the submit button names the side and the base asset. */
export const SUBMIT_TEXT = submitPattern(EN);
/** The account tabs carry the account's leverage as a badge: "Cross 3x", "Isolated 10x". */
export const CROSS_TAB = accountTab(EN.cross);
export const ISOLATED_TAB = accountTab(EN.isolated);
/** Binance's text field: the unit of the amount sits in its suffix. */
export const BN_FIELD = '.bn-textField';
export const BUY_CLASS = '.bn-button__buy';
export const SELL_CLASS = '.bn-button__sell';

/** The fixture page's states besides `example`, each key counted in each (tests/venues/binance-margin/states.ts). */
export type BinanceMarginState =
  | 'market'
  | 'spot'
  | 'isolated'
  | 'logged-out'
  | 'no-account-panel'
  | 'gen2'
  | 'gen2-sell'
  | 'gen2-market'
  | 'gen2-spot';

const G1 = { example: 1, market: 1, spot: 1, isolated: 1, 'logged-out': 1, 'no-account-panel': 1 } as const;
const G2 = { gen2: 1, 'gen2-sell': 1, 'gen2-market': 1, 'gen2-spot': 1 } as const;
/** Gen 1 has a Buy form and a Sell form: two of each field. */
const G1_TWO = { example: 2, market: 2, spot: 2, isolated: 2, 'logged-out': 2, 'no-account-panel': 2 } as const;
const NOT_G1 = { example: 0, market: 0, spot: 0, isolated: 0, 'logged-out': 0, 'no-account-panel': 0 } as const;
const NOT_G2 = { gen2: 0, 'gen2-sell': 0, 'gen2-market': 0, 'gen2-spot': 0 } as const;

/** "Avbl 20,000.00 USDT"; a comma page may group by spaces ("Доступно 20 000,00 USDT"). */
const availableRow = (w: MarginWords): RegExp => new RegExp(`${panelRow(w.avbl, true).source.replace('(?:≈ )?', '')}`);

/** The selector table for one language's words. */
function selectorsOf(w: MarginWords) {
  const verb = (words: readonly string[]) => submitPattern({ ...w, buySide: words, sellSide: [] });
  return {
    /** Account tabs: which one is selected says spot, cross or isolated (the URL's ?type= is only a hint). */
    tabSpot: {
      expected: { ...G1, ...G2 },
      strategies: [{ by: 'role', role: 'tab', name: w.spot }],
    },
    tabCross: {
      expected: { ...G1, ...G2 },
      strategies: [{ by: 'role', role: 'tab', name: accountTab(w.cross) }],
    },
    tabIsolated: {
      expected: { ...G1, ...G2 },
      strategies: [{ by: 'role', role: 'tab', name: accountTab(w.isolated) }],
    },
    /** Borrow behaviour, shown on the margin tabs only. */
    borrowNormal: {
      expected: { ...G1, ...G2, spot: 0, 'gen2-spot': 0 },
      strategies: [{ by: 'role', role: 'radio', name: w.normal }],
    },
    borrowAuto: {
      expected: { ...G1, ...G2, spot: 0, 'gen2-spot': 0 },
      strategies: [{ by: 'role', role: 'radio', name: w.borrow }],
    },
    borrowRepay: {
      expected: { ...G1, ...G2, spot: 0, 'gen2-spot': 0 },
      strategies: [{ by: 'role', role: 'radio', name: w.repay }],
    },
    typeLimit: {
      expected: { ...G1, ...G2 },
      strategies: [
        { by: 'css', css: '[role="tab"][aria-controls="bn-tab-pane-LIMIT"]' },
        { by: 'role', role: 'tab', name: w.limit },
      ],
    },
    typeMarket: {
      expected: { ...G1, ...G2 },
      strategies: [
        { by: 'css', css: '[role="tab"][aria-controls="bn-tab-pane-MARKET"]' },
        { by: 'role', role: 'tab', name: w.market },
      ],
    },
    /**
     * Gen 2's Buy / Sell tab switch in front of the one form: which tab is selected is the side (by
     * aria-selected and its class state, which must agree). Gen 1 has none (0).
     */
    sideBuy: {
      expected: { ...NOT_G1, ...G2 },
      strategies: [
        { by: 'css', css: '[role="tab"].bn-tab__buySell[aria-controls="bn-tab-pane-0"]' },
        { by: 'role', role: 'tab', name: w.buySide },
      ],
    },
    sideSell: {
      expected: { ...NOT_G1, ...G2 },
      strategies: [
        { by: 'css', css: '[role="tab"].bn-tab__buySell[aria-controls="bn-tab-pane-1"]' },
        { by: 'role', role: 'tab', name: w.sellSide },
      ],
    },
    /**
     * Gen 1: one price, amount and total field per side (Buy form and Sell form side by side). Gen 2: one
     * of each behind the tabs (the Market pane: #marketAmount only, no price or total input).
     */
    price: {
      expected: { ...G1_TWO, ...G2, 'gen2-market': 0 },
      strategies: [
        { by: 'css', css: 'input[id^="FormRow-"][id$="-price"]' },
        { by: 'css', css: 'input#limitPrice' },
        { by: 'label', label: w.price, css: 'input' },
      ],
    },
    amount: {
      expected: { ...G1_TWO, ...G2 },
      strategies: [
        { by: 'css', css: 'input[id^="FormRow-"][id$="-quantity"]' },
        { by: 'css', css: 'input#limitAmount, input#marketAmount' },
        { by: 'label', label: w.amount, css: 'input' },
      ],
    },
    /**
     * Filled by the page from price × amount. Gen 1: counted, not read (the amount is what the trader sets);
     * gen 2: read and required to agree with price × amount (tabbed-form.ts).
     */
    total: {
      expected: { ...G1_TWO, market: 0, ...G2, 'gen2-market': 0 },
      strategies: [
        { by: 'css', css: 'input[id^="FormRow-"][id$="-total"]' },
        { by: 'css', css: 'input#limitTotal' },
        { by: 'label', label: w.total, css: 'input' },
      ],
    },
    /** Unit of an amount field ("BTC"), looked up inside that field only. */
    amountUnit: {
      expected: { ...G1, ...G2 },
      strategies: [{ by: 'css', css: '.bn-textField-suffix' }],
    },
    /** "Avbl 20,000.00 USDT" above the Buy form, "Avbl 0.00000000 BTC" above the Sell form. */
    available: {
      expected: { ...G1_TWO, ...G2 },
      strategies: [{ by: 'text', text: availableRow(w), css: 'div, span, p' }],
    },
    buy: {
      expected: { ...G1, ...G2, 'gen2-sell': 0 },
      strategies: [
        { by: 'role', role: 'button', name: verb(w.buySide) },
        { by: 'css', css: `button${BUY_CLASS}` },
      ],
    },
    sell: {
      expected: { ...G1, ...NOT_G2, 'gen2-sell': 1 },
      strategies: [
        { by: 'role', role: 'button', name: verb(w.sellSide) },
        { by: 'css', css: `button${SELL_CLASS}` },
      ],
    },
    /** Pair picker ("BTC/USDT"): cross-checked against the URL to catch a half-done SPA switch. */
    pair: {
      expected: { ...G1, ...G2 },
      strategies: [{ by: 'role', role: 'button', name: /^[A-Z0-9]{2,12}\/[A-Z0-9]{2,12}$/, css: '[aria-haspopup]' }],
    },
    /** The margin account as the page shows it: "Margin Level 999.00", totals in the quote currency. */
    marginLevel: {
      expected: { ...G1, ...G2, spot: 0, 'no-account-panel': 0, 'gen2-spot': 0 },
      strategies: [{ by: 'text', text: panelRow(w.marginLevel, false), css: 'div, span, p' }],
    },
    totalAssets: {
      expected: { ...G1, ...G2, spot: 0, 'no-account-panel': 0, 'gen2-spot': 0 },
      strategies: [{ by: 'text', text: panelRow(w.totalAssets, true), css: 'div, span, p' }],
    },
    totalLiabilities: {
      expected: { ...G1, ...G2, spot: 0, 'no-account-panel': 0, 'gen2-spot': 0 },
      strategies: [{ by: 'text', text: panelRow(w.totalLiabilities, true), css: 'div, span, p' }],
    },
  } as const satisfies SelectorTable<string, BinanceMarginState>;
}

export type BinanceMarginSelectors = ReturnType<typeof selectorsOf>;
export const BINANCE_MARGIN_SELECTORS: BinanceMarginSelectors = selectorsOf(EN);
/** The selector table for a label table id of words.ts (made once per language). */
export const binanceMarginSelectors: (table: string) => BinanceMarginSelectors = perLanguage(
  (words: MarginWords) => (words === EN ? BINANCE_MARGIN_SELECTORS : selectorsOf(words)),
  marginWords,
);

export type BinanceMarginKey = keyof BinanceMarginSelectors;
