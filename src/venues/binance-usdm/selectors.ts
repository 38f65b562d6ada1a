// Binance USDⓈ-M futures order form (https://www.binance.com/{locale}/futures/{SYMBOL}), as data.
// Evidence: shared/reference/exchange-pages.md — tabs `[role="tab"][aria-controls="bn-tab-pane-LIMIT"]`
// (text fallback "Limit"/"Лимит"), `button.bn-button__buy` "Buy/Long" / `button.bn-button__sell`
// "Sell/Short", inputs `input.bn-textField-input`, visible texts "Cross / 20x", "Avbl", "TP/SL".
// The field structure (bn-textField-prefix label, -suffix unit) is modelled in
// e2e/fixtures/pages/binance-usdm.html and must be re-checked against a saved live snapshot.
// `expected`: match count per fixture state, `example` as loaded (Cross 20×, Limit, 0.1 BTC, TP/SL off).
// Emotion's hashed classes (css-1x2y3z) change on every deploy and are never used.
// Words come from the page's label table (../binance-words.ts); binanceUsdmSelectors(table) builds the table
// for one language, BINANCE_USDM_SELECTORS is the English one.
import { BINANCE_WORDS, type BinanceWords } from '../binance-words';
import { prefixPattern } from '../dom/page-locale';
import type { SelectorTable } from '../dom/query';
import { perLanguage } from '../dom/per-language';

/** Binance's text field: label in the prefix, unit (or unit picker) in the suffix. */
const BN_FIELD = {
  field: '.bn-textField',
  labelPart: '.bn-textField-prefix',
  input: 'input.bn-textField-input',
} as const;

export const BN_FIELD_CONTAINER = BN_FIELD.field;

const EN = BINANCE_WORDS['en']!;
/** The Buy/Long (one-way) and Open Long (hedge Open tab) buttons' names in one language. */
export const buyText = (w: BinanceWords): string[] => [...w.buy, ...w.openLong];
export const sellText = (w: BinanceWords): string[] => [...w.sell, ...w.openShort];
/** Hedge mode's Close tab buttons: they reduce an existing position (jackhai9's text table, §8). */
export const closeText = (w: BinanceWords): string[] => [...w.closeLong, ...w.closeShort];
export const BUY_TEXT = buyText(EN);
export const SELL_TEXT = sellText(EN);

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

/** "Avbl 10,000.00 USDT" in the table's words; a comma page may group by spaces ("Доступно 10 000,00 USDT"). */
function availableRow(w: BinanceWords): RegExp {
  return new RegExp(`${prefixPattern(w.avbl).source} (?:\\S+|\\d{1,3}(?: \\d{3})+(?:,\\d+)?) [A-Z]{2,12}$`);
}

/** The selector table for one language's words. */
function selectorsOf(w: BinanceWords) {
  return {
    /** Margin mode button: its text is the current mode. */
    marginMode: {
      expected: EVERYWHERE,
      strategies: [{ by: 'role', role: 'button', name: [...w.cross, ...w.isolated] }],
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
        { by: 'role', role: 'tab', name: w.limit },
      ],
    },
    typeMarket: {
      expected: EVERYWHERE,
      strategies: [
        { by: 'css', css: '[role="tab"][aria-controls="bn-tab-pane-MARKET"]' },
        { by: 'css', css: '[role="tab"][data-tab-key="MARKET"]' },
        { by: 'role', role: 'tab', name: w.market },
      ],
    },
    /** Limit price (USDT); on the Market tab the field shows "Market Price" and is not read. */
    price: {
      expected: EVERYWHERE,
      strategies: [
        PRICE_ID,
        { by: 'label', label: w.price, css: 'input' },
        { by: 'field', label: w.price, ...BN_FIELD },
      ],
    },
    size: {
      expected: EVERYWHERE,
      strategies: [
        SIZE_ID,
        { by: 'label', label: w.amount, css: 'input' },
        { by: 'field', label: w.amount, ...BN_FIELD },
      ],
    },
    /** Unit of the size field ("BTC" or "USDT"), looked up inside the size field only. */
    sizeUnit: {
      expected: EVERYWHERE,
      strategies: [{ by: 'css', css: '.bn-textField-suffix' }],
    },
    tpsl: {
      expected: EVERYWHERE,
      strategies: [{ by: 'role', role: 'checkbox', name: w.tpsl }],
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
        { by: 'label', label: w.takeProfit, css: 'input' },
        { by: 'field', label: w.takeProfit, ...BN_FIELD },
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
        { by: 'label', label: w.stopLoss, css: 'input' },
        { by: 'field', label: w.stopLoss, ...BN_FIELD },
      ],
    },
    /** "Avbl 10,000.00 USDT" (or "Avbl -- USDT" logged out: then no balance). */
    available: {
      expected: EVERYWHERE,
      strategies: [{ by: 'text', text: availableRow(w), css: 'div, span, p' }],
    },
    buy: {
      expected: EVERYWHERE,
      strategies: [
        { by: 'css', css: 'button.bn-button__buy' },
        { by: 'role', role: 'button', name: buyText(w) },
      ],
    },
    sell: {
      expected: EVERYWHERE,
      strategies: [
        { by: 'css', css: 'button.bn-button__sell' },
        { by: 'role', role: 'button', name: sellText(w) },
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
        { by: 'role', role: 'tab', name: w.open, css: '#position-direction [role="tab"]' },
        { by: 'role', role: 'tab', name: w.open },
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
        { by: 'role', role: 'tab', name: w.close, css: '#position-direction [role="tab"]' },
        { by: 'role', role: 'tab', name: w.close },
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
      strategies: [{ by: 'role', role: 'button', name: closeText(w) }],
    },
  } as const satisfies SelectorTable<string, BinanceUsdmState>;
}

export type BinanceUsdmSelectors = ReturnType<typeof selectorsOf>;
export const BINANCE_USDM_SELECTORS: BinanceUsdmSelectors = selectorsOf(EN);
/** The selector table for a label table id of ../binance-words.ts (made once per language). */
export const binanceUsdmSelectors: (table: string) => BinanceUsdmSelectors = perLanguage(
  (words: BinanceWords) => (words === EN ? BINANCE_USDM_SELECTORS : selectorsOf(words)),
  (table) => BINANCE_WORDS[table] ?? EN,
);

export type BinanceUsdmKey = keyof BinanceUsdmSelectors;
