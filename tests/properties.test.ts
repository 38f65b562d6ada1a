// Property tests over random valid scenarios per venue (fast-check). The central one:
// at the computed liquidation price the venue's own margin test sits exactly on its
// threshold, checked with the margin test written out here from the venue's rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../src/core/decimal';
import { quoteJson } from '../src/core/quote';
import { bundledFacts } from '../src/venues/bundled-facts';

type Json = any;
type Scenario = {
  venue: string;
  marginMode: 'isolated' | 'cross';
  side: 'long' | 'short';
  price: string;
  quantity: string;
  leverage: string;
  wallet?: string;
};

const RUNS = { numRuns: 150 };
const D = (x: string | number): Dec => new Dec(x);
const sign = (side: string): number => (side === 'long' ? 1 : -1);

// Scaled integers keep the scenarios exact decimals (no float noise in the inputs).
const price = fc.integer({ min: 1, max: 10_000_000 }).map((n) => D(n).div(100).toFixed());
const quantity = fc.integer({ min: 1, max: 2_000_000 }).map((n) => D(n).div(1000).toFixed());
const side = fc.constantFrom('long' as const, 'short' as const);

interface VenueSpec {
  venue: string;
  modes: Array<'isolated' | 'cross'>;
  maxLeverage: number;
  minLeverage?: (side: string) => number;
  market: Record<string, string>;
  /** Equity minus requirement at price P, written from the venue's published rules. */
  surplusAt(s: Scenario, P: Dec, quote: Json): Dec;
}

const BTC_TIERS: Array<{ notionalFloor: string; notionalCap?: string; maintenanceMarginRate: string }> = (
  [
    ['0', '50000', '0.004'],
    ['50000', '250000', '0.005'],
    ['250000', '1000000', '0.01'],
    ['1000000', '10000000', '0.025'],
    ['10000000', null, '0.05'],
  ] as const
).map(([f, c, r]) => ({ notionalFloor: f, ...(c ? { notionalCap: c } : {}), maintenanceMarginRate: r }));

function tierMaintenance(notional: Dec): Dec {
  // Slice by slice, the definition the cumulative amounts stand for.
  let total = D(0);
  for (const t of BTC_TIERS) {
    const floor = D(t.notionalFloor);
    if (notional.lessThanOrEqualTo(floor)) break;
    const top = t.notionalCap && notional.greaterThan(t.notionalCap) ? D(t.notionalCap) : notional;
    total = total.plus(top.minus(floor).times(t.maintenanceMarginRate));
  }
  return total;
}

function equity(s: Scenario, P: Dec, margin: Dec): Dec {
  return margin.plus(P.minus(s.price).times(s.quantity).times(sign(s.side)));
}

function marginOf(s: Scenario, quote: Json, isolatedDefault: Dec): Dec {
  return s.wallet !== undefined ? D(s.wallet) : isolatedDefault;
}

const SPECS: VenueSpec[] = [
  {
    venue: 'binance-usdm',
    modes: ['isolated', 'cross'],
    maxLeverage: 125,
    market: {},
    surplusAt: (s, P, q) =>
      equity(s, P, marginOf(s, q, D(q.initialMargin))).minus(tierMaintenance(P.times(s.quantity))),
  },
  {
    venue: 'bybit-linear',
    modes: ['isolated', 'cross'],
    maxLeverage: 100,
    market: { takerFeeRate: '0.00055', maintenanceMarginRate: '0.005' },
    surplusAt: (s, P) => {
      const taker = D('0.00055');
      if (s.marginMode === 'cross')
        return equity(s, P, D(s.wallet!)).minus(P.times(s.quantity).times(D('0.005').plus(taker)));
      const notional = D(s.price).times(s.quantity);
      const feeToClose = D(s.quantity)
        .times(D(s.price).times(D(1).minus(D(sign(s.side)).div(s.leverage))))
        .times(taker);
      const margin = s.wallet !== undefined ? D(s.wallet) : notional.div(s.leverage).plus(feeToClose);
      // UTA: maintenance margin at the price P itself (formulas.md §4.2), plus the fee to close.
      return equity(s, P, margin).minus(P.times(s.quantity).times('0.005').plus(feeToClose));
    },
  },
  {
    venue: 'okx-swap',
    modes: ['isolated', 'cross'],
    maxLeverage: 100,
    market: { takerFeeRate: '0.0005', maintenanceMarginRate: '0.004' },
    surplusAt: (s, P, q) => equity(s, P, marginOf(s, q, D(q.initialMargin))).minus(P.times(s.quantity).times('0.0045')),
  },
  {
    venue: 'hyperliquid',
    modes: ['isolated', 'cross'],
    maxLeverage: 50,
    market: { maxLeverage: '50' },
    surplusAt: (s, P, q) => equity(s, P, marginOf(s, q, D(q.initialMargin))).minus(P.times(s.quantity).div(100)),
  },
  {
    // Margin level % = equity / used margin; the short's used margin is revalued at P.
    venue: 'kraken-margin',
    modes: ['cross'],
    maxLeverage: 5,
    market: {},
    surplusAt: (s, P) => {
      const used = D(s.quantity)
        .times(s.side === 'long' ? s.price : P)
        .div(s.leverage);
      return equity(s, P, D(s.wallet!)).minus(used.times('0.4'));
    },
  },
  {
    // assets / liabilities = 1.1; long borrows quote, short borrows base.
    venue: 'binance-margin',
    modes: ['cross', 'isolated'],
    maxLeverage: 5,
    minLeverage: (sd) => (sd === 'short' ? 2 : 1),
    market: { liquidationLevel: '1.1' },
    surplusAt: (s, P, q) => {
      const notional = D(s.price).times(s.quantity);
      const collateral = D(q.initialMargin);
      const wallet = s.wallet !== undefined ? D(s.wallet) : collateral;
      if (s.side === 'long')
        return D(s.quantity).times(P).plus(wallet.minus(collateral)).minus(notional.minus(collateral).times('1.1'));
      return wallet.plus(notional).minus(D(s.quantity).times(P).times('1.1'));
    },
  },
];

function scenarioArb(spec: VenueSpec, withWallet: 'maybe' | 'always'): fc.Arbitrary<Scenario> {
  return fc
    .record({
      mode: fc.constantFrom(...spec.modes),
      side,
      price,
      quantity,
      lev: fc.integer({ min: 1, max: spec.maxLeverage }),
      walletFactor: fc.integer({ min: 50, max: 5000 }),
      useWallet: fc.boolean(),
    })
    .map(({ mode, side: sd, price: p, quantity: qty, lev, walletFactor, useWallet }) => {
      const leverage = String(Math.max(lev, spec.minLeverage?.(sd) ?? 1));
      const notional = D(p).times(qty);
      const needsWallet = mode === 'cross' || withWallet === 'always' || useWallet;
      // Wallet between 0.5× and 50× the initial margin (cross) so both near and far cases occur.
      const wallet = needsWallet
        ? notional.div(leverage).times(walletFactor).div(100).toDecimalPlaces(8).toFixed()
        : undefined;
      return {
        venue: spec.venue,
        marginMode: mode,
        side: sd,
        price: p,
        quantity: qty,
        leverage,
        ...(wallet && D(wallet).greaterThan(0) ? { wallet } : {}),
      };
    });
}

function toInput(spec: VenueSpec, s: Scenario, extra: Record<string, unknown> = {}): Json {
  const market = spec.venue === 'binance-usdm' ? { tiers: BTC_TIERS, ...spec.market } : spec.market;
  return {
    venue: s.venue,
    marginMode: s.marginMode,
    order: { side: s.side, price: s.price, quantity: s.quantity, leverage: s.leverage },
    market: { ...market, ...(extra.market as object) },
    account: s.wallet !== undefined ? { walletBalance: s.wallet } : {},
  };
}

function q(spec: VenueSpec, s: Scenario, extra?: Record<string, unknown>): Json {
  const out = quoteJson(toInput(spec, s, extra), bundledFacts()) as Json;
  if (out.error) throw new Error(`${JSON.stringify(s)}: ${JSON.stringify(out.error)}`);
  return out;
}

const immediate = (quote: Json): boolean => quote.warnings.some((w: Json) => w.code === 'LIQUIDATION_IMMEDIATE');

function allNumbersFinite(value: unknown): boolean {
  if (typeof value === 'number') return false; // the contract says strings only
  if (typeof value === 'string') return !/NaN|Infinity/.test(value);
  if (Array.isArray(value)) return value.every(allNumbersFinite);
  if (value && typeof value === 'object') return Object.values(value).every(allNumbersFinite);
  return true;
}

for (const spec of SPECS) {
  describe(`${spec.venue} properties`, () => {
    it('at the liquidation price the margin test sits exactly on its threshold', () => {
      let checked = 0;
      fc.assert(
        fc.property(scenarioArb(spec, 'maybe'), (s) => {
          const quote = q(spec, s);
          if (quote.liquidationPrice === null || immediate(quote)) return;
          checked++;
          const P = D(quote.liquidationPrice);
          const surplus = spec.surplusAt(s, P, quote);
          const scale = D(s.price).times(s.quantity);
          expect(surplus.abs().div(scale).toNumber(), `surplus ${surplus.toFixed()} at ${P.toFixed()}`).toBeLessThan(
            1e-25,
          );
          // The engine's own margin level at that mark reads the liquidation threshold.
          const again = q(spec, s, { market: { markPrice: P.toFixed() } });
          expect(D(again.marginLevel).minus(quote.details.marginLevelAtLiquidation).abs().toNumber()).toBeLessThan(
            1e-20,
          );
        }),
        RUNS,
      );
      // Not vacuous: most random scenarios do have a liquidation price to check.
      expect(checked).toBeGreaterThan(RUNS.numRuns / 3);
    });

    it('long liquidation < entry < short liquidation', () => {
      fc.assert(
        fc.property(scenarioArb(spec, 'maybe'), (s) => {
          const quote = q(spec, s);
          if (quote.liquidationPrice === null || immediate(quote)) return;
          const P = D(quote.liquidationPrice);
          if (s.side === 'long') expect(P.lessThan(s.price)).toBe(true);
          else expect(P.greaterThan(s.price)).toBe(true);
        }),
        RUNS,
      );
    });

    it("more leverage never moves liquidation farther away (margin = this order's initial margin)", () => {
      fc.assert(
        fc.property(scenarioArb(spec, 'maybe'), fc.integer({ min: 1, max: spec.maxLeverage }), (s, other) => {
          const low = Math.min(Number(s.leverage), other);
          const high = Math.max(Number(s.leverage), other);
          if (low < (spec.minLeverage?.(s.side) ?? 1)) return;
          // Collateral tied to leverage: isolated default, or a cross balance of exactly IM.
          const at = (lev: number): Json => {
            const base = { ...s, leverage: String(lev) };
            delete base.wallet;
            if (s.marginMode === 'isolated') return q(spec, base);
            const im = D(q(spec, base).initialMargin); // a cross quote without balance still states IM
            return q(spec, { ...base, wallet: im.toFixed() });
          };
          const a = at(low);
          const b = at(high);
          // Liquidated at once is as close as liquidation gets.
          const distance = (x: Json): Dec =>
            immediate(x)
              ? D(0)
              : x.liquidationPrice === null
                ? D(Infinity)
                : D(x.liquidationPrice).minus(s.price).abs();
          expect(
            distance(b).lessThanOrEqualTo(distance(a)),
            `${low}× → ${a.liquidationPrice}, ${high}× → ${b.liquidationPrice}`,
          ).toBe(true);
        }),
        RUNS,
      );
    });

    it('more collateral never moves liquidation closer', () => {
      fc.assert(
        fc.property(scenarioArb(spec, 'always'), fc.integer({ min: 1, max: 1_000_000 }), (s, addCents) => {
          if (s.wallet === undefined) return;
          const a = q(spec, s);
          const b = q(spec, { ...s, wallet: D(s.wallet).plus(D(addCents).div(100)).toFixed() });
          if (a.liquidationPrice === null) {
            expect(b.liquidationPrice).toBeNull();
            return;
          }
          if (b.liquidationPrice === null) return;
          const moved = D(b.liquidationPrice).minus(a.liquidationPrice).times(sign(s.side));
          expect(moved.lessThanOrEqualTo(0), `${a.liquidationPrice} → ${b.liquidationPrice}`).toBe(true);
        }),
        RUNS,
      );
    });

    it('"1000", 1000 and "1e3" give the same answer; no NaN, Infinity or JSON numbers anywhere', () => {
      fc.assert(
        fc.property(
          scenarioArb(spec, 'maybe'),
          fc.integer({ min: 1, max: 9 }),
          fc.integer({ min: 0, max: 4 }),
          (s, mantissa, exponent) => {
            const plain = String(mantissa * 10 ** exponent);
            const forms = [plain, Number(plain), `${mantissa}e${exponent}`];
            const outs = forms.map((p) =>
              quoteJson(
                { ...toInput(spec, s), order: { side: s.side, price: p, quantity: s.quantity, leverage: s.leverage } },
                bundledFacts(),
              ),
            );
            expect(outs[1]).toEqual(outs[0]);
            expect(outs[2]).toEqual(outs[0]);
            expect(allNumbersFinite(outs[0])).toBe(true);
          },
        ),
        { numRuns: 60 },
      );
    });
  });
}
