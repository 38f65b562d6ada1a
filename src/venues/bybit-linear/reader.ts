// Bybit USDT perpetual order form → OrderForm. The form has a Buy/Long and a Sell/Short button
// side by side, so the reading has side 'both' and the overlay quotes each side.
// Reads the DOM only (selectors in selectors.ts); values are parsed strictly. The size row's
// label ("Qty" / "Value") and its unit ("BTC" / "USDT") must agree with each other and with the
// symbol in the URL, which also catches a half-done SPA switch. Both page generations are read
// (bybit-linear.html and .gen2.html): TP/SL and Reduce-Only by ARIA or by class state. In cross
// margin the account panel's wallet balance and the open positions table are read too (positions.ts).
import type { Side } from '../../core/types';
import { formRootOf, readLimitPrice, readMarginMode, readOrderType, readTpsl, sideByName } from '../dom/form-parts';
import { panelNumbers } from '../dom/number-scopes';
import { accessibleName, commonAncestor, findAll, inputValue } from '../dom/query';
import { Scan } from '../dom/scan';
import { documentTable, pageLocale, prefixPattern } from '../dom/page-locale';
import { matchesText, sameText, textOf } from '../dom/text';
import { pairFromTradeUrl, type Pair } from '../dom/trade-url';
import { switchState } from '../dom/switch-state';
import { refreshTyped } from '../dom/typed';
import { finishPerpForm } from '../perp-form';
import type { VenueReader } from '../readers';
import { readOrderFigures } from './order-figures';
import type { FormReading, PageAccount, ReadScope, SizeUnit } from '../types';
import { readPositions } from './positions';
import { bybitSelectors, OC_ROW_CONTAINER, type BybitKey } from './selectors';
import { anyBybitLanguage, BYBIT_TABLES, BYBIT_WORDS, type BybitWords } from './words';
import { TEACH } from './teach';

const HOST = 'www.bybit.com';
/** /trade/usdt/BTCUSDT (USDT perpetuals only: /trade/inverse/ and /trade/spot/ are other products). */
const TRADE_PATH = /^\/trade\/usdt\/([a-z0-9]{2,20}?)(usdt)\/?$/i;

const pairFromUrl = (url: URL) => pairFromTradeUrl(url, HOST, TRADE_PATH, (base, quote) => base + quote);

/**
 * Which side a button places: Buy/Long → long, Sell/Short → short (in any of our languages: the click
 * alone does not tell the page's language); null for anything else.
 */
const BUY_NAMES = anyBybitLanguage('buy');
const SELL_NAMES = anyBybitLanguage('sell');
export const sideOfSubmit = (el: Element): Side | null => sideByName(el, BUY_NAMES, SELL_NAMES);

/** The smallest element holding both the order-type tabs and the Buy/Long button. */
const selectorsOf = (doc: Document) => bybitSelectors(documentTable(doc, BYBIT_TABLES));
const formRoot = (doc: Document): Element | null => formRootOf(doc, selectorsOf(doc), 'typeLimit', 'buy');

/**
 * Unit of the size row: "Qty" with the base asset, or "Value" with the quote asset. A label
 * and a unit that disagree (or a unit of another symbol) are not guessed between.
 */
function sizeUnitOf(
  label: Element | null,
  unit: Element | null,
  pair: Pair | null,
  words: BybitWords = BYBIT_WORDS['en']!,
): SizeUnit | null {
  if (!label || !unit || !pair) return null;
  const labelText = textOf(label);
  const unitText = textOf(unit);
  if (matchesText(labelText, words.byQty) && sameText(unitText, pair.base)) return 'base';
  if (matchesText(labelText, words.byValue) && sameText(unitText, pair.quote)) return 'quote';
  return null;
}

/**
 * What the page shows of the cross account. Never makes the form unrecognised: a panel that is
 * missing, doubled or unreadable leaves its part null, and the quote says what it could not use.
 * Left out entirely when the page shows neither the balance nor the positions table.
 */
function readAccount(scan: Scan<BybitKey>, doc: Document, quote: string): PageAccount | undefined {
  const walletRows = scan.all('walletBalance', doc);
  const headers = scan.all('positionsHeader', doc);
  if (walletRows.length === 0 && headers.length === 0) return undefined;
  const walletRow = walletRows.length === 1 ? walletRows[0]! : null;
  const table = headers.length === 1 ? headers[0]!.closest('table, [role="table"], [role="grid"]') : null;
  scan.use(table);
  return {
    walletBalance: walletRow
      ? panelNumbers(walletRow).amountWithUnit(textOf(walletRow), quote, /^Wallet Balance/)
      : null,
    ...(table ? readPositions(table, quote) : { positions: null }),
  };
}

function read(doc: Document, url: URL, scope: ReadScope = 'full'): FormReading {
  // The page's language picks the label table and number format; one we have no table for is refused.
  const locale = pageLocale(doc, url, BYBIT_TABLES);
  const table = locale?.table ?? 'en';
  const words = BYBIT_WORDS[table]!;
  const scan = new Scan(doc, bybitSelectors(table), locale?.format);
  const pair = scan.need('symbol', pairFromUrl(url));
  if (locale === null) scan.miss('locale');
  const title = scan.optional('symbolTitle');
  if (pair && title && !sameText(accessibleName(title), `${pair.symbol} Perpetual`)) scan.miss('symbol');

  const limit = scan.one('typeLimit');
  const market = scan.one('typeMarket');
  const buy = scan.one('buy');
  const sell = scan.one('sell');
  // Margin mode and leverage are looked up inside the form: the positions table repeats them.
  const formRoot = limit && buy ? commonAncestor(limit, buy) : null;
  const root: Element | Document = formRoot ?? doc;
  const numbers = scan.formNumbers(formRoot);

  const marginMode = scan.need('marginMode', readMarginMode(scan.one('marginMode', root), words));
  const leverageButton = scan.one('leverage', root);
  const leverage = leverageButton ? scan.need('leverage', numbers.leverage(accessibleName(leverageButton))) : null;

  const type = readOrderType(scan, limit, market); // Conditional and other tabs are not quoted
  // The Market tab has no price row: counted only.
  const price = readLimitPrice(scan, 'price', type, root, numbers);

  const sizeInput = scan.one('size', root);
  const sizeRow = sizeInput ? (sizeInput.closest(OC_ROW_CONTAINER) ?? sizeInput.parentElement) : null;
  const label = scan.one('sizeLabel', sizeRow);
  const unitEl = scan.one('sizeUnit', sizeRow);
  const unit = sizeUnitOf(label, unitEl, pair, words);
  if (label && unitEl && !unit) scan.miss('sizeUnit');
  const sizeValue = sizeInput ? scan.need('size', numbers.positive(inputValue(sizeInput))) : null;

  // Checkboxes may be drawn by class (second generation): ARIA or class state, never a guess.
  const tpsl = readTpsl(scan, root, numbers, switchState);
  // A reduce-only order closes (part of) a position: it opens no new risk to quote. Its box must
  // be there and read as off.
  const reduceOnly = scan.one('reduceOnly', root);
  if (reduceOnly && switchState(reduceOnly) !== false) scan.miss('reduceOnly');

  const full = scope === 'full';
  const availableRow = full ? scan.optional('available', root) : null;
  const availableBalance =
    availableRow && pair
      ? numbers.amountWithUnit(textOf(availableRow), pair.quote, prefixPattern(words.available))
      : null;
  const account = full && pair && marginMode === 'cross' ? readAccount(scan, doc, pair.quote) : undefined;
  if (full && marginMode !== 'cross') {
    scan.all('walletBalance');
    scan.all('positionsHeader');
  }

  return finishPerpForm(scan, formRoot, {
    venue: 'bybit-linear',
    symbol: pair?.symbol ?? null,
    side: 'both',
    type,
    marginMode,
    leverage,
    price,
    size: { unit, value: sizeValue, input: sizeInput },
    tpsl,
    availableBalance,
    account,
    language: table,
    pageEstimates:
      formRoot && buy && sell && pair ? (n) => readOrderFigures(formRoot, buy, sell, pair.quote, n) : undefined,
  });
}

export const reader: VenueReader = {
  venue: 'bybit-linear',
  selectors: (doc) => selectorsOf(doc),
  teach: TEACH,
  matchesUrl: (url) => pairFromUrl(url) !== null,
  read,
  refresh: refreshTyped,
  formRoot,
  submitButtons: (doc) => {
    const table = selectorsOf(doc);
    return [...findAll(doc, table.buy), ...findAll(doc, table.sell)];
  },
  sideOfSubmit,
};
