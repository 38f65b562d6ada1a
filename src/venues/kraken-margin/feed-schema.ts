// Strict checks of Kraken's public market data (REST /0/public/Ticker and AssetPairs,
// WebSocket v2 "ticker"), in the shapes the fixtures in fixtures/api/ document.
import { decimalNumber, decimalString, exchangeText, rfc3339 } from '../feed-parse';
import { arr, attempt, fail, isObj, obj, type Obj } from '../../schema';
import type { FigureUpdates, ParseResult, StreamEvent } from '../feed-types';
import { decimalPlaces, decimalsOf, priceStep, stepOfDecimals } from '../price-step';
import { minimumSize, sizeStepOfDecimals } from '../size-step';
import type { DecimalString } from '../types';

/** Kraken's REST API still uses its legacy asset codes for a few assets. */
const REST_ASSET: Readonly<Record<string, string>> = { BTC: 'XBT', DOGE: 'XDG' };

/** "BTC/USD" → ["XBT", "USD"]; the symbol has passed the feed's symbolPattern already. */
export function restAssets(symbol: string): [string, string] {
  const [base = '', quote = ''] = symbol.split('/');
  return [REST_ASSET[base] ?? base, REST_ASSET[quote] ?? quote];
}

/** "BTC/USD" → "XBTUSD", the `pair` parameter of the REST endpoints. */
export function restPair(symbol: string): string {
  return restAssets(symbol).join('');
}

/**
 * REST results are keyed by the pair's internal name: the altname ("XBTUSD", "SOLUSD") or a
 * legacy name with X/Z class prefixes ("XXBTZUSD", "XETHXXBT", "USDTZUSD"). Accepting exactly
 * these shapes lets a response for another pair through neither by accident nor by design.
 */
function isNameOf(key: string, symbol: string): boolean {
  const [base, quote] = restAssets(symbol);
  return new RegExp(`^X?${base}[XZ]?${quote}$`).test(key);
}

/** `{ "error": [], "result": { "<pair>": {…} } }` → the one entry for our pair. */
function onlyEntry(body: unknown, symbol: string): Obj {
  const root = obj(body, 'body');
  const errors = arr(root.error, 'error');
  if (errors.length > 0) fail('', `Kraken error ${exchangeText(errors[0])}`);
  const entries = Object.entries(obj(root.result, 'result'));
  if (entries.length !== 1) fail('result', `has ${entries.length} pairs, expected 1`);
  const [key, entry] = entries[0]!;
  if (!isNameOf(key, symbol)) fail('result', 'is for another pair');
  return obj(entry, 'result entry');
}

export function parseTicker(body: unknown, symbol: string): ParseResult {
  const result = attempt((): FigureUpdates => {
    const close = arr(onlyEntry(body, symbol).c, 'c');
    // c = [price, lot volume] of the last trade. Kraken spot margin values positions at the
    // current market price (no separate mark/index), so the last trade serves as both.
    const last = decimalString(close[0], 'c[0]', 'positive');
    return { markPrice: { value: last, exchangeTime: null }, lastPrice: { value: last, exchangeTime: null } };
  });
  return result.ok ? { ok: true, figures: result.value } : result;
}

function level(v: unknown, where: string): number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 100_000
    ? v
    : fail(where, 'is not a positive integer');
}

/**
 * The pair's price step: `tick_size` (a string, "0.1"), or 10^−pair_decimals where a response has
 * no tick_size (Kraken added it later; pair_decimals is the older, always-listed price precision).
 * Neither present: no step, the other figures still count. Present but broken, or a tick finer
 * than the pair's own price decimals: the body is not understood and rejected.
 */
function tickSize(entry: Obj): DecimalString | null {
  const decimals = entry.pair_decimals === undefined ? null : decimalPlaces(entry.pair_decimals, 'pair_decimals');
  if (entry.tick_size === undefined) return decimals === null ? null : stepOfDecimals(decimals);
  const tick = priceStep(entry.tick_size, 'tick_size');
  if (decimals !== null && decimalsOf(tick) > decimals) fail('tick_size', 'is finer than pair_decimals');
  return tick;
}

export function parseAssetPairs(body: unknown, symbol: string): ParseResult {
  const result = attempt((): FigureUpdates => {
    const entry = onlyEntry(body, symbol);
    if (entry.altname !== restPair(symbol)) fail('altname', 'is for another pair');
    const leverage = arr(entry.leverage_buy, 'leverage_buy').map((v, i) => level(v, `leverage_buy[${i}]`));
    const marginCall = level(entry.margin_call, 'margin_call');
    const marginStop = level(entry.margin_stop, 'margin_stop');
    if (marginStop >= marginCall) fail('margin_stop', 'is not below margin_call');
    const figures: FigureUpdates = {
      marginCallLevel: { value: decimalNumber(marginCall, 'margin_call', 'positive'), exchangeTime: null },
      liquidationLevel: { value: decimalNumber(marginStop, 'margin_stop', 'positive'), exchangeTime: null },
    };
    // An empty leverage_buy means the pair cannot be bought on margin. A figure cannot say
    // "no margin", so maxLeverage is left out and the engine falls back to bundled facts.
    // leverage_sell can differ (shorts); the brief's convention is the buy side.
    if (leverage.length > 0)
      figures.maxLeverage = {
        value: decimalNumber(Math.max(...leverage), 'leverage_buy', 'positive'),
        exchangeTime: null,
      };
    const tick = tickSize(entry);
    if (tick !== null) figures.tickSize = { value: tick, exchangeTime: null };
    // Volumes are taken to lot_decimals places (8 for XBTUSD): the pair's quantity step.
    if (entry.lot_decimals !== undefined)
      figures.sizeStep = { value: sizeStepOfDecimals(entry.lot_decimals, 'lot_decimals'), exchangeTime: null };
    if (entry.ordermin !== undefined)
      figures.minSize = { value: minimumSize(entry.ordermin, 'ordermin'), exchangeTime: null };
    return figures;
  });
  return result.ok ? { ok: true, figures: result.value } : result;
}

function tickerEvent(message: Obj, symbol: string): StreamEvent {
  if (message.type !== 'snapshot' && message.type !== 'update')
    return { kind: 'malformed', reason: 'ticker type is not snapshot/update' };
  const result = attempt((): FigureUpdates => {
    const data = arr(message.data, 'data');
    if (data.length === 0) fail('data', 'is empty');
    let figures: FigureUpdates = {};
    for (const [i, item] of data.entries()) {
      const row = obj(item, `data[${i}]`);
      if (row.symbol !== symbol) fail(`data[${i}]`, 'is for another symbol');
      // JSON numbers on this channel: converted through their shortest text (see numberText).
      const last = decimalNumber(row.last, `data[${i}].last`, 'positive');
      const time = row.timestamp === undefined ? null : rfc3339(row.timestamp, `data[${i}].timestamp`);
      figures = { markPrice: { value: last, exchangeTime: time }, lastPrice: { value: last, exchangeTime: time } };
    }
    return figures;
  });
  return result.ok ? { kind: 'figures', figures: result.value } : { kind: 'malformed', reason: result.reason };
}

export function parseStreamMessage(message: unknown, symbol: string): StreamEvent {
  if (!isObj(message)) return { kind: 'malformed', reason: 'message is not an object' };
  if (message.channel === 'heartbeat' || message.channel === 'status' || message.method === 'pong')
    return { kind: 'ignore' };
  // Dropping a market we no longer watch: whatever Kraken answers, nothing depends on it.
  if (message.method === 'unsubscribe') return { kind: 'ignore' };
  if (message.method === 'subscribe') {
    return message.success === true
      ? { kind: 'ignore' }
      : { kind: 'refused', reason: `Kraken refused the subscription: ${exchangeText(message.error)}` };
  }
  if (message.channel === 'ticker') return tickerEvent(message, symbol);
  return { kind: 'malformed', reason: 'unknown message' };
}

/**
 * Ticker pushes name their pair in data[0].symbol; a subscribe answer names it in result.symbol
 * (success) or symbol (refusal), so one refused pair does not take down the others.
 */
export function streamSymbol(message: unknown): string | null {
  if (!isObj(message)) return null;
  if (message.channel === 'ticker' && Array.isArray(message.data)) {
    const first: unknown = message.data[0];
    return isObj(first) && typeof first.symbol === 'string' ? first.symbol : null;
  }
  if (message.method === 'subscribe' || message.method === 'unsubscribe') {
    if (typeof message.symbol === 'string') return message.symbol;
    if (isObj(message.result) && typeof message.result.symbol === 'string') return message.result.symbol;
  }
  return null;
}
