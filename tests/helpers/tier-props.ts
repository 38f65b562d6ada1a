// Random tier tables, orders and cross accounts for the per-venue tier property tests, and
// each venue's margin test written out here from its published rule (formulas.md §2.1, §4.2,
// §4.3, §5.2, §6), independently of src/core: the tier, equity and requirement at a price.
import fc from 'fast-check';
import { Dec } from '../../src/core/decimal';

export const D = (x: string | number): Dec => new Dec(x);

export type Venue = 'binance-usdm' | 'bybit-linear' | 'okx-swap' | 'hyperliquid';

export interface TierRow {
  floor: Dec;
  cap: Dec | null;
  rate: Dec;
}
export interface OtherPos {
  side: 'long' | 'short';
  quantity: string;
  entryPrice: string;
  markPrice: string;
  rate: string;
  takerFeeRate?: string;
}
export interface Case {
  venue: Venue;
  mode: 'isolated' | 'cross';
  side: 'long' | 'short';
  price: string;
  quantity: string;
  leverage: string;
  taker: string;
  tiers: TierRow[];
  wallet?: string;
  extraMargin?: string;
  others: OtherPos[];
}

const sign = (side: string): number => (side === 'long' ? 1 : -1);

/** 1–5 bands whose caps sit between 0.2× and 3× the entry notional, so liquidation often lands in another band. */
function tiersAround(notional: Dec): fc.Arbitrary<TierRow[]> {
  return fc
    .record({
      caps: fc.uniqueArray(fc.integer({ min: 20, max: 300 }), { minLength: 0, maxLength: 4 }),
      rates: fc.array(fc.integer({ min: 1, max: 800 }), { minLength: 5, maxLength: 5 }),
    })
    .map(({ caps, rates }) => {
      const bounds = [...caps].sort((a, b) => a - b).map((c) => notional.times(c).div(100).toDecimalPlaces(6));
      // Rates rise with the band (as on every venue): 0.01 % steps, from 0.1 % up to about 40 %.
      const sorted = [...rates].sort((a, b) => a - b).map((r) => D(r).div(20000).plus('0.001'));
      const rows: TierRow[] = [];
      let floor = D(0);
      bounds.forEach((cap, i) => {
        if (cap.lessThanOrEqualTo(floor)) return;
        rows.push({ floor, cap, rate: sorted[i]! });
        floor = cap;
      });
      rows.push({ floor, cap: null, rate: sorted[rows.length]! });
      return rows;
    });
}

const otherArb: fc.Arbitrary<OtherPos> = fc
  .record({
    side: fc.constantFrom('long' as const, 'short' as const),
    quantity: fc.integer({ min: 1, max: 100_000 }).map((n) => D(n).div(100).toFixed()),
    entryPrice: fc.integer({ min: 100, max: 10_000_000 }).map((n) => D(n).div(100).toFixed()),
    move: fc.integer({ min: -20, max: 20 }),
    rate: fc.integer({ min: 1, max: 200 }).map((n) => D(n).div(10000).toFixed()),
    fee: fc.option(
      fc.integer({ min: 0, max: 100 }).map((n) => D(n).div(100000).toFixed()),
      { nil: undefined },
    ),
  })
  .map(({ side, quantity, entryPrice, move, rate, fee }) => ({
    side,
    quantity,
    entryPrice,
    rate,
    markPrice: D(entryPrice)
      .times(100 + move)
      .div(100)
      .toFixed(),
    ...(fee === undefined ? {} : { takerFeeRate: fee }),
  }));

export function caseArb(venue: Venue): fc.Arbitrary<Case> {
  const maxLeverage = venue === 'hyperliquid' ? 50 : 125;
  return fc
    .record({
      mode: fc.constantFrom('isolated' as const, 'cross' as const),
      side: fc.constantFrom('long' as const, 'short' as const),
      price: fc.integer({ min: 1, max: 10_000_000 }).map((n) => D(n).div(100).toFixed()),
      quantity: fc.integer({ min: 1, max: 2_000_000 }).map((n) => D(n).div(1000).toFixed()),
      leverage: fc.integer({ min: 1, max: maxLeverage }).map(String),
      taker: fc.integer({ min: 0, max: 100 }).map((n) => D(n).div(100000).toFixed()),
      // Wallet / isolated margin from 0.2× to 30× the initial margin: near, far and at-once cases.
      walletPct: fc.option(fc.integer({ min: 20, max: 3000 }), { nil: undefined }),
      extraPct: fc.option(fc.integer({ min: -30, max: 300 }), { nil: undefined }),
      others: fc.array(otherArb, { maxLength: 3 }),
    })
    .chain((c) => tiersAround(D(c.price).times(c.quantity)).map((tiers) => ({ ...c, tiers })))
    .map(({ mode, side, price, quantity, leverage, taker, walletPct, extraPct, others, tiers }) => {
      const im = D(price).times(quantity).div(leverage);
      const walletPctOr = mode === 'cross' ? (walletPct ?? 150) : walletPct;
      const wallet = walletPctOr === undefined ? undefined : im.times(walletPctOr).div(100).toDecimalPlaces(8);
      const extra =
        mode === 'isolated' && extraPct !== undefined ? im.times(extraPct).div(100).toDecimalPlaces(8) : undefined;
      return {
        venue,
        mode,
        side,
        price,
        quantity,
        leverage,
        taker,
        tiers,
        ...(wallet && wallet.greaterThan(0) ? { wallet: wallet.toFixed() } : {}),
        ...(extra ? { extraMargin: extra.toFixed() } : {}),
        others: mode === 'cross' ? others : [],
      };
    });
}

export function toInput(c: Case, markPrice?: string): Record<string, unknown> {
  return {
    venue: c.venue,
    marginMode: c.mode,
    order: { side: c.side, price: c.price, quantity: c.quantity, leverage: c.leverage },
    market: {
      takerFeeRate: c.taker,
      ...(markPrice ? { markPrice } : {}),
      tiers: c.tiers.map((t) => ({
        notionalFloor: t.floor.toFixed(),
        ...(t.cap ? { notionalCap: t.cap.toFixed() } : {}),
        maintenanceMarginRate: t.rate.toFixed(),
      })),
    },
    account: {
      ...(c.wallet ? { walletBalance: c.wallet } : {}),
      ...(c.extraMargin ? { extraMargin: c.extraMargin } : {}),
      positions: c.others.map((p, i) => ({
        symbol: `OTHER${i}`,
        side: p.side,
        quantity: p.quantity,
        entryPrice: p.entryPrice,
        markPrice: p.markPrice,
        maintenanceMarginRate: p.rate,
        ...(p.takerFeeRate ? { takerFeeRate: p.takerFeeRate } : {}),
      })),
    },
  };
}

/** Band of a notional, [floor, cap): how OKX reads a table at the entry (size × entry price). */
export function bandAt(tiers: TierRow[], notional: Dec): TierRow {
  return tiers.find((t) => t.cap === null || notional.lessThan(t.cap))!;
}

/** Maintenance margin by the definition: each slice of notional at its own band's rate. */
export function slicedMaintenance(tiers: TierRow[], notional: Dec): Dec {
  let total = D(0);
  for (const t of tiers) {
    if (notional.lessThanOrEqualTo(t.floor)) break;
    const top = t.cap !== null && notional.greaterThan(t.cap) ? t.cap : notional;
    total = total.plus(top.minus(t.floor).times(t.rate));
  }
  return total;
}

/** Slack for "the notional lies in the band": 40-digit decimals round the last digit. */
export function inBand(t: TierRow, notional: Dec): boolean {
  const slack = notional.times('1e-25');
  return (
    notional.plus(slack).greaterThanOrEqualTo(t.floor) &&
    (t.cap === null || notional.minus(slack).lessThanOrEqualTo(t.cap))
  );
}

function othersTotals(c: Case, withFee: boolean): { pnl: Dec; requirement: Dec } {
  let pnl = D(0);
  let requirement = D(0);
  for (const p of c.others) {
    const value = D(p.quantity).times(p.markPrice);
    pnl = pnl.plus(D(p.markPrice).minus(p.entryPrice).times(p.quantity).times(sign(p.side)));
    requirement = requirement.plus(value.times(p.rate));
    if (withFee) requirement = requirement.plus(value.times(p.takerFeeRate ?? c.taker));
  }
  return { pnl, requirement };
}

/** Equity − requirement at price P by the venue's rule; OKX's band is the one of its size. */
export function surplusAt(c: Case, P: Dec): Dec {
  const q = D(c.quantity);
  const ep = D(c.price);
  const s = sign(c.side);
  const taker = D(c.taker);
  const pnl = P.minus(ep).times(q).times(s);
  const im = ep.times(q).div(c.leverage);
  const valueAtP = P.times(q);
  const feeVenue = c.venue === 'bybit-linear' || c.venue === 'okx-swap';
  // Own maintenance: sliced table at P (cumulative venues), OKX's size band's rate on the value at P.
  const ownMaintenance =
    c.venue === 'okx-swap' ? valueAtP.times(bandAt(c.tiers, ep.times(q)).rate) : slicedMaintenance(c.tiers, valueAtP);
  if (c.mode === 'cross') {
    const others = othersTotals(c, feeVenue);
    const ownFee = feeVenue ? valueAtP.times(taker) : D(0);
    return D(c.wallet!).plus(others.pnl).plus(pnl).minus(ownMaintenance.plus(ownFee).plus(others.requirement));
  }
  const extra = D(c.extraMargin ?? 0);
  if (c.venue === 'bybit-linear') {
    // §4.2: margin = IM + fee to close (at EP·(1 ∓ 1/L)) unless given; extra / (1 ∓ taker); MM at P + fee to close.
    const feeToClose = q.times(ep.times(D(1).minus(D(s).div(c.leverage)))).times(taker);
    const margin = c.wallet ? D(c.wallet) : im.plus(feeToClose);
    return margin
      .plus(extra.div(D(1).minus(taker.times(s))))
      .plus(pnl)
      .minus(ownMaintenance.plus(feeToClose));
  }
  const margin = (c.wallet ? D(c.wallet) : im).plus(extra);
  const liquidationFee = c.venue === 'okx-swap' ? valueAtP.times(taker) : D(0);
  return margin.plus(pnl).minus(ownMaintenance.plus(liquidationFee));
}

/** ≥ 10,000 random cases per venue (issue 10), fixed seed-free: fast-check reports a failing seed. */
export const TIER_RUNS = 10_000;
