// Binance USDⓈ-M price and quantity steps from GET https://fapi.binance.com/fapi/v1/exchangeInfo.
// The endpoint takes no symbol: one answer (a few megabytes) lists every symbol, so it is a shared
// slow source (feed.ts), fetched once a day for all markets. The answer's outline is checked whole
// (a symbols array of objects, each symbol named once); the filters are read strictly for the
// order's symbol only: its broken tickSize or stepSize rejects the answer, like every feed's.
import { epochMs, memoByBody } from '../feed-parse';
import { arr, attempt, fail, obj, str, type Obj } from '../../schema';
import type { FigureUpdates, ParseResult } from '../feed-types';
import { priceStep } from '../price-step';
import { minimumSize, sizeStep } from '../size-step';
import { filterStep } from '../binance-filters';
import type { DecimalString } from '../types';
import { Dec } from '../../core/decimal';

/** More symbols than this is not the USDⓈ-M list (a few hundred in 2026, delisted ones included). */
const MAX_SYMBOLS = 5_000;

interface SymbolIndex {
  serverTime: number | null;
  symbols: ReadonlyMap<string, Obj>;
}

/** The whole answer → its rows by symbol, or the first reason it is not the answer we know. */
export function parseExchangeInfoAnswer(
  body: unknown,
): { ok: true; index: SymbolIndex } | { ok: false; reason: string } {
  const result = attempt((): SymbolIndex => {
    const root = obj(body, 'body');
    // An error answer is {"code": -1003, "msg": "..."}, without symbols.
    const list = arr(root.symbols, 'symbols');
    if (list.length === 0 || list.length > MAX_SYMBOLS) fail('symbols', `has ${list.length} entries`);
    const symbols = new Map<string, Obj>();
    list.forEach((item, i) => {
      const row = obj(item, `symbols[${i}]`);
      const symbol = str(row.symbol, `symbols[${i}].symbol`);
      if (symbols.has(symbol)) fail('symbols', 'lists a symbol twice');
      symbols.set(symbol, row);
    });
    const serverTime = root.serverTime === undefined ? null : epochMs(root.serverTime, 'serverTime');
    return { serverTime, symbols };
  });
  return result.ok ? { ok: true, index: result.value } : result;
}

const indexOf = memoByBody(parseExchangeInfoAnswer);

/**
 * The quantity step: LOT_SIZE's, or MARKET_LOT_SIZE's when that is coarser (a market order must
 * be a whole number of it), so a suggested size fits both order types. A coarser market step
 * that is not a whole number of limit steps fits no single rounding: the answer is not understood.
 */
function quantityStep(filters: readonly Obj[]): DecimalString | null {
  const limit = filterStep(filters, 'LOT_SIZE', 'stepSize', sizeStep);
  const market = filterStep(filters, 'MARKET_LOT_SIZE', 'stepSize', sizeStep);
  if (limit === null || market === null) return limit ?? market;
  if (!new Dec(market).greaterThan(limit)) return limit;
  if (!new Dec(market).mod(limit).isZero()) fail('MARKET_LOT_SIZE.stepSize', 'is not a multiple of LOT_SIZE.stepSize');
  return market;
}

/** The order's symbol's price step (PRICE_FILTER tickSize), quantity step and least quantity (LOT_SIZE minQty), from the shared answer. */
export function parseExchangeInfo(body: unknown, symbol: string): ParseResult {
  const parsed = indexOf(body);
  if (!parsed.ok) return parsed;
  const row = parsed.index.symbols.get(symbol);
  if (row === undefined) return { ok: false, reason: `${symbol} is not in Binance's exchangeInfo` };
  const result = attempt((): FigureUpdates => {
    const filters = arr(row.filters, 'filters').map((item, i) => obj(item, `filters[${i}]`));
    filters.forEach((filter, i) => str(filter.filterType, `filters[${i}].filterType`));
    const tick = filterStep(filters, 'PRICE_FILTER', 'tickSize', priceStep);
    const step = quantityStep(filters);
    const least = filterStep(filters, 'LOT_SIZE', 'minQty', minimumSize);
    const time = parsed.index.serverTime;
    const figures: FigureUpdates = {};
    if (tick !== null) figures.tickSize = { value: tick, exchangeTime: time };
    if (step !== null) figures.sizeStep = { value: step, exchangeTime: time };
    if (least !== null) figures.minSize = { value: least, exchangeTime: time };
    return figures;
  });
  return result.ok ? { ok: true, figures: result.value } : result;
}
