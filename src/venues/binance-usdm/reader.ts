// Binance USDⓈ-M futures order form → OrderForm. The form has a Buy/Long and a Sell/Short
// button side by side, so the reading has side 'both' and the overlay quotes each side.
// Reads the DOM only (selectors in selectors.ts); values are parsed strictly, the size unit
// must be this symbol's base or quote asset (which also catches a half-done SPA switch).
import type { Side } from '../../core/types';
import {
  agreeingSide,
  formRootOf,
  readLimitPrice,
  readMarginMode,
  readOrderType,
  readTpsl,
  sideByClass,
  sideByName,
} from '../dom/form-parts';
import { accessibleName, commonAncestor, findAll, inputValue } from '../dom/query';
import { Scan } from '../dom/scan';
import { documentTable, pageLocale, prefixPattern } from '../dom/page-locale';
import { sameText, textOf } from '../dom/text';
import { pairFromTradeUrl } from '../dom/trade-url';
import { refreshTyped } from '../dom/typed';
import { finishPerpForm } from '../perp-form';
import type { VenueReader } from '../readers';
import type { FormReading, ReadScope } from '../types';
import { readCosts } from './costs';
import { readIntent } from './intent';
import { anyLanguage, BINANCE_TABLES, BINANCE_WORDS } from '../binance-words';
import { binanceUsdmSelectors, BN_FIELD_CONTAINER } from './selectors';
import { TEACH } from './teach';

const HOST = 'www.binance.com';
/** /futures/BTCUSDT with an optional locale (/en/, /pt-BR/); delivery contracts (_250328) are not perpetuals. */
const TRADE_PATH = /^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?futures\/([a-z0-9]{2,20})(usdt|usdc)\/?$/i;

const pairFromUrl = (url: URL) => pairFromTradeUrl(url, HOST, TRADE_PATH, (base, quote) => base + quote);

/** A button's side by its name in any of our languages (the click alone does not tell the page's language). */
const BUY_NAMES = [...anyLanguage('buy'), ...anyLanguage('openLong')];
const SELL_NAMES = [...anyLanguage('sell'), ...anyLanguage('openShort')];

/**
 * Which side a button places: Buy/Long → long, Sell/Short → short; null for anything else. Binance's
 * buttons also carry a buy/sell class, which must agree with the text when both are there.
 */
export function sideOfSubmit(el: Element): Side | null {
  return agreeingSide(sideByClass(el, '.bn-button__buy', '.bn-button__sell'), sideByName(el, BUY_NAMES, SELL_NAMES));
}

/** The smallest element holding both the order-type tabs and the Buy/Long button. */
const selectorsOf = (doc: Document) => binanceUsdmSelectors(documentTable(doc, BINANCE_TABLES, { urlSegment: true }));
const formRoot = (doc: Document): Element | null => formRootOf(doc, selectorsOf(doc), 'typeLimit', 'buy');

function read(doc: Document, url: URL, scope: ReadScope = 'full'): FormReading {
  // The page's language picks the label table and number format; one we have no table for is refused.
  const locale = pageLocale(doc, url, BINANCE_TABLES, { urlSegment: true });
  const table = locale?.table ?? 'en';
  const words = BINANCE_WORDS[table]!;
  const scan = new Scan(doc, binanceUsdmSelectors(table), locale?.format);
  const pair = scan.need('symbol', pairFromUrl(url));
  if (locale === null) scan.miss('locale');

  const limit = scan.one('typeLimit');
  const market = scan.one('typeMarket');
  const buy = scan.one('buy');
  const sell = scan.one('sell');
  const root = limit && buy ? commonAncestor(limit, buy) : null;
  const numbers = scan.formNumbers(root);
  const intent = readIntent(scan, root);

  const marginMode = scan.need('marginMode', readMarginMode(scan.one('marginMode'), words));
  const leverageButton = scan.one('leverage');
  const leverage = leverageButton ? scan.need('leverage', numbers.leverage(accessibleName(leverageButton))) : null;

  const type = readOrderType(scan, limit, market); // Stop Limit and the other tabs are not quoted
  // On the Market tab the price field says "Market Price": counted only.
  const price = readLimitPrice(scan, 'price', type, root, numbers);

  const sizeInput = scan.one('size', root);
  const sizeField = sizeInput ? (sizeInput.closest(BN_FIELD_CONTAINER) ?? sizeInput.parentElement) : null;
  const unitEl = scan.one('sizeUnit', sizeField);
  const unitText = unitEl ? textOf(unitEl) : null;
  const unit = pair && sameText(unitText, pair.base) ? 'base' : pair && sameText(unitText, pair.quote) ? 'quote' : null;
  if (unitEl && !unit) scan.miss('sizeUnit');
  const sizeValue = sizeInput ? scan.need('size', numbers.positive(inputValue(sizeInput))) : null;

  const tpsl = readTpsl(scan, root, numbers);

  const availableRow = scope === 'full' ? scan.optional('available', root) : null;
  const availableBalance =
    availableRow && pair ? numbers.amountWithUnit(textOf(availableRow), pair.quote, prefixPattern(words.avbl)) : null;

  return finishPerpForm(scan, root, {
    venue: 'binance-usdm',
    symbol: pair?.symbol ?? null,
    side: 'both',
    type,
    marginMode,
    leverage,
    price,
    size: { unit, value: sizeValue, input: sizeInput },
    tpsl,
    availableBalance,
    complete: intent !== null,
    pageEstimates:
      root && buy && sell && pair ? (scope) => readCosts(root, buy, sell, pair.quote, scope, words.cost) : undefined,
    ...(intent === undefined || intent === null ? {} : { intent }),
    language: table,
  });
}

export const reader: VenueReader = {
  venue: 'binance-usdm',
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
