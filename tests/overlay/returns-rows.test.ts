// The overlay's ROE and risk : reward rows (issue 12): present only when the order has a
// take-profit / stop, raw engine values in data-value, worded as percent of margin and "1 : R".
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal';
import { FIGURES } from '../../src/ui/overlay/contract';
import { buildView } from '../../src/ui/overlay/view-model';
import type { OrderForm } from '../../src/venues/types';
import { binanceForm, marketOf, NOW, ok, settings, snapshot, wireQuotes } from '../content/fixtures';

function view(form: OrderForm) {
  const s = settings();
  const snap = snapshot('65010.2');
  return {
    quotes: wireQuotes(form, snap, s),
    view: buildView({
      reading: ok(form),
      quotes: wireQuotes(form, snap, s),
      market: marketOf(snap),
      settings: s,
      guard: null,
      now: NOW,
      pending: false,
    }),
  };
}

const keysOf = (v: ReturnType<typeof view>['view'], side: string) =>
  v.columns.find((c) => c.side === side)!.figures.map((f) => f.key);
const row = (v: ReturnType<typeof view>['view'], side: string, key: string) =>
  v.columns.find((c) => c.side === side)!.figures.find((f) => f.key === key)!;

// Binance futures has no margin call: its column leaves that row out (issue 12: the row only where a venue has one).
const PERP_FIGURES = FIGURES.filter((key) => key !== 'marginCallPrice');

describe('ROE and risk : reward rows', () => {
  it('none without a take-profit or stop', () => {
    const { view: v } = view(binanceForm());
    expect(keysOf(v, 'long')).toEqual([...PERP_FIGURES]);
  });

  it('with both: ROE at each and R:R after the figures, the engine values raw, in words', () => {
    const { view: v, quotes } = view(binanceForm({ stopLoss: '62000', takeProfit: '70000' }));
    expect(keysOf(v, 'long')).toEqual([...PERP_FIGURES, 'roeAtTakeProfit', 'roeAtStop', 'riskReward']);
    const long = quotes.find((q) => q.side === 'long')!.result as any;
    const margin = new Dec(long.initialMargin);
    expect(row(v, 'long', 'roeAtTakeProfit').value).toBe(new Dec(long.pnl.atTakeProfit).div(margin).toFixed());
    expect(row(v, 'long', 'roeAtStop').value).toBe(long.returns.roeAtStop);
    expect(row(v, 'long', 'roeAtTakeProfit')).toMatchObject({ label: 'ROE at take-profit (after fees)' });
    expect(row(v, 'long', 'roeAtTakeProfit').text).toMatch(/^\d[\d,]*\.\d{2} %$/);
    expect(row(v, 'long', 'roeAtStop').text).toMatch(/^\u2212\d[\d,]*\.\d{2} %$/);
    expect(row(v, 'long', 'riskReward').text).toMatch(/^1 : \d+\.\d{2}$/);
    // The short side of a two-button form: that take-profit loses and that stop gains — no R:R.
    expect(row(v, 'short', 'riskReward')).toMatchObject({ value: '', text: 'none' });
  });

  it('only a stop: ROE at the stop alone', () => {
    const { view: v } = view(binanceForm({ stopLoss: '62000' }));
    expect(keysOf(v, 'long')).toEqual([...PERP_FIGURES, 'roeAtStop']);
  });
});
