// The cross-check with the page's own figures (src/venues/page-check.ts): the tolerance is half a
// unit of the page's last decimal place plus the venue rule's leeway, edges included, both ways.
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal';
import type { QuoteJson } from '../../src/core/serialize';
import { agrees, checkPageEstimates, ESTIMATE_RULES } from '../../src/venues/page-check';
import { exact, roundingTolerance, type VenueEstimateRules } from '../../src/venues/page-estimate-rule';
import type { QuotePlan } from '../../src/venues/quote-plan';
import type { OrderForm, PageEstimate } from '../../src/venues/types';

const ours = (value: string, below = '0', above = '0') => ({
  value: new Dec(value),
  below: new Dec(below),
  above: new Dec(above),
});

describe('agrees: the page rounded to its decimals', () => {
  it('half a unit of the last place', () => {
    expect(roundingTolerance(2).toFixed()).toBe('0.005');
    expect(roundingTolerance(0).toFixed()).toBe('0.5');
    expect(roundingTolerance(4).toFixed()).toBe('0.00005');
  });

  it('accepts the page at exactly half a unit on either side, refuses just beyond', () => {
    for (const [page, value, ok] of [
      ['650.12', '650.125', true], // ours rounded half up or down: both fit
      ['650.13', '650.125', true],
      ['650.12', '650.1251', false], // 0.0051 away
      ['650.13', '650.1249', false],
      ['650.12', '650.115', true],
      ['650.12', '650.1149', false],
      ['650', '650.5', true],
      ['650', '650.5001', false],
      ['651', '650.5', true],
    ] as const) {
      const decimals = /\.(\d+)$/.exec(page)?.[1]?.length ?? 0;
      expect(agrees(new Dec(page), ours(value), decimals), `${page} vs ${value}`).toBe(ok);
    }
  });

  it('widens by the rule: `below` under ours, `above` over it, never the other way', () => {
    // Page may be up to 5 under ours (a fee it leaves out), not over.
    expect(agrees(new Dec('95.00'), ours('100', '5'), 2)).toBe(true);
    expect(agrees(new Dec('94.99'), ours('100', '5'), 2)).toBe(false);
    expect(agrees(new Dec('100.01'), ours('100', '5'), 2)).toBe(false);
    expect(agrees(new Dec('100.005'), ours('100', '5'), 3)).toBe(false);
    expect(agrees(new Dec('105.00'), ours('100', '0', '5'), 2)).toBe(true);
    expect(agrees(new Dec('105.01'), ours('100', '0', '5'), 2)).toBe(false);
    expect(agrees(new Dec('99.99'), ours('100', '0', '5'), 2)).toBe(false);
  });
});

const quote = { venue: 'bybit-linear', notional: '6500', initialMargin: '650', liquidationPrice: null } as QuoteJson;
const plan = { input: null, quantity: '0.1', markState: 'live' } as unknown as QuotePlan;
const form = (pageEstimates: PageEstimate[], side: OrderForm['side'] = 'long'): OrderForm => ({
  venue: 'bybit-linear',
  symbol: 'BTCUSDT',
  side,
  type: 'limit',
  marginMode: 'cross',
  price: '65000',
  size: { unit: 'base', value: '0.1' },
  leverage: '10',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: null,
  pageEstimates,
});
/** The page's text "650.10" as a reader sends it: canonical value "650.1", 2 decimals. */
const est = (kind: PageEstimate['kind'], text: string, side: PageEstimate['side'] = null): PageEstimate => ({
  kind,
  side,
  value: new Dec(text).toFixed(),
  decimals: /\.(\d+)$/.exec(text)?.[1]?.length ?? 0,
});
const rules: Partial<Record<string, VenueEstimateRules>> = {
  'bybit-linear': {
    venue: 'bybit-linear',
    rules: {
      orderValue: { source: 'test', ours: ({ quote: q }) => exact(new Dec(q.notional)) },
      initialMargin: { source: 'test', ours: ({ quote: q }) => exact(new Dec(q.initialMargin)) },
      liquidationPrice: {
        source: 'test',
        ours: ({ quote: q }) => (q.liquidationPrice === null ? null : exact(new Dec(q.liquidationPrice))),
      },
    },
  },
};
const market = { snapshot: null, now: 0 };
const run = (f: OrderForm, side: 'long' | 'short' = 'long') => checkPageEstimates(f, side, quote, plan, market, rules);

describe('checkPageEstimates', () => {
  it('matches when every figure agrees, with the page figure, ours unrounded and the decimals', () => {
    expect(run(form([est('orderValue', '6500.00'), est('initialMargin', '650.000')]))).toEqual({
      verdict: 'matches',
      checks: [
        { kind: 'orderValue', page: '6500', ours: '6500', decimals: 2, agrees: true },
        { kind: 'initialMargin', page: '650', ours: '650', decimals: 3, agrees: true },
      ],
    });
  });

  it('differs when one figure is beyond its rounding, above or below ours', () => {
    for (const page of ['650.01', '649.99']) {
      const check = run(form([est('orderValue', '6500.00'), est('initialMargin', page)]));
      expect(check?.verdict).toBe('differs');
      expect(check?.checks.map((c) => c.agrees)).toEqual([true, false]);
    }
  });

  it('checks a per-side figure only on its side; a null side is the form side', () => {
    const f = form([est('initialMargin', '650.00', 'long'), est('initialMargin', '999.00', 'short')], 'both');
    expect(run(f, 'long')?.verdict).toBe('matches');
    expect(run(f, 'short')?.verdict).toBe('differs');
    expect(run(f, 'short')?.checks).toHaveLength(1);
  });

  it('is null without figures, without a rule for the kind or venue, or when the rule has no figure', () => {
    expect(run({ ...form([]), pageEstimates: undefined })).toBeNull();
    expect(run(form([]))).toBeNull();
    expect(run(form([est('cost', '1')]))).toBeNull(); // no rule for 'cost' in this registry
    expect(run(form([est('liquidationPrice', '58000.0')]))).toBeNull(); // our quote has none
    expect(checkPageEstimates(form([est('orderValue', '1')]), 'long', quote, plan, market, {})).toBeNull();
  });
});

describe('an order that adds to a position the page shows in the same market', () => {
  const position = {
    side: 'long' as const,
    quantity: '0.1',
    entryPrice: '64000',
    markPrice: '65000',
    maintenanceMargin: null,
  };
  const adding = (estimates: PageEstimate[], symbol = 'BTCUSDT'): OrderForm => ({
    ...form(estimates),
    account: { walletBalance: '10000', positions: [{ ...position, symbol }] },
  });

  it("skips the per-order figures (ours is the combined position's), keeps the liquidation price", () => {
    // The page's 650.00 is this order's margin; the quote's would be the combined position's.
    const combined = { ...quote, initialMargin: '1295', notional: '12950', liquidationPrice: '14000' } as QuoteJson;
    const f = adding([
      est('orderValue', '6500.00'),
      est('initialMargin', '650.00'),
      est('liquidationPrice', '13000.0'),
    ]);
    const check = checkPageEstimates(f, 'long', combined, plan, market, rules);
    expect(check?.checks.map((c) => c.kind)).toEqual(['liquidationPrice']);
    expect(check?.verdict).toBe('differs');
  });

  it('a position in another market changes nothing: the per-order figures are checked', () => {
    expect(run(adding([est('initialMargin', '651.00')], 'ETHUSDT'))?.verdict).toBe('differs');
  });

  it('a rule that works the position out itself (positionAware) is still checked', () => {
    const aware: Partial<Record<string, VenueEstimateRules>> = {
      'bybit-linear': {
        venue: 'bybit-linear',
        rules: { cost: { source: 'test', positionAware: true, ours: () => exact(new Dec('650')) } },
      },
    };
    const check = checkPageEstimates(adding([est('cost', '650.00')]), 'long', quote, plan, market, aware);
    expect(check?.verdict).toBe('matches');
  });
});

describe('the venue rules', () => {
  it('are collected by folder, each naming its own venue', () => {
    for (const [venue, found] of Object.entries(ESTIMATE_RULES)) expect(found?.venue).toBe(venue);
    expect(Object.keys(ESTIMATE_RULES['binance-usdm']?.rules ?? {})).toEqual(['cost']);
    expect(Object.keys(ESTIMATE_RULES['bybit-linear']?.rules ?? {}).sort()).toEqual(['cost', 'orderValue']);
    expect(Object.keys(ESTIMATE_RULES['kraken-margin']?.rules ?? {})).toEqual(['orderValue']);
  });
});
