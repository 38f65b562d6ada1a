// Builds the engine's quote input (the `preflight quote` JSON contract) from what the page
// shows, the market feed and the user's settings. Pure: the overlay, the background (for the
// toolbar badge) and the e2e tests all call this one function, so their figures agree.
import { Dec, parseDecimalText } from '../core/decimal';
import { netPosition } from '../core/position-change';
import type { QuoteResult } from '../core/quote';
import type { Side, VenueId } from '../core/types';
import type { Settings } from '../settings/settings';
import { borrowRateNote, liveBorrowRate, type LiveBorrowRate } from './borrow-rate';
import { bundledContractValue as bundledValueOf, type BundledContractValue } from './contract-values';
import { positionMisfit, referencePrice } from './plausibility';
import {
  isFresh,
  TIERS_MAX_AGE_MS,
  type Figure,
  type MarkState,
  type MarketFigureKey,
  type MarketSnapshot,
  type OrderForm,
  type PagePosition,
  type TierTable,
} from './types';

export type { MarkState };

export interface QuotePlan {
  /** Input for quoteJson(); null when no price at all is known (market order, no mark). */
  input: Record<string, unknown> | null;
  markState: MarkState;
  /** Where the entry price came from. */
  priceBasis: 'limit' | 'mark' | 'stale-mark' | 'none';
  /** Age of the mark price in ms, null without one. */
  markAgeMs: number | null;
  /** Market figures left out because they were stale (the engine then uses facts, and says so). */
  staleFigures: MarketFigureKey[];
  /** Cross margin with no balance, neither on the page nor entered by the user. */
  needsBalance: boolean;
  /** Cross margin: where the account balance came from ('page' wins over 'settings'); null otherwise. */
  balanceSource: 'page' | 'settings' | null;
  /** Other open positions read from the page and included; null when the page shows none or the order is isolated. */
  pagePositions: number | null;
  /**
   * Page positions whose maintenance margin could not be worked out (not shown, no tier known).
   * Then the account is left out of the quote (no liquidation price) rather than quoted too far away.
   */
  positionsUnknown: string[];
  /** Those of positionsUnknown whose prices on the page do not fit the market: misread, so not weighed. */
  positionsImplausible: string[];
  /**
   * Cross margin: the page lists more positions than a reader reads (PageAccount.positionsTooMany),
   * so the account cannot be weighed: it is left out (no liquidation price), as with positionsUnknown.
   */
  positionsTooMany: boolean;
  /** The venue's live tier table: used ('live'), too old and left out ('stale'), or none held. */
  tiers: 'live' | 'stale' | 'none';
  /** A figure without which the order cannot be sized (OKX contracts need the contract value). */
  missing: 'contractValue' | null;
  /**
   * The bundled, dated contract value, when no live one is held and the order needed one (sized
   * in contracts, or a tier table counted in contracts): said in the quote's assumptions
   * (planNotes); null otherwise.
   */
  bundledContractValue: BundledContractValue | null;
  /** The live borrow rate the order pays (Binance spot margin), said in the assumptions; null without one. */
  borrowRate: LiveBorrowRate | null;
  /** The loss limit (% of balance) is set but no balance is known, so the loss at the stop is not checked. */
  lossLimitUnchecked: boolean;
}

/** Maintenance rate and deduction of another position, when only its notional is known. */
export type PositionRateLookup = (venue: VenueId, symbol: string, notional: Dec) => { rate: Dec; amount: Dec } | null;

const PASSED_FIGURES: ReadonlyArray<[MarketFigureKey, string]> = [
  ['fundingRate', 'fundingRate'],
  ['fundingIntervalHours', 'fundingIntervalHours'],
  ['maxLeverage', 'maxLeverage'],
  ['marginCallLevel', 'marginCallLevel'],
  ['liquidationLevel', 'liquidationLevel'],
];

function markOf(snapshot: MarketSnapshot | null, now: number): { figure: Figure | undefined; state: MarkState } {
  const figure = snapshot?.figures.markPrice;
  if (!figure) return { figure: undefined, state: 'missing' };
  return { figure, state: isFresh(figure, 'markPrice', now) ? 'live' : 'stale' };
}

/** The tier table as engine input rows (notional basis only). */
function tierRows(table: TierTable): Array<Record<string, string>> {
  return table.rows.map((row) => {
    const out: Record<string, string> = { notionalFloor: row.floor, maintenanceMarginRate: row.maintenanceMarginRate };
    if (row.cap !== null) out.notionalCap = row.cap;
    if (row.maintenanceAmount !== null) out.maintenanceAmount = row.maintenanceAmount;
    if (row.maxLeverage !== null) out.maxLeverage = row.maxLeverage;
    return out;
  });
}

/** OKX picks the tier by position size in contracts: first row with floor < contracts ≤ cap (the first row from 0). */
function rowByContracts(table: TierTable, contracts: Dec): TierTable['rows'][number] | null {
  return (
    table.rows.find((row, i) => {
      const aboveFloor = i === 0 ? contracts.greaterThanOrEqualTo(row.floor) : contracts.greaterThan(row.floor);
      return aboveFloor && (row.cap === null || contracts.lessThanOrEqualTo(row.cap));
    }) ?? null
  );
}

/** A page position as engine input, or null when its maintenance margin cannot be worked out. */
function positionInput(
  venue: VenueId,
  position: PagePosition,
  lookup: PositionRateLookup | undefined,
): Record<string, string> | null {
  const notional = new Dec(position.quantity).times(position.markPrice);
  let rate: Dec;
  let amount = new Dec(0);
  let feeIncluded = false;
  if (position.maintenanceMargin !== null && notional.greaterThan(0)) {
    // The page's own figure at the current mark: exact now, and the other positions' marks do not follow this order's price.
    rate = new Dec(position.maintenanceMargin).div(notional);
    // Bybit's UTA "Position MM" already holds the position's fee to close: the engine must not add it again.
    feeIncluded = venue === 'bybit-linear';
  } else {
    const found = lookup?.(venue, position.symbol, notional) ?? null;
    if (found === null) return null;
    rate = found.rate;
    amount = found.amount;
  }
  if (!rate.lessThan(1)) return null;
  return {
    symbol: position.symbol,
    side: position.side,
    quantity: position.quantity,
    entryPrice: position.entryPrice,
    markPrice: position.markPrice,
    maintenanceMarginRate: rate.toFixed(),
    maintenanceAmount: amount.toFixed(),
    ...(feeIncluded ? { takerFeeRate: '0' } : {}),
  };
}

/**
 * The page's positions in the order's own market that the engine can net the order into
 * (src/core/position-change.ts): one (one-way mode), or two of opposite sides (hedge mode: the
 * engine takes the one on the order's side). Null when there are none; 'undetermined' when the
 * page shows another combination (two on one side, more than two), which cannot be read either way.
 */
export function ownMarketPositions(
  shown: readonly PagePosition[],
  symbol: string,
): PagePosition[] | 'undetermined' | null {
  const own = shown.filter((p) => p.symbol === symbol);
  if (own.length === 0) return null;
  if (own.length === 1 || (own.length === 2 && own[0]!.side !== own[1]!.side)) return own;
  return 'undetermined';
}

/** Size of the position the order leaves (for a tier picked by size), or the order's own when nothing is left. */
function resultingQuantity(own: PagePosition[] | 'undetermined' | null, side: Side, quantity: Dec): Dec {
  if (own === null || own === 'undetermined') return quantity;
  const open = own.length === 2 ? own.find((p) => p.side === side)! : own[0]!;
  const change = netPosition(
    { side: open.side, quantity: new Dec(open.quantity), entryPrice: new Dec(open.entryPrice) },
    { side, quantity, price: new Dec(open.entryPrice) },
  );
  return change.after?.quantity ?? quantity;
}

/** A page position in the order's own market as engine input; its rate is only read in hedge mode (the other side). */
function ownPositionInput(
  venue: VenueId,
  position: PagePosition,
  lookup: PositionRateLookup | undefined,
): Record<string, string> {
  // The engine re-derives the resulting position's tier from the order's market; a rate the page
  // does not give is left at 0 here, as the netted position's own rate is not used.
  return (
    positionInput(venue, position, lookup) ?? {
      symbol: position.symbol,
      side: position.side,
      quantity: position.quantity,
      entryPrice: position.entryPrice,
      markPrice: position.markPrice,
      maintenanceMarginRate: '0',
      maintenanceAmount: '0',
    }
  );
}

/** Plan for one side; a form with side 'both' is planned once per side. */
export function planQuote(
  form: OrderForm,
  side: Side,
  snapshot: MarketSnapshot | null,
  settings: Settings,
  now: number,
  lookup?: PositionRateLookup,
): QuotePlan {
  const own = snapshot && snapshot.venue === form.venue && snapshot.symbol === form.symbol ? snapshot : null;
  const mark = markOf(own, now);
  const staleFigures: MarketFigureKey[] = [];
  const market: Record<string, unknown> = {};
  if (mark.state === 'live') market.markPrice = mark.figure!.value;
  else if (mark.state === 'stale') staleFigures.push('markPrice');
  for (const [key, field] of PASSED_FIGURES) {
    const figure = own?.figures[key];
    if (!figure) continue;
    if (isFresh(figure, key, now)) market[field] = figure.value;
    else staleFigures.push(key);
  }
  const borrow = liveBorrowRate(own, form.marginMode, side, now);
  if (borrow.rate !== null) market.borrowRatePerHour = borrow.rate.value;
  else if (borrow.stale !== null) staleFigures.push(borrow.stale);
  let price: string | null = form.price;
  let priceBasis: QuotePlan['priceBasis'] = 'limit';
  if (price === null) {
    // A market order fills near the mark. A stale mark is still the best estimate we have:
    // used, and the overlay marks every figure as based on an old price.
    price = mark.figure?.value ?? null;
    priceBasis = mark.state === 'live' ? 'mark' : mark.state === 'stale' ? 'stale-mark' : 'none';
  }
  const markAgeMs = mark.figure ? Math.max(0, now - mark.figure.receivedAt) : null;
  const cross = form.marginMode === 'cross';
  const pageBalance = cross ? (form.account?.walletBalance ?? null) : null;
  const userBalance = cross ? (settings.accountBalance[form.venue] ?? null) : null;
  const balance = pageBalance ?? userBalance;
  const balanceSource: QuotePlan['balanceSource'] =
    pageBalance !== null ? 'page' : userBalance !== null ? 'settings' : null;
  const tierFigure = own?.tiers;
  const tiers: QuotePlan['tiers'] =
    tierFigure === undefined ? 'none' : now - tierFigure.receivedAt <= TIERS_MAX_AGE_MS ? 'live' : 'stale';
  // Contract value never changes in practice: an old figure still sizes the order right, and
  // without a live one the bundled, dated copy does (offline, or the instruments API blocked).
  const liveContractValue = own?.figures.contractValue?.value ?? null;
  // It sizes an order in contracts and picks a tier counted in contracts; only then is it noted.
  const needsContractValue =
    form.size.unit === 'contracts' || (tiers === 'live' && tierFigure!.table.basis === 'contracts');
  const bundledContractValue =
    needsContractValue && liveContractValue === null ? bundledValueOf(form.venue, form.symbol) : null;
  const contractValue = liveContractValue ?? bundledContractValue?.value ?? null;
  const missing: QuotePlan['missing'] =
    form.size.unit === 'contracts' && contractValue === null ? 'contractValue' : null;
  const base = {
    markState: mark.state,
    priceBasis,
    markAgeMs,
    staleFigures,
    needsBalance: cross && balance === null,
    balanceSource,
    pagePositions: null as number | null,
    positionsUnknown: [] as string[],
    positionsImplausible: [] as string[],
    positionsTooMany: cross && form.account?.positionsTooMany === true,
    tiers,
    missing,
    bundledContractValue,
    borrowRate: borrow.rate,
    lossLimitUnchecked: false,
  };
  if (price === null || missing !== null) return { ...base, input: null };

  const quantity =
    form.size.unit === 'base'
      ? new Dec(form.size.value)
      : form.size.unit === 'quote'
        ? new Dec(form.size.value).div(price)
        : new Dec(form.size.value).times(contractValue!);
  const shown = form.account?.positions ?? null;
  const reference = referencePrice(form, own, now);
  const misread = (shown ?? []).map((p, i) => positionMisfit(p, i, form.symbol, reference) !== null);
  // A misread position in this market is not netted (it counts as unknown, below).
  // Binance spot margin does not net positions (core/position-quote.ts): its own market stays unknown.
  const ownMarketFound =
    shown === null
      ? null
      : ownMarketPositions(
          shown.filter((_, i) => !misread[i]),
          form.symbol,
        );
  const ownMarket = form.venue === 'binance-margin' && ownMarketFound !== null ? 'undetermined' : ownMarketFound;
  if (tiers === 'live') {
    const table = tierFigure!.table;
    if (table.basis === 'notional') market.tiers = tierRows(table);
    else {
      // OKX picks the tier by the size of the position after the order, in contracts.
      const contracts = contractValue === null ? null : resultingQuantity(ownMarket, side, quantity).div(contractValue);
      const row = contracts === null ? null : rowByContracts(table, contracts);
      if (row !== null) {
        market.maintenanceMarginRate = row.maintenanceMarginRate;
        if (row.maxLeverage !== null) market.maxLeverage = row.maxLeverage;
      }
    }
  }
  const order: Record<string, string> = {
    symbol: form.symbol,
    side,
    type: form.type,
    price,
    quantity: quantity.toFixed(),
    leverage: form.leverage,
  };
  if (form.stopLoss !== null) order.stopLoss = form.stopLoss;
  if (form.takeProfit !== null) order.takeProfit = form.takeProfit;
  const limits: Record<string, string> = { minLiquidationDistance: settings.minLiquidationDistance };
  if (settings.maxLeverage !== null) limits.maxLeverage = settings.maxLeverage;
  // The loss limit is a percent of the balance: the cross balance as above, else the one the
  // user entered for the venue, else what the page shows as available.
  const lossBase = balance ?? settings.accountBalance[form.venue] ?? form.availableBalance;
  if (settings.maxLossPercent !== null && lossBase !== null && new Dec(lossBase).greaterThan(0)) {
    limits.maxLoss = new Dec(lossBase).times(settings.maxLossPercent).div(100).toFixed();
  }
  const fees = settings.feeTiers[form.venue];
  if (fees !== undefined) {
    market.takerFeeRate = fees.takerFeeRate;
    market.makerFeeRate = fees.makerFeeRate;
  }
  const input: Record<string, unknown> = {
    venue: form.venue,
    marginMode: form.marginMode,
    order,
    market,
    holdHours: settings.holdHours,
    limits,
  };
  const plan: QuotePlan = {
    ...base,
    input,
    lossLimitUnchecked: settings.maxLossPercent !== null && limits.maxLoss === undefined,
  };
  if (cross && balance !== null && parseDecimalText(balance) !== undefined) {
    // A zero balance goes to the engine as it is: it refuses it (walletBalance must be > 0) and
    // the trader sees why, rather than no answer at all.
    const account: Record<string, unknown> = { walletBalance: balance };
    if (shown !== null) {
      // A position in this same market is passed as it is: the engine nets the order into it and
      // quotes the resulting position. Undetermined ones (two on one side) count as unknown, and
      // a misread one is not weighed.
      const inputs = shown.map((p, i) => {
        if (misread[i]) return null;
        if (p.symbol !== form.symbol) return positionInput(form.venue, p, lookup);
        if (ownMarket === null || ownMarket === 'undetermined') return null;
        // In hedge mode the other side stays a separate position, weighed like any other.
        return ownMarket.length === 1 || p.side === side
          ? ownPositionInput(form.venue, p, lookup)
          : positionInput(form.venue, p, lookup);
      });
      plan.pagePositions = shown.length;
      plan.positionsUnknown = shown.filter((_, i) => inputs[i] === null).map((p) => p.symbol);
      plan.positionsImplausible = shown.filter((_, i) => misread[i]).map((p) => p.symbol);
      account.positions = inputs.filter((p) => p !== null);
    }
    // A position we cannot weigh would put the liquidation price too far away: better none.
    if (plan.positionsUnknown.length === 0 && !plan.positionsTooMany) input.account = account;
  } else if (!cross && shown !== null && ownMarket !== null) {
    // Isolated: only a position in this market matters; the engine adds the order to it. Its
    // margin is not read from the page, so the engine estimates it (and says so).
    plan.pagePositions = shown.length;
    plan.positionsImplausible = shown.filter((p, i) => misread[i] && p.symbol === form.symbol).map((p) => p.symbol);
    if (ownMarket === 'undetermined')
      plan.positionsUnknown = shown.filter((p) => p.symbol === form.symbol).map((p) => p.symbol);
    else input.account = { positions: ownMarket.map((p) => ownPositionInput(form.venue, p, lookup)) };
  }
  return plan;
}

/** What the plan took from bundled data rather than the market, for the quote's assumptions. */
export function planNotes(plan: QuotePlan): string[] {
  const bundled = plan.bundledContractValue;
  const notes =
    bundled === null
      ? []
      : [
          `contract value ${bundled.value} per contract from bundled instrument facts dated ${bundled.asOf} (no live value)`,
        ];
  if (plan.borrowRate !== null) notes.push(borrowRateNote(plan.borrowRate));
  return notes;
}

/** The plan's own assumptions join the engine's (first), so the trader sees every bundled figure. */
export function withPlanNotes(plan: QuotePlan, result: QuoteResult): QuoteResult {
  const notes = planNotes(plan);
  return 'error' in result || notes.length === 0
    ? result
    : { ...result, assumptions: [...notes, ...result.assumptions] };
}
