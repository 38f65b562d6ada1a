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

describe('Binance USDⓈ-M Cost: initial margin + open loss (FAQ example: 1 BTC, mark 9,259.84, last 9,258.99, 20×)', () => {
  const MARK_ = new Dec('9259.84');
  const snap = snapshot('binance-usdm', '9259.84', '9258.99');
  /** The FAQ's cost of one side at a limit price, with the open loss taken at `mark`. */
  const faq = (side: 'long' | 'short', price: string, mark: Dec = MARK_): Dec => {
    const adverse = side === 'long' ? new Dec(price).minus(mark) : mark.minus(price);
    return new Dec(price).div(20).plus(Dec.max(0, adverse));
  };
  const page = (price: string, long: string, short: string) =>
    base({ price, pageEstimates: [est('cost', long, 'long'), est('cost', short, 'short')] });

  it("the FAQ's own figures match (462.665 shown either way at the half)", () => {
    expect(faq('long', '9253.3').toFixed()).toBe('462.665');
    const short = faq('short', '9253.3').toFixed(2);
    expect(verdicts(page('9253.3', '462.66', short), snap)).toEqual({ long: 'matches', short: 'matches' });
    expect(verdicts(page('9253.3', '462.67', short), snap)).toEqual({ long: 'matches', short: 'matches' });
  });

  it('with no open loss within reach of the mark, only the rounding: edges in, a cent beyond out', () => {
    // A long at 9,000 and a short at 9,500 are far on the good side of any mark within 0.5 %.
    const [long, short] = [faq('long', '9000'), faq('short', '9500')];
    expect([long.toFixed(), short.toFixed()]).toEqual(['450', '475']);
    expect(verdicts(page('9000', '450.00', '450.00'), snap).long).toBe('matches');
    expect(verdicts(page('9000', '450.01', '450.00'), snap).long).toBe('differs');
    expect(verdicts(page('9000', '449.99', '450.00'), snap).long).toBe('differs');
    expect(verdicts(page('9000', '4500.00', '450.00'), snap).long).toBe('differs'); // a size misread by ten
    expect(verdicts(page('9500', '475.00', '475.00'), snap).short).toBe('matches');
    expect(verdicts(page('9500', '475.00', '475.01'), snap).short).toBe('differs');
    expect(verdicts(page('9500', '475.00', '474.99'), snap).short).toBe('differs');
  });

  it("the open loss at the page's own mark: anywhere within 0.5 % of ours, not beyond", () => {
    // A long at 9,300, above the mark: open loss 40.16 at our mark.
    const at = (factor: string) => faq('long', '9300', MARK_.times(factor)).toFixed(2);
    for (const inside of ['1', '0.996', '1.004', '0.995'])
      expect(verdicts(page('9300', at(inside), '465.00'), snap).long, inside).toBe('matches');
    for (const outside of ['0.99', '0.994'])
      expect(verdicts(page('9300', at(outside), '465.00'), snap).long, outside).toBe('differs');
    // Without the open loss at all (the page forgot it, or we misread the price): differs.
    expect(verdicts(page('9300', '465.00', '465.00'), snap).long).toBe('matches'); // mark 0.5 % up: no loss
    expect(verdicts(page('9330', '466.50', '466.50'), snap).long).toBe('differs');
  });

  it("a short's newer FAQ cost (initial margin at the assuming price, with or without the open loss) matches", () => {
    const assuming = Dec.max(new Dec('9258.99').times('1.0015'), MARK_, '9253.3');
    const newer = assuming.div(20);
    expect(newer.toFixed(2)).toBe('463.64');
    expect(verdicts(page('9253.3', '462.67', newer.toFixed(2)), snap).short).toBe('matches');
    expect(verdicts(page('9253.3', '462.67', newer.plus('6.54').toFixed(2)), snap).short).toBe('matches');
    expect(verdicts(page('9253.3', '462.67', newer.times(2).toFixed(2)), snap).short).toBe('differs');
  });

  it('checks nothing for a market order or without a live mark', () => {
    const market = { ...page('9253.3', '462.66', '469.21'), type: 'market' as const, price: null };
    expect(verdicts(market, snap)).toEqual({ long: null, short: null });
    const noMark: MarketSnapshot = { ...snap, figures: {} };
    expect(verdicts(page('9253.3', '462.66', '469.21'), noMark)).toEqual({ long: null, short: null });
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
