// The order quantity step every venue feed reads from the public instrument data it already
// fetches (src/venues/size-step.ts; issue 12 #7): the saved answers in each venue's fixtures give
// the real steps, and a broken step rejects the answer like a broken tick size does.
import { describe, expect, it } from 'vitest';
import { attempt } from '../../src/schema';
import { contractSizeStep, sizeStep, sizeStepOfDecimals } from '../../src/venues/size-step';
import { feedFor } from '../../src/venues/feeds';
import type { ParseResult } from '../../src/venues/feed-types';
import type { VenueId } from '../../src/core/types';
import { fixture } from '../background/fakes';
import { isAllowedUrl } from '../../src/background/net/allowlist';

type Json = any;

const stepOf = (result: ParseResult): string | null =>
  result.ok ? (result.figures.sizeStep?.value ?? null) : `rejected: ${result.reason}`;

/** The answer of one source of a venue's feed: 'facts', 'mark' or a moreFacts name. */
function parse(venue: VenueId, source: string, body: unknown, symbol: string): ParseResult {
  const feed = feedFor(venue)!;
  if (source === 'facts') return feed.parseFacts(body, symbol);
  if (source === 'mark') return feed.parseMark(body, symbol);
  return feed.moreFacts!.find((s) => s.name === source)!.parse(body, symbol);
}

interface Case {
  venue: VenueId;
  source: string;
  file: string;
  symbol: string;
  step: string;
  /** Sets the step field of the symbol's entry in a copy of the saved answer. */
  set(body: Json, value: unknown): void;
}

const CASES: Case[] = [
  {
    venue: 'kraken-margin',
    source: 'facts',
    file: 'asset-pairs.json',
    symbol: 'BTC/USD',
    step: '0.00000001',
    set: (b, v) => (b.result.XXBTZUSD.lot_decimals = v),
  },
  {
    venue: 'binance-margin',
    source: 'facts',
    file: 'exchange-info.json',
    symbol: 'BTCUSDT',
    step: '0.00001',
    set: (b, v) => (b.symbols[0].filters.find((f: Json) => f.filterType === 'LOT_SIZE').stepSize = v),
  },
  {
    venue: 'bybit-linear',
    source: 'instruments',
    file: 'instruments-info.json',
    symbol: 'BTCUSDT',
    step: '0.001',
    set: (b, v) => (b.result.list[0].lotSizeFilter.qtyStep = v),
  },
  {
    venue: 'okx-swap',
    source: 'facts',
    file: 'instruments.json',
    symbol: 'BTC-USDT-SWAP',
    // lotSz 0.01 contracts × ctVal 0.01 BTC
    step: '0.0001',
    set: (b, v) => (b.data[0].lotSz = v),
  },
  {
    venue: 'hyperliquid',
    source: 'facts',
    file: 'meta.json',
    symbol: 'BTC',
    step: '0.00001',
    set: (b, v) => (b.universe[0].szDecimals = v),
  },
  {
    venue: 'hyperliquid',
    source: 'mark',
    file: 'meta-and-asset-ctxs.json',
    symbol: 'BTC',
    step: '0.00001',
    set: (b, v) => (b[0].universe[0].szDecimals = v),
  },
  {
    venue: 'binance-usdm',
    source: 'steps',
    file: 'exchange-info.json',
    symbol: 'BTCUSDT',
    step: '0.001',
    // Both the limit and the market lot step: either one broken rejects the answer.
    set: (b, v) => {
      for (const f of b.symbols[0].filters) if (/LOT_SIZE$/.test(f.filterType)) f.stepSize = v;
    },
  },
];

const load = (c: Case): Json => structuredClone(fixture(c.venue, c.file));
/** Decimal-string fields take the broken value as text; decimal-count fields (Kraken, Hyperliquid) as a number. */
const counts = (c: Case) => c.file === 'asset-pairs.json' || c.venue === 'hyperliquid';
/** Binance documents a step of 0 as "this rule is disabled": no step, not a broken one. */
const zeroIsNone = (c: Case) => c.venue.startsWith('binance');

describe.each(CASES)('$venue $source ($file): the quantity step', (c) => {
  it(`reads ${c.step} for ${c.symbol} from the saved answer`, () => {
    expect(stepOf(parse(c.venue, c.source, load(c), c.symbol))).toBe(c.step);
  });

  it('rejects the whole answer for a broken step (the other figures with it)', () => {
    const broken: unknown[] = counts(c)
      ? [-1, 2.5, '8', null, 40]
      : ['-0.001', '1e-3', 0.001, null, '2000000', ...(zeroIsNone(c) ? [] : ['0'])];
    for (const value of broken) {
      const body = load(c);
      c.set(body, value);
      const result = parse(c.venue, c.source, body, c.symbol);
      expect(result.ok, `${JSON.stringify(value)} is rejected`).toBe(false);
    }
  });
});

// Only where the rule exists (Binance): a separate table, so no case is reported as skipped elsewhere.
describe.each(CASES.filter(zeroIsNone))('$venue $source ($file): a disabled step', (c) => {
  it('reads no step where the rule is disabled (stepSize 0), the answer still counts', () => {
    const body = load(c);
    c.set(body, '0.00000000');
    expect(stepOf(parse(c.venue, c.source, body, c.symbol))).toBeNull();
  });
});

describe('binance-usdm exchangeInfo (shared, every symbol)', () => {
  const info = (): Json => structuredClone(fixture('binance-usdm', 'exchange-info.json'));
  const steps = (body: unknown, symbol: string) => parse('binance-usdm', 'steps', body, symbol);

  it("gives the symbol's tick and step, dated by serverTime; other symbols from the same answer", () => {
    expect(steps(info(), 'BTCUSDT')).toEqual({
      ok: true,
      figures: {
        tickSize: { value: '0.1', exchangeTime: 1795485600321 },
        sizeStep: { value: '0.001', exchangeTime: 1795485600321 },
        minSize: { value: '0.001', exchangeTime: 1795485600321 },
      },
    });
    expect(stepOf(steps(info(), 'XRPUSDT'))).toBe('0.1');
    expect(steps(info(), 'ETHUSDT')).toMatchObject({ ok: true, figures: { tickSize: { value: '0.01' } } });
  });

  it('takes the coarser MARKET_LOT_SIZE step when it is a whole number of LOT_SIZE steps, else rejects', () => {
    const body = info();
    body.symbols[0].filters.find((f: Json) => f.filterType === 'MARKET_LOT_SIZE').stepSize = '0.010';
    expect(stepOf(steps(body, 'BTCUSDT'))).toBe('0.01');
    const odd = info();
    odd.symbols[0].filters.find((f: Json) => f.filterType === 'MARKET_LOT_SIZE').stepSize = '0.0025';
    expect(stepOf(steps(odd, 'BTCUSDT'))).toMatch(/MARKET_LOT_SIZE.stepSize is not a multiple/);
  });

  it('rejects a broken tick, an unlisted symbol, a symbol listed twice and an error answer', () => {
    const tick = info();
    tick.symbols[0].filters.find((f: Json) => f.filterType === 'PRICE_FILTER').tickSize = '0.3';
    expect(steps(tick, 'BTCUSDT').ok).toBe(false);
    expect(stepOf(steps(info(), 'DOGEUSDT'))).toMatch(/DOGEUSDT is not in Binance's exchangeInfo/);
    const twice = info();
    twice.symbols.push(twice.symbols[0]);
    expect(steps(twice, 'BTCUSDT').ok).toBe(false);
    expect(steps({ code: -1003, msg: 'Too many requests' }, 'BTCUSDT').ok).toBe(false);
  });

  it('is a shared daily source on the one allowlisted path, with room for the whole table', () => {
    const source = feedFor('binance-usdm')!.moreFacts!.find((s) => s.name === 'steps')!;
    expect(source.endpoint.base).toBe('https://fapi.binance.com/fapi/v1/exchangeInfo');
    expect(source.endpoint.query).toBeUndefined();
    expect(source.shared?.refreshMs).toBe(24 * 3_600_000);
    expect(source.endpoint.maxBodyChars).toBeGreaterThanOrEqual(4_000_000);
    expect(isAllowedUrl(new URL('https://fapi.binance.com/fapi/v1/exchangeInfo'))).toBe(true);
    expect(isAllowedUrl(new URL('https://fapi.binance.com/fapi/v1/exchangeInfo/x'))).toBe(false);
    expect(isAllowedUrl(new URL('https://fapi.binance.com/fapi/v2/exchangeInfo'))).toBe(false);
  });
});

describe('size-step.ts', () => {
  const check = (f: () => string) => {
    const r = attempt(f);
    return r.ok ? r.value : r.reason;
  };

  it('normalises decimal strings and decimal counts; OKX multiplies lots by the contract value', () => {
    expect(check(() => sizeStep('0.00001000', 'step'))).toBe('0.00001');
    expect(check(() => sizeStep('100', 'step'))).toBe('100');
    expect(check(() => sizeStepOfDecimals(8, 'lot'))).toBe('0.00000001');
    expect(check(() => sizeStepOfDecimals(0, 'lot'))).toBe('1');
    expect(check(() => contractSizeStep('0.01', '0.1', 'lotSz'))).toBe('0.001');
    expect(check(() => contractSizeStep('1', '1000', 'lotSz'))).toBe('1000');
  });

  it.each([
    ['zero', '0', /out of range/],
    ['negative', '-1', /out of range/],
    ['an exponent', '1e-3', /not a decimal string/],
    ['a JSON number', 0.001, /not a decimal string/],
    ['coarser than a million', '2000000', /out of range/],
    ['finer than 1e-12', '0.0000000000001', /out of range/],
  ])('rejects %s', (_, value, reason) => {
    expect(check(() => sizeStep(value, 'step'))).toMatch(reason);
  });
});

describe('the minimum order quantity (minSize)', () => {
  const least = (venue: VenueId, source: string, file: string, symbol: string, spoil?: (b: Json) => void) => {
    const body: Json = structuredClone(fixture(venue, file));
    spoil?.(body);
    const result = parse(venue, source, body, symbol);
    return result.ok ? (result.figures.minSize?.value ?? null) : 'rejected';
  };
  const lotSize = (b: Json) => b.symbols[0].filters.find((f: Json) => f.filterType === 'LOT_SIZE');

  it('is read where the instrument data lists it', () => {
    expect(least('kraken-margin', 'facts', 'asset-pairs.json', 'BTC/USD')).toBe('0.0001');
    expect(least('bybit-linear', 'instruments', 'instruments-info.json', 'BTCUSDT')).toBe('0.001');
    expect(least('binance-margin', 'facts', 'exchange-info.json', 'BTCUSDT')).toBe('0.00001');
    expect(least('binance-usdm', 'steps', 'exchange-info.json', 'BTCUSDT')).toBe('0.001');
    // minSz 0.01 contracts × ctVal 0.01 BTC
    expect(least('okx-swap', 'facts', 'instruments.json', 'BTC-USDT-SWAP')).toBe('0.0001');
  });

  it('a broken one rejects the answer', () => {
    expect(
      least('kraken-margin', 'facts', 'asset-pairs.json', 'BTC/USD', (b) => (b.result.XXBTZUSD.ordermin = 'abc')),
    ).toBe('rejected');
    expect(
      least('bybit-linear', 'instruments', 'instruments-info.json', 'BTCUSDT', (b) => {
        b.result.list[0].lotSizeFilter.minOrderQty = '-1';
      }),
    ).toBe('rejected');
    expect(least('binance-margin', 'facts', 'exchange-info.json', 'BTCUSDT', (b) => (lotSize(b).minQty = '1e-3'))).toBe(
      'rejected',
    );
    expect(least('binance-usdm', 'steps', 'exchange-info.json', 'BTCUSDT', (b) => (lotSize(b).minQty = 0.001))).toBe(
      'rejected',
    );
    expect(least('okx-swap', 'facts', 'instruments.json', 'BTC-USDT-SWAP', (b) => (b.data[0].minSz = '0'))).toBe(
      'rejected',
    );
  });
});
