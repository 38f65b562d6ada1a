// Strict checks of Binance USDⓈ-M public market data (REST premiumIndex and fundingInfo,
// stream <symbol>@markPrice@1s), in the shapes the fixtures in fixtures/api/ document.
import { Dec } from '../../core/decimal';
import { decimalString, epochMs, exchangeText } from '../feed-parse';
import { arr, attempt, fail, isObj, obj } from '../../schema';
import type { FigureUpdates, ParseResult, StreamEvent } from '../feed-types';
import type { DecimalString } from '../types';

/** Binance documents 8 h for every symbol that fundingInfo does not list (GET /fapi/v1/fundingInfo). */
export const DEFAULT_FUNDING_INTERVAL_HOURS = '8';

/** A funding rate of 100 % per interval is not a rate but a broken field. */
function fundingRate(v: unknown, where: string): DecimalString {
  const rate = decimalString(v, where, 'any');
  if (!new Dec(rate).abs().lessThan(1)) fail(where, 'is out of range');
  return rate;
}

/** Figures for one mark update; nextFundingTime 0 means "none scheduled" and is left out. */
function markFigures(mark: DecimalString, rate: DecimalString, next: number, time: number): FigureUpdates {
  const figures: FigureUpdates = {
    markPrice: { value: mark, exchangeTime: time },
    fundingRate: { value: rate, exchangeTime: time },
  };
  if (next > 0) figures.nextFundingTime = { value: String(next), exchangeTime: time };
  return figures;
}

/** GET /fapi/v1/premiumIndex?symbol=… → one object for that symbol. */
export function parsePremiumIndex(body: unknown, symbol: string): ParseResult {
  const result = attempt((): FigureUpdates => {
    const root = obj(body, 'body');
    if (root.symbol !== symbol) fail('symbol', 'is not the one requested');
    return markFigures(
      decimalString(root.markPrice, 'markPrice', 'positive'),
      fundingRate(root.lastFundingRate, 'lastFundingRate'),
      epochMs(root.nextFundingTime, 'nextFundingTime'),
      epochMs(root.time, 'time'),
    );
  });
  return result.ok ? { ok: true, figures: result.value } : result;
}

/** GET /fapi/v1/fundingInfo → array of symbols whose funding settings were adjusted. */
export function parseFundingInfo(body: unknown, symbol: string): ParseResult {
  const result = attempt((): FigureUpdates => {
    const rows = arr(body, 'body').map((item, i) => obj(item, `[${i}]`));
    rows.forEach((row, i) => {
      if (typeof row.symbol !== 'string') fail(`[${i}].symbol`, 'is not a string');
    });
    const mine = rows.filter((row) => row.symbol === symbol);
    if (mine.length > 1) fail('symbol', 'is listed twice');
    const hours = mine[0] === undefined ? DEFAULT_FUNDING_INTERVAL_HOURS : intervalHours(mine[0].fundingIntervalHours);
    return { fundingIntervalHours: { value: hours, exchangeTime: null } };
  });
  return result.ok ? { ok: true, figures: result.value } : result;
}

function intervalHours(v: unknown): DecimalString {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 24
    ? String(v)
    : fail('fundingIntervalHours', 'is not 1–24 hours');
}

/** {"e":"markPriceUpdate","E":…,"s":"BTCUSDT","p":"…","i":"…","P":"…","r":"…","T":…} */
export function parseMarkPriceStream(message: unknown, symbol: string): StreamEvent {
  if (isObj(message) && isObj(message.error))
    return { kind: 'refused', reason: `Binance refused the stream: ${exchangeText(message.error.msg)}` };
  // The answer to our SUBSCRIBE / UNSUBSCRIBE: {"result":null,"id":1}.
  if (isObj(message) && 'id' in message && 'result' in message && message.result === null) return { kind: 'ignore' };
  if (!isObj(message) || message.e !== 'markPriceUpdate') return { kind: 'malformed', reason: 'not a markPriceUpdate' };
  const result = attempt((): FigureUpdates => {
    if (message.s !== symbol) fail('s', 'is not the subscribed symbol');
    return markFigures(
      decimalString(message.p, 'p', 'positive'),
      fundingRate(message.r, 'r'),
      epochMs(message.T, 'T'),
      epochMs(message.E, 'E'),
    );
  });
  return result.ok ? { kind: 'figures', figures: result.value } : { kind: 'malformed', reason: result.reason };
}

/** A market stream's payload names its market in "s" ("BTCUSDT"); requests' answers name none. */
export function streamSymbol(message: unknown): string | null {
  return isObj(message) && typeof message.s === 'string' ? message.s : null;
}
