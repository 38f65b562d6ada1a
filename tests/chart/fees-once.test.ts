// Each fee once on the chart (issue 12, "Wrong or misleading" #1). The engine's PnL line at entry
// already pays the opening fee, the closing fee and any opening charge of the loan (Kraken's margin
// opening fee, carry.opening); the chart adds only the rest of the carry (carry.total − carry.opening).
// For every venue's example quote: PnL at entry = −(open fee + close fee + carry) exactly, the carry
// counted once; PnL at the break-even price = 0 within a cent; the break-even marker sits there.
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal';
import { quoteJson } from '../../src/core/quote';
import { chartFromQuote, type ChartQuote } from '../../src/ui/chart/from-quote';
import { compareFixed, type Fixed } from '../../src/core/decimal-text';
import { addFixed, parseExact, pnlAtText, subFixed } from '../../src/ui/chart/exact';
import { bundledFacts } from '../../src/venues/bundled-facts';
import { VENUES } from '../../src/core/types';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { quoteScenario } from '../../src/ui/popup/engine';
import { buildFigures } from '../../src/ui/popup/figures-model';
import { defaultScenario } from '../../src/ui/popup/scenario';
import { buildView } from '../../src/ui/overlay/view-model';
import { quoteSides } from '../../src/venues/quote-sides';
import { krakenForm, ok, settings } from '../content/fixtures';
import { NOW, SAMPLE_ORDERS } from '../popup/orders';

type FullQuote = ChartQuote & {
  fees: { open: string; close: string };
  carry: { opening: string; total: string | null };
};

const exact = (text: string): Fixed => parseExact(text)!;

function expectFeesOnce(q: FullQuote, entry: string): void {
  const chart = chartFromQuote(q, { entry, mark: null, stopLoss: null, takeProfit: null });
  // Exact (BigInt) sums: decimal.js would round the engine's 40-digit carry.
  const carry = exact(q.carry.total ?? q.carry.opening);
  const costs = addFixed(addFixed(exact(q.fees.open), exact(q.fees.close)), carry);
  expect(chart.withCarry).toBe(q.carry.total !== null);
  const atEntry = pnlAtText(chart.pnl, entry, entry)!;
  expect(compareFixed(exact(atEntry), subFixed(exact('0'), costs)), `at entry ${atEntry}`).toBe(0);
  if (q.breakEvenPrice === null) return;
  const atBreakEven = new Dec(pnlAtText(chart.pnl, entry, q.breakEvenPrice)!);
  expect(atBreakEven.abs().lessThan('0.01'), `PnL at break-even ${q.breakEvenPrice}: ${atBreakEven}`).toBe(true);
  expect(chart.markers.find((m) => m.kind === 'breakEven')?.price).toBe(q.breakEvenPrice);
}

const kraken = (side: 'long' | 'short', holdHours = '24') => ({
  venue: 'kraken-margin',
  marginMode: 'cross',
  holdHours,
  order: { symbol: 'BTC/USD', side, price: '65000', quantity: '0.5', leverage: '3' },
  market: { markPrice: '65000' },
  account: { walletBalance: '40000' },
});

describe('the chart counts each fee once', () => {
  it.each(['long', 'short'] as const)('Kraken %s: opening fee in the line once, zero at break-even', (side) => {
    const q = quoteJson(kraken(side), bundledFacts()) as any;
    // The bundled XBT opening fee: 0.00025 × 32,500 USD extended = 8.125 USD, plus six rollovers.
    expect(q.carry.opening).toBe('8.125');
    expect(new Dec(q.carry.total).greaterThan(q.carry.opening)).toBe(true);
    expectFeesOnce(q, '65000');
  });

  it('Kraken held under one rollover period: the carry is the opening fee alone, counted once', () => {
    const q = quoteJson(kraken('long', '2'), bundledFacts()) as any;
    expect(q.carry.total).toBe(q.carry.opening);
    expectFeesOnce(q, '65000');
  });

  for (const sample of SAMPLE_ORDERS) {
    it(`example order: ${sample.name}`, () => {
      const sides = quoteSides(sample.form, sample.snapshot, sample.settings, NOW);
      const quoted = sides.filter((s) => s.result !== null && !('error' in s.result));
      expect(quoted.length).toBeGreaterThan(0);
      for (const s of quoted) {
        const input = s.plan.input as { order: { price: string } };
        expectFeesOnce(s.result as unknown as FullQuote, input.order.price);
      }
    });
  }

  // The two surfaces draw what chartFromQuote gives: the popup's example scenario of every venue…
  it.each(VENUES)('popup, %s example scenario: zero at the break-even marker, each fee once', (venue) => {
    const typed = venue === 'okx-swap' ? { maintenancePercent: '0.4' } : {};
    const scenario = { ...defaultScenario(venue, DEFAULT_SETTINGS, 'en-US'), ...typed };
    const outcome = quoteScenario(scenario, null, DEFAULT_SETTINGS, NOW);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const q = outcome.quote.result as unknown as FullQuote;
    const chart = buildFigures({ outcome, scenario, origin: null, locale: 'en-US' }).chart!;
    expect(chart.pnl).toEqual(
      chartFromQuote(q, { entry: chart.entry, mark: null, stopLoss: null, takeProfit: null }).pnl,
    );
    expectFeesOnce(q, chart.entry);
  });

  // …and the overlay on a Kraken page (the case).
  it('overlay, Kraken long: the break-even marker at PnL 0', () => {
    const form = krakenForm({ leverage: '5', size: { unit: 'base', value: '1' } });
    const s = settings({ accountBalance: { 'kraken-margin': '20000' } });
    const sides = quoteSides(form, null, s, NOW);
    const v = buildView({
      reading: ok(form),
      quotes: sides,
      market: null,
      settings: s,
      guard: null,
      now: NOW,
      pending: false,
    });
    const chart = v.columns[0]!.chart!;
    const breakEven = chart.markers.find((m) => m.kind === 'breakEven')!;
    const atBreakEven = new Dec(pnlAtText(chart.pnl, chart.entry, breakEven.price)!);
    expect(atBreakEven.abs().lessThan('0.01'), `PnL at break-even: ${atBreakEven}`).toBe(true);
    expectFeesOnce(sides[0]!.result as unknown as FullQuote, chart.entry);
  });
});
