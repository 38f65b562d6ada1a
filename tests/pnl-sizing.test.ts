// The PnL line every quote carries, the loss-at-stop limit, and position sizing from risk,
// checked against figures worked out by hand from the venue's fee rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../src/core/decimal';
import { parseQuoteInput } from '../src/core/input';
import { quote, quoteJson } from '../src/core/quote';
import { fits, sizeForRisk } from '../src/core/sizing';
import type { VenueId } from '../src/core/types';
import { bundledFacts } from '../src/venues/bundled-facts';

const facts = bundledFacts();
const bybit = (order: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  venue: 'bybit-linear',
  marginMode: 'isolated',
  order: { symbol: 'BTCUSDT', side: 'long', type: 'limit', price: '20000', quantity: '1', leverage: '10', ...order },
  market: { markPrice: '20000', takerFeeRate: '0.00055', makerFeeRate: '0.0002' },
  ...extra,
});

describe('PnL line', () => {
  it('long: open fee (maker), close fee at the exit price (taker); at the stop and the take-profit', () => {
    const q = quoteJson(bybit({ stopLoss: '19000', takeProfit: '22000' }), facts) as any;
    // Hand: open 20000 × 0.0002 = 4; close at entry 20000 × 0.00055 = 11.
    expect(q.pnl.atEntry).toBe('-15');
    expect(q.pnl.slope).toBe('0.99945');
    // At 19000: −1000 − 4 − 19000 × 0.00055 (10.45) = −1014.45
    expect(q.pnl.atStop).toBe('-1014.45');
    // At 22000: 2000 − 4 − 22000 × 0.00055 (12.1) = 1983.9
    expect(q.pnl.atTakeProfit).toBe('1983.9');
  });

  it('short: the line falls with the price', () => {
    const q = quoteJson(bybit({ side: 'short', type: 'market', stopLoss: '21000' }), facts) as any;
    // open 20000 × 0.00055 = 11; at 21000: −1000 − 11 − 21000 × 0.00055 (11.55) = −1022.55
    expect(q.pnl.slope).toBe('-1.00055');
    expect(q.pnl.atStop).toBe('-1022.55');
    expect(q.pnl.atTakeProfit).toBeNull();
  });

  it('crosses zero at the fee-only break-even (the engine break-even with no carry)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 100000 }), fc.constantFrom('long', 'short'), (price, side) => {
        const raw = bybit({
          side,
          price: String(price),
          stopLoss: String(side === 'long' ? price - 100 : price + 100),
        });
        const q = quote(parseQuoteInput(raw), facts);
        if (q.breakEvenPrice === null || q.carry.total !== null) return; // no funding rate given: carry is 0
        const zero = q.pnl.atEntry.plus(q.pnl.slope.times(q.breakEvenPrice.minus(price)));
        expect(zero.abs().lessThan('1e-20')).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('loss limit at the stop', () => {
  it('warns (danger) only when the loss with fees exceeds limits.maxLoss', () => {
    const over = quoteJson(bybit({ stopLoss: '19000' }, { limits: { maxLoss: '1014.44' } }), facts) as any;
    expect(over.warnings.map((w: any) => w.code)).toContain('LOSS_AT_STOP_ABOVE_LIMIT');
    const at = quoteJson(bybit({ stopLoss: '19000' }, { limits: { maxLoss: '1014.45' } }), facts) as any;
    expect(at.warnings.map((w: any) => w.code)).not.toContain('LOSS_AT_STOP_ABOVE_LIMIT');
    const noStop = quoteJson(bybit({}, { limits: { maxLoss: '1' } }), facts) as any;
    expect(noStop.warnings.map((w: any) => w.code)).not.toContain('LOSS_AT_STOP_ABOVE_LIMIT');
  });

  it('rejects bad takeProfit and maxLoss input', () => {
    expect((quoteJson(bybit({ takeProfit: '-1' }), facts) as any).error.path).toBe('order.takeProfit');
    expect((quoteJson(bybit({}, { limits: { maxLoss: 'x' } }), facts) as any).error.path).toBe('limits.maxLoss');
  });
});

describe('sizing from risk', () => {
  const VENUE_INPUTS: Array<[VenueId, Record<string, unknown>]> = [
    ['bybit-linear', bybit({ stopLoss: '19000' })],
    [
      'binance-usdm',
      {
        venue: 'binance-usdm',
        marginMode: 'isolated',
        order: { symbol: 'BTCUSDT', side: 'short', price: '65000', quantity: '1', leverage: '10', stopLoss: '66300' },
        market: { markPrice: '65000' },
      },
    ],
    [
      'hyperliquid',
      {
        venue: 'hyperliquid',
        marginMode: 'isolated',
        order: {
          symbol: 'BTC',
          side: 'long',
          type: 'market',
          price: '90000',
          quantity: '1',
          leverage: '10',
          stopLoss: '88000',
        },
        market: { markPrice: '90000' },
      },
    ],
    [
      'kraken-margin',
      {
        venue: 'kraken-margin',
        marginMode: 'cross',
        order: { symbol: 'XBTUSD', side: 'long', price: '60000', quantity: '1', leverage: '3', stopLoss: '57000' },
        account: { walletBalance: '50000' },
      },
    ],
  ];

  it.each(VENUE_INPUTS)(
    '%s: the sized position loses exactly the risk at the stop, and the leverage fits while one more does not',
    (_, raw) => {
      const input = parseQuoteInput(raw);
      const sized = sizeForRisk(input, facts, new Dec('500'));
      const check = quote(
        {
          ...input,
          order: { ...input.order, quantity: sized.quantity, leverage: sized.leverage ?? input.order.leverage },
        },
        facts,
      );
      expect(check.pnl.atStop!.negated().minus(500).abs().lessThan('1e-18')).toBe(true);
      expect(sized.leverage).not.toBeNull();
      expect(
        fits(sized.quote, { ...input, order: { ...input.order, quantity: sized.quantity, leverage: sized.leverage! } }),
      ).toBe(true);
      const higher = {
        ...input,
        order: { ...input.order, quantity: sized.quantity, leverage: sized.leverage!.plus(1) },
      };
      if (sized.leverage!.lessThan(125)) expect(fits(quote(higher, facts), higher)).toBe(false);
    },
  );

  it('a tight stop allows high leverage, a wide one only low leverage', () => {
    const tight = sizeForRisk(parseQuoteInput(bybit({ stopLoss: '19800' })), facts, new Dec('100'));
    const wide = sizeForRisk(parseQuoteInput(bybit({ stopLoss: '15000' })), facts, new Dec('100'));
    expect(tight.leverage!.greaterThan(wide.leverage!)).toBe(true);
    expect(wide.leverage!.lessThanOrEqualTo(4)).toBe(true); // a 25 % stop needs the liquidation beyond 25 %
  });

  it('refuses a stop on the profit side, no stop, and a zero risk', () => {
    expect(() => sizeForRisk(parseQuoteInput(bybit({ stopLoss: '21000' })), facts, new Dec(100))).toThrow(
      /losing side/,
    );
    expect(() => sizeForRisk(parseQuoteInput(bybit({})), facts, new Dec(100))).toThrow(/stopLoss/);
    expect(() => sizeForRisk(parseQuoteInput(bybit({ stopLoss: '19000' })), facts, new Dec(0))).toThrow(/above 0/);
  });

  it('respects the personal maximum leverage', () => {
    const sized = sizeForRisk(
      parseQuoteInput(bybit({ stopLoss: '19900' }, { limits: { maxLeverage: '7' } })),
      facts,
      new Dec('100'),
    );
    expect(sized.leverage!.toFixed()).toBe('7');
  });
});
