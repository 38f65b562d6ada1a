// The view model's additions for issue 5: the PnL chart per side, tick precision, locale,
// theme and the sentence the aria-live region announces.
import { describe, expect, it } from 'vitest';
import { buildView, type OverlayModel } from '../../src/ui/overlay/view-model';
import type { MarketSnapshot, OrderForm } from '../../src/venues/types';
import { binanceForm, krakenForm, marketOf, NOW, ok, settings, snapshot, wireQuotes } from '../content/fixtures';

function view(form: OrderForm, snap: MarketSnapshot | null, over: Partial<OverlayModel> = {}, tickSize?: string) {
  const s = over.settings ?? settings();
  const market = marketOf(snap);
  return buildView({
    reading: ok(form),
    quotes: wireQuotes(form, snap, s),
    market: market && tickSize !== undefined ? { ...market, tickSize } : market,
    settings: s,
    guard: null,
    now: NOW,
    pending: false,
    ...over,
  });
}

const figure = (v: ReturnType<typeof view>, side: string, key: string) =>
  v.columns.find((c) => c.side === side)!.figures.find((f) => f.key === key)!;

describe('chart per side', () => {
  it('a limit order: the line anchored at the limit price, every price the column shows marked', () => {
    const v = view(binanceForm({ stopLoss: '62000', takeProfit: '70000' }), snapshot('65010.2'));
    for (const c of v.columns) {
      const chart = c.chart!;
      expect(chart.entry).toBe('65000');
      expect(chart.currency).toBe('USDT');
      const byKind = Object.fromEntries(chart.markers.map((m) => [m.kind, m.price]));
      expect(byKind).toMatchObject({ entry: '65000', mark: '65010.2', stop: '62000', takeProfit: '70000' });
      expect(byKind.liquidation).toBe(figure(v, c.side, 'liquidationPrice').value);
      expect(byKind.breakEven).toBe(figure(v, c.side, 'breakEvenPrice').value);
      expect(byKind.marginCall).toBeUndefined(); // Binance futures has none
      expect(chart.markers.find((m) => m.kind === 'liquidation')!.label).toBe('Liquidation');
    }
    const long = v.columns.find((c) => c.side === 'long')!.chart!;
    const short = v.columns.find((c) => c.side === 'short')!.chart!;
    expect(long.title).toBe('Profit and loss by exit price — Long / Buy');
    expect(long.pnl.slope.startsWith('-')).toBe(false);
    expect(short.pnl.slope.startsWith('-')).toBe(true);
  });

  it('a market order: anchored at the mark the engine used, no separate mark marker', () => {
    const v = view(binanceForm({ side: 'long', type: 'market', price: null }), snapshot('65010.2'));
    const chart = v.columns[0]!.chart!;
    expect(chart.entry).toBe('65010.2');
    expect(chart.markers.map((m) => m.kind)).not.toContain('mark');
  });

  it('a mark equal in value to the limit price is not marked twice', () => {
    const v = view(binanceForm({ side: 'long', price: '65010.20' }), snapshot('65010.2'));
    expect(v.columns[0]!.chart!.markers.filter((m) => m.kind === 'mark' || m.kind === 'entry')).toHaveLength(1);
  });

  it('Kraken with a balance marks the margin call', () => {
    const v = view(krakenForm({ leverage: '5', size: { unit: 'base', value: '1' } }), null, {
      settings: settings({ accountBalance: { 'kraken-margin': '20000' } }),
    });
    const chart = v.columns[0]!.chart!;
    expect(chart.markers.find((m) => m.kind === 'marginCall')!.price).toBe(figure(v, 'long', 'marginCallPrice').value);
    expect(chart.currency).toBe('USD');
  });
});

describe('tick precision, locale, theme', () => {
  it('prices at the venue tick precision when the quotes carry tickSize', () => {
    const plain = view(binanceForm(), snapshot('65010.2'));
    const ticked = view(binanceForm(), snapshot('65010.2'), {}, '0.01');
    expect(plain.markLine.text).toBe('mark 65,010.2 USDT');
    expect(ticked.markLine.text).toBe('mark 65,010.20 USDT');
    expect(ticked.format).toEqual({ locale: plain.format.locale, priceDecimals: 2 });
    expect(figure(ticked, 'long', 'liquidationPrice').text).toMatch(/^5\d,\d{3}\.\d{2} USDT$/);
    expect(figure(view(binanceForm(), snapshot('65010.2'), {}, '0.1'), 'long', 'liquidationPrice').text).toMatch(
      /^5\d,\d{3}\.\d USDT$/,
    );
    expect(figure(view(binanceForm(), snapshot('65010.2'), {}, '1'), 'long', 'breakEvenPrice').text).toMatch(
      /^6\d,\d{3} USDT$/,
    );
    // Money keeps cents; the raw value is untouched.
    expect(figure(ticked, 'long', 'fees.open').text).toBe('1.30 USDT');
    expect(figure(ticked, 'long', 'liquidationPrice').value).toBe(figure(plain, 'long', 'liquidationPrice').value);
  });

  it('a tick size of another symbol is not applied', () => {
    const snap = snapshot('65010.2', 2_000, { symbol: 'ETHUSDT' });
    const v = view(binanceForm(), snap, {}, '0.01');
    expect(v.format.priceDecimals).toBeUndefined();
  });

  it('numbers in the given locale', () => {
    const v = view(binanceForm(), snapshot('65010.2'), { locale: 'de' });
    expect(v.markLine.text).toBe('mark 65.010,2 USDT');
    expect(figure(v, 'long', 'fees.open').text).toBe('1,30 USDT');
  });

  it('the theme from the settings', () => {
    expect(view(binanceForm(), snapshot('65000'), { settings: settings({ theme: 'dark' }) }).theme).toBe('dark');
    expect(view(binanceForm(), snapshot('65000')).theme).toBe('page'); // the default (issue 12)
    expect(view(binanceForm(), snapshot('65000')).venue).toBe('binance-usdm');
  });
});

describe('announcement', () => {
  it('liquidation price and distance of every side, as shown', () => {
    const v = view(binanceForm(), snapshot('65010.2'));
    const long = `Long / Buy: Liquidation price ${figure(v, 'long', 'liquidationPrice').text}, Distance to liquidation ${figure(v, 'long', 'liquidationDistance').text}`;
    const short = `Short / Sell: Liquidation price ${figure(v, 'short', 'liquidationPrice').text}, Distance to liquidation ${figure(v, 'short', 'liquidationDistance').text}`;
    expect(v.announcement).toBe(`${long}. ${short}`);
  });

  it('changes with the leverage, and is empty without figures', () => {
    const a = view(binanceForm({ leverage: '10' }), snapshot('65000')).announcement;
    const b = view(binanceForm({ leverage: '20' }), snapshot('65000')).announcement;
    expect(a).not.toBe(b);
    expect(view(binanceForm({ type: 'market', price: null }), null).announcement).toBe('');
  });
});
