// The tier properties shared by the four linear-perpetual venues, over random tier tables
// (bands around the entry notional, so liquidation often lands in another band), both modes,
// cross accounts with other positions (with and without their own fee rate) and positions
// liquidatable at entry.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { quoteJson } from '../../src/core/quote';
import { bundledFacts } from '../../src/venues/bundled-facts';
import { bandAt, caseArb, D, surplusAt, TIER_RUNS, toInput, type Case, type Venue } from '../helpers/tier-props';

function quote(c: Case, markPrice?: string): any {
  const out = quoteJson(toInput(c, markPrice), bundledFacts()) as any;
  if (out.error) throw new Error(`${JSON.stringify(c)}: ${JSON.stringify(out.error)}`);
  return out;
}

export function tierProperties(venue: Venue): void {
  it(
    `${venue}: at the liquidation price equity = requirement by the venue rule, in the band the rule picks (${TIER_RUNS} cases)`,
    { timeout: 120_000 },
    () => {
      const seen = { priced: 0, immediate: 0, none: 0 };
      fc.assert(
        fc.property(caseArb(venue), fc.integer({ min: 50, max: 150 }), (c, markPct) => {
          const ep = D(c.price);
          const q = D(c.quantity);
          // Another mark moves nothing but the figures at the mark (OKX: the band stays the size's).
          const mark = ep.times(markPct).div(100).toFixed();
          const out = quote(c, venue === 'okx-swap' ? mark : undefined);
          const atEntry = surplusAt(c, ep);
          const immediate = out.warnings.some((w: any) => w.code === 'LIQUIDATION_IMMEDIATE');
          expect(immediate, `immediate flag vs surplus at entry ${atEntry.toFixed()}`).toBe(
            atEntry.lessThanOrEqualTo(0),
          );
          if (immediate) seen.immediate++;
          if (out.liquidationPrice === null) {
            seen.none++;
            // No positive price reaches the threshold: a long whose test still holds near price 0.
            expect(immediate ? c.side : 'long').toBe(immediate ? 'short' : c.side);
            if (!immediate) expect(surplusAt(c, D('1e-12')).greaterThan(0)).toBe(true);
            return;
          }
          seen.priced++;
          const P = D(out.liquidationPrice);
          expect(P.greaterThan(0)).toBe(true);
          // The surplus is written with the requirement of the band the venue's rule gives at P:
          // by slices of the notional at P (Binance, Bybit, Hyperliquid: any other band's
          // N × MMR − amount falls below the sliced sum, so a price computed in the wrong band fails
          // here), or the band of the size at entry for OKX.
          const scale = ep.times(q).plus(D(c.wallet ?? 0).abs());
          expect(
            surplusAt(c, P).abs().div(scale).toNumber(),
            `surplus at ${P.toFixed()} for ${JSON.stringify(toInput(c))}`,
          ).toBeLessThan(1e-20);
          // The first crossing from the entry: against the position, or (liquidatable at entry)
          // where the test is met again; halfway there the surplus keeps its sign at entry.
          const direction = (c.side === 'long' ? 1 : -1) * (immediate ? 1 : -1);
          expect(
            P.minus(ep).times(direction).greaterThanOrEqualTo(0),
            `${P.toFixed()} on the wrong side of ${c.price}`,
          ).toBe(true);
          const half = surplusAt(c, P.plus(ep).div(2));
          if (!P.equals(ep)) expect(immediate ? half.lessThanOrEqualTo(0) : half.greaterThan(0)).toBe(true);
          if (venue === 'okx-swap') {
            // The maintenance margin at the mark uses the band of the size, whatever the mark.
            const band = bandAt(c.tiers, ep.times(q));
            expect(D(out.maintenanceMargin).minus(q.times(mark).times(band.rate)).abs().toNumber()).toBeLessThan(1e-18);
            expect(quote(c, D(mark).times(3).toFixed()).liquidationPrice).toBe(out.liquidationPrice);
          }
        }),
        { numRuns: TIER_RUNS },
      );
      // Not vacuous: priced, at-once and uncollateralised-free cases all occur.
      expect(seen.priced).toBeGreaterThan(TIER_RUNS / 2);
      expect(seen.immediate).toBeGreaterThan(TIER_RUNS / 100);
    },
  );
}
