// Liquidation price of one linear position, for every venue whose margin test is
//   equity(P) ≤ requirement(P)
// with equity(P) = E + s·Q·(P − EP)            (s = +1 long, −1 short)
// and  requirement(P) = N·(MMR_t + extraRate) − amount_t + extraConst
// inside one tier t, where N is the notional at P (Binance, OKX, Hyperliquid, Bybit cross)
// or fixed at the entry (Bybit isolated, whose MM uses the position value at entry). Within a tier the root is closed-form:
//   P = (extraConst − amount_t − E + s·Q·EP) / (Q·(s − MMR_t − extraRate))
// Across tiers we keep a root only if its own notional falls in the tier that produced
// it (the exchanges' rule: "the bracket at the liquidation notional"), and we also check
// tier boundaries, where a whole-position table can jump past equity.
import { Dec, ZERO } from './decimal';
import { tierIndexFor } from './tiers';
import type { Side, Tier } from './types';
import { sideSign } from './types';

export interface LinearMarginTest {
  side: Side;
  quantity: Dec;
  entryPrice: Dec;
  /** Equity at the entry price (wallet or isolated margin plus other positions' PnL …). */
  equityAtEntry: Dec;
  tiers: readonly Tier[];
  /** Added to the tier rate: a fee to close or liquidation fee charged on notional. */
  extraRate: Dec;
  /** Added to the requirement: other positions' maintenance margin, a fixed fee … */
  extraConst: Dec;
  /** 'price': tier chosen at the notional at P; a number: tier fixed by that notional. */
  tierNotional: 'price' | Dec;
}

/** Notional the tier rate is charged on: at the price, or fixed at entry (Bybit isolated). */
function chargedNotional(test: LinearMarginTest, price: Dec): Dec {
  return test.tierNotional === 'price' ? test.quantity.times(price) : test.tierNotional;
}

export function requirementAt(test: LinearMarginTest, price: Dec, tierIndex = tierIndexAt(test, price)): Dec {
  const tier = test.tiers[tierIndex]!;
  return chargedNotional(test, price).times(tier.maintenanceMarginRate.plus(test.extraRate)).minus(tier.maintenanceAmount).plus(test.extraConst);
}

export function equityAt(test: LinearMarginTest, price: Dec): Dec {
  return test.equityAtEntry.plus(test.quantity.times(price.minus(test.entryPrice)).times(sideSign(test.side)));
}

function tierIndexAt(test: LinearMarginTest, price: Dec): number {
  const notional = test.tierNotional === 'price' ? test.quantity.times(price) : test.tierNotional;
  return tierIndexFor(test.tiers, notional);
}

function rootInTier(test: LinearMarginTest, index: number): Dec | null {
  const tier = test.tiers[index]!;
  const s = sideSign(test.side);
  if (test.tierNotional !== 'price') {
    // Requirement fixed by the entry notional: E + s·Q·(P − EP) = R ⇒ P = EP + s·(R − E)/Q
    const requirement = requirementAt(test, test.entryPrice, index);
    return test.entryPrice.plus(requirement.minus(test.equityAtEntry).div(test.quantity).times(s));
  }
  const denominator = test.quantity.times(new Dec(s).minus(tier.maintenanceMarginRate).minus(test.extraRate));
  if (denominator.isZero()) return null;
  const numerator = test.extraConst.minus(tier.maintenanceAmount).minus(test.equityAtEntry).plus(test.quantity.times(test.entryPrice).times(s));
  return numerator.div(denominator);
}

export interface LiquidationSolution {
  /** null: no positive price liquidates the position (e.g. a fully collateralised long). */
  price: Dec | null;
  /** The position already fails its margin test at the entry price. */
  immediate: boolean;
  tierIndex: number | null;
}

export function solveLiquidation(test: LinearMarginTest): LiquidationSolution {
  const s = sideSign(test.side);
  const entryTier = tierIndexAt(test, test.entryPrice);
  const surplusAtEntry = test.equityAtEntry.minus(requirementAt(test, test.entryPrice, entryTier));
  if (surplusAtEntry.lessThanOrEqualTo(0)) {
    // Already under water at entry: the price where the test would be met again is
    // the honest figure to show, with an "immediate" flag for a danger warning.
    return { price: rootInTier(test, entryTier), immediate: true, tierIndex: entryTier };
  }
  const adverse = (p: Dec): boolean => p.greaterThan(0) && (s === 1 ? p.lessThan(test.entryPrice) : p.greaterThan(test.entryPrice));
  let best: { price: Dec; tierIndex: number } | null = null;
  const consider = (price: Dec, tierIndex: number): void => {
    if (!adverse(price)) return;
    if (best === null || price.minus(test.entryPrice).abs().lessThan(best.price.minus(test.entryPrice).abs())) best = { price, tierIndex };
  };
  // Adverse moves only reach tiers on one side of the entry tier: lower notional for a
  // long, higher for a short.
  const byPrice = test.tierNotional === 'price';
  const first = byPrice && s === 1 ? 0 : entryTier;
  const last = byPrice && s === -1 ? test.tiers.length - 1 : entryTier;
  for (let index = first; index <= last; index++) {
    const root = rootInTier(test, index);
    if (root !== null && tierIndexAt(test, root) === index) consider(root, index);
  }
  if (byPrice) {
    // A boundary where the requirement jumps above equity liquidates at the boundary itself.
    for (let i = Math.max(first, 0); i < last; i++) {
      const cap = test.tiers[i]!.notionalCap;
      if (cap === null) continue;
      const price = cap.div(test.quantity);
      const equity = equityAt(test, price);
      const below = equity.minus(requirementAt(test, price, i));
      const above = equity.minus(requirementAt(test, price, i + 1));
      const farSide = s === 1 ? below : above;
      const nearSide = s === 1 ? above : below;
      if (nearSide.greaterThan(0) && farSide.lessThanOrEqualTo(0)) consider(price, s === 1 ? i : i + 1);
    }
  }
  const found = best as { price: Dec; tierIndex: number } | null;
  return found ? { price: found.price, immediate: false, tierIndex: found.tierIndex } : { price: null, immediate: false, tierIndex: null };
}

/** Price at which equity reaches zero: the bankruptcy price of the same position. */
export function bankruptcyPrice(test: Pick<LinearMarginTest, 'side' | 'quantity' | 'entryPrice' | 'equityAtEntry'>): Dec | null {
  const price = test.entryPrice.minus(test.equityAtEntry.div(test.quantity).times(sideSign(test.side)));
  return price.greaterThan(0) ? price : price.isZero() ? ZERO : null;
}
