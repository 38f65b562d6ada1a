// The shared shape of a linear perpetual quote (Binance USDⓈ-M, Bybit, OKX, Hyperliquid).
// Each venue model supplies only what its rules make different: how the tier table is
// completed, what the maintenance test adds (fee to close, liquidation fee), how margin
// level is expressed and which extra figures it publishes.
import { breakEvenPrice, carryCost, fundingCarry, openingFeeRate } from './costs';
import { Dec, HUNDRED, ZERO } from './decimal';
import { InputError } from './errors';
import type { VenueFacts } from './facts';
import { bankruptcyPrice, equityAt, requirementAt, solveLiquidation, type LinearMarginTest } from './liquidation';
import { Resolver } from './resolve';
import { completeTiers, singleTier, tierFor, type TierConvention } from './tiers';
import type { ModelQuote, QuoteInput, Tier, Warning } from './types';
import { sideSign } from './types';
import { commonWarnings } from './warnings';

export interface PerpContext {
  input: QuoteInput;
  resolver: Resolver;
  notional: Dec;
  initialMargin: Dec;
  markPrice: Dec;
  takerFeeRate: Dec;
}

export interface PerpRules {
  convention: TierConvention;
  /**
   * How the tier is picked: by the notional at the price in question (Binance, Bybit,
   * Hyperliquid), or once by the position's size, which no price move changes (OKX: size in
   * contracts; a notional table is read at the entry price, size × entry). Either way the
   * rate is charged on the notional at that price.
   */
  tierNotional: 'price' | 'entry';
  /**
   * Cross: each other position's fee to close / liquidation fee (its value at its mark ×
   * its taker rate, default the order's) is part of the account's requirement (Bybit UTA,
   * OKX; formulas.md §4.2, §5.2). Binance's TMM and Hyperliquid's requirement hold no fee.
   */
  otherPositionsFee: boolean;
  /** Isolated: what the extra margin counts for (Bybit UTA: net of its fee reserve). */
  extraMarginFactor?(ctx: PerpContext): Dec;
  /** The venue's own bankruptcy price, where it is not simply "equity = 0". */
  bankruptcyPrice?(ctx: PerpContext, test: LinearMarginTest): Dec | null;
  /** Maintenance test: rate added to MMR (a fee charged on notional at the liquidation price). */
  extraRate(ctx: PerpContext): Dec;
  /** Maintenance test: constant added (e.g. Bybit's fee to close at the bankruptcy price). */
  extraConst(ctx: PerpContext): Dec;
  /** Margin assigned to an isolated position when the input does not say. */
  defaultIsolatedMargin(ctx: PerpContext): Dec;
  /** How the venue states margin level; both in percent. */
  marginLevelStyle: 'mmOverEquity' | 'equityOverMm';
  /** Table implied by other input figures, checked before facts (Hyperliquid: max leverage). */
  tiersFromInput?(ctx: PerpContext): Tier[] | undefined;
  /** Table when neither input nor facts give one (Hyperliquid: facts' max leverage). */
  fallbackTiers?(ctx: PerpContext): Tier[] | undefined;
  /** Part of the maintenance margin beyond notional × MMR − amount (Bybit: fee to close). */
  maintenanceExtra?(ctx: PerpContext): Dec;
  details?(ctx: PerpContext, quote: ModelQuote): Record<string, Dec | null>;
  defaultFundingIntervalHours: Dec;
}

function resolveTiers(ctx: PerpContext, rules: PerpRules): Tier[] {
  const { market, order } = ctx.input;
  if (market.tiers) return completeTiers(market.tiers, rules.convention);
  if (market.maintenanceMarginRate !== undefined) {
    return singleTier(market.maintenanceMarginRate, market.maintenanceAmount ?? ZERO, market.maxLeverage ?? null);
  }
  const implied = rules.tiersFromInput?.(ctx);
  if (implied) return implied;
  const fromFacts = ctx.resolver.symbolTiers();
  if (fromFacts) return completeTiers(fromFacts, rules.convention);
  const fallback = rules.fallbackTiers?.(ctx);
  if (fallback) return fallback;
  throw new InputError(
    'MISSING_FIELD',
    `market.maintenanceMarginRate or market.tiers is required: no bundled ${ctx.input.venue} tier table for ${order.symbol ?? 'an order without a symbol'}`,
    'market.maintenanceMarginRate',
  );
}

function otherPositionsTotals(ctx: PerpContext, withFee: boolean): { pnl: Dec; maintenance: Dec } {
  let pnl = ZERO;
  let maintenance = ZERO;
  for (const p of ctx.input.account.positions) {
    const value = p.quantity.times(p.markPrice);
    pnl = pnl.plus(p.markPrice.minus(p.entryPrice).times(p.quantity).times(sideSign(p.side)));
    maintenance = maintenance.plus(value.times(p.maintenanceMarginRate).minus(p.maintenanceAmount));
    if (withFee) maintenance = maintenance.plus(value.times(p.takerFeeRate ?? ctx.takerFeeRate));
  }
  return { pnl, maintenance };
}

function marginLevelAt(test: LinearMarginTest, price: Dec, style: PerpRules['marginLevelStyle']): Dec | null {
  const equity = equityAt(test, price);
  const requirement = requirementAt(test, price);
  if (style === 'mmOverEquity') return equity.greaterThan(0) ? requirement.div(equity).times(HUNDRED) : null;
  return requirement.greaterThan(0) ? equity.div(requirement).times(HUNDRED) : null;
}

export function perpQuote(input: QuoteInput, facts: VenueFacts | undefined, rules: PerpRules): ModelQuote {
  const resolver = new Resolver(input, facts);
  const { order, account } = input;
  const notional = order.quantity.times(order.price);
  const markPrice = input.market.markPrice ?? order.price;
  if (input.market.markPrice === undefined) resolver.note('mark price not given: the order price is used as the mark');
  const ctx: PerpContext = {
    input,
    resolver,
    notional,
    initialMargin: notional.div(order.leverage),
    markPrice,
    takerFeeRate: resolver.feeRate('taker'),
  };
  const tiers = resolveTiers(ctx, rules);
  const warnings: Warning[] = [];

  // The position on its own: equity 0, requirement from its tier plus the venue's fee terms.
  const own: LinearMarginTest = {
    side: order.side,
    quantity: order.quantity,
    entryPrice: order.price,
    equityAtEntry: ZERO,
    tiers,
    extraRate: rules.extraRate(ctx),
    extraConst: rules.extraConst(ctx),
    tierNotional: rules.tierNotional === 'price' ? 'price' : notional,
  };
  let test: LinearMarginTest | null = null;
  let isolatedMargin: Dec | undefined;
  if (input.marginMode === 'isolated') {
    if (account.positions.length > 0)
      resolver.note('isolated margin: other positions do not affect this liquidation price');
    if (account.walletBalance === undefined) resolver.note('isolated margin = the initial margin of this order');
    const assigned = account.walletBalance ?? rules.defaultIsolatedMargin(ctx);
    const extra = account.extraMargin.times(rules.extraMarginFactor?.(ctx) ?? 1);
    isolatedMargin = assigned.plus(account.extraMargin);
    test = { ...own, equityAtEntry: assigned.plus(extra) };
  } else if (account.walletBalance === undefined) {
    warnings.push({
      code: 'CROSS_BALANCE_UNKNOWN',
      severity: 'warn',
      message: 'Cross margin: the account balance is needed for a liquidation price. Enter it in the popup.',
    });
  } else {
    const others = otherPositionsTotals(ctx, rules.otherPositionsFee);
    if (account.positions.length > 0) {
      resolver.note(`cross margin: ${account.positions.length} other position(s) held at their given mark prices`);
      if (rules.otherPositionsFee && account.positions.some((p) => p.takerFeeRate === undefined)) {
        resolver.note(
          "other positions' fee to close / liquidation fee at the order's taker rate where a position gives none",
        );
      }
    }
    test = {
      ...own,
      equityAtEntry: account.walletBalance.plus(account.extraMargin).plus(others.pnl),
      extraConst: own.extraConst.plus(others.maintenance),
    };
  }

  const solution = test ? solveLiquidation(test) : { price: null, immediate: false, tierIndex: null };
  if (test && solution.price === null) {
    warnings.push({
      code: 'NO_LIQUIDATION',
      severity: 'info',
      message: 'No positive price liquidates this position: its margin covers the whole loss.',
    });
  }
  // Maintenance margin at the mark: tier by the venue's rule, rate on the value at the mark.
  const valueAtMark = order.quantity.times(markPrice);
  const markTier = tierFor(tiers, rules.tierNotional === 'price' ? valueAtMark : notional);
  const maintenanceMargin = valueAtMark
    .times(markTier.maintenanceMarginRate)
    .minus(markTier.maintenanceAmount)
    .plus(rules.maintenanceExtra?.(ctx) ?? ZERO);
  const openRate = openingFeeRate(order, resolver);
  const fees = { open: notional.times(openRate), close: notional.times(ctx.takerFeeRate) };
  resolver.note('closing fee estimated at the entry price as a taker (market) exit');
  const fundingInterval =
    resolver.optional('fundingIntervalHours', 'funding interval (h)') ?? rules.defaultFundingIntervalHours;
  const carry = fundingCarry(input, markPrice, input.market.fundingRate, fundingInterval, resolver);
  const liquidationDistance = solution.price === null ? null : markPrice.minus(solution.price).abs().div(markPrice);
  const venueMaxLeverage = resolver.optional('maxLeverage', 'maximum leverage');
  warnings.push(
    ...commonWarnings({
      input,
      markPrice,
      liquidationPrice: solution.price,
      liquidationDistance,
      immediate: solution.immediate,
      venueMaxLeverage,
      tiers,
      notional,
    }),
  );

  const quote: ModelQuote = {
    venue: input.venue,
    notional,
    initialMargin: ctx.initialMargin,
    maintenanceMargin,
    liquidationPrice: solution.price,
    bankruptcyPrice: test ? (rules.bankruptcyPrice ? rules.bankruptcyPrice(ctx, test) : bankruptcyPrice(test)) : null,
    marginCallPrice: null,
    marginLevel: test ? marginLevelAt(test, markPrice, rules.marginLevelStyle) : null,
    marginLevelUnit: 'percent',
    liquidationDistance,
    fees,
    carry,
    breakEvenPrice: breakEvenPrice(order, fees.open.plus(carryCost(carry)), ctx.takerFeeRate),
    warnings,
    assumptions: resolver.assumptions,
    details: { marginLevelAtLiquidation: HUNDRED },
    ...(isolatedMargin === undefined ? {} : { isolatedMargin }),
  };
  quote.details = { ...quote.details, ...rules.details?.(ctx, quote) };
  return quote;
}
