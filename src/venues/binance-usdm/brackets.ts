// Binance USDⓈ-M leverage brackets of every symbol, from the public web API the site itself uses
// (GET https://www.binance.com/bapi/futures/v1/friendly/future/common/brackets; no key, no CORS:
// only the extension's background, with host permission for that path, reads it). The signed
// /fapi/v1/leverageBracket needs an API key, so this is the only keyless source.
// One answer holds the whole table for all symbols, so it is checked whole: any malformed row
// rejects the answer (the feed then keeps its older table or falls back to the bundle) rather
// than letting a half-understood table price a liquidation.
import { Dec } from '../../core/decimal';
import { decimalNumber, decimalString, memoByBody } from '../feed-parse';
import { arr, attempt, fail, obj, str } from '../../schema';
import type { ParseResult } from '../feed-types';
import type { TierRow } from '../types';

/** Symbols as the futures API spells them; quarterly contracts carry a date ("BTCUSDT_250926"). */
const SYMBOL = /^[A-Z0-9]{2,30}(?:_\d{6})?$/;
/** More rows than this is not a bracket table (the largest Binance tables have a few dozen). */
const MAX_BRACKETS = 60;
/** More symbols than this is not the USDⓈ-M list (a few hundred in 2026). */
const MAX_SYMBOLS = 5_000;

/** Every symbol's brackets, as tier rows in the engine's notional basis. */
export interface BracketBook {
  /** From data.version, which starts with a millisecond timestamp; null when it does not. */
  versionTime: number | null;
  symbols: ReadonlyMap<string, readonly TierRow[]>;
}

/**
 * Binance writes the figures as JSON numbers in this API (strings in its signed one); both are
 * plain decimals, so either is read, in the shape it comes, and nothing else.
 */
function figure(v: unknown, where: string, range: 'positive' | 'non-negative'): Dec {
  return new Dec(typeof v === 'number' ? decimalNumber(v, where, range) : decimalString(v, where, range));
}

function leverage(v: unknown, where: string): Dec {
  const value = figure(v, where, 'positive');
  if (!value.isInteger() || value.lessThan(1) || value.greaterThan(2_000)) fail(where, 'is not a leverage of 1–2000');
  return value;
}

/**
 * One symbol's riskBrackets: numbered 1…n in order, starting at notional 0 with no gaps, rates
 * below 1 that never fall, leverage that never rises, and Binance's cumulative maintenance
 * amount equal to the one the table implies (cum_n = cum_{n−1} + floor_n × (MMR_n − MMR_{n−1})).
 * An amount that disagrees means we do not understand the table.
 */
function brackets(v: unknown, where: string): TierRow[] {
  const list = arr(v, where);
  if (list.length === 0 || list.length > MAX_BRACKETS) fail(where, `has ${list.length} rows`);
  const rows: TierRow[] = [];
  let expectedFloor = new Dec(0);
  let derived = new Dec(0);
  let previous: { rate: Dec; leverage: Dec } | null = null;
  list.forEach((item, i) => {
    const at = `${where}[${i}]`;
    const row = obj(item, at);
    if (row.bracketSeq !== i + 1) fail(`${at}.bracketSeq`, `is not ${i + 1}`);
    const floor = figure(row.bracketNotionalFloor, `${at}.bracketNotionalFloor`, 'non-negative');
    const cap = figure(row.bracketNotionalCap, `${at}.bracketNotionalCap`, 'positive');
    const rate = figure(row.bracketMaintenanceMarginRate, `${at}.bracketMaintenanceMarginRate`, 'positive');
    const cum = figure(row.cumFastMaintenanceAmount, `${at}.cumFastMaintenanceAmount`, 'non-negative');
    const maxLeverage = leverage(row.maxOpenPosLeverage, `${at}.maxOpenPosLeverage`);
    const minLeverage = leverage(row.minOpenPosLeverage, `${at}.minOpenPosLeverage`);
    if (!floor.equals(expectedFloor)) fail('', `${at}.bracketNotionalFloor leaves a gap or overlap`);
    if (!cap.greaterThan(floor)) fail(`${at}.bracketNotionalCap`, 'is not above its floor');
    if (!rate.lessThan(1)) fail(`${at}.bracketMaintenanceMarginRate`, 'is not a fraction below 1');
    if (minLeverage.greaterThan(maxLeverage)) fail(`${at}.minOpenPosLeverage`, 'is above maxOpenPosLeverage');
    if (previous !== null) {
      if (rate.lessThan(previous.rate)) fail('', `${at}.bracketMaintenanceMarginRate falls`);
      if (maxLeverage.greaterThan(previous.leverage)) fail('', `${at}.maxOpenPosLeverage rises`);
      derived = derived.plus(floor.times(rate.minus(previous.rate)));
    }
    if (!cum.equals(derived)) fail(`${at}.cumFastMaintenanceAmount`, 'disagrees with the table');
    rows.push({
      floor: floor.toFixed(),
      cap: cap.toFixed(),
      maintenanceMarginRate: rate.toFixed(),
      maintenanceAmount: cum.toFixed(),
      maxLeverage: maxLeverage.toFixed(),
    });
    expectedFloor = cap;
    previous = { rate, leverage: maxLeverage };
  });
  return rows;
}

function versionTime(v: unknown): number | null {
  const match = typeof v === 'string' ? /^(\d{13})(?:\D|$)/.exec(v) : null;
  const ms = match ? Number(match[1]) : Number.NaN;
  return Number.isSafeInteger(ms) ? ms : null;
}

/** The whole answer → every symbol's brackets, or the first reason it is not the table we know. */
export function parseBracketsAnswer(body: unknown): { ok: true; book: BracketBook } | { ok: false; reason: string } {
  const result = attempt((): BracketBook => {
    const root = obj(body, 'body');
    // The web API wraps every answer: code "000000" and success true, else an error with a message.
    if (root.code !== '000000' || root.success !== true) fail('code', 'is not "000000" with success true');
    const data = obj(root.data, 'data');
    const list = arr(data.brackets, 'data.brackets');
    if (list.length === 0 || list.length > MAX_SYMBOLS) fail('data.brackets', `has ${list.length} symbols`);
    const symbols = new Map<string, readonly TierRow[]>();
    list.forEach((item, i) => {
      const entry = obj(item, `data.brackets[${i}]`);
      const symbol = str(entry.symbol, `data.brackets[${i}].symbol`);
      if (!SYMBOL.test(symbol)) fail(`data.brackets[${i}].symbol`, 'is not a futures symbol');
      if (symbols.has(symbol)) fail('data.brackets', `lists ${symbol} twice`);
      symbols.set(symbol, brackets(entry.riskBrackets, `data.brackets[${i}].riskBrackets`));
    });
    return { versionTime: versionTime(data.version), symbols };
  });
  return result.ok ? { ok: true, book: result.value } : result;
}

const bookOf = memoByBody(parseBracketsAnswer);

/** One symbol's tier table (and its highest leverage, the first bracket's) from the whole answer. */
export function parseBrackets(body: unknown, symbol: string): ParseResult {
  const parsed = bookOf(body);
  if (!parsed.ok) return parsed;
  const rows = parsed.book.symbols.get(symbol);
  // Public code notes the table lags for newly listed symbols: said, and the bundle (if any) used.
  if (rows === undefined) return { ok: false, reason: `${symbol} is not in Binance's bracket table yet` };
  return {
    ok: true,
    figures: { maxLeverage: { value: rows[0]!.maxLeverage!, exchangeTime: parsed.book.versionTime } },
    tiers: { basis: 'notional', rows: rows.map((row) => ({ ...row })) },
  };
}
