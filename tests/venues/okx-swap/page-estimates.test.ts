// OKX's page "Cost" checked against ours through the one quote path (quoteSides → page-check):
// an agreeing page matches quietly, a disagreeing one (the old fixture's 65.00, a figure beyond the
// page's rounding, the naive order value / leverage against a position) differs with both numbers.
// Expected figures are worked out here from OKX's published formulas (order value / leverage + order
// loss), never copied from the code under test.
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/core/decimal';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { quoteSides } from '../../../src/venues/quote-sides';
import type { Figure, MarketSnapshot, OrderForm, PageEstimate } from '../../../src/venues/types';

const NOW = 1_800_000_000_000;
const MARK = '65010.2';
const fig = (value: string): Figure => ({ value, receivedAt: NOW - 1_000, exchangeTime: null, source: 'stream' });
const snapshot = (symbol: string, mark: string): MarketSnapshot => ({
  venue: 'okx-swap',
  symbol,
  status: 'live',
  lastError: null,
  figures: { markPrice: fig(mark), contractValue: fig(symbol.startsWith('BTC') ? '0.01' : '0.1') },
  // The tiers the engine needs for a quote (illustrative; the Cost does not depend on them).
  tiers: {
    table: {
      basis: 'contracts',
      rows: [{ floor: '0', cap: null, maintenanceMarginRate: '0.004', maintenanceAmount: null, maxLeverage: '100' }],
    },
    receivedAt: NOW - 1_000,
    source: 'rest',
  },
});
/** The fixture's order: 10 contracts of 0.01 BTC = 0.1 BTC at 65,000.0, 10×, isolated. */
const base = (over: Partial<OrderForm>): OrderForm => ({
  venue: 'okx-swap',
  symbol: 'BTC-USDT-SWAP',
  side: 'both',
  type: 'limit',
  marginMode: 'isolated',
  price: '65000',
  size: { unit: 'base', value: '0.1' },
  leverage: '10',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: null,
  ...over,
});
const est = (text: string, side: PageEstimate['side']): PageEstimate => ({
  kind: 'cost',
  side,
  value: new Dec(text).toFixed(),
  decimals: /\.(\d+)$/.exec(text)?.[1]?.length ?? 0,
});
const quotes = (form: OrderForm, snap = snapshot('BTC-USDT-SWAP', MARK)) =>
  Object.fromEntries(quoteSides(form, snap, DEFAULT_SETTINGS, NOW).map((q) => [q.side, q.pageCheck ?? null]));
const verdicts = (form: OrderForm, snap?: MarketSnapshot) =>
  Object.fromEntries(Object.entries(quotes(form, snap)).map(([side, check]) => [side, check?.verdict ?? null]));

// OKX: margin = 0.1 × 65,000 / 10; the sell below the mark carries 0.1 × (mark − 65,000) of order loss.
const LONG = new Dec('0.1').times(65_000).div(10);
const SHORT = LONG.plus(new Dec('0.1').times(new Dec(MARK).minus(65_000)));
const perSide = (long: string, short: string) => base({ pageEstimates: [est(long, 'long'), est(short, 'short')] });

describe('OKX Cost, one under each button (generation 2)', () => {
  it("the page's own figures match, each side its own", () => {
    expect([LONG.toFixed(2), SHORT.toFixed(2)]).toEqual(['650.00', '651.02']);
    expect(verdicts(perSide(LONG.toFixed(2), SHORT.toFixed(2)))).toEqual({ long: 'matches', short: 'matches' });
  });

  it("the old fixture's 65.00 (a contract read as 0.001 BTC) differs, with both numbers", () => {
    // ours is the figure at our own mark: 650 for the Buy below the mark.
    const checks = quotes(perSide('65.00', SHORT.toFixed(2)));
    expect(checks.long).toEqual({
      verdict: 'differs',
      checks: [{ kind: 'cost', page: '65', ours: LONG.toFixed(), decimals: 2, agrees: false }],
    });
    expect(checks.short?.verdict).toBe('matches');
  });

  it('an order far below the mark: the Buy margin is exact (one cent beyond the rounding differs)', () => {
    const far = (long: string, short: string) =>
      base({ price: '64000', pageEstimates: [est(long, 'long'), est(short, 'short')] });
    const long = new Dec('0.1').times(64_000).div(10);
    const short = long.plus(new Dec('0.1').times(new Dec(MARK).minus(64_000)));
    expect(verdicts(far(long.toFixed(2), short.toFixed(2)))).toEqual({ long: 'matches', short: 'matches' });
    expect(verdicts(far(long.plus('0.01').toFixed(2), short.toFixed(2))).long).toBe('differs');
    expect(verdicts(far(long.minus('0.01').toFixed(2), short.toFixed(2))).long).toBe('differs');
    // A Sell cost without its order loss (the margin alone) differs.
    expect(verdicts(far(long.toFixed(2), long.toFixed(2))).short).toBe('differs');
  });

  it("the page's mark a moment apart from ours: up to 0.1 % of the mark in the order loss, not beyond", () => {
    const shortAt = (mark: Dec) => LONG.plus(new Dec('0.1').times(mark.minus(65_000)));
    const mark = new Dec(MARK);
    expect(verdicts(perSide(LONG.toFixed(2), shortAt(mark.times('1.001')).toFixed(2))).short).toBe('matches');
    expect(verdicts(perSide(LONG.toFixed(2), shortAt(mark.times('1.002')).toFixed(2))).short).toBe('differs');
  });

  it('a market order is not checked (OKX prices it at its estimated fill)', () => {
    expect(verdicts(base({ type: 'market', price: null, pageEstimates: [est('650.00', 'long')] }))).toEqual({
      long: null,
      short: null,
    });
  });
});

describe('OKX Cost, one under both buttons (generation 1): either side’s figure', () => {
  const single = (text: string) => base({ pageEstimates: [est(text, null)] });
  it("the Buy side's or the Sell side's figure matches on both sides", () => {
    expect(verdicts(single(LONG.toFixed(2)))).toEqual({ long: 'matches', short: 'matches' });
    expect(verdicts(single(SHORT.toFixed(2)))).toEqual({ long: 'matches', short: 'matches' });
  });
  it('beyond both differs on both sides', () => {
    const beyond = SHORT.plus(new Dec('0.1').times(new Dec(MARK).times('0.002')));
    expect(verdicts(single(beyond.toFixed(2)))).toEqual({ long: 'differs', short: 'differs' });
    expect(verdicts(single('65.00'))).toEqual({ long: 'differs', short: 'differs' });
  });
});

describe('OKX Cost with a position in the instrument (cross, the page lists it)', () => {
  // Long 1.5 ETH, mark 3,201.25; the order: 0.1 ETH at 3,500.00, 10×, mark 3,500.00 (no order loss).
  const eth = (long: string, short: string): OrderForm => ({
    ...base({ pageEstimates: [est(long, 'long'), est(short, 'short')] }),
    symbol: 'ETH-USDT-SWAP',
    marginMode: 'cross',
    price: '3500',
    account: {
      walletBalance: '10000',
      positions: [
        {
          symbol: 'ETH-USDT-SWAP',
          side: 'long',
          quantity: '1.5',
          entryPrice: '3150',
          markPrice: '3201.25',
          maintenanceMargin: '24.01',
        },
      ],
    },
  });
  const snap = snapshot('ETH-USDT-SWAP', '3500');
  const adds = new Dec('0.1').times(3500).div(10); // max(p + V, −p) − |p| = V for the buy
  it('a buy adds its value / leverage; a sell against the long adds nothing', () => {
    expect(verdicts(eth(adds.toFixed(2), '0.00'), snap)).toEqual({ long: 'matches', short: 'matches' });
  });
  it("the naive order value / leverage on the sell (or the engine's whole-position margin on the buy) differs", () => {
    expect(verdicts(eth(adds.toFixed(2), adds.toFixed(2)), snap).short).toBe('differs');
    const wholePosition = new Dec('1.5').times(3150).plus(new Dec('0.1').times(3500)).div(10);
    expect(verdicts(eth(wholePosition.toFixed(2), '0.00'), snap).long).toBe('differs');
  });
});
