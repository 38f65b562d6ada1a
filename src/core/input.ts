// Strict parser from untrusted JSON to QuoteInput. Every number may be a JSON number or
// a decimal string; anything unexpected (unknown key, NaN, text, wrong sign) is an
// InputError naming the path, never a silent default. The field readers are input-fields.ts.
import { Dec, ZERO } from './decimal';
import { echoValue, InputError } from './errors';
import {
  expectObject,
  readArray,
  readEnum,
  readNumber,
  readSymbol,
  rejectUnknownKeys,
  requireNumber,
  type Bound,
  type Obj,
} from './input-fields';
import { checkTierOrder } from './tiers';
import type { TierDraft } from './tiers';
import type { Account, Limits, Market, Order, OtherPosition, QuoteInput } from './types';
import { VENUES, type VenueId } from './types';

const MAX_TIERS = 200;
const MAX_POSITIONS = 500;

function parseVenue(obj: Obj): VenueId {
  const raw = obj.venue;
  if (raw === undefined || raw === null)
    throw new InputError('MISSING_FIELD', `venue is required (one of ${VENUES.join(', ')})`, 'venue');
  if (typeof raw !== 'string' || !(VENUES as readonly string[]).includes(raw)) {
    throw new InputError('UNKNOWN_VENUE', `unknown venue ${echoValue(raw)}; supported: ${VENUES.join(', ')}`, 'venue');
  }
  return raw as VenueId;
}

function parseOrder(raw: unknown): Order {
  const path = 'order';
  if (raw === undefined || raw === null) throw new InputError('MISSING_FIELD', 'order is required', path);
  const obj = expectObject(raw, path);
  rejectUnknownKeys(obj, ['symbol', 'side', 'type', 'price', 'quantity', 'leverage', 'stopLoss', 'takeProfit'], path);
  const leverage = requireNumber(obj, 'leverage', path, 'positive');
  if (leverage.lessThan(1) || leverage.greaterThan(1000)) {
    throw new InputError(
      'OUT_OF_RANGE',
      `order.leverage must be from 1 to 1000 (got ${leverage.toFixed()})`,
      'order.leverage',
    );
  }
  return {
    symbol: readSymbol(obj, 'symbol', path),
    side: readEnum(obj, 'side', path, ['long', 'short'] as const),
    type: readEnum(obj, 'type', path, ['limit', 'market'] as const, 'limit'),
    price: requireNumber(obj, 'price', path, 'positive'),
    quantity: requireNumber(obj, 'quantity', path, 'positive'),
    leverage,
    stopLoss: readNumber(obj, 'stopLoss', path, 'positive') ?? null,
    takeProfit: readNumber(obj, 'takeProfit', path, 'positive') ?? null,
  };
}

function parseTiers(obj: Obj, path: string): TierDraft[] | undefined {
  if (obj.tiers === undefined || obj.tiers === null) return undefined;
  const list = readArray(obj, 'tiers', path, MAX_TIERS);
  if (list.length === 0) throw new InputError('OUT_OF_RANGE', `${path}.tiers must not be empty`, `${path}.tiers`);
  const parsed = list.map((item, index) => {
    const where = `${path}.tiers[${index}]`;
    const tier = expectObject(item, where);
    rejectUnknownKeys(
      tier,
      ['notionalFloor', 'notionalCap', 'maintenanceMarginRate', 'maintenanceAmount', 'maxLeverage'],
      where,
    );
    return {
      notionalFloor: requireNumber(tier, 'notionalFloor', where, 'nonNegative'),
      notionalCap: readNumber(tier, 'notionalCap', where, 'positive') ?? null,
      maintenanceMarginRate: requireNumber(tier, 'maintenanceMarginRate', where, 'fraction'),
      maintenanceAmount: readNumber(tier, 'maintenanceAmount', where, 'nonNegative'),
      maxLeverage: readNumber(tier, 'maxLeverage', where, 'positive') ?? null,
    };
  });
  checkTierOrder(parsed, `${path}.tiers`);
  return parsed;
}

function parseMarket(raw: unknown): Market {
  const path = 'market';
  if (raw === undefined || raw === null) return {};
  const obj = expectObject(raw, path);
  const rates: Record<string, Bound> = {
    markPrice: 'positive',
    maintenanceMarginRate: 'fraction',
    maintenanceAmount: 'nonNegative',
    maxLeverage: 'positive',
    takerFeeRate: 'any',
    makerFeeRate: 'any',
    fundingRate: 'any',
    fundingIntervalHours: 'positive',
    openingFeeRate: 'nonNegative',
    rolloverFeeRate: 'nonNegative',
    rolloverIntervalHours: 'positive',
    borrowRatePerHour: 'nonNegative',
    marginCallLevel: 'positive',
    liquidationLevel: 'positive',
  };
  rejectUnknownKeys(obj, [...Object.keys(rates), 'tiers'], path);
  const market: Market = {};
  for (const [key, bound] of Object.entries(rates)) {
    const value = readNumber(obj, key, path, bound);
    if (value !== undefined) (market as Record<string, Dec>)[key] = value;
  }
  const tiers = parseTiers(obj, path);
  if (tiers) market.tiers = tiers;
  for (const key of ['takerFeeRate', 'makerFeeRate', 'fundingRate'] as const) {
    const value = market[key];
    if (value && value.abs().greaterThanOrEqualTo(0.1)) {
      throw new InputError(
        'OUT_OF_RANGE',
        `market.${key} is a fraction (0.0005 = 0.05 %); ${value.toFixed()} is not plausible`,
        `market.${key}`,
      );
    }
  }
  return market;
}

function parsePosition(item: unknown, where: string): OtherPosition {
  const obj = expectObject(item, where);
  rejectUnknownKeys(
    obj,
    [
      'symbol',
      'side',
      'quantity',
      'entryPrice',
      'markPrice',
      'maintenanceMarginRate',
      'maintenanceAmount',
      'takerFeeRate',
    ],
    where,
  );
  const symbol = readSymbol(obj, 'symbol', where);
  if (symbol === null) throw new InputError('MISSING_FIELD', `${where}.symbol is required`, `${where}.symbol`);
  return {
    symbol,
    side: readEnum(obj, 'side', where, ['long', 'short'] as const),
    quantity: requireNumber(obj, 'quantity', where, 'positive'),
    entryPrice: requireNumber(obj, 'entryPrice', where, 'positive'),
    markPrice: requireNumber(obj, 'markPrice', where, 'positive'),
    maintenanceMarginRate: requireNumber(obj, 'maintenanceMarginRate', where, 'fraction'),
    maintenanceAmount: readNumber(obj, 'maintenanceAmount', where, 'nonNegative') ?? ZERO,
    ...positionFeeRate(obj, where),
  };
}

/** Optional per-position taker rate (compatible extension): a fraction below 10 %, like market.takerFeeRate. */
function positionFeeRate(obj: Obj, where: string): { takerFeeRate?: Dec } {
  const rate = readNumber(obj, 'takerFeeRate', where, 'nonNegative');
  if (rate === undefined) return {};
  if (rate.greaterThanOrEqualTo(0.1)) {
    throw new InputError(
      'OUT_OF_RANGE',
      `${where}.takerFeeRate is a fraction (0.0005 = 0.05 %); ${rate.toFixed()} is not plausible`,
      `${where}.takerFeeRate`,
    );
  }
  return { takerFeeRate: rate };
}

function parseAccount(raw: unknown): Account {
  const path = 'account';
  if (raw === undefined || raw === null) return { extraMargin: ZERO, positions: [] };
  const obj = expectObject(raw, path);
  rejectUnknownKeys(obj, ['walletBalance', 'extraMargin', 'positions'], path);
  const positions = readArray(obj, 'positions', path, MAX_POSITIONS).map((item, i) =>
    parsePosition(item, `${path}.positions[${i}]`),
  );
  const account: Account = { extraMargin: readNumber(obj, 'extraMargin', path, 'any') ?? ZERO, positions };
  const walletBalance = readNumber(obj, 'walletBalance', path, 'positive');
  if (walletBalance) account.walletBalance = walletBalance;
  return account;
}

function parseLimits(raw: unknown): Limits {
  const path = 'limits';
  const defaults: Limits = { minLiquidationDistance: new Dec('0.05'), maxLeverage: null, maxLoss: null };
  if (raw === undefined || raw === null) return defaults;
  const obj = expectObject(raw, path);
  rejectUnknownKeys(obj, ['minLiquidationDistance', 'maxLeverage', 'maxLoss'], path);
  return {
    minLiquidationDistance:
      readNumber(obj, 'minLiquidationDistance', path, 'fraction') ?? defaults.minLiquidationDistance,
    maxLeverage: readNumber(obj, 'maxLeverage', path, 'positive') ?? null,
    maxLoss: readNumber(obj, 'maxLoss', path, 'positive') ?? null,
  };
}

function parseCarryStart(raw: unknown): number | null {
  if (raw === undefined || raw === null) return null;
  // ISO 8601 with an explicit zone, so a local clock cannot shift the hour boundaries.
  if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw)) {
    throw new InputError(
      'INVALID_TYPE',
      'carryStart must be an ISO 8601 time with a zone, e.g. "2026-11-24T13:55:00Z"',
      'carryStart',
    );
  }
  const ms = Date.parse(raw);
  if (!Number.isFinite(ms)) throw new InputError('INVALID_TYPE', 'carryStart is not a valid time', 'carryStart');
  return ms;
}

export function parseQuoteInput(raw: unknown): QuoteInput {
  const obj = expectObject(raw, '');
  rejectUnknownKeys(
    obj,
    ['venue', 'marginMode', 'order', 'market', 'account', 'holdHours', 'carryStart', 'limits'],
    '',
  );
  const venue = parseVenue(obj);
  return {
    venue,
    // Kraken spot margin only has one (account-wide) mode, so it may be left out there.
    marginMode: readEnum(
      obj,
      'marginMode',
      '',
      ['isolated', 'cross'] as const,
      venue === 'kraken-margin' ? 'cross' : undefined,
    ),
    order: parseOrder(obj.order),
    market: parseMarket(obj.market),
    account: parseAccount(obj.account),
    holdHours: readNumber(obj, 'holdHours', '', 'nonNegative') ?? new Dec(24),
    carryStartMs: parseCarryStart(obj.carryStart),
    limits: parseLimits(obj.limits),
  };
}
