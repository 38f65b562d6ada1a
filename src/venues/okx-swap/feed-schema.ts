// Strict checks of OKX v5 public market data, in the shapes the fixtures in fixtures/api/ document
// (docs: https://www.okx.com/docs-v5/en/ — "Get mark price", "Get instruments", "Get funding
// rate", "Get position tiers", WebSocket "Mark price channel" and "Funding rate channel").
// Every REST answer is {"code":"0","msg":"","data":[…]}; any other code is OKX refusing the request.
// Numbers and times are JSON strings ("65010.2", "1597026383085").
import { Dec } from '../../core/decimal';
import { decimalString, exchangeText } from '../feed-parse';
import { arr, attempt, fail, isObj, obj, str, type Obj } from '../../schema';
import type { FigureUpdate, FigureUpdates, ParseResult, StreamEvent } from '../feed-types';
import { priceStep } from '../price-step';
import { contractSizeStep, minimumSize } from '../size-step';
import type { DecimalString, TierRow, TierTable } from '../types';

const HOUR_MS = 3_600_000;
/** OKX settles funding every 8 h, or (for volatile contracts) every 6, 4, 2 or 1 h. */
const MAX_FUNDING_HOURS = 24;
/** A tier table longer than this is not a tier table. */
const MAX_TIERS = 100;

/** "BTC-USDT-SWAP" → { base: "BTC", quote: "USDT", family: "BTC-USDT" }; the symbol has passed symbolPattern. */
export function instrumentParts(symbol: string): { base: string; quote: string; family: string } {
  const [base = '', quote = ''] = symbol.split('-');
  return { base, quote, family: `${base}-${quote}` };
}

/** Epoch milliseconds as OKX writes them: a JSON string of digits. */
function epochText(v: unknown, where: string): number {
  const text = str(v, where);
  const ms = /^\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
  return Number.isSafeInteger(ms) ? ms : fail(where, 'is not a time in ms');
}

/** A funding rate of 100 % per interval is not a rate but a broken field. */
function fundingRate(v: unknown, where: string): DecimalString {
  const rate = decimalString(v, where, 'any');
  if (!new Dec(rate).abs().lessThan(1)) fail(where, 'is out of range');
  return rate;
}

/** `{ code: "0", data: [...] }` → the data rows; another code is OKX's refusal, passed on as the reason. */
function dataRows(body: unknown): Obj[] {
  const root = obj(body, 'body');
  if (root.code !== '0') fail('', `OKX error ${exchangeText(root.code)}: ${exchangeText(root.msg)}`);
  return arr(root.data, 'data').map((row, i) => obj(row, `data[${i}]`));
}

/** The one row for the requested instrument (REST answers for a single instId). */
function onlyRow(body: unknown, symbol: string): Obj {
  const rows = dataRows(body);
  if (rows.length !== 1) fail('data', `has ${rows.length} rows, expected 1`);
  const row = rows[0]!;
  if (row.instId !== symbol) fail('instId', 'is not the one requested');
  if (row.instType !== 'SWAP') fail('instType', 'is not SWAP');
  return row;
}

function asResult(result: { ok: true; value: FigureUpdates } | { ok: false; reason: string }): ParseResult {
  return result.ok ? { ok: true, figures: result.value } : result;
}

/** One mark-price row (REST and WebSocket share it): {instType, instId, markPx, ts}. */
function markFigures(row: Obj): FigureUpdates {
  return {
    markPrice: { value: decimalString(row.markPx, 'markPx', 'positive'), exchangeTime: epochText(row.ts, 'ts') },
  };
}

/**
 * One funding-rate row (REST and WebSocket share it). `fundingRate` is the rate of the coming
 * settlement at `fundingTime`; OKX documents the interval as nextFundingTime − fundingTime.
 */
function fundingFigures(row: Obj): FigureUpdates {
  const time = epochText(row.ts, 'ts');
  const settles = epochText(row.fundingTime, 'fundingTime');
  const after = epochText(row.nextFundingTime, 'nextFundingTime');
  const gap = after - settles;
  if (gap <= 0 || gap % HOUR_MS !== 0 || gap / HOUR_MS > MAX_FUNDING_HOURS)
    fail('', 'nextFundingTime − fundingTime is not 1–24 whole hours');
  const at = (value: string): FigureUpdate => ({ value, exchangeTime: time });
  return {
    fundingRate: at(fundingRate(row.fundingRate, 'fundingRate')),
    nextFundingTime: at(String(settles)),
    fundingIntervalHours: at(String(gap / HOUR_MS)),
  };
}

/** GET /api/v5/public/mark-price?instType=SWAP&instId=… */
export function parseMarkPrice(body: unknown, symbol: string): ParseResult {
  return asResult(attempt(() => markFigures(onlyRow(body, symbol))));
}

/**
 * GET /api/v5/public/instruments?instType=SWAP&instId=… → contract value, maximum leverage and the
 * price step (tickSz, a string: "0.1") and the size step (lotSz contracts × ctVal, in the base
 * asset); a row without tickSz or lotSz still gives the others, a broken one is rejected.
 * Only linear contracts whose face value is counted in the base asset (ctVal 0.01 BTC for
 * BTC-USDT-SWAP) and settled in the quote currency fit the engine's model; anything else is refused.
 */
export function parseInstruments(body: unknown, symbol: string): ParseResult {
  return asResult(
    attempt((): FigureUpdates => {
      const row = onlyRow(body, symbol);
      const { base, quote } = instrumentParts(symbol);
      if (row.ctType !== 'linear') fail('ctType', 'is not linear');
      if (row.ctValCcy !== base) fail('ctValCcy', 'is not the base asset');
      if (row.settleCcy !== quote) fail('settleCcy', 'is not the quote asset');
      // ctMult scales ctVal; every USDT swap has 1, and a contract of another size must not pass unnoticed.
      if (row.ctMult !== '1') fail('ctMult', 'is not 1');
      const lever = decimalString(row.lever, 'lever', 'positive');
      if (new Dec(lever).lessThan(1)) fail('lever', 'is below 1');
      const contractValue = decimalString(row.ctVal, 'ctVal', 'positive');
      const figures: FigureUpdates = {
        contractValue: { value: contractValue, exchangeTime: null },
        maxLeverage: { value: lever, exchangeTime: null },
      };
      if (row.tickSz !== undefined) figures.tickSize = { value: priceStep(row.tickSz, 'tickSz'), exchangeTime: null };
      // Orders are whole lots of lotSz contracts: in the base asset a step of lotSz × ctVal.
      if (row.lotSz !== undefined)
        figures.sizeStep = { value: contractSizeStep(row.lotSz, contractValue, 'lotSz'), exchangeTime: null };
      if (row.minSz !== undefined) {
        const least = new Dec(minimumSize(row.minSz, 'minSz')).times(contractValue).toFixed();
        figures.minSize = { value: least, exchangeTime: null };
      }
      return figures;
    }),
  );
}

/** GET /api/v5/public/funding-rate?instId=… */
export function parseFundingRate(body: unknown, symbol: string): ParseResult {
  return asResult(attempt(() => fundingFigures(onlyRow(body, symbol))));
}

interface RawTier {
  tier: number;
  minSz: Dec;
  maxSz: Dec;
  mmr: DecimalString;
  maxLever: DecimalString;
}

function rawTier(row: Obj, i: number, family: string): RawTier {
  const where = `data[${i}]`;
  if (row.instFamily !== family) fail(`${where}.instFamily`, 'is not the one requested');
  const tier = /^[1-9]\d{0,2}$/.test(str(row.tier, `${where}.tier`))
    ? Number(row.tier)
    : fail(`${where}.tier`, 'is not a tier number');
  const mmr = decimalString(row.mmr, `${where}.mmr`, 'positive');
  if (!new Dec(mmr).lessThan(1)) fail(`${where}.mmr`, 'is out of range');
  return {
    tier,
    minSz: new Dec(decimalString(row.minSz, `${where}.minSz`, 'non-negative')),
    maxSz: new Dec(decimalString(row.maxSz, `${where}.maxSz`, 'positive')),
    mmr,
    maxLever: decimalString(row.maxLever, `${where}.maxLever`, 'positive'),
  };
}

/**
 * GET /api/v5/public/position-tiers?instType=SWAP&tdMode=cross&instFamily=… → the tier table in
 * contracts. OKX lists each tier as [minSz, maxSz] in whole contracts (0–2000, 2001–5000, …): a
 * tier holds positions up to and including its maxSz. The rows here are made contiguous (floor =
 * the previous tier's maxSz, cap = its own maxSz), and a gap wider than one contract is refused.
 * OKX's MMR applies to the whole position (no deduction), so maintenanceAmount is 0.
 */
export function parsePositionTiers(body: unknown, symbol: string): ParseResult {
  const result = attempt((): TierTable => {
    const { family } = instrumentParts(symbol);
    const rows = dataRows(body);
    if (rows.length === 0 || rows.length > MAX_TIERS) fail('data', `has ${rows.length} tiers`);
    const tiers = rows.map((row, i) => rawTier(row, i, family)).sort((a, b) => a.tier - b.tier);
    const out: TierRow[] = [];
    tiers.forEach((t, i) => {
      const previous = tiers[i - 1];
      if (t.tier !== i + 1) fail('tiers', 'are not numbered 1, 2, 3, …');
      if (!t.maxSz.greaterThan(t.minSz)) fail('', `tier ${t.tier}: maxSz is not above minSz`);
      if (previous === undefined) {
        if (!t.minSz.isZero()) fail('', 'tier 1 does not start at 0');
      } else {
        const gap = t.minSz.minus(previous.maxSz);
        if (gap.isNegative() || gap.greaterThan(1)) fail('', `tier ${t.tier} does not follow tier ${previous.tier}`);
        if (new Dec(t.mmr).lessThan(previous.mmr)) fail('', `tier ${t.tier}: mmr falls`);
        if (new Dec(t.maxLever).greaterThan(previous.maxLever)) fail('', `tier ${t.tier}: maxLever rises`);
      }
      out.push({
        floor: previous === undefined ? '0' : previous.maxSz.toFixed(),
        cap: t.maxSz.toFixed(),
        maintenanceMarginRate: t.mmr,
        maintenanceAmount: '0',
        maxLeverage: t.maxLever,
      });
    });
    return { basis: 'contracts', rows: out };
  });
  return result.ok ? { ok: true, figures: {}, tiers: result.value } : result;
}

const IGNORED_EVENTS = new Set(['subscribe', 'unsubscribe', 'notice', 'channel-conn-count']);

/**
 * wss://ws.okx.com:8443/ws/v5/public pushes {"arg":{"channel","instId"},"data":[…]} on the
 * mark-price and funding-rate channels; {"event":"subscribe",…} acknowledges, {"event":"error",
 * "code","msg"} refuses. The text "pong" answers our "ping" (not JSON; the runner matches it as the
 * heartbeat reply, and it is ignored here too should it arrive as a string).
 */
export function parseStreamMessage(message: unknown, symbol: string): StreamEvent {
  if (message === 'pong') return { kind: 'ignore' };
  if (!isObj(message)) return { kind: 'malformed', reason: 'not an object' };
  if (message.event !== undefined) {
    if (message.event === 'error')
      return { kind: 'refused', reason: `OKX error ${exchangeText(message.code)}: ${exchangeText(message.msg)}` };
    if (typeof message.event === 'string' && IGNORED_EVENTS.has(message.event)) return { kind: 'ignore' };
    return { kind: 'malformed', reason: 'unknown event' };
  }
  const result = attempt((): FigureUpdates => {
    const arg = obj(message.arg, 'arg');
    if (arg.instId !== symbol) fail('arg.instId', 'is not the subscribed instrument');
    const rows = arr(message.data, 'data').map((row, i) => obj(row, `data[${i}]`));
    if (rows.length === 0) fail('data', 'is empty');
    for (const row of rows) {
      if (row.instId !== symbol) fail('data', 'is for another instrument');
      if (row.instType !== 'SWAP') fail('instType', 'is not SWAP');
    }
    // Several rows are several updates in order: every one must be valid, the last one counts.
    const read =
      arg.channel === 'mark-price'
        ? markFigures
        : arg.channel === 'funding-rate'
          ? fundingFigures
          : fail('', 'unknown channel');
    return rows.map(read).at(-1)!;
  });
  return result.ok ? { kind: 'figures', figures: result.value } : { kind: 'malformed', reason: result.reason };
}

/** OKX's refusal of one argument: "Wrong URL or channel:mark-price,instId:XYZ-USDT-SWAP doesn't exist…". */
const REFUSED_INSTRUMENT = /instId:([A-Z0-9]{1,20}-[A-Z0-9]{1,10}-SWAP)\b/;

/**
 * Pushes and (un)subscribe answers name the instrument in arg.instId; an error that names one
 * in its text concerns that instrument only; other errors and "pong" name none.
 */
export function streamSymbol(message: unknown): string | null {
  if (!isObj(message)) return null;
  if (isObj(message.arg) && typeof message.arg.instId === 'string') return message.arg.instId;
  if (message.event === 'error' && typeof message.msg === 'string')
    return REFUSED_INSTRUMENT.exec(message.msg)?.[1] ?? null;
  return null;
}
