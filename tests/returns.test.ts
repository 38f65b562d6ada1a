// ROE (after fees), risk : reward, the target price for a chosen ROE and the largest size that
// opens at a leverage and balance (src/core/returns.ts, src/core/max-size.ts; issue 12), against
// figures worked out by hand and by properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../src/core/decimal';
import { parseQuoteInput } from '../src/core/input';
import { maxSize, openingCost } from '../src/core/max-size';
import { quote, quoteJson } from '../src/core/quote';
import { basisFromJson, priceForRoe, roeAt, type ReturnsBasis } from '../src/core/returns';
import { wireQuote } from '../src/messaging/validate-bg-to-cs';
import { check } from '../src/schema/kit';
import { bundledFacts } from '../src/venues/bundled-facts';

const facts = bundledFacts();
type Raw = Record<string, unknown>;
const bybit = (order: Record<string, string>, extra: Raw = {}): Raw => ({
  venue: 'bybit-linear',
  marginMode: 'isolated',
  order: { symbol: 'BTCUSDT', side: 'long', type: 'limit', price: '20000', quantity: '1', leverage: '10', ...order },
  market: { markPrice: '20000', takerFeeRate: '0.00055', makerFeeRate: '0.0002' },
  ...extra,
});
const json = (raw: Raw) => quoteJson(raw, facts) as any;
const basisOf = (raw: Raw): ReturnsBasis => {
  const q = json(raw);
  const order = raw.order as { side: 'long' | 'short'; price: string };
  return basisFromJson(q, order)!;
};

describe('ROE after fees and risk : reward in the quote JSON', () => {
  it('long: ROE at the take-profit and the stop on the initial margin, R:R from both', () => {
    const q = json(bybit({ stopLoss: '19000', takeProfit: '22000' }));
    // IM = 20000 / 10 = 2000. PnL (tests/pnl-sizing): at 22000 +1983.9, at 19000 −1014.45.
    expect(q.initialMargin).toBe('2000');
    // 1983.9 / 2000 = 0.99195 (99.195 %); without fees it would be 2000 / 2000 = 100 %.
    expect(q.returns.roeAtTakeProfit).toBe('0.99195');
    // −1014.45 / 2000 = −0.507225
    expect(q.returns.roeAtStop).toBe('-0.507225');
    // 1983.9 / 1014.45 = 1.955640987727339937897382818275913056336 (1 : 1.96)
    expect(q.returns.riskReward).toBe('1.955640987727339937897382818275913056336');
  });

  it('short at 25×: the ROE scales with the leverage', () => {
    const q = json(bybit({ side: 'short', type: 'market', leverage: '25', stopLoss: '20400', takeProfit: '19000' }));
    // IM = 20000 / 25 = 800; open fee 20000 × 0.00055 = 11 (market: taker).
    // At 19000: +1000 − 11 − 19000 × 0.00055 (10.45) = 978.55 → 978.55 / 800 = 1.2231875
    expect(q.returns.roeAtTakeProfit).toBe('1.2231875');
    // At 20400: −400 − 11 − 20400 × 0.00055 (11.22) = −422.22 → −0.527775
    expect(q.returns.roeAtStop).toBe('-0.527775');
    // 978.55 / 422.22 = 2.317630619108521623798019989578892520487
    expect(q.returns.riskReward).toBe('2.317630619108521623798019989578892520487');
  });

  it('no take-profit or a stop on the profit side: no R:R; the wire validator accepts the field', () => {
    const onlyStop = json(bybit({ stopLoss: '19000' }));
    expect(onlyStop.returns).toEqual({ roeAtTakeProfit: null, roeAtStop: '-0.507225', riskReward: null });
    const wrong = json(bybit({ stopLoss: '21000', takeProfit: '22000' }));
    expect(wrong.returns.riskReward).toBeNull();
    expect(check(wireQuote, onlyStop).ok).toBe(true);
  });

  it('isolated stop beyond liquidation: the ROE of the loss at liquidation (margin + fees), below −100 %', () => {
    const q = json(bybit({ leverage: '50', stopLoss: '19000', takeProfit: '21000' }));
    // pnl.atStop = atLiquidation = −(isolated margin + opening fee); IM = 400.
    const expected = new Dec(q.pnl.atLiquidation).div(q.initialMargin);
    expect(q.returns.roeAtStop).toBe(expected.toFixed());
    expect(new Dec(q.returns.roeAtStop).lessThan(-1)).toBe(true);
  });
});

describe('target price for a chosen ROE', () => {
  it('long +50 %: P = 20000 + (1000 + 15) / 0.99945 (hand)', () => {
    const b = basisOf(bybit({}));
    // pnl(P) = −15 + 0.99945 (P − 20000) = 0.5 × 2000 ⇒ 0.99945 P − 20004 = 1000 ⇒ P = 21004 / 0.99945
    const target = priceForRoe(b, new Dec('0.5'));
    expect(target.ok && target.price.toFixed()).toBe('21015.55855720646355495522537395567562159');
  });

  it('an isolated loss beyond liquidation is unreachable; a negative price is none', () => {
    const b = basisOf(bybit({ leverage: '50' }));
    expect(priceForRoe(b, new Dec('-0.99'))).toEqual({ ok: false, reason: 'liquidated' });
    const short = basisOf(bybit({ side: 'short', leverage: '2' }));
    expect(priceForRoe(short, new Dec('3'))).toEqual({ ok: false, reason: 'noPrice' });
  });

  it('property: the ROE at the target price of ROE r is r again (every perpetual venue, both sides)', () => {
    const venues = [
      { venue: 'bybit-linear', symbol: 'BTCUSDT' },
      { venue: 'binance-usdm', symbol: 'BTCUSDT' },
      { venue: 'okx-swap', symbol: 'BTC-USDT-SWAP' },
      { venue: 'hyperliquid', symbol: 'BTC' },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...venues),
        fc.constantFrom('long', 'short'),
        fc.constantFrom('limit', 'market'),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: -90, max: 500 }),
        (v, side, type, leverage, percent) => {
          const raw: Raw = {
            ...bybit({ side, type, leverage: String(leverage), symbol: v.symbol }),
            venue: v.venue,
            market: {
              markPrice: '20000',
              takerFeeRate: '0.0005',
              makerFeeRate: '0.0002',
              maintenanceMarginRate: '0.004',
            },
          };
          const b = basisOf(raw);
          const roe = new Dec(percent).div(100);
          const target = priceForRoe(b, roe);
          if (!target.ok) return;
          expect(roeAt(b, target.price)!.minus(roe).abs().lessThan('1e-30')).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('largest size at this leverage and balance', () => {
  const usdm = (order: Record<string, string>, market: Raw = {}): Raw => ({
    venue: 'binance-usdm',
    marginMode: 'cross',
    order: { symbol: 'BTCUSDT', side: 'long', type: 'limit', price: '20000', quantity: '1', leverage: '20', ...order },
    market: {
      markPrice: '20000',
      takerFeeRate: '0.0004',
      makerFeeRate: '0.0002',
      maintenanceMarginRate: '0.004',
      ...market,
    },
  });

  it('Binance: Q = B·L / (P·(1 + L·f)) rounded down to the step', () => {
    const m = maxSize(parseQuoteInput(usdm({})), facts, new Dec(1000));
    // 1000 × 20 / (20000 × (1 + 20 × 0.0002)) = 0.99601593…; step 0.00001 ⇒ 0.99601
    expect(m.quantity.toFixed()).toBe('0.99601');
    expect(m.limitedBy).toBe('balance');
    // IM 0.99601 × 20000 / 20 = 996.01, maker fee 0.99601 × 20000 × 0.0002 = 3.98404 ⇒ 999.99404
    expect(m.cost.toFixed()).toBe('999.99404');
    // One step more: 996.02 + 3.98408 = 1000.00408 > 1000.
  });

  it('Bybit: its published order cost, 1 BTC @ 50,000, 10×, taker 0.06 % costs 5,057: 5,057 buys exactly 1 BTC', () => {
    const raw = bybit(
      { price: '50000', type: 'market' },
      { market: { markPrice: '50000', takerFeeRate: '0.0006', maintenanceMarginRate: '0.005' } },
    );
    // IM 5,000 + fee to open 30 + fee to close at the bankruptcy price 45,000 × 0.06 % = 27 (formulas.md §4.5)
    const m = maxSize(parseQuoteInput(raw), facts, new Dec(5057));
    expect(m.quantity.toFixed()).toBe('1');
    expect(m.cost.toFixed()).toBe('5057');
    expect(maxSize(parseQuoteInput(raw), facts, new Dec('5056.99')).quantity.toFixed()).toBe('0.99999');
  });

  it('the tier caps it: at 125× only the first tier (notional below 50,000) opens', () => {
    const tiers = [
      { notionalFloor: '0', notionalCap: '50000', maintenanceMarginRate: '0.004', maxLeverage: '125' },
      { notionalFloor: '50000', notionalCap: '250000', maintenanceMarginRate: '0.005', maxLeverage: '100' },
      { notionalFloor: '250000', notionalCap: '1000000', maintenanceMarginRate: '0.01', maxLeverage: '50' },
    ];
    const raw = usdm({ leverage: '125' }, { tiers, maintenanceMarginRate: undefined });
    // The balance alone would allow 10000 × 125 / (20000 × 1.025) = 60.97 BTC.
    const m = maxSize(parseQuoteInput(raw), facts, new Dec(10000));
    // Notional must stay below 50,000: 2.49999 BTC (49,999.8 USDT).
    expect(m.quantity.toFixed()).toBe('2.49999');
    expect(m.limitedBy).toBe('tier');
    // At 100× the second tier opens too: below 250,000 ⇒ 12.49999 BTC (balance allows 10000·100/(20000·1.02) = 49.0).
    expect(
      maxSize(parseQuoteInput(usdm({ leverage: '100' }, { tiers })), facts, new Dec(10000)).quantity.toFixed(),
    ).toBe('12.49999');
  });

  it('a leverage above the venue maximum opens nothing', () => {
    const m = maxSize(parseQuoteInput(usdm({ leverage: '150' }, { maxLeverage: '125' })), facts, new Dec(1000));
    expect(m).toMatchObject({ limitedBy: 'leverage' });
    expect(m.quantity.isZero()).toBe(true);
  });

  it('property: its cost fits the balance and one step more does not (or leaves the tier)', () => {
    const venues = [
      { venue: 'bybit-linear', symbol: 'BTCUSDT', marginMode: 'isolated' },
      { venue: 'binance-usdm', symbol: 'BTCUSDT', marginMode: 'cross' },
      { venue: 'okx-swap', symbol: 'BTC-USDT-SWAP', marginMode: 'isolated' },
      { venue: 'hyperliquid', symbol: 'BTC', marginMode: 'cross' },
      { venue: 'kraken-margin', symbol: 'XBTUSD', marginMode: 'cross' },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...venues),
        fc.constantFrom('long', 'short'),
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 10, max: 100000 }),
        fc.integer({ min: 1000, max: 90000 }),
        (v, side, leverage, balance, price) => {
          const raw: Raw = {
            venue: v.venue,
            marginMode: v.marginMode,
            order: {
              symbol: v.symbol,
              side,
              type: 'limit',
              price: String(price),
              quantity: '1',
              leverage: String(leverage),
            },
            market:
              v.venue === 'kraken-margin'
                ? { markPrice: String(price) }
                : { markPrice: String(price), maintenanceMarginRate: '0.004' },
          };
          const input = parseQuoteInput(raw);
          const m = maxSize(input, facts, new Dec(balance));
          expect(m.cost.lessThanOrEqualTo(balance)).toBe(true);
          const next = quote({ ...input, order: { ...input.order, quantity: m.quantity.plus(m.step) } }, facts);
          const tooBig =
            openingCost(next).greaterThan(balance) || next.warnings.some((w) => w.code === 'SIZE_OUTSIDE_TIER');
          expect(tooBig).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
