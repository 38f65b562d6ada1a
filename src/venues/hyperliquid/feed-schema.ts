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
// The margin tables are checked in margin-tables.ts, the price-dependent step in price-step-at.ts.
import { Dec } from '../../core/decimal';
import { exchangeText } from '../feed-parse';
import { arr, attempt, fail, isObj, obj, str, type Obj } from '../../schema';
import type { FigureUpdates, ParseResult, StreamEvent } from '../feed-types';
import { sizeStepOfDecimals } from '../size-step';
import type { DecimalString, TierTable } from '../types';
import { leverage, plainDecimal } from './info-numbers';
import { tiersOf } from './margin-tables';
import { tickFigures } from './price-step-at';

/** Hyperliquid settles funding every hour. */
export const FUNDING_INTERVAL_HOURS = '1';

/** A funding rate of 100 % per hour is not a rate but a broken field (the cap is 4 %/h). */
function fundingRate(v: unknown, where: string): DecimalString {
  const rate = plainDecimal(v, where, 'any');
  if (!new Dec(rate).abs().lessThan(1)) fail(where, 'is out of range');
  return rate;
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
    const figures = { ...assetFigures(asset), ...ctx, ...tickFigures(asset.entry.szDecimals, ctx.markPrice!.value) };
    return { figures, tiers: tiersOf(meta, asset.entry.marginTableId, asset.maxLeverage) };
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
    return { figures, tiers: tiersOf(meta, asset.entry.marginTableId, asset.maxLeverage) };
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
