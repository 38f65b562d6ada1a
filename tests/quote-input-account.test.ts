// planQuote's issue-4 inputs: live tier tables (by notional, or by contracts as OKX picks them),
// contract-sized orders, and the account the page itself shows for cross margin.
import { describe, expect, it } from 'vitest';
import { Dec } from '../src/core/decimal';
import { quoteJson } from '../src/core/quote';
import { bundledPositionRate } from '../src/venues/quote-sides';
import { DEFAULT_SETTINGS, type Settings } from '../src/settings/settings';
import { bundledFacts } from '../src/venues/bundled-facts';
import { planQuote } from '../src/venues/quote-input';
import type { MarketSnapshot, OrderForm, PagePosition, TierTable } from '../src/venues/types';

const NOW = 1_800_000_000_000;
const fig = (value: string, age = 0) => ({ value, receivedAt: NOW - age, exchangeTime: null, source: 'rest' as const });

const bybit: OrderForm = {
  venue: 'bybit-linear',
  symbol: 'BTCUSDT',
  side: 'long',
  type: 'limit',
  marginMode: 'isolated',
  price: '60000',
  size: { unit: 'base', value: '2' },
  leverage: '10',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: null,
};
const BYBIT_TIERS: TierTable = {
  basis: 'notional',
  rows: [
    { floor: '0', cap: '100000', maintenanceMarginRate: '0.005', maintenanceAmount: '0', maxLeverage: '100' },
    { floor: '100000', cap: null, maintenanceMarginRate: '0.01', maintenanceAmount: '500', maxLeverage: '50' },
  ],
};
const bybitSnapshot = (tierAgeMs = 0): MarketSnapshot => ({
  venue: 'bybit-linear',
  symbol: 'BTCUSDT',
  status: 'live',
  lastError: null,
  figures: { markPrice: fig('60000') },
  tiers: { table: BYBIT_TIERS, receivedAt: NOW - tierAgeMs, source: 'rest' },
});

describe('planQuote: live tier tables', () => {
  it('passes a fresh notional table to the engine as market.tiers, rows as the engine reads them', () => {
    const plan = planQuote(bybit, 'long', bybitSnapshot(), DEFAULT_SETTINGS, NOW);
    expect(plan.tiers).toBe('live');
    expect((plan.input as any).market.tiers).toEqual([
      {
        notionalFloor: '0',
        notionalCap: '100000',
        maintenanceMarginRate: '0.005',
        maintenanceAmount: '0',
        maxLeverage: '100',
      },
      { notionalFloor: '100000', maintenanceMarginRate: '0.01', maintenanceAmount: '500', maxLeverage: '50' },
    ]);
    // 120,000 notional: the second tier's 1 % − 500 applies, not the bundled first tier.
    // (Bybit adds the fee to close to its maintenance margin.)
    const quote = quoteJson(plan.input, bundledFacts()) as unknown as {
      maintenanceMargin: string;
      details: { feeToClose: string };
    };
    expect(
      new Dec(quote.maintenanceMargin)
        .minus(quote.details.feeToClose)
        .equals(new Dec('120000').times('0.01').minus(500)),
    ).toBe(true);
  });

  it('leaves a table older than a day out and says so', () => {
    const plan = planQuote(bybit, 'long', bybitSnapshot(25 * 3_600_000), DEFAULT_SETTINGS, NOW);
    expect(plan.tiers).toBe('stale');
    expect((plan.input as any).market.tiers).toBeUndefined();
  });

  it('ignores a snapshot of another symbol', () => {
    const plan = planQuote({ ...bybit, symbol: 'ETHUSDT' }, 'long', bybitSnapshot(), DEFAULT_SETTINGS, NOW);
    expect(plan.tiers).toBe('none');
    expect(plan.input).not.toBeNull();
    expect((plan.input as any).market.tiers).toBeUndefined();
  });
});

const okx: OrderForm = {
  ...bybit,
  venue: 'okx-swap',
  symbol: 'BTC-USDT-SWAP',
  size: { unit: 'contracts', value: '250' },
};
const OKX_TIERS: TierTable = {
  basis: 'contracts',
  rows: [
    { floor: '0', cap: '200', maintenanceMarginRate: '0.004', maintenanceAmount: null, maxLeverage: '125' },
    { floor: '200', cap: '500', maintenanceMarginRate: '0.006', maintenanceAmount: null, maxLeverage: '75' },
    { floor: '500', cap: null, maintenanceMarginRate: '0.01', maintenanceAmount: null, maxLeverage: '50' },
  ],
};
const okxSnapshot = (contractValue: string | null): MarketSnapshot => ({
  venue: 'okx-swap',
  symbol: 'BTC-USDT-SWAP',
  status: 'live',
  lastError: null,
  figures: {
    markPrice: fig('60000'),
    ...(contractValue === null ? {} : { contractValue: fig(contractValue, 30 * 24 * 3_600_000) }),
  },
  tiers: { table: OKX_TIERS, receivedAt: NOW, source: 'rest' },
});

describe('planQuote: contracts', () => {
  it('multiplies contracts by the contract value (even an old one) and picks the tier by contracts', () => {
    const plan = planQuote(okx, 'long', okxSnapshot('0.01'), DEFAULT_SETTINGS, NOW);
    expect(plan.missing).toBeNull();
    expect((plan.input as any).order.quantity).toBe('2.5');
    expect((plan.input as any).market).toMatchObject({ maintenanceMarginRate: '0.006', maxLeverage: '75' });
    expect((plan.input as any).market.tiers).toBeUndefined();
  });

  it('takes a boundary size into the lower tier (floor < contracts ≤ cap) and the first tier from 0', () => {
    const at200 = planQuote(
      { ...okx, size: { unit: 'contracts', value: '200' } },
      'long',
      okxSnapshot('0.01'),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect((at200.input as any).market.maintenanceMarginRate).toBe('0.004');
    const huge = planQuote(
      { ...okx, size: { unit: 'contracts', value: '9000' } },
      'long',
      okxSnapshot('0.01'),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect((huge.input as any).market.maintenanceMarginRate).toBe('0.01');
  });

  it('without a contract value there is no input and the plan names the missing figure', () => {
    // ETH-USDT-SWAP: no bundled value either (BTC-USDT-SWAP has one, tests/venues/okx-swap/contract-values.test.ts).
    const eth = { ...okx, symbol: 'ETH-USDT-SWAP' };
    const plan = planQuote(eth, 'long', { ...okxSnapshot(null), symbol: 'ETH-USDT-SWAP' }, DEFAULT_SETTINGS, NOW);
    expect(plan).toMatchObject({ input: null, missing: 'contractValue', bundledContractValue: null });
  });
});

const cross: OrderForm = { ...bybit, venue: 'binance-usdm', marginMode: 'cross' };
const binanceSnapshot: MarketSnapshot = {
  venue: 'binance-usdm',
  symbol: 'BTCUSDT',
  status: 'live',
  lastError: null,
  figures: { markPrice: fig('60000') },
};
const position = (change: Partial<PagePosition> = {}): PagePosition => ({
  symbol: 'ETHUSDT',
  side: 'short',
  quantity: '10',
  entryPrice: '3000',
  markPrice: '3100',
  maintenanceMargin: '155',
  ...change,
});
const withBalance: Settings = { ...DEFAULT_SETTINGS, accountBalance: { 'binance-usdm': '5000' } };

describe('planQuote: the account on the page', () => {
  it('prefers the balance the page shows over the one the user entered', () => {
    const plan = planQuote(
      { ...cross, account: { walletBalance: '12000', positions: null } },
      'long',
      binanceSnapshot,
      withBalance,
      NOW,
    );
    expect(plan.balanceSource).toBe('page');
    expect((plan.input as any).account).toEqual({ walletBalance: '12000' });
  });

  it('falls back to the entered balance and says so', () => {
    const plan = planQuote(
      { ...cross, account: { walletBalance: null, positions: null } },
      'long',
      binanceSnapshot,
      withBalance,
      NOW,
    );
    expect(plan).toMatchObject({ balanceSource: 'settings', needsBalance: false, pagePositions: null });
    expect((plan.input as any).account).toEqual({ walletBalance: '5000' });
  });

  it('turns a page position with its maintenance margin into the engine rate MM / notional at its mark', () => {
    const plan = planQuote(
      { ...cross, account: { walletBalance: '12000', positions: [position()] } },
      'long',
      binanceSnapshot,
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(plan.pagePositions).toBe(1);
    expect(plan.positionsUnknown).toEqual([]);
    expect((plan.input as any).account.positions).toEqual([
      {
        symbol: 'ETHUSDT',
        side: 'short',
        quantity: '10',
        entryPrice: '3000',
        markPrice: '3100',
        maintenanceMarginRate: '0.005',
        maintenanceAmount: '0',
      },
    ]);
    const quote = quoteJson(plan.input, bundledFacts()) as { liquidationPrice: string | null };
    const alone = quoteJson(
      planQuote(
        { ...cross, account: { walletBalance: '12000', positions: [] } },
        'long',
        binanceSnapshot,
        DEFAULT_SETTINGS,
        NOW,
      ).input,
      bundledFacts(),
    ) as { liquidationPrice: string };
    // The other position's loss (1,000) and maintenance (155) bring the long's liquidation closer.
    expect(new Dec(quote.liquidationPrice!).greaterThan(alone.liquidationPrice)).toBe(true);
  });

  it("Bybit: the page's Position MM already holds the fee to close, so the engine adds none (rate 0)", () => {
    // Bybit UTA glossary (formulas.md §4.2): Position MM = size × mark × MMR + fee to close.
    const bybitCross: OrderForm = { ...bybit, marginMode: 'cross' };
    const plan = planQuote(
      { ...bybitCross, account: { walletBalance: '12000', positions: [position()] } },
      'long',
      bybitSnapshot(),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect((plan.input as any).account.positions).toEqual([
      {
        symbol: 'ETHUSDT',
        side: 'short',
        quantity: '10',
        entryPrice: '3000',
        markPrice: '3100',
        maintenanceMarginRate: '0.005',
        maintenanceAmount: '0',
        takerFeeRate: '0',
      },
    ]);
    // Binance's shown MM holds no fee, and Binance adds none: no rate passed there (test above).
  });

  it('looks a position without a shown maintenance margin up in the bundled tiers of its symbol', () => {
    const btc = position({
      symbol: 'BTCUSDT',
      maintenanceMargin: null,
      quantity: '1',
      entryPrice: '60000',
      markPrice: '60000',
    });
    const plan = planQuote(
      { ...cross, symbol: 'ETHUSDT', account: { walletBalance: '12000', positions: [btc] } },
      'long',
      null,
      DEFAULT_SETTINGS,
      NOW,
      bundledPositionRate,
    );
    expect(plan.positionsUnknown).toEqual([]);
    const rate = bundledPositionRate('binance-usdm', 'BTCUSDT', new Dec('60000'))!;
    expect((plan.input as any).account.positions[0].maintenanceMarginRate).toBe(rate.rate.toFixed());
  });

  it('leaves the account out when a position cannot be weighed, or is a misread one in the same market', () => {
    const unknown = planQuote(
      {
        ...cross,
        account: { walletBalance: '12000', positions: [position({ symbol: 'DOGEUSDT', maintenanceMargin: null })] },
      },
      'long',
      binanceSnapshot,
      DEFAULT_SETTINGS,
      NOW,
      bundledPositionRate,
    );
    expect(unknown.positionsUnknown).toEqual(['DOGEUSDT']);
    expect((unknown.input as any).account).toBeUndefined();
    const same = planQuote(
      { ...cross, account: { walletBalance: '12000', positions: [position({ symbol: 'BTCUSDT' })] } },
      'long',
      binanceSnapshot,
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(same.positionsUnknown).toEqual(['BTCUSDT']);
    expect((same.input as any).account).toBeUndefined();
  });

  it('ignores the page account for isolated margin', () => {
    const plan = planQuote(
      { ...cross, marginMode: 'isolated', account: { walletBalance: '12000', positions: [position()] } },
      'long',
      binanceSnapshot,
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(plan).toMatchObject({ balanceSource: null, pagePositions: null, needsBalance: false });
    expect((plan.input as any).account).toBeUndefined();
  });
});
