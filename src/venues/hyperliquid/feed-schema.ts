// Strict checks of Hyperliquid's public info API (POST https://api.hyperliquid.xyz/info with
// {"type":"metaAndAssetCtxs"} and {"type":"meta"}) and its WebSocket "activeAssetCtx" channel,
// in the shapes the fixtures in fixtures/api/ document (Hyperliquid docs, "Info endpoint ›
// Perpetuals" and "Websocket › Subscriptions"):
//   meta             = { universe: [{ name, szDecimals, maxLeverage, marginTableId?, onlyIsolated?, isDelisted? }],
//                        marginTables?: [[id, { description, marginTiers: [{ lowerBound, maxLeverage }] }]] }
//   metaAndAssetCtxs = [meta, assetCtxs], assetCtxs[i] belonging to universe[i]
//   assetCtx         = { markPx, oraclePx, funding, midPx, openInterest, … } (decimal strings)
// The mark price is markPx (oraclePx is the index funding is paid on, not the mark). `funding`
// is the current hourly rate. No message carries a timestamp, so exchangeTime is null.
import { Dec } from '../../core/decimal';
import { decimalString, exchangeText } from '../feed-parse';
import { arr, attempt, fail, isObj, obj, str, type Obj } from '../../schema';
import type { FigureUpdates, ParseResult, StreamEvent } from '../feed-types';
import { decimalPlaces } from '../price-step';
import { sizeStepOfDecimals } from '../size-step';
import type { DecimalString, TierRow, TierTable } from '../types';

/** Hyperliquid settles funding every hour. */
export const FUNDING_INTERVAL_HOURS = '1';

/** Hyperliquid writes every number as plain decimal text ("65010.0", "-0.0000042"); an exponent is not its format. */
const PLAIN = /^-?\d{1,20}(?:\.\d{1,20})?$/;

function plainDecimal(v: unknown, where: string, range: 'positive' | 'non-negative' | 'any'): DecimalString {
  if (typeof v !== 'string' || !PLAIN.test(v)) fail(where, 'is not a plain decimal string');
  return decimalString(v, where, range);
}

/** Leverage Hyperliquid could plausibly offer; anything outside is a broken field. */
const MAX_LEVERAGE = 200;

function leverage(v: unknown, where: string): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_LEVERAGE
    ? v
    : fail(where, `is not a leverage of 1–${MAX_LEVERAGE}`);
}

/** A funding rate of 100 % per hour is not a rate but a broken field (the cap is 4 %/h). */
function fundingRate(v: unknown, where: string): DecimalString {
  const rate = plainDecimal(v, where, 'any');
  if (!new Dec(rate).abs().lessThan(1)) fail(where, 'is out of range');
  return rate;
}

/** MMR = 1 / (2 × max leverage) (docs "Margin tiers"): the engine's own rule, in the engine's precision. */
export function maintenanceRate(maxLeverage: number): DecimalString {
  return new Dec(1).div(new Dec(maxLeverage).times(2)).toFixed();
}

interface Asset {
  index: number;
  entry: Obj;
  maxLeverage: number;
}

/** The universe entry of `coin`: exactly one, not delisted. */
function assetOf(meta: Obj, coin: string): Asset {
  const universe = arr(meta.universe, 'universe');
  const found: Asset[] = [];
  universe.forEach((item, i) => {
    const entry = obj(item, `universe[${i}]`);
    if (str(entry.name, `universe[${i}].name`) === coin) found.push({ index: i, entry, maxLeverage: 0 });
  });
  if (found.length === 0) fail('coin', 'is not listed');
  if (found.length > 1) fail('coin', 'is listed twice');
  const asset = found[0]!;
  const { entry } = asset;
  if (entry.isDelisted !== undefined && typeof entry.isDelisted !== 'boolean') fail('isDelisted', 'is not a boolean');
  if (entry.isDelisted === true) fail('coin', 'is delisted');
  return { ...asset, maxLeverage: leverage(entry.maxLeverage, 'maxLeverage') };
}

/** lowerBound: a non-negative decimal string ("150000000.0"). */
function rows(table: Obj, where: string, maxLeverage: number): TierRow[] {
  const tiers = arr(table.marginTiers, `${where}.marginTiers`);
  if (tiers.length === 0) fail(where, 'has no tiers');
  const parsed = tiers.map((item, i) => {
    const tier = obj(item, `${where}.marginTiers[${i}]`);
    return {
      floor: plainDecimal(tier.lowerBound, `${where}.marginTiers[${i}].lowerBound`, 'non-negative'),
      lev: leverage(tier.maxLeverage, `${where}.marginTiers[${i}].maxLeverage`),
    };
  });
  if (!new Dec(parsed[0]!.floor).isZero()) fail(where, 'does not start at 0');
  parsed.forEach((tier, i) => {
    const previous = parsed[i - 1];
    if (previous && !(new Dec(tier.floor).greaterThan(previous.floor) && tier.lev < previous.lev))
      fail('', `${where} tiers are not in order`);
  });
  // The coin's own maximum is the first tier's; a table that allows more belongs to another coin.
  if (parsed[0]!.lev !== maxLeverage) fail(where, "does not match the coin's maxLeverage");
  return parsed.map((tier, i) => ({
    floor: tier.floor,
    cap: parsed[i + 1]?.floor ?? null,
    maintenanceMarginRate: maintenanceRate(tier.lev),
    // The deduction follows from the table (docs: cumulative, tier by tier): left to the engine.
    maintenanceAmount: null,
    maxLeverage: String(tier.lev),
  }));
}

/**
 * The coin's margin table, when the response lists margin tables and has the coin's. A table id
 * the list does not hold (Hyperliquid's single-tier tables) yields none: the single tier then
 * follows from maxLeverage alone, which the engine derives itself.
 */
function tiersOf(meta: Obj, asset: Asset): TierTable | undefined {
  if (meta.marginTables === undefined) return undefined;
  const tables = arr(meta.marginTables, 'marginTables');
  const id = asset.entry.marginTableId;
  if (id === undefined) return undefined;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) fail('marginTableId', 'is not an id');
  const matching = tables.filter((item, i) => {
    const pair = arr(item, `marginTables[${i}]`);
    if (pair.length !== 2 || typeof pair[0] !== 'number') fail(`marginTables[${i}]`, 'is not an [id, table] pair');
    return pair[0] === id;
  });
  if (matching.length > 1) fail('', 'margin table is listed twice');
  const pair = matching[0] as unknown[] | undefined;
  if (pair === undefined) return undefined;
  return { basis: 'notional', rows: rows(obj(pair[1], 'margin table'), 'margin table', asset.maxLeverage) };
}

function assetFigures(asset: Asset): FigureUpdates {
  const figures: FigureUpdates = { maxLeverage: { value: String(asset.maxLeverage), exchangeTime: null } };
  // Sizes have at most szDecimals decimals (docs "Tick and lot size"; BTC 5): the quantity step.
  // Perp szDecimals never exceed the 6 price decimals; a larger or broken one rejects the body.
  if (asset.entry.szDecimals !== undefined)
    figures.sizeStep = { value: sizeStepOfDecimals(asset.entry.szDecimals, 'szDecimals', 6), exchangeTime: null };
  return figures;
}

/** markPx and funding of one asset context. */
function ctxFigures(ctx: Obj, where: string): FigureUpdates {
  return {
    markPrice: { value: plainDecimal(ctx.markPx, `${where}.markPx`, 'positive'), exchangeTime: null },
    fundingRate: { value: fundingRate(ctx.funding, `${where}.funding`), exchangeTime: null },
  };
}

/** Perp prices have at most 6 − szDecimals decimals (docs "Tick and lot size": MAX_DECIMALS is 6 for perps). */
const PERP_MAX_DECIMALS = 6;
/** …and at most 5 significant figures, except that an integer price is always valid. */
const SIGNIFICANT_FIGURES = 5;

/**
 * Hyperliquid has no fixed tick: a perp price may have up to 5 significant figures and at most
 * 6 − szDecimals decimals, and an integer is always allowed. The step that matters is the one at
 * the current price, the coarser of the two rules, never coarser than 1: BTC (szDecimals 5) at
 * 65010 steps by 1, ETH (4) at 3501.3 by 0.1, SOL (2) at 148.2 by 0.01, kPEPE (0) at 0.011 by
 * 0.000001. It moves when the mark crosses a power of ten, and is recomputed on every
 * metaAndAssetCtxs answer: at start, and whenever the mark is polled because the stream is not
 * carrying it (the stream has no szDecimals). A step a decade off only shows one digit more or
 * less. A universe entry without szDecimals gives no step; a broken one rejects the body.
 */
export function priceStepAt(mark: DecimalString, szDecimals: number): DecimalString {
  const byDecimals = new Dec(10).pow(szDecimals - PERP_MAX_DECIMALS);
  const byFigures = Dec.min(1, new Dec(10).pow(new Dec(mark).e - (SIGNIFICANT_FIGURES - 1)));
  return Dec.max(byDecimals, byFigures).toFixed();
}

function tickFigures(asset: Asset, mark: DecimalString): FigureUpdates {
  const { szDecimals } = asset.entry;
  if (szDecimals === undefined) return {};
  return {
    tickSize: {
      value: priceStepAt(mark, decimalPlaces(szDecimals, 'szDecimals', PERP_MAX_DECIMALS)),
      exchangeTime: null,
    },
  };
}

const withTiers = (figures: FigureUpdates, tiers: TierTable | undefined): ParseResult =>
  tiers === undefined ? { ok: true, figures } : { ok: true, figures, tiers };

/** POST /info {"type":"metaAndAssetCtxs"} → [meta, assetCtxs]. */
export function parseMetaAndAssetCtxs(body: unknown, coin: string): ParseResult {
  const result = attempt(() => {
    const pair = arr(body, 'body');
    if (pair.length !== 2) fail('body', 'is not [meta, assetCtxs]');
    const meta = obj(pair[0], 'meta');
    const ctxs = arr(pair[1], 'assetCtxs');
    const asset = assetOf(meta, coin);
    // Contexts are matched to the universe by position: a length mismatch would shift them.
    if (ctxs.length !== arr(meta.universe, 'universe').length) fail('', 'assetCtxs and universe differ in length');
    const ctx = ctxFigures(obj(ctxs[asset.index], 'assetCtx'), 'assetCtx');
    const figures = { ...assetFigures(asset), ...ctx, ...tickFigures(asset, ctx.markPrice!.value) };
    return { figures, tiers: tiersOf(meta, asset) };
  });
  return result.ok ? withTiers(result.value.figures, result.value.tiers) : result;
}

/**
 * POST /info {"type":"meta"} → maximum leverage, margin tiers; funding is hourly. No price step:
 * it depends on the price (priceStepAt), which this answer lacks; metaAndAssetCtxs gives it.
 */
export function parseMeta(body: unknown, coin: string): ParseResult {
  const result = attempt(() => {
    const meta = obj(body, 'body');
    const asset = assetOf(meta, coin);
    const figures: FigureUpdates = {
      ...assetFigures(asset),
      fundingIntervalHours: { value: FUNDING_INTERVAL_HOURS, exchangeTime: null },
    };
    return { figures, tiers: tiersOf(meta, asset) };
  });
  return result.ok ? withTiers(result.value.figures, result.value.tiers) : result;
}

/**
 * WebSocket messages: {"channel":"activeAssetCtx","data":{"coin":"BTC","ctx":{…}}} carries the
 * figures; "subscriptionResponse" (the ack) and "pong" (our heartbeat's answer) are not data;
 * "error" means the subscription was refused.
 */
export function parseStreamMessage(message: unknown, coin: string): StreamEvent {
  if (!isObj(message)) return { kind: 'malformed', reason: 'message is not an object' };
  switch (message.channel) {
    case 'pong':
    case 'subscriptionResponse':
      return { kind: 'ignore' };
    case 'error':
      return { kind: 'refused', reason: `Hyperliquid refused the subscription: ${exchangeText(message.data)}` };
    case 'activeAssetCtx': {
      const result = attempt(() => {
        const data = obj(message.data, 'data');
        if (data.coin !== coin) fail('data', 'is for another coin');
        return ctxFigures(obj(data.ctx, 'ctx'), 'ctx');
      });
      return result.ok ? { kind: 'figures', figures: result.value } : { kind: 'malformed', reason: result.reason };
    }
    default:
      return { kind: 'malformed', reason: 'unknown message' };
  }
}

/** Hyperliquid's refusal quotes the subscription: "Invalid subscription {\"type\":\"activeAssetCtx\",\"coin\":\"XYZ\"}". */
const REFUSED_COIN = /"coin":"([A-Za-z0-9]{1,20})"/;

/**
 * activeAssetCtx pushes name their coin in data.coin; subscription answers in data.subscription.coin;
 * an error that quotes a subscription concerns that coin only; other errors and pongs name none.
 */
export function streamSymbol(message: unknown): string | null {
  if (!isObj(message)) return null;
  if (message.channel === 'error' && typeof message.data === 'string')
    return REFUSED_COIN.exec(message.data)?.[1] ?? null;
  if (!isObj(message.data)) return null;
  const { data } = message;
  if (message.channel === 'activeAssetCtx') return typeof data.coin === 'string' ? data.coin : null;
  if (message.channel === 'subscriptionResponse' && isObj(data.subscription))
    return typeof data.subscription.coin === 'string' ? data.subscription.coin : null;
  return null;
}
