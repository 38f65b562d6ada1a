// Issue 10: an order in a market where the account already holds a position is quoted as the
// position it leaves. Every expected figure below is worked by hand from the venue's rule (the
// arithmetic is in the comments), not read back from the code.
import { describe, expect, it } from 'vitest';
import { Dec } from '../src/core/decimal';
import { quoteJson } from '../src/core/quote';
import { runPreflight } from './helpers/cli';

type Json = any;
const D = (x: string | number): Dec => new Dec(x);
const q = (input: unknown): Json => {
  const out = quoteJson(input) as Json;
  if (out.error) throw new Error(JSON.stringify(out.error));
  return out;
};
const pos = (symbol: string, side: string, quantity: string, entryPrice: string, markPrice: string) => ({
  symbol,
  side,
  quantity,
  entryPrice,
  markPrice,
  maintenanceMarginRate: '0.005',
});
const same = (a: string | null, b: Dec) => expect(a !== null && D(a).minus(b).abs().lessThan('1e-30')).toBe(true);

const BINANCE_FEES = { maintenanceMarginRate: '0.005', takerFeeRate: '0.0004', makerFeeRate: '0.0002' };

// Existing long 1 @ 20,000; limit long 1 @ 22,000 at 10×; mark 21,000.
const binanceIsolatedAdd = {
  venue: 'binance-usdm',
  marginMode: 'isolated',
  order: { symbol: 'BTCUSDT', side: 'long', price: '22000', quantity: '1', leverage: '10' },
  market: { ...BINANCE_FEES, markPrice: '21000' },
  account: { positions: [pos('BTCUSDT', 'long', '1', '20000', '21000')] },
};

describe('Binance USDⓈ-M isolated: adding', () => {
  it('quotes long 2 @ 21,000 with the two margins added', () => {
    const out = q(binanceIsolatedAdd);
    // entry = (1 × 20,000 + 1 × 22,000) / 2 = 21,000
    expect(out.position).toMatchObject({
      change: 'add',
      after: { side: 'long', quantity: '2', entryPrice: '21000' },
      realisedPnl: '0',
    });
    expect(out.position.summary).toBe('after this order: position long 2 @ 21000');
    // notional 2 × 21,000 = 42,000; IM 42,000 / 10 = 4,200 (= 2,000 existing + 2,200 new)
    expect(out.notional).toBe('42000');
    expect(out.initialMargin).toBe('4200');
    // Binance isolated long: LP = (WB + cum − Q·EP) / (Q·(MMR − 1)), WB = 4,200
    //   = (4,200 − 42,000) / (2 × −0.995) = 37,800 / 1.99
    same(out.liquidationPrice, D(37800).div('1.99'));
    // fees: this order's maker fee only, 22,000 × 0.0002 = 4.4; closing the whole: 42,000 × 0.0004 = 16.8
    expect(out.fees).toEqual({ open: '4.4', close: '16.8' });
    // cost to open is the order's own: IM 2,200 + open loss 1 × (22,000 − 21,000) = 3,200
    expect(out.details.costToOpen).toBe('3200');
    expect(out.assumptions.join(' ')).toContain('size-weighted average');
  });

  it("adds the existing margin as given (walletBalance = the open position's margin)", () => {
    const out = q({ ...binanceIsolatedAdd, account: { ...binanceIsolatedAdd.account, walletBalance: '2500' } });
    // WB = 2,500 + 2,200 = 4,700 → LP = (4,700 − 42,000) / −1.99 = 37,300 / 1.99
    same(out.liquidationPrice, D(37300).div('1.99'));
  });
});

describe('Binance USDⓈ-M isolated: reducing, flipping, closing', () => {
  const base = { venue: 'binance-usdm', marginMode: 'isolated', market: { ...BINANCE_FEES, markPrice: '21000' } };

  it('reducing: margin released pro rata, the rest keeps its entry', () => {
    const out = q({
      ...base,
      order: { symbol: 'BTCUSDT', side: 'short', type: 'market', price: '21000', quantity: '0.5', leverage: '10' },
      account: { walletBalance: '4500', positions: [pos('BTCUSDT', 'long', '2', '20000', '21000')] },
    });
    // realised (21,000 − 20,000) × 0.5 = 500; fee 0.5 × 21,000 × 0.0004 = 4.2; net 495.8
    expect(out.position).toMatchObject({
      change: 'reduce',
      realisedPnl: '500',
      closingFee: '4.2',
      realisedPnlNet: '495.8',
    });
    // margin 4,500 = default 2 × 20,000 / 10 = 4,000 + 500; ¾ stays: 3,000 + 375 = 3,375
    // LP = (3,375 − 1.5 × 20,000) / (1.5 × −0.995) = 26,625 / 1.4925
    same(out.liquidationPrice, D(26625).div('1.4925'));
  });

  it('flipping a short into a long: the new position starts with its own initial margin', () => {
    const out = q({
      ...base,
      order: { symbol: 'BTCUSDT', side: 'long', price: '19000', quantity: '3', leverage: '10' },
      account: { walletBalance: '2500', positions: [pos('BTCUSDT', 'short', '1', '20000', '19000')] },
    });
    // realised (19,000 − 20,000) × 1 × (−1) = 1,000; maker fee 19,000 × 0.0002 = 3.8; net 996.2
    expect(out.position).toMatchObject({
      change: 'flip',
      realisedPnlNet: '996.2',
      after: { side: 'long', quantity: '2', entryPrice: '19000' },
    });
    // margin 2 × 19,000 / 10 = 3,800 (the short's 2,500 is released): LP = (3,800 − 38,000) / −1.99 = 34,200 / 1.99
    same(out.liquidationPrice, D(34200).div('1.99'));
    expect(out.fees.open).toBe('7.6'); // 2 × 19,000 × 0.0002
  });

  it('closing: realised PnL, no liquidation price', () => {
    const out = q({
      ...base,
      order: { symbol: 'BTCUSDT', side: 'short', type: 'market', price: '19000', quantity: '1', leverage: '10' },
      account: { positions: [pos('BTCUSDT', 'long', '1', '20000', '19000')] },
    });
    // realised (19,000 − 20,000) × 1 = −1,000; taker fee 19,000 × 0.0004 = 7.6; net −1,007.6
    expect(out.position).toMatchObject({
      change: 'close',
      realisedPnl: '-1000',
      closingFee: '7.6',
      realisedPnlNet: '-1007.6',
      after: null,
    });
    expect(out.liquidationPrice).toBeNull();
  });
});

describe('Binance USDⓈ-M cross: reducing, flipping, closing', () => {
  const base = { venue: 'binance-usdm', marginMode: 'cross', market: { ...BINANCE_FEES, markPrice: '19000' } };

  it('reducing: remaining position at the old entry, realised PnL into the wallet', () => {
    const out = q({
      ...base,
      order: { symbol: 'BTCUSDT', side: 'short', type: 'market', price: '19000', quantity: '0.5', leverage: '10' },
      account: { walletBalance: '10000', positions: [pos('BTCUSDT', 'long', '2', '20000', '19000')] },
    });
    // realised (19,000 − 20,000) × 0.5 × (+1) = −500; fee 0.5 × 19,000 × 0.0004 (taker) = 3.8; net −503.8
    expect(out.position).toMatchObject({
      change: 'reduce',
      closedQuantity: '0.5',
      realisedPnl: '-500',
      closingFee: '3.8',
      realisedPnlNet: '-503.8',
    });
    expect(out.position.after).toEqual({ side: 'long', quantity: '1.5', entryPrice: '20000' });
    // wallet 10,000 − 503.8 = 9,496.2; LP = (9,496.2 − 1.5 × 20,000) / (1.5 × (0.005 − 1)) = 20,503.8 / 1.4925
    same(out.liquidationPrice, D('20503.8').div('1.4925'));
    expect(out.fees.open).toBe('0'); // the fee of a reducing order is in the realised PnL
  });

  it('flipping: the old position closes, a short of the difference opens at the order price', () => {
    const out = q({
      ...base,
      order: { symbol: 'BTCUSDT', side: 'short', type: 'market', price: '21000', quantity: '3', leverage: '10' },
      account: { walletBalance: '10000', positions: [pos('BTCUSDT', 'long', '1', '20000', '21000')] },
      market: { ...BINANCE_FEES, markPrice: '21000' },
    });
    // realised (21,000 − 20,000) × 1 = 1,000; fee 1 × 21,000 × 0.0004 = 8.4; net 991.6; wallet 10,991.6
    expect(out.position).toMatchObject({
      change: 'flip',
      realisedPnl: '1000',
      closingFee: '8.4',
      realisedPnlNet: '991.6',
    });
    expect(out.position.after).toEqual({ side: 'short', quantity: '2', entryPrice: '21000' });
    // short: LP = (WB + cum + Q·EP) / (Q·(MMR + 1)) = (10,991.6 + 42,000) / (2 × 1.005) = 52,991.6 / 2.01
    same(out.liquidationPrice, D('52991.6').div('2.01'));
    // opening fee on the new part only: 2 × 21,000 × 0.0004 = 16.8
    expect(out.fees.open).toBe('16.8');
  });

  it('closing exactly: realised PnL, no liquidation price', () => {
    const out = q({
      ...base,
      order: { symbol: 'BTCUSDT', side: 'short', price: '21000', quantity: '1', leverage: '10' },
      account: { walletBalance: '10000', positions: [pos('BTCUSDT', 'long', '1', '20000', '21000')] },
    });
    // realised 1,000; limit → maker fee 21,000 × 0.0002 = 4.2; net 995.8
    expect(out.position).toMatchObject({
      change: 'close',
      after: null,
      realisedPnl: '1000',
      closingFee: '4.2',
      realisedPnlNet: '995.8',
    });
    expect(out.liquidationPrice).toBeNull();
    expect(out.bankruptcyPrice).toBeNull();
    expect(out.marginLevel).toBeNull();
    expect(out.warnings.map((w: Json) => w.code)).toEqual(['POSITION_CLOSED']);
    expect(out.position.summary).toBe('after this order: position closed, realised PnL 995.8 after fees');
  });
});

describe('Bybit (UTA)', () => {
  it("isolated adding: the open position's margin beyond its default becomes extra margin of the whole", () => {
    const input = {
      venue: 'bybit-linear',
      marginMode: 'isolated',
      order: { symbol: 'BTCUSDT', side: 'long', price: '22000', quantity: '1', leverage: '10' },
      market: { maintenanceMarginRate: '0.005', takerFeeRate: '0.00055', makerFeeRate: '0.0002', markPrice: '21000' },
      account: { walletBalance: '2500', positions: [pos('BTCUSDT', 'long', '1', '20000', '21000')] },
    };
    const out = q(input);
    expect(out.position.after).toEqual({ side: 'long', quantity: '2', entryPrice: '21000' });
    expect(out.initialMargin).toBe('4200');
    // The open position's default margin (§4.2): IM 2,000 + fee to close 1 × 20,000 × (1 − 1/10) × 0.00055 = 9.9
    // → 2,009.9; it holds 2,500, so 490.1 beyond. The whole position's default is IM 4,200 + fee to close
    // 2 × 21,000 × 0.9 × 0.00055 = 20.79, so its margin is 4,220.79 + 490.1 = 4,710.89
    // = 2,500 (existing) + 2,200 + 10.89 (this order's IM and fee to close).
    const direct = q({
      ...input,
      order: { ...input.order, quantity: '2', price: '21000' },
      account: { extraMargin: '490.1' },
    });
    expect(out.liquidationPrice).toBe(direct.liquidationPrice);
    expect(out.maintenanceMargin).toBe(direct.maintenanceMargin);
  });

  it('cross reducing a short: realised PnL settles into the wallet, the rest keeps its entry', () => {
    const input = {
      venue: 'bybit-linear',
      marginMode: 'cross',
      order: { symbol: 'BTCUSDT', side: 'long', type: 'market', price: '29000', quantity: '0.5', leverage: '10' },
      market: { maintenanceMarginRate: '0.005', takerFeeRate: '0.00055', makerFeeRate: '0.0002', markPrice: '29000' },
      account: { walletBalance: '10000', positions: [pos('BTCUSDT', 'short', '2', '30000', '29000')] },
    };
    const out = q(input);
    // realised (29,000 − 30,000) × 0.5 × (−1) = +500; fee 0.5 × 29,000 × 0.00055 = 7.975; net 492.025
    expect(out.position).toMatchObject({
      change: 'reduce',
      realisedPnl: '500',
      closingFee: '7.975',
      realisedPnlNet: '492.025',
    });
    expect(out.position.after).toEqual({ side: 'short', quantity: '1.5', entryPrice: '30000' });
    // UTA cross (§4.3): equity(P) = 10,492.025 − 1.5 × (P − 30,000) = 55,492.025 − 1.5 P;
    // MM(P) = 1.5 P × (0.005 + 0.00055 fee to close) = 0.008325 P → P = 55,492.025 / 1.508325
    same(out.liquidationPrice, D('55492.025').div('1.508325'));
  });
});

describe('OKX (sized in contracts, base quantity = contracts × 0.01)', () => {
  const market = { maintenanceMarginRate: '0.01', takerFeeRate: '0.0005', makerFeeRate: '0.0002', markPrice: '22000' };

  it('isolated adding 50 contracts to 100', () => {
    const out = q({
      venue: 'okx-swap',
      marginMode: 'isolated',
      market,
      order: { symbol: 'BTC-USDT-SWAP', side: 'long', price: '23000', quantity: '0.5', leverage: '10' },
      account: { positions: [pos('BTC-USDT-SWAP', 'long', '1', '20000', '22000')] },
    });
    // entry = (1 × 20,000 + 0.5 × 23,000) / 1.5 = 31,500 / 1.5 = 21,000; margin 2,000 + 1,150 = 3,150
    expect(out.position.after).toEqual({ side: 'long', quantity: '1.5', entryPrice: '21000' });
    // OKX isolated long: LP = (EP − margin/Q) / (1 − MMR − taker) = (21,000 − 2,100) / 0.9895
    same(out.liquidationPrice, D(18900).div('0.9895'));
  });

  it('isolated reducing a short: margin released in proportion', () => {
    const out = q({
      venue: 'okx-swap',
      marginMode: 'isolated',
      market: { ...market, markPrice: '28000' },
      order: { symbol: 'BTC-USDT-SWAP', side: 'long', type: 'market', price: '28000', quantity: '0.5', leverage: '5' },
      account: { walletBalance: '13000', positions: [pos('BTC-USDT-SWAP', 'short', '2', '30000', '28000')] },
    });
    // realised (28,000 − 30,000) × 0.5 × (−1) = 1,000; fee 0.5 × 28,000 × 0.0005 = 7; net 993
    expect(out.position).toMatchObject({
      change: 'reduce',
      realisedPnl: '1000',
      closingFee: '7',
      realisedPnlNet: '993',
    });
    // margin 13,000 = default 2 × 30,000 / 5 = 12,000 + 1,000; ¾ remains: 9,000 + 750 = 9,750
    // OKX isolated short: LP = (EP + margin/Q) / (1 + MMR + taker) = (30,000 + 6,500) / 1.0105
    same(out.liquidationPrice, D(36500).div('1.0105'));
  });
});

describe('Hyperliquid cross adding to a short', () => {
  it('liquidates where equity meets ½ initial margin at max leverage', () => {
    const out = q({
      venue: 'hyperliquid',
      marginMode: 'cross',
      order: { symbol: 'ETH', side: 'short', type: 'market', price: '2100', quantity: '5', leverage: '10' },
      market: { maxLeverage: '25', takerFeeRate: '0.00045', makerFeeRate: '0.00015', markPrice: '2100' },
      account: { walletBalance: '5000', positions: [pos('ETH', 'short', '10', '2000', '2100')] },
    });
    // entry = (10 × 2,000 + 5 × 2,100) / 15 = 30,500 / 15
    expect(D(out.position.after.entryPrice).equals(D(30500).div(15))).toBe(true);
    // equity(P) = 5,000 − 15 × (P − 30,500/15) = 35,500 − 15 P; MM(P) = 15 P / (2 × 25) = 0.3 P
    // → P = 35,500 / 15.3
    same(out.liquidationPrice, D(35500).div('15.3'));
    expect(out.fees.open).toBe('4.725'); // 5 × 2,100 × 0.00045
  });
});

describe('Hyperliquid isolated', () => {
  const market = { maxLeverage: '25', takerFeeRate: '0.00045', makerFeeRate: '0.00015' };

  it('reducing a long', () => {
    const out = q({
      venue: 'hyperliquid',
      marginMode: 'isolated',
      market: { ...market, markPrice: '2200' },
      order: { symbol: 'ETH', side: 'short', type: 'market', price: '2200', quantity: '4', leverage: '10' },
      account: { walletBalance: '2500', positions: [pos('ETH', 'long', '10', '2000', '2200')] },
    });
    // realised (2,200 − 2,000) × 4 = 800; fee 4 × 2,200 × 0.00045 = 3.96; net 796.04
    expect(out.position).toMatchObject({
      change: 'reduce',
      realisedPnlNet: '796.04',
      after: { side: 'long', quantity: '6', entryPrice: '2000' },
    });
    // margin 2,500 = default 2,000 + 500; 60 % stays: 1,200 + 300 = 1,500
    // equity(P) = 1,500 + 6 (P − 2,000) = 6 P − 10,500; MM(P) = 6 P × 1/(2 × 25) = 0.12 P → P = 10,500 / 5.88
    same(out.liquidationPrice, D(10500).div('5.88'));
  });

  it('flipping a short', () => {
    const out = q({
      venue: 'hyperliquid',
      marginMode: 'isolated',
      market: { ...market, markPrice: '1900' },
      order: { symbol: 'ETH', side: 'long', price: '1900', quantity: '5', leverage: '10' },
      account: { positions: [pos('ETH', 'short', '2', '2000', '1900')] },
    });
    // realised (1,900 − 2,000) × 2 × (−1) = 200; maker fee 2 × 1,900 × 0.00015 = 0.57; net 199.43
    expect(out.position).toMatchObject({
      change: 'flip',
      realisedPnlNet: '199.43',
      after: { side: 'long', quantity: '3', entryPrice: '1900' },
    });
    // margin 3 × 1,900 / 10 = 570; equity(P) = 570 + 3 (P − 1,900) = 3 P − 5,130; MM 0.06 P → P = 5,130 / 2.94
    same(out.liquidationPrice, D(5130).div('2.94'));
  });
});

describe('Kraken spot margin adding to a long', () => {
  it('equals the two fills held separately (margin level is a sum over positions)', () => {
    const out = q({
      venue: 'kraken-margin',
      order: { symbol: 'XBTUSD', side: 'long', price: '22000', quantity: '1', leverage: '5' },
      market: {
        marginCallLevel: '80',
        liquidationLevel: '40',
        takerFeeRate: '0.004',
        makerFeeRate: '0.0025',
        openingFeeRate: '0.0002',
        rolloverFeeRate: '0.0002',
        markPrice: '21000',
      },
      account: { walletBalance: '10000', positions: [pos('XBTUSD', 'long', '1', '20000', '21000')] },
    });
    // separately: equity = 10,000 + (P − 20,000) + (P − 22,000); used margin 4,000 + 4,400 = 8,400;
    // at 40 %: 2P − 32,000 = 3,360 → P = 17,680 (= 21,000 + (3,360 − 10,000) / 2 at the average entry)
    expect(out.liquidationPrice).toBe('17680');
    // margin opening fee only on what this order borrows: 22,000 × 0.0002 = 4.4
    expect(out.carry.opening).toBe('4.4');
  });
});

describe('which position the order nets into', () => {
  const base = {
    venue: 'binance-usdm',
    marginMode: 'cross',
    market: { ...BINANCE_FEES, markPrice: '20000' },
    order: { symbol: 'BTCUSDT', side: 'long', price: '20000', quantity: '1', leverage: '10' },
  };

  it("hedge mode: the position on the order's side, and says so", () => {
    const out = q({
      ...base,
      account: {
        walletBalance: '10000',
        positions: [pos('BTCUSDT', 'short', '1', '21000', '20000'), pos('BTCUSDT', 'long', '1', '20000', '20000')],
      },
    });
    expect(out.position).toMatchObject({
      change: 'add',
      hedge: true,
      after: { side: 'long', quantity: '2', entryPrice: '20000' },
    });
    expect(out.assumptions.join(' ')).toContain('hedge mode');
  });

  it('refuses positions it cannot read either way (two long ones)', () => {
    const out = quoteJson({
      ...base,
      account: {
        walletBalance: '10000',
        positions: [pos('BTCUSDT', 'long', '1', '20000', '20000'), pos('BTCUSDT', 'long', '2', '21000', '20000')],
      },
    }) as Json;
    expect(out.error).toMatchObject({ code: 'UNSUPPORTED', path: 'account.positions' });
  });

  it("no position in the order's market: no position object, as before", () => {
    const out = q({
      ...base,
      account: { walletBalance: '10000', positions: [pos('ETHUSDT', 'long', '1', '2000', '2000')] },
    });
    expect(out.position).toBeUndefined();
  });
});

describe('through the real CLI', () => {
  it('an adding order prints the position after it', () => {
    const run = runPreflight(binanceIsolatedAdd);
    expect(run.status).toBe(0);
    const out = run.json as Json;
    expect(out.position.after).toEqual({ side: 'long', quantity: '2', entryPrice: '21000' });
    expect(out.position.summary).toBe('after this order: position long 2 @ 21000');
    same(out.liquidationPrice, D(37800).div('1.99'));
  });
});
