// The six engine differences of issue 10, each as its repro. Every expected figure is worked
// out by hand from the venue's published rule (formulas.md section named in each test); the
// arithmetic is in the comment, and the assertion compares with that arithmetic, never with
// a figure read off the engine.
import { describe, expect, it } from 'vitest';
import { Dec } from '../src/core/decimal';
import { quoteJson } from '../src/core/quote';
import { bundledFacts } from '../src/venues/bundled-facts';

const D = (x: string | number): Dec => new Dec(x);
function q(input: Record<string, unknown>): any {
  const out = quoteJson(input, bundledFacts()) as any;
  if (out.error) throw new Error(JSON.stringify(out.error));
  return out;
}
const codes = (quote: any): string[] => quote.warnings.map((w: any) => w.code);
/** |a − b| below 1e-20 relative: the engine keeps 40 digits, a hand figure is exact. */
function close(got: string, want: Dec): void {
  expect(D(got).minus(want).abs().div(want.abs()).toNumber(), `${got} vs ${want.toFixed()}`).toBeLessThan(1e-20);
}

describe('1. Bybit isolated: UTA formula (formulas.md §4.2), not the classic one', () => {
  const order = { side: 'long', price: '40000', quantity: '1', leverage: '50' };
  const market = { maintenanceMarginRate: '0.005', takerFeeRate: '0.00055' };

  it('long 1 @ 40,000, 50×, MMR 0.5 %, taker 0.055 %, extra margin 3,000 → 36,380.25 (classic: 36,400)', () => {
    // LP_long = [EP·Q − EP·Q/L − extra/(1 − taker) − mmDeduction] / [Q − Q·MMR]
    //   extra/(1 − taker) = 3,000 / 0.99945 = 3,001.6509079994…
    //   LP = (40,000 − 800 − 3,001.6509079994…) / 0.995 = 36,198.349092… / 0.995 = 36,380.2503437…
    const quote = q({ venue: 'bybit-linear', marginMode: 'isolated', order, market, account: { extraMargin: '3000' } });
    close(quote.liquidationPrice, D(40000).minus(800).minus(D(3000).div('0.99945')).div('0.995'));
    expect(D(quote.liquidationPrice).toDecimalPlaces(2).toFixed()).toBe('36380.25');
  });

  it('short mirror: extra margin counts as extra/(1 + taker) → 43,580.45', () => {
    // LP_short = [EP·Q + EP·Q/L + extra/(1 + taker) + mmDeduction] / [Q + Q·MMR]
    //   = (40,000 + 800 + 3,000 / 1.00055) / 1.005 = (40,800 + 2,998.3508…) / 1.005 = 43,580.4486637…
    const quote = q({
      venue: 'bybit-linear',
      marginMode: 'isolated',
      order: { ...order, side: 'short' },
      market,
      account: { extraMargin: '3000' },
    });
    close(quote.liquidationPrice, D(40800).plus(D(3000).div('1.00055')).div('1.005'));
  });

  it('maintenance margin at the liquidation price: the tier of the notional there, not at entry', () => {
    // Long 10 @ 26,000, 20×: entry notional 260,000 lies in tier 2 (1 % above 250,000, deduction
    // 250,000 × 0.5 % = 1,250). IM = 13,000; taker 0. In tier 1 (0.5 %, no deduction):
    //   13,000 + 10·(P − 26,000) = 10·P·0.005 ⇒ P = 247,000 / 9.95 = 24,824.12… (notional 248,241 < 250,000: tier 1 holds).
    const tiers = [
      { notionalFloor: '0', notionalCap: '250000', maintenanceMarginRate: '0.005' },
      { notionalFloor: '250000', maintenanceMarginRate: '0.01' },
    ];
    const quote = q({
      venue: 'bybit-linear',
      marginMode: 'isolated',
      order: { side: 'long', price: '26000', quantity: '10', leverage: '20' },
      market: { tiers, takerFeeRate: '0' },
    });
    close(quote.liquidationPrice, D(247000).div('9.95'));
  });
});

describe('2. Bybit isolated maintenance margin and margin level at the mark (formulas.md §4.2)', () => {
  it('long 1 @ 20,000, 10×, MMR 1 %, mark 19,000 → MM 190, level 19 %', () => {
    // MM = Q × mark × MMR (+ fee to close: taker 0 here) = 1 × 19,000 × 1 % = 190.
    // Equity at the mark = IM 2,000 + (19,000 − 20,000) = 1,000; level = MM / equity = 19 %.
    const quote = q({
      venue: 'bybit-linear',
      marginMode: 'isolated',
      order: { side: 'long', price: '20000', quantity: '1', leverage: '10' },
      market: { maintenanceMarginRate: '0.01', takerFeeRate: '0', markPrice: '19000' },
    });
    expect(quote.maintenanceMargin).toBe('190');
    expect(quote.marginLevel).toBe('19');
  });

  it('with a taker fee the fee to close is in both MM and equity', () => {
    // Fee to close = 1 × 18,000 (bankruptcy 20,000 × 0.9) × 0.055 % = 9.9.
    // MM = 190 + 9.9 = 199.9; equity = 2,000 + 9.9 − 1,000 = 1,009.9; level = 199.9 / 1,009.9 × 100.
    const quote = q({
      venue: 'bybit-linear',
      marginMode: 'isolated',
      order: { side: 'long', price: '20000', quantity: '1', leverage: '10' },
      market: { maintenanceMarginRate: '0.01', takerFeeRate: '0.00055', markPrice: '19000' },
    });
    expect(quote.maintenanceMargin).toBe('199.9');
    close(quote.marginLevel, D('199.9').div('1009.9').times(100));
  });
});

describe('3. Bybit isolated bankruptcy price EP × (1 ∓ 1/L) (formulas.md §4.1, §4.2)', () => {
  it('40,000 at 50× long → 39,200 (not 39,178.44 = 39,200 − 39,200 × 0.055 %)', () => {
    const quote = q({
      venue: 'bybit-linear',
      marginMode: 'isolated',
      order: { side: 'long', price: '40000', quantity: '1', leverage: '50' },
      market: { maintenanceMarginRate: '0.005', takerFeeRate: '0.00055' },
    });
    expect(quote.bankruptcyPrice).toBe('39200'); // 40,000 × (1 − 1/50)
  });

  it('40,000 at 50× short → 40,800', () => {
    const quote = q({
      venue: 'bybit-linear',
      marginMode: 'isolated',
      order: { side: 'short', price: '40000', quantity: '1', leverage: '50' },
      market: { maintenanceMarginRate: '0.005', takerFeeRate: '0.00055' },
    });
    expect(quote.bankruptcyPrice).toBe('40800'); // 40,000 × (1 + 1/50)
  });
});

describe("4. Cross: other positions' fee to close / liquidation fee in the requirement (formulas.md §4.2, §5.2)", () => {
  // Wallet 10,000; order long 1 @ 20,000, 10×, MMR 1 %, taker 0.1 %. Another position: short 10
  // @ 2,000, mark 2,000 (PnL 0), MMR 1 %. Equity(P) = 10,000 + (P − 20,000) = P − 10,000.
  const other = {
    symbol: 'ETHUSDT',
    side: 'short',
    quantity: '10',
    entryPrice: '2000',
    markPrice: '2000',
    maintenanceMarginRate: '0.01',
  };
  const input = (venue: string, position: Record<string, string>): Record<string, unknown> => ({
    venue,
    marginMode: 'cross',
    order: { side: 'long', price: '20000', quantity: '1', leverage: '10' },
    market: { maintenanceMarginRate: '0.01', takerFeeRate: '0.001' },
    account: { walletBalance: '10000', positions: [position] },
  });

  for (const venue of ['bybit-linear', 'okx-swap']) {
    it(`${venue}: the position's own fee rate 0.05 % → 10,323.56`, () => {
      // Requirement = P × (1 % + 0.1 %) + other MM 20,000 × 1 % + other fee 20,000 × 0.05 % = 0.011·P + 210.
      // P − 10,000 = 0.011·P + 210 ⇒ P = 10,210 / 0.989 = 10,323.5591506…
      close(q(input(venue, { ...other, takerFeeRate: '0.0005' })).liquidationPrice, D(10210).div('0.989'));
    });

    it(`${venue}: no rate given → the order's taker 0.1 % → 10,333.67`, () => {
      // Other fee = 20,000 × 0.1 % = 20 ⇒ P = 10,220 / 0.989 = 10,333.6703741…
      const quote = q(input(venue, other));
      close(quote.liquidationPrice, D(10220).div('0.989'));
      expect(quote.assumptions.join(' ')).toMatch(/taker rate where a position gives none/);
    });
  }

  it('binance-usdm: TMM holds no fee (formulas.md §2.1) → 10,303.03', () => {
    // P − 10,000 = 0.01·P + 200 ⇒ P = 10,200 / 0.99.
    close(q(input('binance-usdm', { ...other, takerFeeRate: '0.0005' })).liquidationPrice, D(10200).div('0.99'));
  });

  it('the per-position rate is checked like market.takerFeeRate', () => {
    const out = quoteJson(input('okx-swap', { ...other, takerFeeRate: '0.5' }), bundledFacts()) as any;
    expect(out.error.code).toBe('OUT_OF_RANGE');
    expect(out.error.path).toBe('account.positions[0].takerFeeRate');
  });
});

describe('5. OKX keeps the tier of the position size at every price (formulas.md §5.2)', () => {
  it('short 1 @ 20,000, 10×, tiers [0–21,000: 1 %, above: 2 %], mark 21,500 → LP 21,782.18, MM 215, level 232.56 %', () => {
    // Size 1 (20,000 at entry) is tier 1 and stays there. Isolated margin = IM 2,000, taker 0:
    //   LP_short = (EP + margin/Q) / (1 + MMR + taker) = 22,000 / 1.01 = 21,782.178…
    //   MM at the mark = 1 × 21,500 × 1 % = 215; equity = 2,000 − 1,500 = 500; level = 500 / 215 = 232.558… %
    // (re-picking the tier at the price gave 22,000 / 1.02 = 21,568.63, MM 430, 116.28 %).
    const quote = q({
      venue: 'okx-swap',
      marginMode: 'isolated',
      order: { side: 'short', price: '20000', quantity: '1', leverage: '10' },
      market: {
        takerFeeRate: '0',
        markPrice: '21500',
        tiers: [
          { notionalFloor: '0', notionalCap: '21000', maintenanceMarginRate: '0.01' },
          { notionalFloor: '21000', maintenanceMarginRate: '0.02' },
        ],
      },
    });
    close(quote.liquidationPrice, D(22000).div('1.01'));
    expect(quote.maintenanceMargin).toBe('215');
    close(quote.marginLevel, D(500).div(215).times(100));
  });
});

describe('6. A position liquidatable at entry: the price lies in the tier it was computed with', () => {
  it('Binance long 1 @ 100, 100×, wallet 0.1, brackets [0–100: 1 %, 100–101: 50 %, 101+: 60 %] → 102 in the 60 % bracket', () => {
    // cum: 0; 100 × (50 % − 1 %) = 49; 101 × (60 % − 50 %) + 49 = 59.1.
    // At entry: MM = 100 × 50 % − 49 = 1 > equity 0.1: liquidatable at once. The price where the
    // test is met again, per bracket: 50 %: (100 − 49 − 0.1) / 0.5 = 101.8 — outside [100, 101];
    // 60 %: (100 − 59.1 − 0.1) / 0.4 = 102 — inside [101, ∞). Check: MM(102) = 61.2 − 59.1 = 2.1 = 0.1 + 2.
    const tiers = [
      { notionalFloor: '0', notionalCap: '100', maintenanceMarginRate: '0.01' },
      { notionalFloor: '100', notionalCap: '101', maintenanceMarginRate: '0.5' },
      { notionalFloor: '101', maintenanceMarginRate: '0.6' },
    ];
    const quote = q({
      venue: 'binance-usdm',
      marginMode: 'isolated',
      order: { side: 'long', price: '100', quantity: '1', leverage: '100' },
      market: { tiers, takerFeeRate: '0' },
      account: { walletBalance: '0.1' },
    });
    expect(quote.liquidationPrice).toBe('102');
    expect(codes(quote)).toContain('LIQUIDATION_IMMEDIATE');
  });

  it('short mirror: short 1 @ 100 liquidatable at once is met again below, in the bracket of that notional', () => {
    // Brackets [0–99: 1 %, 99–100: 50 %, 100+: 60 %]; cum 0, 99 × 49 % = 48.51, 100 × 10 % + 48.51 = 58.51.
    // Entry notional 100 → 60 %: MM = 60 − 58.51 = 1.49 > 0.1. Short: equity = 0.1 − (P − 100).
    // 60 %: 100.1 − P = 0.6·P − 58.51 ⇒ P = 158.61 / 1.6 = 99.13… (< 100: not in [100, ∞));
    // 50 %: 100.1 − P = 0.5·P − 48.51 ⇒ P = 148.61 / 1.5 = 99.0733… (in [99, 100]).
    const tiers = [
      { notionalFloor: '0', notionalCap: '99', maintenanceMarginRate: '0.01' },
      { notionalFloor: '99', notionalCap: '100', maintenanceMarginRate: '0.5' },
      { notionalFloor: '100', maintenanceMarginRate: '0.6' },
    ];
    const quote = q({
      venue: 'binance-usdm',
      marginMode: 'isolated',
      order: { side: 'short', price: '100', quantity: '1', leverage: '100' },
      market: { tiers, takerFeeRate: '0' },
      account: { walletBalance: '0.1' },
    });
    close(quote.liquidationPrice, D('148.61').div('1.5'));
    expect(codes(quote)).toContain('LIQUIDATION_IMMEDIATE');
  });
});
