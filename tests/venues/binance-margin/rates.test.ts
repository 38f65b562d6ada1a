// Binance spot margin: the hourly borrow rate depends on what the order borrows (a long
// borrows the quote asset, a short the base asset). Without a rate in the input the model
// takes the symbol's bundled rate for that side, names it in the assumptions, and counts the
// hour charged at borrow time in the liabilities.
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/core/decimal';
import { quoteJson } from '../../../src/core/quote';
import { RAW_FACTS, bundledFacts } from '../../../src/venues/bundled-facts';
import { parseVenueFacts } from '../../../src/venues/facts';

const D = (x: string | number): Dec => new Dec(x);
type Json = Record<string, any>;

function q(input: Json): Json {
  const out = quoteJson(input, bundledFacts()) as Json;
  if (out.error) throw new Error(JSON.stringify(out.error));
  return out;
}

/** The bundled per-side rates, read from the facts file itself (never restated here). */
function bundledRate(symbol: string, side: 'long' | 'short'): Dec {
  const facts = bundledFacts()['binance-margin']!;
  const rate = facts.symbols[symbol]?.[side === 'long' ? 'borrowRatePerHourLong' : 'borrowRatePerHourShort'];
  if (rate === undefined) throw new Error(`no bundled ${side} rate for ${symbol}`);
  return rate;
}

/** symbol null: an order without a symbol. */
const order = (side: 'long' | 'short', symbol: string | null = 'BTCUSDT') => ({
  ...(symbol !== null ? { symbol } : {}),
  side,
  price: '60000',
  quantity: '0.5',
  leverage: '3',
});
const base = (side: 'long' | 'short', symbol: string | null = 'BTCUSDT') => ({
  venue: 'binance-margin',
  marginMode: 'cross',
  order: order(side, symbol),
  market: { markPrice: '60000' },
  account: { walletBalance: '20000' },
  holdHours: '5',
  carryStart: '2026-01-01T10:30:00Z',
});
const rateNote = (quote: Json): string | undefined =>
  quote.assumptions.find((a: string) => a.startsWith('hourly borrow rate'));

describe('bundled borrow rates per side', () => {
  it('the two sides have different bundled rates for BTCUSDT (the test below could tell them apart)', () => {
    expect(bundledRate('BTCUSDT', 'long').equals(bundledRate('BTCUSDT', 'short'))).toBe(false);
  });

  it("long BTCUSDT: interest on the USDT borrowed at the quote asset's rate", () => {
    const quote = q(base('long'));
    const rate = bundledRate('BTCUSDT', 'long');
    const borrowed = D(30000).minus(10000); // notional 30,000 at 3×: 10,000 own, 20,000 borrowed
    expect(quote.carry.perPeriod).toBe(borrowed.times(rate).toFixed());
    // 10:30 + 5 h = 15:30: the borrow hour plus 11:00…15:00.
    expect(quote.carry.periods).toBe('6');
    expect(quote.carry.total).toBe(borrowed.times(rate).times(6).toFixed());
    expect(rateNote(quote)).toContain(`${rate.toFixed()} of the quote asset a long borrows`);
    expect(rateNote(quote)).toContain('BTCUSDT facts dated');
  });

  it("short BTCUSDT: interest on the BTC borrowed at the base asset's rate, valued at the mark", () => {
    const quote = q(base('short'));
    const rate = bundledRate('BTCUSDT', 'short');
    expect(quote.carry.perPeriod).toBe(D('0.5').times(60000).times(rate).toFixed());
    expect(rateNote(quote)).toContain(`${rate.toFixed()} of the base asset a short borrows`);
  });

  it("ETHUSDT short uses ETH's rate, not BTC's", () => {
    const quote = q({
      ...base('short', 'ETHUSDT'),
      order: { ...order('short', 'ETHUSDT'), price: '3000' },
      market: { markPrice: '3000' },
    });
    const rate = bundledRate('ETHUSDT', 'short');
    expect(rate.equals(bundledRate('BTCUSDT', 'short'))).toBe(false);
    expect(quote.carry.perPeriod).toBe(D('0.5').times(3000).times(rate).toFixed());
  });

  it('the first hour of interest is in the liabilities: the long liquidation price moves up by it', () => {
    const quote = q(base('long'));
    const rate = bundledRate('BTCUSDT', 'long');
    // assets(P) = 0.5 P + (20,000 − 10,000); liabilities = 20,000 × (1 + r); level 1.1 (Cross Classic).
    const expected = D('1.1')
      .times(D(20000).times(D(1).plus(rate)))
      .minus(10000)
      .div('0.5');
    expect(quote.liquidationPrice).toBe(expected.toFixed());
    const withoutInterest = q({ ...base('long'), market: { markPrice: '60000', borrowRatePerHour: '0' } });
    expect(D(quote.liquidationPrice).greaterThan(withoutInterest.liquidationPrice)).toBe(true);
  });

  it('a rate in the input wins, and no bundled rate is named', () => {
    const quote = q({ ...base('long'), market: { markPrice: '60000', borrowRatePerHour: '0.000002' } });
    expect(quote.carry.perPeriod).toBe(D(20000).times('0.000002').toFixed());
    expect(rateNote(quote)).toBeUndefined();
  });

  it('no symbol, or a symbol without bundled rates: interest unknown, and said so', () => {
    for (const input of [base('long', null), { ...base('short', 'SOLUSDT') }]) {
      const quote = q(input);
      expect(quote.carry.perPeriod).toBeNull();
      expect(quote.carry.total).toBeNull();
      expect(rateNote(quote)).toBeUndefined();
      expect(quote.assumptions).toContain('borrow rate unknown: interest not included');
    }
  });
});

describe('facts format for borrow rates', () => {
  const raw = () => JSON.parse(JSON.stringify(RAW_FACTS['binance-margin'])) as Json;

  it('parses both keys as decimals', () => {
    const facts = parseVenueFacts(raw(), 'binance-margin');
    expect(facts.symbols.BTCUSDT?.borrowRatePerHourLong).toBeInstanceOf(Dec);
    expect(facts.symbols.BTCUSDT?.borrowRatePerHourShort).toBeInstanceOf(Dec);
  });

  it.each([['-0.00001'], [0.00001], [''], ['0.00001 USDT']])('rejects the rate %j', (value) => {
    const bad = raw();
    bad.symbols.BTCUSDT.borrowRatePerHourShort = value;
    expect(() => parseVenueFacts(bad, 'binance-margin')).toThrow(/borrowRatePerHourShort/);
  });

  it('a venue default applies to symbols without their own rate, and says it is a default', () => {
    const book = {
      'binance-margin': parseVenueFacts(
        { ...raw(), defaults: { liquidationLevel: '1.1', borrowRatePerHourLong: '0.00003' } },
        'binance-margin',
      ),
    };
    const out = quoteJson(base('long', 'SOLUSDT'), book) as Json;
    expect(out.carry.perPeriod).toBe(D(20000).times('0.00003').toFixed());
    expect(rateNote(out)).toContain('from bundled binance-margin facts dated');
  });
});
