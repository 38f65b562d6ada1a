// planQuote with a page position in the order's own market (issue 10): it is passed to the
// engine as the open position the order nets into, no longer "cannot be weighed"; hedge mode
// (one per side) is passed whole; what cannot be read either way is still refused as before.
import { describe, expect, it } from 'vitest';
import { Dec } from '../src/core/decimal';
import { quoteJson } from '../src/core/quote';
import { DEFAULT_SETTINGS } from '../src/settings/settings';
import { bundledFacts } from '../src/venues/bundled-facts';
import { ownMarketPositions, planQuote } from '../src/venues/quote-input';
import type { MarketSnapshot, OrderForm, PagePosition, TierTable } from '../src/venues/types';

const NOW = 1_800_000_000_000;
const fig = (value: string) => ({ value, receivedAt: NOW, exchangeTime: null, source: 'rest' as const });
const snapshot: MarketSnapshot = {
  venue: 'binance-usdm',
  symbol: 'BTCUSDT',
  status: 'live',
  lastError: null,
  figures: { markPrice: fig('60000') },
};
const form: OrderForm = {
  venue: 'binance-usdm',
  symbol: 'BTCUSDT',
  side: 'both',
  type: 'limit',
  marginMode: 'cross',
  price: '60000',
  size: { unit: 'base', value: '1' },
  leverage: '10',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: null,
};
const btc = (change: Partial<PagePosition> = {}): PagePosition => ({
  symbol: 'BTCUSDT',
  side: 'long',
  quantity: '1',
  entryPrice: '58000',
  markPrice: '60000',
  maintenanceMargin: '300',
  ...change,
});
const withAccount = (positions: PagePosition[], change: Partial<OrderForm> = {}): OrderForm => ({
  ...form,
  ...change,
  account: { walletBalance: '12000', positions },
});

describe('ownMarketPositions', () => {
  it('one, or one per side; anything else is undetermined', () => {
    expect(ownMarketPositions([btc({ symbol: 'ETHUSDT' })], 'BTCUSDT')).toBeNull();
    expect(ownMarketPositions([btc()], 'BTCUSDT')).toHaveLength(1);
    expect(ownMarketPositions([btc(), btc({ side: 'short' })], 'BTCUSDT')).toHaveLength(2);
    expect(ownMarketPositions([btc(), btc({ quantity: '2' })], 'BTCUSDT')).toBe('undetermined');
    expect(ownMarketPositions([btc(), btc({ side: 'short' }), btc()], 'BTCUSDT')).toBe('undetermined');
  });
});

describe("planQuote: a position in the order's market", () => {
  it('cross: passed as the open position, and the quote is for the position after the order', () => {
    const plan = planQuote(withAccount([btc()]), 'long', snapshot, DEFAULT_SETTINGS, NOW);
    expect(plan.positionsUnknown).toEqual([]);
    // MM 300 / (1 × 60,000) = 0.005
    expect((plan.input as any).account.positions).toEqual([
      {
        symbol: 'BTCUSDT',
        side: 'long',
        quantity: '1',
        entryPrice: '58000',
        markPrice: '60000',
        maintenanceMarginRate: '0.005',
        maintenanceAmount: '0',
      },
    ]);
    const quote = quoteJson(plan.input, bundledFacts()) as any;
    // (1 × 58,000 + 1 × 60,000) / 2 = 59,000
    expect(quote.position.after).toEqual({ side: 'long', quantity: '2', entryPrice: '59000' });
    expect(quote.liquidationPrice).not.toBeNull();
  });

  it('cross: two positions on one side cannot be read either way, so the account is left out as before', () => {
    const plan = planQuote(withAccount([btc(), btc({ quantity: '2' })]), 'long', snapshot, DEFAULT_SETTINGS, NOW);
    expect(plan.positionsUnknown).toEqual(['BTCUSDT', 'BTCUSDT']);
    expect((plan.input as any).account).toBeUndefined();
  });

  it('cross hedge mode: both sides passed; each side of the form is quoted against its own', () => {
    const pair = [btc(), btc({ side: 'short', quantity: '3', entryPrice: '61000' })];
    for (const side of ['long', 'short'] as const) {
      const plan = planQuote(withAccount(pair), side, snapshot, DEFAULT_SETTINGS, NOW);
      expect((plan.input as any).account.positions).toHaveLength(2);
      const quote = quoteJson(plan.input, bundledFacts()) as any;
      expect(quote.position).toMatchObject({ change: 'add', hedge: true, before: { side } });
    }
  });

  it('isolated: the position in this market is passed (its margin estimated by the engine); other markets are not', () => {
    const plan = planQuote(
      withAccount([btc(), btc({ symbol: 'ETHUSDT', entryPrice: '3000', markPrice: '3000' })], {
        marginMode: 'isolated',
      }),
      'short',
      snapshot,
      DEFAULT_SETTINGS,
      NOW,
    );
    expect((plan.input as any).account.positions.map((p: any) => p.symbol)).toEqual(['BTCUSDT']);
    expect((plan.input as any).account.walletBalance).toBeUndefined();
    const quote = quoteJson(plan.input, bundledFacts()) as any;
    // short 1 against long 1: closed, realised (60,000 − 58,000) × 1 = 2,000 before fees
    expect(quote.position).toMatchObject({ change: 'close', realisedPnl: '2000' });
    expect(quote.liquidationPrice).toBeNull();
  });

  it('Binance spot margin does not net positions: its own market stays "cannot be weighed"', () => {
    const margin = withAccount([btc()], { venue: 'binance-margin' });
    const plan = planQuote(margin, 'long', { ...snapshot, venue: 'binance-margin' }, DEFAULT_SETTINGS, NOW);
    expect(plan.positionsUnknown).toEqual(['BTCUSDT']);
    expect((plan.input as any).account).toBeUndefined();
  });
});

describe('planQuote: OKX picks the tier by the size after the order', () => {
  const TIERS: TierTable = {
    basis: 'contracts',
    rows: [
      { floor: '0', cap: '200', maintenanceMarginRate: '0.004', maintenanceAmount: null, maxLeverage: '125' },
      { floor: '200', cap: '500', maintenanceMarginRate: '0.006', maintenanceAmount: null, maxLeverage: '75' },
      { floor: '500', cap: null, maintenanceMarginRate: '0.01', maintenanceAmount: null, maxLeverage: '50' },
    ],
  };
  const okxSnapshot: MarketSnapshot = {
    venue: 'okx-swap',
    symbol: 'BTC-USDT-SWAP',
    status: 'live',
    lastError: null,
    figures: { markPrice: fig('60000'), contractValue: fig('0.01') },
    tiers: { table: TIERS, receivedAt: NOW, source: 'rest' },
  };
  // Open: long 300 contracts = 3 BTC. Order: 250 contracts = 2.5 BTC.
  const okx = withAccount([btc({ symbol: 'BTC-USDT-SWAP', quantity: '3' })], {
    venue: 'okx-swap',
    symbol: 'BTC-USDT-SWAP',
    size: { unit: 'contracts', value: '250' },
  });

  it("adding: 300 + 250 = 550 contracts → the third tier (1 %), not the order's own 250 (0.6 %)", () => {
    const plan = planQuote(okx, 'long', okxSnapshot, DEFAULT_SETTINGS, NOW);
    expect((plan.input as any).market.maintenanceMarginRate).toBe('0.01');
  });

  it('reducing: 300 − 250 = 50 contracts → the first tier (0.4 %)', () => {
    const plan = planQuote(okx, 'short', okxSnapshot, DEFAULT_SETTINGS, NOW);
    expect((plan.input as any).market.maintenanceMarginRate).toBe('0.004');
    const quote = quoteJson(plan.input, bundledFacts()) as any;
    expect(quote.position.after).toEqual({ side: 'long', quantity: '0.5', entryPrice: '58000' });
    expect(new Dec(quote.notional).equals(new Dec('0.5').times(58000))).toBe(true);
  });
});
