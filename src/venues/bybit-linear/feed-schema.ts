// Strict checks of Bybit v5 public market data for USDT perpetuals (category=linear): REST
// /v5/market/tickers, /v5/market/risk-limit, /v5/market/instruments-info and the public
// WebSocket topic tickers.<symbol>, in the shapes the fixtures in fixtures/api/ document
// (https://bybit-exchange.github.io/docs/v5/market/tickers, …/risk-limit, …/instrument,
// …/websocket/public/ticker). The fixtures' figures are illustrative, their shapes are Bybit's.
// The REST envelope is checked in linear-envelope.ts, the risk-limit table in risk-limit.ts.
import { Dec } from '../../core/decimal';
import { decimalString, epochMs, exchangeText } from '../feed-parse';
import { attempt, fail, isObj, obj, str, type Obj } from '../../schema';
import type { FigureUpdates, ParseResult, StreamEvent } from '../feed-types';
import { priceStep } from '../price-step';
import { minimumSize, sizeStep } from '../size-step';
import type { DecimalString } from '../types';
import { onlyEntry, serverTime } from './linear-envelope';

/** A funding rate of 100 % per interval is not a rate but a broken field. */
function fundingRate(v: unknown, where: string): DecimalString {
  const rate = decimalString(v, where, 'any');
  if (!new Dec(rate).abs().lessThan(1)) fail(where, 'is out of range');
  return rate;
}

/** Epoch ms sent as a digit string ("1795507200000"), as Bybit sends nextFundingTime. */
function msText(v: unknown, where: string): number {
  const text = str(v, where);
  const ms = /^\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
  return Number.isSafeInteger(ms) ? ms : fail(where, 'is not a time in ms');
}

/** fundingIntervalHour: whole hours as text, 1–24. */
function intervalHours(v: unknown, where: string): DecimalString {
  const text = str(v, where);
  return /^(?:[1-9]|1\d|2[0-4])$/.test(text) ? text : fail(where, 'is not 1–24 hours');
}

/**
 * The ticker fields we use, from a REST ticker, a WebSocket snapshot or a delta. A delta carries
 * only what changed: absent fields are left out, present ones must parse. nextFundingTime "0"
 * means none scheduled and is left out.
 */
function tickerFigures(data: Obj, time: number, require: boolean): FigureUpdates {
  const figures: FigureUpdates = {};
  const has = (key: string) => {
    if (data[key] !== undefined) return true;
    if (require) fail(key, 'is missing');
    return false;
  };
  if (has('markPrice'))
    figures.markPrice = { value: decimalString(data.markPrice, 'markPrice', 'positive'), exchangeTime: time };
  if (has('lastPrice'))
    figures.lastPrice = { value: decimalString(data.lastPrice, 'lastPrice', 'positive'), exchangeTime: time };
  if (has('fundingRate'))
    figures.fundingRate = { value: fundingRate(data.fundingRate, 'fundingRate'), exchangeTime: time };
  if (has('nextFundingTime')) {
    const next = msText(data.nextFundingTime, 'nextFundingTime');
    if (next > 0) figures.nextFundingTime = { value: String(next), exchangeTime: time };
  }
  // Newer responses only; without it the interval comes from instruments-info.
  if (data.fundingIntervalHour !== undefined) {
    figures.fundingIntervalHours = {
      value: intervalHours(data.fundingIntervalHour, 'fundingIntervalHour'),
      exchangeTime: time,
    };
  }
  return figures;
}

/** GET /v5/market/tickers?category=linear&symbol=… */
export function parseTickers(body: unknown, symbol: string): ParseResult {
  const result = attempt(() => tickerFigures(onlyEntry(body, symbol), serverTime(body), true));
  return result.ok ? { ok: true, figures: result.value } : result;
}

/**
 * GET /v5/market/instruments-info?category=linear&symbol=… → funding interval, leverage limit and
 * the price step (priceFilter.tickSize, a string: "0.10") and the quantity step (lotSizeFilter.qtyStep,
 * "0.001"). A response without priceFilter or lotSizeFilter still gives the other figures; a
 * broken tickSize or qtyStep rejects it.
 */
export function parseInstrumentsInfo(body: unknown, symbol: string): ParseResult {
  const result = attempt((): FigureUpdates => {
    const entry = onlyEntry(body, symbol);
    if (entry.contractType !== 'LinearPerpetual') fail('contractType', 'is not LinearPerpetual');
    if (entry.settleCoin !== 'USDT') fail('settleCoin', 'is not USDT');
    const minutes = entry.fundingInterval;
    if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > 1440)
      fail('fundingInterval', 'is not 1–1440 minutes');
    const leverage = obj(entry.leverageFilter, 'leverageFilter');
    const maxLeverage = decimalString(leverage.maxLeverage, 'leverageFilter.maxLeverage', 'positive');
    if (new Dec(maxLeverage).lessThan(1)) fail('leverageFilter.maxLeverage', 'is below 1');
    const time = serverTime(body);
    const figures: FigureUpdates = {
      fundingIntervalHours: { value: new Dec(minutes).div(60).toFixed(), exchangeTime: time },
      maxLeverage: { value: maxLeverage, exchangeTime: time },
    };
    if (entry.priceFilter !== undefined) {
      figures.tickSize = {
        value: priceStep(obj(entry.priceFilter, 'priceFilter').tickSize, 'priceFilter.tickSize'),
        exchangeTime: time,
      };
    }
    if (entry.lotSizeFilter !== undefined) {
      const lot = obj(entry.lotSizeFilter, 'lotSizeFilter');
      figures.sizeStep = { value: sizeStep(lot.qtyStep, 'lotSizeFilter.qtyStep'), exchangeTime: time };
      figures.minSize = { value: minimumSize(lot.minOrderQty, 'lotSizeFilter.minOrderQty'), exchangeTime: time };
    }
    return figures;
  });
  return result.ok ? { ok: true, figures: result.value } : result;
}

/** WebSocket tickers.<symbol>: a snapshot carries every field, a delta only what changed. */
function tickerEvent(message: Obj, symbol: string): StreamEvent {
  if (message.type !== 'snapshot' && message.type !== 'delta')
    return { kind: 'malformed', reason: 'ticker type is not snapshot/delta' };
  const result = attempt((): FigureUpdates => {
    const data = obj(message.data, 'data');
    if (data.symbol !== symbol) fail('data', 'is for another symbol');
    return tickerFigures(data, epochMs(message.ts, 'ts'), message.type === 'snapshot');
  });
  if (!result.ok) return { kind: 'malformed', reason: result.reason };
  // A delta of fields we do not use (volume, order book top) is no news for us.
  return Object.keys(result.value).length === 0 ? { kind: 'ignore' } : { kind: 'figures', figures: result.value };
}

export function parseStreamMessage(message: unknown, symbol: string): StreamEvent {
  if (!isObj(message)) return { kind: 'malformed', reason: 'message is not an object' };
  // Answers to our own requests: {"success":true,"ret_msg":"pong","op":"ping",…} / "op":"subscribe".
  if (message.op === 'pong') return { kind: 'ignore' };
  // Dropping a market we no longer watch: whatever Bybit answers, nothing depends on it.
  if (message.op === 'unsubscribe') return { kind: 'ignore' };
  if (message.op === 'ping' || message.op === 'subscribe') {
    if (message.success === true) return { kind: 'ignore' };
    if (message.success === false)
      return { kind: 'refused', reason: `Bybit refused the ${message.op}: ${exchangeText(message.ret_msg)}` };
    return { kind: 'malformed', reason: 'op answer without success' };
  }
  if (message.topic === `tickers.${symbol}`) return tickerEvent(message, symbol);
  if (typeof message.topic === 'string') return { kind: 'malformed', reason: 'a topic we did not subscribe to' };
  return { kind: 'malformed', reason: 'unknown message' };
}

/**
 * Data messages name their market in the topic ("tickers.BTCUSDT"); answers to our (un)subscribe
 * requests in req_id, which we set to the symbol; pongs name none.
 */
export function streamSymbol(message: unknown): string | null {
  if (!isObj(message)) return null;
  if (typeof message.topic === 'string') return message.topic.startsWith('tickers.') ? message.topic.slice(8) : null;
  const subscription = message.op === 'subscribe' || message.op === 'unsubscribe';
  return subscription && typeof message.req_id === 'string' && message.req_id !== '' ? message.req_id : null;
}
