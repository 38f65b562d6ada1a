// Strict checks of the Binance spot public market data the margin feed reads (REST
// /api/v3/ticker/price and /api/v3/exchangeInfo, stream <symbol>@miniTicker), in the shapes the
// fixtures in fixtures/api/ document.
//
// The price is the last trade. Binance evaluates the margin level with its own price index,
// which has no keyless endpoint; the last trade of the pair itself is the closest public figure
// (on a liquid pair within a few ticks of the index, but not the same number in a fast market).
import { decimalString, epochMs, exchangeText } from '../feed-parse';
import { attempt, fail, isObj, obj, arr, str } from '../../schema';
import type { FigureUpdates, ParseResult, StreamEvent } from '../feed-types';
import { priceStep } from '../price-step';
import { minimumSize, sizeStep } from '../size-step';
import { filterStep } from '../binance-filters';
import type { DecimalString } from '../types';

/** The last trade, as both the mark (what quotes use) and the last price (what the overlay can label). */
function priceFigures(price: DecimalString, time: number | null): FigureUpdates {
  return { markPrice: { value: price, exchangeTime: time }, lastPrice: { value: price, exchangeTime: time } };
}

/** Binance's error body {"code": -1121, "msg": "Invalid symbol."}, as a reason without the payload. */
function errorReason(root: Record<string, unknown>): string | null {
  if (typeof root.code !== 'number' || !('msg' in root)) return null;
  return `Binance error ${root.code}: ${exchangeText(root.msg)}`;
}

/** GET /api/v3/ticker/price?symbol=… → {"symbol":"BTCUSDT","price":"65010.50000000"}. */
export function parseTickerPrice(body: unknown, symbol: string): ParseResult {
  const result = attempt((): FigureUpdates => {
    const root = obj(body, 'body');
    const error = errorReason(root);
    if (error !== null) fail('', error);
    if (root.symbol !== symbol) fail('symbol', 'is not the one requested');
    return priceFigures(decimalString(root.price, 'price', 'positive'), null);
  });
  return result.ok ? { ok: true, figures: result.value } : result;
}

/** The row's filters: every one an object with a filterType. */
function filtersOf(row: Record<string, unknown>): Record<string, unknown>[] {
  if (row.filters === undefined) return [];
  const filters = arr(row.filters, 'filters').map((item, i) => obj(item, `filters[${i}]`));
  filters.forEach((filter, i) => str(filter.filterType, `filters[${i}].filterType`));
  return filters;
}

/** The price step (PRICE_FILTER tickSize "0.01000000" → "0.01"), the quantity step and least quantity (LOT_SIZE stepSize, minQty). */
export function filterSteps(row: Record<string, unknown>): FigureUpdates {
  const filters = filtersOf(row);
  const tick = filterStep(filters, 'PRICE_FILTER', 'tickSize', priceStep);
  const step = filterStep(filters, 'LOT_SIZE', 'stepSize', sizeStep);
  const least = filterStep(filters, 'LOT_SIZE', 'minQty', minimumSize);
  const figures: FigureUpdates = {};
  if (tick !== null) figures.tickSize = { value: tick, exchangeTime: null };
  if (step !== null) figures.sizeStep = { value: step, exchangeTime: null };
  if (least !== null) figures.minSize = { value: least, exchangeTime: null };
  return figures;
}

/**
 * GET /api/v3/exchangeInfo?symbol=… → the symbol must be listed once, trading, and open to margin
 * trading; anything else is a refusal (the quote then waits, it is not made for a pair Binance
 * does not lend on). The figures are the price and quantity steps (PRICE_FILTER, LOT_SIZE); margin
 * levels and rates are not in this public answer.
 */
export function parseExchangeInfo(body: unknown, symbol: string): ParseResult {
  const result = attempt((): FigureUpdates => {
    const root = obj(body, 'body');
    const error = errorReason(root);
    if (error !== null) fail('', error);
    const rows = arr(root.symbols, 'symbols').map((item, i) => obj(item, `symbols[${i}]`));
    const mine = rows.filter((row) => row.symbol === symbol);
    if (mine.length !== 1) fail('', mine.length === 0 ? 'symbol is not listed' : 'symbol is listed twice');
    const row = mine[0]!;
    if (str(row.baseAsset, 'baseAsset') + str(row.quoteAsset, 'quoteAsset') !== symbol)
      fail('', 'baseAsset + quoteAsset is not the symbol');
    const status = str(row.status, 'status');
    if (status !== 'TRADING') fail('symbol', `is not trading (status ${exchangeText(status)})`);
    if (typeof row.isMarginTradingAllowed !== 'boolean') fail('isMarginTradingAllowed', 'is not a boolean');
    if (!row.isMarginTradingAllowed) fail('', 'margin trading is not allowed on this symbol');
    return filterSteps(row);
  });
  return result.ok ? { ok: true, figures: result.value } : result;
}

/** {"e":"24hrMiniTicker","E":…,"s":"BTCUSDT","c":"…",…}; acks of (UN)SUBSCRIBE are ignored, errors refused. */
export function parseMiniTickerStream(message: unknown, symbol: string): StreamEvent {
  if (!isObj(message)) return { kind: 'malformed', reason: 'message is not an object' };
  if (isObj(message.error))
    return { kind: 'refused', reason: `Binance refused the stream: ${exchangeText(message.error.msg)}` };
  if ('id' in message && 'result' in message && message.result === null) return { kind: 'ignore' };
  if (message.e !== '24hrMiniTicker') return { kind: 'malformed', reason: 'not a 24hrMiniTicker' };
  const result = attempt((): FigureUpdates => {
    if (message.s !== symbol) fail('s', 'is not the subscribed symbol');
    return priceFigures(decimalString(message.c, 'c', 'positive'), epochMs(message.E, 'E'));
  });
  return result.ok ? { kind: 'figures', figures: result.value } : { kind: 'malformed', reason: result.reason };
}

/** A market stream's payload names its pair in "s" ("BTCUSDT"); requests' answers name none. */
export function streamSymbol(message: unknown): string | null {
  return isObj(message) && typeof message.s === 'string' ? message.s : null;
}
