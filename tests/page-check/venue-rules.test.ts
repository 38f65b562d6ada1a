// Each venue's rule for what its page figure means (src/venues/<venue>/page-estimates.ts), through
// the one quote path (quoteSides): the expected figures are worked out here from the venues'
// published formulas, never copied from the code under test.
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { quoteSides } from '../../src/venues/quote-sides';
import type { Figure, MarketSnapshot, OrderForm, PageEstimate } from '../../src/venues/types';

const NOW = 1_800_000_000_000;
const fig = (value: string): Figure => ({ value, receivedAt: NOW - 1_000, exchangeTime: null, source: 'stream' });
const snapshot = (venue: OrderForm['venue'], mark: string, last?: string): MarketSnapshot => ({
  venue,
  symbol: 'BTCUSDT',
  status: 'live',
  lastError: null,
  figures: { markPrice: fig(mark), ...(last === undefined ? {} : { lastPrice: fig(last) }) },
});
const base = (over: Partial<OrderForm>): OrderForm => ({
  venue: 'binance-usdm',
  symbol: 'BTCUSDT',
  side: 'both',
  type: 'limit',
  marginMode: 'isolated',
  price: '9253.3',
  size: { unit: 'base', value: '1' },
  leverage: '20',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: null,
  ...over,
});
/** A page figure as the page prints it: canonical value, the decimals of the text. */
const est = (kind: PageEstimate['kind'], text: string, side: PageEstimate['side'] = null): PageEstimate => ({
  kind,
  side,
  value: new Dec(text).toFixed(),
  decimals: /\.(\d+)$/.exec(text)?.[1]?.length ?? 0,
});
/** The taker rate the test states (Bybit's base tier, its help page's example), not the bundled one. */
const TAKER = '0.00055';
const SETTINGS = { ...DEFAULT_SETTINGS, feeTiers: { 'bybit-linear': { makerFeeRate: '0.0002', takerFeeRate: TAKER } } };
const verdicts = (form: OrderForm, snap: MarketSnapshot) =>
  Object.fromEntries(quoteSides(form, snap, SETTINGS, NOW).map((q) => [q.side, q.pageCheck?.verdict ?? null]));

describe('Binance USDⓈ-M Cost: initial margin + open loss (FAQ example: 1 BTC @ 9,253.30, mark 9,259.84, 20×)', () => {
  // FAQ: IM 462.665 (shown 462.66); long open loss 0; short open loss 1 × (9,259.84 − 9,253.30) = 6.54.
  const longCost = new Dec('9253.3').div(20);
  const shortCost = longCost.plus(new Dec('9259.84').minus('9253.3'));
  // Newer FAQ: a short's IM at max(last × 1.0015, mark, price) = 9,258.99 × 1.0015 → 463.64.
  const newerShort = new Dec('9258.99').times('1.0015').div(20);
  const snap = snapshot('binance-usdm', '9259.84', '9258.99');
  const page = (long: string, short: string) =>
    base({ pageEstimates: [est('cost', long, 'long'), est('cost', short, 'short')] });

  it('matches the FAQ figures, rounded either way at the half', () => {
    expect(longCost.toFixed()).toBe('462.665');
    expect(verdicts(page('462.66', shortCost.toFixed(2)), snap)).toEqual({ long: 'matches', short: 'matches' });
    expect(verdicts(page('462.67', shortCost.toFixed(2)), snap)).toEqual({ long: 'matches', short: 'matches' });
  });

  it("accepts the newer FAQ's short cost (assuming price, no open loss) and the older one's", () => {
    expect(newerShort.toFixed(2)).toBe('463.64');
    expect(verdicts(page('462.67', newerShort.toFixed(2)), snap).short).toBe('matches');
    expect(verdicts(page('462.67', newerShort.plus('6.54').toFixed(2)), snap).short).toBe('matches');
  });

  it('differs just beyond the rounding on either side, per button', () => {
    expect(verdicts(page('462.68', shortCost.toFixed(2)), snap)).toEqual({ long: 'differs', short: 'matches' });
    expect(verdicts(page('462.65', shortCost.toFixed(2)), snap)).toEqual({ long: 'differs', short: 'matches' });
    expect(verdicts(page('462.66', newerShort.minus('0.01').toFixed(2)), snap).short).toBe('differs');
    expect(verdicts(page('462.66', newerShort.plus('6.54').plus('0.01').toFixed(2)), snap).short).toBe('differs');
    // A size misread by ten: the page's cost is ten times ours.
    expect(verdicts(page(longCost.times(10).toFixed(2), shortCost.toFixed(2)), snap).long).toBe('differs');
  });

  it('a long below the mark carries its open loss', () => {
    const form = base({ price: '9300', pageEstimates: [est('cost', '0', 'long')] });
    const withLoss = new Dec('9300').div(20).plus(new Dec('9300').minus('9259.84'));
    const check = (text: string) =>
      verdicts({ ...form, pageEstimates: [est('cost', text, 'long')] }, snapshot('binance-usdm', '9259.84')).long;
    expect(check(withLoss.toFixed(2))).toBe('matches');
    expect(check(new Dec('9300').div(20).toFixed(2))).toBe('differs');
  });

  it('checks nothing for a market order or without a live mark', () => {
    const market = { ...page('462.66', '469.21'), type: 'market' as const, price: null };
    expect(verdicts(market, snap)).toEqual({ long: null, short: null });
    const noMark: MarketSnapshot = { ...snap, figures: {} };
    expect(verdicts(page('462.66', '469.21'), noMark)).toEqual({ long: null, short: null });
  });
});

describe('Bybit Order Cost / Order Value (help page: 1 BTC long @ 50,000, 10×)', () => {
  const bybit = (pageEstimates: PageEstimate[], side: 'long' | 'short' = 'long') =>
    base({ venue: 'bybit-linear', side, price: '50000', leverage: '10', pageEstimates });
  const snap = snapshot('bybit-linear', '50000');
  const taker = new Dec(TAKER);
  // IM + Q·P·taker + Q·P·(1 ∓ 1/L)·taker
  const cost = (dir: 1 | -1) =>
    new Dec(5000)
      .plus(new Dec(50000).times(taker))
      .plus(new Dec(50000).times(new Dec(1).minus(new Dec(dir).div(10))).times(taker));

  it('matches IM + fee to open + fee to close at the bankruptcy price, both sides', () => {
    expect(verdicts(bybit([est('cost', cost(1).toFixed(2))]), snap).long).toBe('matches');
    expect(verdicts(bybit([est('cost', cost(-1).toFixed(2))], 'short'), snap).short).toBe('matches');
    expect(verdicts(bybit([est('cost', cost(-1).toFixed(2))]), snap).long).toBe('differs');
  });

  it('a lower fee tier shows less, down to the margin alone; never more than ours', () => {
    expect(verdicts(bybit([est('cost', '5000.00')]), snap).long).toBe('matches');
    expect(verdicts(bybit([est('cost', '4999.99')]), snap).long).toBe('differs');
    expect(verdicts(bybit([est('cost', cost(1).plus('0.01').toFixed(2))]), snap).long).toBe('differs');
  });

  it('Order Value is quantity × price', () => {
    expect(verdicts(bybit([est('orderValue', '50000.00')]), snap).long).toBe('matches');
    expect(verdicts(bybit([est('orderValue', '50000.01')]), snap).long).toBe('differs');
  });
});
