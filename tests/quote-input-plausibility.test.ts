// Issue 9, item 7 (and 3): every price read from the page is checked against the market, and an
// account the page cannot show whole (too many positions, a zero balance) still gets an answer.
// A misread order price is refused (src/background/quotes/refusal.ts); a misread page position is
// not weighed: no liquidation price rather than a wrong one.
import { describe, expect, it } from 'vitest';
import { Dec } from '../src/core/decimal';
import { bundledPositionRate, quoteSides } from '../src/venues/quote-sides';
import { implausible, marketRefusal } from '../src/background/quotes/refusal';
import { quoteJson } from '../src/core/quote';
import { DEFAULT_SETTINGS } from '../src/settings/settings';
import { bundledFacts } from '../src/venues/bundled-facts';
import {
  misfit,
  orderMisfit,
  PLAUSIBLE_FACTOR,
  positionMisfit,
  REFERENCE_MAX_AGE_MS,
  referencePrice,
} from '../src/venues/plausibility';
import { planQuote } from '../src/venues/quote-input';
import type { Figure, MarketSnapshot, OrderForm, PagePosition } from '../src/venues/types';

const NOW = 1_800_000_000_000;
const fig = (value: string, ageMs = 1_000): Figure => ({
  value,
  receivedAt: NOW - ageMs,
  exchangeTime: null,
  source: 'stream',
});
const bybit = (figures: MarketSnapshot['figures'] = { markPrice: fig('65000') }): MarketSnapshot => ({
  venue: 'bybit-linear',
  symbol: 'BTCUSDT',
  status: 'live',
  lastError: null,
  figures,
});
const form = (over: Partial<OrderForm> = {}): OrderForm => ({
  venue: 'bybit-linear',
  symbol: 'BTCUSDT',
  side: 'long',
  type: 'limit',
  marginMode: 'cross',
  price: '65000',
  size: { unit: 'base', value: '0.1' },
  leverage: '10',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: null,
  ...over,
});
const position = (over: Partial<PagePosition> = {}): PagePosition => ({
  symbol: 'ETHUSDT',
  side: 'short',
  quantity: '2.412',
  entryPrice: '3000',
  markPrice: '3100',
  maintenanceMargin: '37.39',
  ...over,
});
const withAccount = (account: OrderForm['account']): OrderForm => form({ account });
const engine = (plan: ReturnType<typeof planQuote>) =>
  quoteJson(plan.input, bundledFacts()) as unknown as { liquidationPrice: string | null };

describe('misfit: a factor of more than 5 either way', () => {
  it.each([
    ['65000', '65000', false],
    ['325000', '65000', false], // exactly 5×: still a price (if an odd one)
    ['325000.01', '65000', true],
    ['13000', '65000', false], // exactly 1/5
    ['12999.99', '65000', true],
    ['65', '65000', true], // "65.000" read with a dot as the decimal point
    ['65000000', '65000', true], // "65,000.000" read with a comma as the decimal point the other way round
  ])('%s against %s: misfit %s', (read, reference, expected) => {
    expect(misfit('price', read, reference) !== null).toBe(expected);
  });

  it('gives the ratio read / reference', () => {
    expect(misfit('price', '65', '65000')!.ratio.equals('0.001')).toBe(true);
    expect(PLAUSIBLE_FACTOR).toBe(5);
  });
});

describe('referencePrice: the feed’s mark, or its last price', () => {
  it('takes the mark, else the last trade price, of the form’s own market', () => {
    expect(referencePrice(form(), bybit({ markPrice: fig('65000'), lastPrice: fig('64990') }), NOW)).toBe('65000');
    expect(referencePrice(form(), bybit({ lastPrice: fig('64990') }), NOW)).toBe('64990');
    expect(referencePrice(form({ symbol: 'ETHUSDT' }), bybit(), NOW)).toBeNull();
    expect(referencePrice(form({ venue: 'okx-swap' }), bybit(), NOW)).toBeNull();
    expect(referencePrice(form(), null, NOW)).toBeNull();
  });

  it('uses a mark too old to quote with, but not one older than an hour', () => {
    expect(referencePrice(form(), bybit({ markPrice: fig('65000', 60_000) }), NOW)).toBe('65000');
    expect(referencePrice(form(), bybit({ markPrice: fig('65000', REFERENCE_MAX_AGE_MS + 1) }), NOW)).toBeNull();
    expect(
      referencePrice(
        form(),
        bybit({ markPrice: fig('65000', REFERENCE_MAX_AGE_MS + 1), lastPrice: fig('64990') }),
        NOW,
      ),
    ).toBe('64990');
  });
});

describe('orderMisfit and the refusal it becomes', () => {
  it('checks the limit price, then the stop loss, then the take profit', () => {
    expect(orderMisfit(form(), '65000')).toBeNull();
    expect(orderMisfit(form({ price: '65', stopLoss: '6' }), '65000')!.field).toBe('price');
    expect(orderMisfit(form({ stopLoss: '60', takeProfit: '70' }), '65000')!.field).toBe('stopLoss');
    expect(orderMisfit(form({ stopLoss: '60000', takeProfit: '700000' }), '65000')!.field).toBe('takeProfit');
    expect(orderMisfit(form({ type: 'market', price: null }), '65000')).toBeNull();
    expect(orderMisfit(form({ price: '65' }), null)).toBeNull(); // no reference: nothing to say
  });

  it('says what was read, how far off and against what', () => {
    const refusal = marketRefusal(form({ price: '65' }), bybit(), NOW);
    expect(refusal).toEqual({
      code: 'IMPLAUSIBLE',
      field: 'price',
      text: 'The price read from the page (65) is 1,000× below the market (65,000): probably misread. No figures until it fits.',
    });
    const stop = marketRefusal(form({ stopLoss: '640000' }), bybit(), NOW)!;
    expect(stop.field).toBe('stopLoss');
    expect(stop.text).toBe(
      'The stop loss read from the page (640,000) is 9.8× above the market (65,000): probably misread. No figures until it fits.',
    );
    expect(marketRefusal(form(), bybit(), NOW)).toBeNull();
    expect(marketRefusal(form({ price: '65' }), bybit({}), NOW)).toBeNull();
  });

  it('names a position’s field by its row', () => {
    const refusal = implausible({
      field: 'account.positions[2].entryPrice',
      read: '3',
      reference: '3100',
      ratio: new Dec(3).div(3100),
    });
    expect(refusal.field).toBe('account.positions[2].entryPrice');
    expect(refusal.text).toMatch(/^A price read from the page \(3\) is 1,000× below the market \(3,100\)/);
  });
});

describe('positionMisfit', () => {
  it('checks a position of the order’s symbol against the feed, entry and mark', () => {
    const btc = position({ symbol: 'BTCUSDT', entryPrice: '64000', markPrice: '65000' });
    expect(positionMisfit(btc, 0, 'BTCUSDT', '65000')).toBeNull();
    expect(positionMisfit({ ...btc, entryPrice: '64' }, 3, 'BTCUSDT', '65000')!.field).toBe(
      'account.positions[3].entryPrice',
    );
    expect(positionMisfit({ ...btc, markPrice: '65' }, 0, 'BTCUSDT', '65000')!.field).toBe(
      'account.positions[0].markPrice',
    );
    expect(positionMisfit({ ...btc, entryPrice: '64' }, 0, 'BTCUSDT', null)).toBeNull();
  });

  it('checks another symbol’s entry against its own mark on the page', () => {
    expect(positionMisfit(position(), 1, 'BTCUSDT', '65000')).toBeNull(); // 3,000 vs 3,100, whatever BTC does
    expect(positionMisfit(position({ entryPrice: '3' }), 1, 'BTCUSDT', '65000')!.field).toBe(
      'account.positions[1].entryPrice',
    );
  });
});

describe('planQuote: page positions that do not fit are not weighed', () => {
  it('a position whose entry is 1,000× off its mark: no account, listed as unknown and implausible', () => {
    const plan = planQuote(
      withAccount({
        walletBalance: '1000',
        positions: [
          position({ entryPrice: '3' }),
          position({ symbol: 'SOLUSDT', entryPrice: '150', markPrice: '151', maintenanceMargin: '1' }),
        ],
      }),
      'long',
      bybit(),
      DEFAULT_SETTINGS,
      NOW,
      bundledPositionRate,
    );
    expect(plan).toMatchObject({
      pagePositions: 2,
      positionsUnknown: ['ETHUSDT'],
      positionsImplausible: ['ETHUSDT'],
      positionsTooMany: false,
    });
    expect((plan.input as any).account).toBeUndefined();
    expect(engine(plan).liquidationPrice).toBeNull();
  });

  it('the same positions read right are weighed (the control)', () => {
    const plan = planQuote(
      withAccount({
        walletBalance: '1000',
        positions: [
          position(),
          position({ symbol: 'SOLUSDT', entryPrice: '150', markPrice: '151', maintenanceMargin: '1' }),
        ],
      }),
      'long',
      bybit(),
      DEFAULT_SETTINGS,
      NOW,
      bundledPositionRate,
    );
    expect(plan).toMatchObject({ positionsUnknown: [], positionsImplausible: [] });
    expect((plan.input as any).account.positions).toHaveLength(2);
    expect(engine(plan).liquidationPrice).not.toBeNull();
  });

  it('a position in the order’s own market with a misread mark is named implausible (it was unknown already)', () => {
    const plan = planQuote(
      withAccount({
        walletBalance: '12000',
        positions: [position({ symbol: 'BTCUSDT', entryPrice: '64000', markPrice: '65' })],
      }),
      'long',
      bybit(),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(plan).toMatchObject({ positionsUnknown: ['BTCUSDT'], positionsImplausible: ['BTCUSDT'] });
  });
});

describe('planQuote: an account the page cannot show whole', () => {
  it('too many positions: the account is left out, with a flag, and no liquidation price', () => {
    const plan = planQuote(
      withAccount({ walletBalance: '12000', positions: null, positionsTooMany: true }),
      'long',
      bybit(),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(plan).toMatchObject({
      positionsTooMany: true,
      pagePositions: null,
      balanceSource: 'page',
      needsBalance: false,
    });
    expect((plan.input as any).account).toBeUndefined();
    expect(engine(plan).liquidationPrice).toBeNull();
    // The same page without the flag would have been quoted with the balance alone: too far away.
    const without = planQuote(
      withAccount({ walletBalance: '12000', positions: null }),
      'long',
      bybit(),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect((without.input as any).account).toEqual({ walletBalance: '12000' });
    expect(without.positionsTooMany).toBe(false);
  });

  it('too many positions do not matter to an isolated order', () => {
    const plan = planQuote(
      form({ marginMode: 'isolated', account: { walletBalance: '12000', positions: null, positionsTooMany: true } }),
      'long',
      bybit(),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(plan.positionsTooMany).toBe(false);
    expect(engine(plan).liquidationPrice).not.toBeNull();
  });

  it('a zero balance on the page is answered: the engine refuses it and says which figure', () => {
    const sides = quoteSides(
      withAccount({ walletBalance: '0', positions: [] }),
      bybit(),
      { ...DEFAULT_SETTINGS, accountBalance: { 'bybit-linear': '5000' } },
      NOW,
    );
    expect(sides).toHaveLength(1);
    // The page's 0 wins over the entered 5,000: it is what the account holds now.
    expect(sides[0]!.plan).toMatchObject({ balanceSource: 'page', needsBalance: false });
    expect(sides[0]!.result).toEqual({
      error: {
        code: 'OUT_OF_RANGE',
        message: 'account.walletBalance must be greater than 0 (got 0)',
        path: 'account.walletBalance',
      },
    });
  });
});
