// Issue 10, difference 6, on the solver itself: whatever the table (amounts given freely, so
// the requirement may jump at a boundary), a returned liquidation price lies in the band of
// the tier it was computed with, and there either equity = requirement or the price is that
// band's edge where the requirement jumps past equity.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal';
import { equityAt, requirementAt, solveLiquidation, type LinearMarginTest } from '../../src/core/liquidation';
import type { Tier } from '../../src/core/types';
import { TIER_RUNS } from '../helpers/tier-props';

const D = (x: string | number): Dec => new Dec(x);

const tableArb = (notional: Dec): fc.Arbitrary<Tier[]> =>
  fc
    .array(
      fc.record({
        cap: fc.integer({ min: 20, max: 300 }),
        rate: fc.integer({ min: 1, max: 6000 }),
        amountPct: fc.integer({ min: 0, max: 50 }),
      }),
      { minLength: 1, maxLength: 5 },
    )
    .map((rows) => {
      const caps = [...new Set(rows.map((r) => r.cap))].sort((a, b) => a - b).map((c) => notional.times(c).div(100));
      const tiers: Tier[] = [];
      let floor = D(0);
      rows.forEach((r, i) => {
        const cap = i < rows.length - 1 ? (caps[i] ?? null) : null;
        if (cap !== null && cap.lessThanOrEqualTo(floor)) return;
        // Rates up to 60 %, amounts anything up to half the band's floor × rate: jumps both ways.
        const rate = D(r.rate).div(10000);
        tiers.push({
          notionalFloor: floor,
          notionalCap: cap,
          maintenanceMarginRate: rate,
          maintenanceAmount: floor.times(rate).times(r.amountPct).div(100),
          maxLeverage: null,
        });
        if (cap !== null) floor = cap;
      });
      if (tiers[tiers.length - 1]!.notionalCap !== null)
        tiers[tiers.length - 1] = { ...tiers[tiers.length - 1]!, notionalCap: null };
      return tiers;
    });

const testArb: fc.Arbitrary<LinearMarginTest> = fc
  .record({
    side: fc.constantFrom('long' as const, 'short' as const),
    price: fc.integer({ min: 1, max: 10_000_000 }).map((n) => D(n).div(100)),
    quantity: fc.integer({ min: 1, max: 2_000_000 }).map((n) => D(n).div(1000)),
    equityPct: fc.integer({ min: -50, max: 150 }),
    extraRate: fc.integer({ min: 0, max: 100 }).map((n) => D(n).div(100000)),
    byPrice: fc.boolean(),
  })
  .chain((r) => {
    const notional = r.price.times(r.quantity);
    return tableArb(notional).map((tiers): LinearMarginTest => ({
      side: r.side,
      quantity: r.quantity,
      entryPrice: r.price,
      equityAtEntry: notional.times(r.equityPct).div(1000),
      tiers,
      extraRate: r.extraRate,
      extraConst: D(0),
      tierNotional: r.byPrice ? 'price' : notional,
    }));
  });

describe('solveLiquidation: the price lies in the tier it was computed with', () => {
  it(`holds over ${TIER_RUNS} random tables, jumps included`, { timeout: 60_000 }, () => {
    let priced = 0;
    fc.assert(
      fc.property(testArb, (test) => {
        const solution = solveLiquidation(test);
        if (solution.price === null) return;
        priced++;
        const P = solution.price;
        const tier = test.tiers[solution.tierIndex!]!;
        const notional = test.tierNotional === 'price' ? test.quantity.times(P) : test.tierNotional;
        const slack = notional.times('1e-25');
        expect(
          notional.plus(slack).greaterThanOrEqualTo(tier.notionalFloor),
          `${notional.toFixed()} below tier floor ${tier.notionalFloor.toFixed()}`,
        ).toBe(true);
        if (tier.notionalCap !== null)
          expect(
            notional.minus(slack).lessThanOrEqualTo(tier.notionalCap),
            `${notional.toFixed()} above tier cap ${tier.notionalCap.toFixed()}`,
          ).toBe(true);
        const gap = equityAt(test, P).minus(requirementAt(test, P, solution.tierIndex!));
        const atEdge =
          test.tierNotional === 'price' &&
          (notional.equals(tier.notionalFloor) || (tier.notionalCap !== null && notional.equals(tier.notionalCap)));
        if (!atEdge) expect(gap.abs().div(test.entryPrice.times(test.quantity)).toNumber()).toBeLessThan(1e-20);
      }),
      { numRuns: TIER_RUNS },
    );
    expect(priced).toBeGreaterThan(TIER_RUNS / 2);
  });
});
