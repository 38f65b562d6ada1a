// Focused checks of engine behaviour the worked examples do not reach: tier selection,
// tier jumps, warnings, carry signs, break-even, cross without a balance.
import { describe, expect, it } from 'vitest';
import { Dec } from '../src/core/decimal';
import { quoteJson } from '../src/core/quote';
import { completeTiers, maintenanceBySlices, maintenanceFor } from '../src/core/tiers';
import { bundledFacts } from '../src/venues/bundled-facts';

const D = (x: string | number): Dec => new Dec(x);
function q(input: Record<string, unknown>): any {
  const out = quoteJson(input, bundledFacts()) as any;
  if (out.error) throw new Error(JSON.stringify(out.error));
  return out;
}
const codes = (quote: any): string[] => quote.warnings.map((w: any) => w.code);

describe('tier tables', () => {
  const drafts = [
    ['0', '50000', '0.004'],
    ['50000', '250000', '0.005'],
    ['250000', '1000000', '0.01'],
    ['1000000', null, '0.025'],
  ].map(([f, c, r]) => ({
    notionalFloor: D(f!),
    notionalCap: c ? D(c) : null,
    maintenanceMarginRate: D(r!),
    maintenanceAmount: undefined,
    maxLeverage: null,
  }));

  it('derives Binance cum amounts: 0, 50, 1,300, 16,300', () => {
    expect(completeTiers(drafts, 'cumulative').map((t) => t.maintenanceAmount.toFixed())).toEqual([
      '0',
      '50',
      '1300',
      '16300',
    ]);
  });

  it('notional × MMR − cum equals the slice-by-slice sum at any notional', () => {
    const tiers = completeTiers(drafts, 'cumulative');
    for (const n of ['1', '49999.99', '50000', '123456.78', '250000', '999999', '5000000']) {
      expect(maintenanceFor(tiers, D(n)).toFixed()).toBe(maintenanceBySlices(tiers, D(n)).toFixed());
    }
  });

  it("reproduces Bitget's tiered example: 200,000 × 0.46 % + 130,000 × 0.56 % = 1,648", () => {
    const tiers = completeTiers(
      [
        {
          notionalFloor: D(0),
          notionalCap: D(200000),
          maintenanceMarginRate: D('0.0046'),
          maintenanceAmount: undefined,
          maxLeverage: null,
        },
        {
          notionalFloor: D(200000),
          notionalCap: null,
          maintenanceMarginRate: D('0.0056'),
          maintenanceAmount: undefined,
          maxLeverage: null,
        },
      ],
      'cumulative',
    );
    expect(maintenanceFor(tiers, D(330000)).toFixed()).toBe('1648');
  });

  it('whole-position tables (OKX) keep amounts at 0', () => {
    expect(completeTiers(drafts, 'wholePosition').every((t) => t.maintenanceAmount.isZero())).toBe(true);
  });
});

describe('OKX whole-position tiers', () => {
  it('a short stays in the tier of its size even where the price crosses the notional boundary', () => {
    // 1 BTC short at 9,000 with 2,000 margin; the table has tier 2 from 10,000 notional at 30 % MMR.
    // OKX picks the tier by size (1 BTC, read at the entry: 9,000 → tier 1), which a price move does
    // not change (formulas.md §5.2): no jump at 10,000. 2,000 − (P − 9,000) = P × 0.4 % ⇒
    // P = 11,000 / 1.004 = 10,956.1752988…
    const quote = q({
      venue: 'okx-swap',
      marginMode: 'isolated',
      order: { side: 'short', price: '9000', quantity: '1', leverage: '4.5' },
      market: {
        takerFeeRate: '0',
        tiers: [
          { notionalFloor: '0', notionalCap: '10000', maintenanceMarginRate: '0.004' },
          { notionalFloor: '10000', maintenanceMarginRate: '0.3' },
        ],
      },
      account: { walletBalance: '2000' },
    });
    expect(quote.liquidationPrice).toBe(D(11000).div('1.004').toFixed());
  });
});

describe('Binance bracket at the liquidation notional', () => {
  it('uses the bracket of the liquidation notional, not the entry notional', () => {
    // Long 10 BTC at 26,000 (notional 260,000: bracket 3 at entry), 20×. Its liquidation notional
    // falls below 250,000, so bracket 2 (0.5 %, cum 50) decides.
    const quote = q({
      venue: 'binance-usdm',
      marginMode: 'isolated',
      order: { symbol: 'BTCUSDT', side: 'long', price: '26000', quantity: '10', leverage: '20' },
    });
    const lp = D(quote.liquidationPrice);
    expect(lp.times(10).lessThan(250000)).toBe(true);
    // Independent: 13,000 + 10·(P − 26,000) = 10·P·0.005 − 50 ⇒ P = (260,000 − 13,000 − 50) / (10 × 0.995)
    expect(lp.toFixed()).toBe(
      D(260000 - 13000 - 50)
        .div(9.95)
        .toFixed(),
    );
  });
});

describe('warnings', () => {
  const base = {
    venue: 'binance-usdm',
    marginMode: 'isolated',
    order: { symbol: 'BTCUSDT', side: 'long', price: '20000', quantity: '1', leverage: '50' },
  };

  it('flags a stop-loss beyond liquidation', () => {
    const quote = q({ ...base, order: { ...base.order, stopLoss: '19000' } });
    expect(codes(quote)).toContain('LIQ_BEYOND_STOP');
    expect(codes(q({ ...base, order: { ...base.order, stopLoss: '19900' } }))).not.toContain('LIQ_BEYOND_STOP');
  });

  it('flags liquidation within the distance limit', () => {
    expect(codes(q(base))).toContain('LIQUIDATION_NEAR');
    expect(codes(q({ ...base, limits: { minLiquidationDistance: '0.01' } }))).not.toContain('LIQUIDATION_NEAR');
  });

  it('flags leverage above the venue maximum and above the tier maximum for the size', () => {
    expect(codes(q({ ...base, order: { ...base.order, leverage: '150' } }))).toContain('LEVERAGE_ABOVE_MAX');
    // 20 BTC at 20,000 = 400,000 notional: bracket 3 allows 50×; 75× is too much for the size.
    expect(codes(q({ ...base, order: { ...base.order, quantity: '20', leverage: '75' } }))).toContain(
      'SIZE_OUTSIDE_TIER',
    );
    expect(codes(q({ ...base, order: { ...base.order, quantity: '30000', leverage: '1' } }))).toContain(
      'SIZE_OUTSIDE_TIER',
    );
  });

  it('flags a personal leverage maximum', () => {
    expect(codes(q({ ...base, limits: { maxLeverage: '10' } }))).toContain('LEVERAGE_ABOVE_PERSONAL_MAX');
  });

  it('cross margin without a balance gives no liquidation price and says why', () => {
    const quote = q({ ...base, marginMode: 'cross' });
    expect(quote.liquidationPrice).toBeNull();
    expect(quote.marginLevel).toBeNull();
    expect(codes(quote)).toContain('CROSS_BALANCE_UNKNOWN');
  });

  it('a fully collateralised long has no liquidation price', () => {
    const quote = q({ ...base, order: { ...base.order, leverage: '1' }, account: { walletBalance: '25000' } });
    expect(quote.liquidationPrice).toBeNull();
    expect(codes(quote)).toContain('NO_LIQUIDATION');
  });

  it('lists every fallback figure as an assumption', () => {
    const quote = q(base);
    expect(quote.assumptions.join('\n')).toMatch(
      /maintenance tiers from bundled binance-usdm BTCUSDT facts dated \d{4}-\d{2}-\d{2}/,
    );
    expect(quote.assumptions.join('\n')).toMatch(/mark price not given/);
  });

  it('refuses a perpetual quote with no maintenance figure rather than inventing one', () => {
    const out = quoteJson(
      {
        venue: 'okx-swap',
        marginMode: 'isolated',
        order: { side: 'long', price: '100', quantity: '1', leverage: '5' },
      },
      bundledFacts(),
    ) as any;
    expect(out.error.code).toBe('MISSING_FIELD');
  });
});

describe('carry and break-even', () => {
  const perp = (side: string, rate: string) =>
    q({
      venue: 'bybit-linear',
      marginMode: 'isolated',
      order: { symbol: 'BTCUSDT', side, type: 'market', price: '50000', quantity: '2', leverage: '10' },
      market: { fundingRate: rate, markPrice: '50000' },
      holdHours: '24',
    });

  it('a positive funding rate costs a long and pays a short', () => {
    const long = perp('long', '0.0001');
    const short = perp('short', '0.0001');
    expect(long.carry.periods).toBe('3');
    expect(long.carry.perPeriod).toBe('10'); // 2 × 50,000 × 0.01 %
    expect(long.carry.total).toBe('30');
    expect(short.carry.total).toBe('-30');
  });

  it('break-even covers fees both ways and the carry', () => {
    const long = perp('long', '0.0001');
    const short = perp('short', '0.0001');
    // long: (Q·EP + open fee + carry) / (Q·(1 − taker)) with open fee 55, carry 30
    expect(long.breakEvenPrice).toBe(
      D(100000 + 55 + 30)
        .div(D(2).times(D(1).minus('0.00055')))
        .toFixed(),
    );
    expect(D(short.breakEvenPrice).lessThan(50000)).toBe(true);
  });

  it('Kraken rollover: none before 4 h, then one per whole 4 h; short rollover revalued at the mark', () => {
    const k = (hours: string, side = 'long') =>
      q({
        venue: 'kraken-margin',
        order: { side, price: '100', quantity: '10', leverage: '2' },
        market: { openingFeeRate: '0.0002', rolloverFeeRate: '0.0002', markPrice: '110' },
        holdHours: hours,
      });
    expect(k('3.99').carry.periods).toBe('0');
    expect(k('4').carry.periods).toBe('1');
    expect(k('8').carry.total).toBe('0.6'); // 1,000 × 0.02 % × (1 + 2)
    expect(k('8', 'short').carry.perPeriod).toBe('0.22'); // 10 BTC × 110 × 0.02 %
  });

  it('Binance margin interest without a start time counts the worst case', () => {
    const quote = q({
      venue: 'binance-margin',
      marginMode: 'isolated',
      order: { side: 'long', price: '2000', quantity: '1', leverage: '2' },
      market: { borrowRatePerHour: '0.00001' },
      holdHours: '2.5',
    });
    expect(quote.carry.periods).toBe('4'); // the borrow hour + up to 3 hour marks in 2.5 h
    expect(quote.assumptions.join('\n')).toMatch(/worst case/);
  });
});

describe('Kraken short margin-call price', () => {
  it("at the short's margin-call price the margin level is 80 % with used margin revalued", () => {
    const input = {
      venue: 'kraken-margin',
      order: { side: 'short', price: '50000', quantity: '0.2', leverage: '5' },
      account: { walletBalance: '5000' },
    };
    const first = q(input);
    const at = q({ ...input, market: { markPrice: first.marginCallPrice } });
    expect(D(at.marginLevel).minus(80).abs().toNumber()).toBeLessThan(1e-30);
    // (TB + Q·EP) / (Q·(1 + 0.8/5)) = 15,000 / 0.232
    expect(first.marginCallPrice).toBe(D(15000).div('0.232').toFixed());
  });
});
