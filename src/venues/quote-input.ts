// Builds the engine's quote input (the `preflight quote` JSON contract) from what the page
// shows, the market feed and the user's settings (the plan's type and notes: quote-plan.ts; the
// page's positions as engine input: quote-positions.ts). Pure: the overlay, the background (for the
// toolbar badge) and the e2e tests all call this one function, so their figures agree.
import { Dec, parseDecimalText } from '../core/decimal';
import type { Side } from '../core/types';
import type { Settings } from '../settings/settings';
import { liveBorrowRate } from './borrow-rate';
import { bundledContractValue as bundledValueOf } from './contract-values';
import { positionMisfit, referencePrice } from './plausibility';
import type { QuotePlan } from './quote-plan';
import {
  ownMarketPositions,
  ownPositionInput,
  positionInput,
  resultingQuantity,
  type PositionRateLookup,
} from './quote-positions';
import {
  isFresh,
  TIERS_MAX_AGE_MS,
  type Figure,
  type MarkState,
  type MarketFigureKey,
  type MarketSnapshot,
  type OrderForm,
  type TierTable,
} from './types';

export type { MarkState };
// The plan's type, its notes and the position helpers live next door; importers keep this path.
export { planNotes, withPlanNotes, type QuotePlan } from './quote-plan';
export { ownMarketPositions, type PositionRateLookup } from './quote-positions';

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
    balance: balance === null ? null : (parseDecimalText(balance)?.toFixed() ?? null),
    quantity: null as string | null,
    pagePositions: null as number | null,
    positionsUnknown: [] as string[],
    positionsImplausible: [] as string[],
    positionsTooMany: cross && form.account?.positionsTooMany === true,
    tiers,
    missing,
    bundledContractValue,
    borrowRate: borrow.rate,
    lossLimitUnchecked: false,
    oldFacts: [],
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
    quantity: order.quantity!,
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
