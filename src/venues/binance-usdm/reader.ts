// Binance USDⓈ-M futures order form → OrderForm. The form has a Buy/Long and a Sell/Short
// button side by side, so the reading has side 'both' and the overlay quotes each side.
// Reads the DOM only (selectors in selectors.ts); values are parsed strictly, the size unit
// must be this symbol's base or quote asset (which also catches a half-done SPA switch).
import type { MarginMode, Side } from '../../core/types';
import { parseAmountWithUnit, parseLeverageText, parsePositiveNumber } from '../dom/numbers';
import { accessibleName, commonAncestor, findAll, findUnique, inputValue, isOn } from '../dom/query';
import { Scan } from '../dom/scan';
import { isEnglishPage, matchesText, textOf } from '../dom/text';
import { pairFromTradeUrl } from '../dom/trade-url';
import { refreshTyped, rememberTyped } from '../dom/typed';
import type { VenueReader } from '../readers';
import type { DecimalString, FormReading, OrderForm } from '../types';
import { BINANCE_USDM_SELECTORS, BN_FIELD_CONTAINER, BUY_TEXT, SELL_TEXT, type BinanceUsdmKey } from './selectors';

const HOST = 'www.binance.com';
/** /futures/BTCUSDT with an optional locale (/en/, /pt-BR/); delivery contracts (_250328) are not perpetuals. */
const TRADE_PATH = /^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?futures\/([a-z0-9]{2,20})(usdt|usdc)\/?$/i;

const pairFromUrl = (url: URL) => pairFromTradeUrl(url, HOST, TRADE_PATH, (base, quote) => base + quote);

/** Which side a button places: Buy/Long → long, Sell/Short → short; null for anything else or a contradiction. */
export function sideOfSubmit(el: Element): Side | null {
  const byClass = el.matches('.bn-button__buy') ? 'long' : el.matches('.bn-button__sell') ? 'short' : null;
  const name = accessibleName(el);
  const byText = matchesText(name, BUY_TEXT) ? 'long' : matchesText(name, SELL_TEXT) ? 'short' : null;
  if (byClass !== null && byText !== null && byClass !== byText) return null;
  return byClass ?? byText;
}

const unique = (doc: Document, key: BinanceUsdmKey): Element | null => findUnique(doc, BINANCE_USDM_SELECTORS[key]);

/** The smallest element holding both the order-type tabs and the Buy/Long button. */
function formRoot(doc: Document): Element | null {
  const tab = unique(doc, 'typeLimit');
  const buy = unique(doc, 'buy');
  return tab && buy ? commonAncestor(tab, buy) : null;
}

function readMarginMode(button: Element | null): MarginMode | null {
  if (!button) return null;
  const text = accessibleName(button).toLowerCase();
  return text === 'cross' ? 'cross' : text === 'isolated' ? 'isolated' : null;
}

/** A trigger price as typed: empty means "not set" (null), anything else must parse (undefined: it does not). */
function triggerValue(input: Element | null): DecimalString | null | undefined {
  const raw = input ? inputValue(input) : null;
  if (raw === null || raw.trim() === '') return null;
  return parsePositiveNumber(raw) ?? undefined;
}

/** Trigger price of an optional TP or SL field while TP/SL is on: empty means "not set". */
function readTrigger(scan: Scan<BinanceUsdmKey>, key: 'takeProfit' | 'stopLoss', root: Element | null, on: boolean): { value: DecimalString | null; input: Element | null } {
  if (!on) {
    scan.all(key, root);
    return { value: null, input: null };
  }
  const input = scan.one(key, root);
  const value = triggerValue(input);
  return { value: value === undefined ? scan.need(key, null) : value, input };
}

function read(doc: Document, url: URL): FormReading {
  const scan = new Scan(doc, BINANCE_USDM_SELECTORS);
  const pair = scan.need('symbol', pairFromUrl(url));
  if (!isEnglishPage(doc)) scan.miss('locale');

  const limit = scan.one('typeLimit');
  const market = scan.one('typeMarket');
  const buy = scan.one('buy');
  scan.one('sell');
  const root = limit && buy ? commonAncestor(limit, buy) : null;

  const marginMode = scan.need('marginMode', readMarginMode(scan.one('marginMode')));
  const leverageButton = scan.one('leverage');
  const leverage = leverageButton ? scan.need('leverage', parseLeverageText(accessibleName(leverageButton))) : null;

  let type: OrderForm['type'] | null = null;
  if (limit && market) {
    if (isOn(limit) !== isOn(market)) type = isOn(limit) ? 'limit' : 'market';
    else scan.miss('orderType'); // Stop Limit and the other tabs are not quoted
  }

  let price: DecimalString | null = null;
  let priceInput: Element | null = null;
  if (type === 'limit') {
    priceInput = scan.one('price', root);
    if (priceInput) price = scan.need('price', parsePositiveNumber(inputValue(priceInput)));
  } else {
    scan.all('price', root); // counted only: on the Market tab the field says "Market Price"
  }

  const sizeInput = scan.one('size', root);
  const sizeField = sizeInput ? (sizeInput.closest(BN_FIELD_CONTAINER) ?? sizeInput.parentElement) : null;
  const unitEl = scan.one('sizeUnit', sizeField);
  const unitText = unitEl ? textOf(unitEl) : null;
  const unit = pair && unitText === pair.base ? 'base' : pair && unitText === pair.quote ? 'quote' : null;
  if (unitEl && !unit) scan.miss('sizeUnit');
  const sizeValue = sizeInput ? scan.need('size', parsePositiveNumber(inputValue(sizeInput))) : null;

  const tpslBox = scan.one('tpsl', root);
  const tpslOn = tpslBox ? isOn(tpslBox) : false;
  const tp = readTrigger(scan, 'takeProfit', root, tpslOn);
  const sl = readTrigger(scan, 'stopLoss', root, tpslOn);

  const availableRow = scan.optional('available', root);
  const availableBalance = availableRow && pair ? parseAmountWithUnit(textOf(availableRow), pair.quote, /^Avbl/) : null;

  if (!pair || !marginMode || !leverage || !type || !unit || !sizeValue || !tpslBox || (type === 'limit' && !price)) return scan.finish(null);
  const reading = scan.finish({
    venue: 'binance-usdm',
    symbol: pair.symbol,
    side: 'both',
    type,
    marginMode,
    price,
    size: { unit, value: sizeValue },
    leverage,
    marginEnabled: true,
    stopLoss: sl.value,
    takeProfit: tp.value,
    availableBalance,
  });
  // Typing changes only these values; everything else needs a DOM change to change.
  const typed = { price: priceInput, size: sizeInput!, tp: tp.input, sl: sl.input };
  return rememberTyped(reading, Object.values(typed), (form) => {
    const nextSize = parsePositiveNumber(inputValue(typed.size));
    const nextPrice = typed.price === null ? null : parsePositiveNumber(inputValue(typed.price));
    const takeProfit = triggerValue(typed.tp);
    const stopLoss = triggerValue(typed.sl);
    if (nextSize === null || (typed.price !== null && nextPrice === null) || takeProfit === undefined || stopLoss === undefined) return null;
    return { ...form, price: nextPrice, size: { unit: form.size.unit, value: nextSize }, takeProfit, stopLoss };
  });
}

export const reader: VenueReader = {
  venue: 'binance-usdm',
  matchesUrl: (url) => pairFromUrl(url) !== null,
  read,
  refresh: refreshTyped,
  formRoot,
  submitButtons: (doc) => [...findAll(doc, BINANCE_USDM_SELECTORS.buy), ...findAll(doc, BINANCE_USDM_SELECTORS.sell)],
  sideOfSubmit,
};
