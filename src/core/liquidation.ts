// Liquidation price of one linear position, for every venue whose margin test is
//   equity(P) ≤ requirement(P)
// with equity(P) = E + s·Q·(P − EP)            (s = +1 long, −1 short)
// and  requirement(P) = Q·P·(MMR_t + extraRate) − amount_t + extraConst
// inside one tier t. The requirement is always charged on the notional at P (every venue
// values maintenance margin at the price in question); what differs is how t is picked:
// - by the notional at P (Binance, Bybit, Hyperliquid: "the bracket at the liquidation
//   notional"), so the tier can change as the price moves;
// - by a fixed notional (OKX picks its tier by the position's size in contracts, which a
//   price move does not change), so one tier holds at every price.
// Within a tier the root is closed-form:
//   P = (extraConst − amount_t − E + s·Q·EP) / (Q·(s − MMR_t − extraRate))
// Across tiers a root counts only if its own notional lies in the tier that produced it,
// and tier boundaries where the requirement jumps past equity count too (a table whose
// amounts were given rather than derived is not continuous). The answer is the first such
// price met when moving from the entry: against the position when it passes its test at
// entry, in its favour (where the test is met again) when it already fails it there.
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
  /** Added to the tier rate: a fee to close or liquidation fee charged on notional at P. */
  extraRate: Dec;
  /** Added to the requirement: other positions' maintenance margin and fees, a fixed fee … */
  extraConst: Dec;
  /** 'price': tier picked by the notional at P; a number: tier fixed by that notional. */
  tierNotional: 'price' | Dec;
}

// Decimal rounding (40 digits) may put a root that lies exactly on a boundary a hair
// outside both neighbouring tiers; this relative slack keeps it in.
const BAND_SLACK = new Dec('1e-30');

export function tierIndexAt(test: LinearMarginTest, price: Dec): number {
  const notional = test.tierNotional === 'price' ? test.quantity.times(price) : test.tierNotional;
  return tierIndexFor(test.tiers, notional);
}

export function requirementAt(test: LinearMarginTest, price: Dec, tierIndex = tierIndexAt(test, price)): Dec {
  const tier = test.tiers[tierIndex]!;
  return test.quantity
    .times(price)
    .times(tier.maintenanceMarginRate.plus(test.extraRate))
    .minus(tier.maintenanceAmount)
    .plus(test.extraConst);
}

export function equityAt(test: LinearMarginTest, price: Dec): Dec {
  return test.equityAtEntry.plus(test.quantity.times(price.minus(test.entryPrice)).times(sideSign(test.side)));
}

function rootInTier(test: LinearMarginTest, index: number): Dec | null {
  const tier = test.tiers[index]!;
  const s = sideSign(test.side);
  const denominator = test.quantity.times(new Dec(s).minus(tier.maintenanceMarginRate).minus(test.extraRate));
  if (denominator.isZero()) return null;
  const numerator = test.extraConst
    .minus(tier.maintenanceAmount)
    .minus(test.equityAtEntry)
    .plus(test.quantity.times(test.entryPrice).times(s));
  return numerator.div(denominator);
}

/** The notional lies in the tier's band [floor, cap] (boundaries belong to both neighbours). */
function inBand(tier: Tier, notional: Dec): boolean {
  const slack = notional.abs().times(BAND_SLACK);
  return (
    notional.plus(slack).greaterThanOrEqualTo(tier.notionalFloor) &&
    (tier.notionalCap === null || notional.minus(slack).lessThanOrEqualTo(tier.notionalCap))
  );
}

export interface LiquidationSolution {
  /** null: no positive price liquidates the position (e.g. a fully collateralised long). */
  price: Dec | null;
  /** The position already fails its margin test at the entry price. */
  immediate: boolean;
  /** The tier the price was computed with; its band holds the notional at the price. */
  tierIndex: number | null;
}

export function solveLiquidation(test: LinearMarginTest): LiquidationSolution {
  const s = sideSign(test.side);
  const surplusAtEntry = equityAt(test, test.entryPrice).minus(requirementAt(test, test.entryPrice));
  const immediate = surplusAtEntry.lessThanOrEqualTo(0);
  // Direction of travel from the entry: adverse while the test holds; favourable (where the
  // test is met again, the honest figure with an "immediate" warning) when it fails at entry.
  const direction = immediate ? s : -s;
  const ahead = (p: Dec): boolean =>
    p.greaterThan(0) && p.minus(test.entryPrice).times(direction).greaterThanOrEqualTo(0);
  let best: { price: Dec; tierIndex: number } | null = null;
  const consider = (price: Dec, tierIndex: number): void => {
    if (!ahead(price)) return;
    if (best === null || price.minus(test.entryPrice).abs().lessThan(best.price.minus(test.entryPrice).abs()))
      best = { price, tierIndex };
  };
  if (test.tierNotional !== 'price') {
    // One tier at every price: its root is the answer.
    const index = tierIndexAt(test, test.entryPrice);
    const root = rootInTier(test, index);
    if (root !== null) consider(root, index);
  } else {
    test.tiers.forEach((tier, index) => {
      const root = rootInTier(test, index);
      if (root !== null && inBand(tier, test.quantity.times(root))) consider(root, index);
    });
    // A boundary where the test flips from met to failed (or back) in the direction of travel.
    for (let i = 0; i + 1 < test.tiers.length; i++) {
      const cap = test.tiers[i]!.notionalCap;
      if (cap === null) continue;
      const price = cap.div(test.quantity);
      const equity = equityAt(test, price);
      const below = equity.minus(requirementAt(test, price, i));
      const above = equity.minus(requirementAt(test, price, i + 1));
      // Travelling up in price the notional rises: from tier i (near) into tier i + 1 (far).
      const [near, far, farIndex] = direction === 1 ? [below, above, i + 1] : [above, below, i];
      const flips = immediate
        ? near.lessThanOrEqualTo(0) && far.greaterThan(0)
        : near.greaterThan(0) && far.lessThanOrEqualTo(0);
      if (flips) consider(price, farIndex);
    }
  }
  const found = best as { price: Dec; tierIndex: number } | null;
  return found
    ? { price: found.price, immediate, tierIndex: found.tierIndex }
    : { price: null, immediate, tierIndex: null };
}

/** Price at which equity reaches zero: the bankruptcy price of the same position. */
export function bankruptcyPrice(
  test: Pick<LinearMarginTest, 'side' | 'quantity' | 'entryPrice' | 'equityAtEntry'>,
): Dec | null {
  const price = test.entryPrice.minus(test.equityAtEntry.div(test.quantity).times(sideSign(test.side)));
  return price.greaterThan(0) ? price : price.isZero() ? ZERO : null;
}
