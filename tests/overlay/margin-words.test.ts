// Issue 12 #6 and the beginner words: "margin level" means four things, so every venue's figure
// carries the venue's own name, the level it acts at and a one-line definition — the same on the
// overlay and the popup; carry says paid / received; spot margin shows what is borrowed and at
// which rate; Kraken's opening fee and rollovers apart; no margin-call row where a venue has none;
// spot venues price at the last trade, not a mark.
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal';
import { VENUES, type VenueId } from '../../src/core/types';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { buildView, type OverlayModel } from '../../src/ui/overlay/view-model';
import { quoteScenario } from '../../src/ui/popup/engine';
import { buildFigures } from '../../src/ui/popup/figures-model';
import { defaultScenario } from '../../src/ui/popup/scenario';
import type { MarketSnapshot, OrderForm } from '../../src/venues/types';
import { krakenForm, marketOf, NOW, ok, settings, snapshot, wireQuotes } from '../content/fixtures';
import { SAMPLE_ORDERS } from '../popup/orders';

function view(form: OrderForm, snap: MarketSnapshot | null, over: Partial<OverlayModel> = {}) {
  const s = over.settings ?? settings();
  return buildView({
    reading: ok(form),
    quotes: wireQuotes(form, snap, s),
    market: marketOf(snap),
    settings: s,
    guard: null,
    now: NOW,
    pending: false,
    ...over,
  });
}
type View = ReturnType<typeof view>;
const row = (v: View, side: string, key: string) =>
  v.columns.find((c) => c.side === side)?.figures.find((f) => f.key === key);

const bybit = SAMPLE_ORDERS.find((o) => o.form.venue === 'bybit-linear')!;
const funded = settings({ accountBalance: { 'kraken-margin': '10000' } });
const krakenSnap = snapshot('65000', 2_000, { venue: 'kraken-margin', symbol: 'BTC/USD' });

/** The popup's lines for a venue's example scenario (with a balance; OKX with a typed maintenance rate). */
function popupLines(venue: VenueId) {
  const scenario = {
    ...defaultScenario(venue, DEFAULT_SETTINGS, 'en-US'),
    ...(venue === 'okx-swap' ? { maintenancePercent: '0.4' } : {}),
  };
  const outcome = quoteScenario(scenario, null, DEFAULT_SETTINGS, NOW);
  const figures = buildFigures({ outcome, scenario, origin: null, locale: 'en-US' });
  expect(figures.state).toBe('ok');
  return figures.lines;
}

describe('margin level: the venue’s own name, its threshold, a definition (issue 12 #6)', () => {
  it('Bybit: "Maintenance margin rate (MMR)", lower is safer, liquidated at 100 %', () => {
    const v = view(bybit.form, bybit.snapshot, { settings: bybit.settings });
    const level = row(v, 'long', 'marginLevel')!;
    expect(level.label).toBe('Maintenance margin rate (MMR)');
    expect(level.text).toMatch(/^\d[\d,]*(\.\d+)? % — liquidated at 100 %$/);
    expect(level.hint).toMatch(/^Maintenance margin ÷ equity\. Lower is safer/);
  });

  it('Kraken: "Margin level", higher is safer, margin call at 80 %, liquidation at 40 % (the market’s levels)', () => {
    const level = row(view(krakenForm(), krakenSnap, { settings: funded }), 'long', 'marginLevel')!;
    expect(level.label).toBe('Margin level');
    expect(level.text).toMatch(/^\d[\d,]*(\.\d+)? % — margin call at 80 %, liquidation at 40 %$/);
    expect(level.hint).toMatch(/^Equity ÷ used margin\. Higher is safer/);
    // A live level wins over the bundled one.
    const live = snapshot('65000', 2_000, {
      venue: 'kraken-margin',
      symbol: 'BTC/USD',
      figures: {
        ...krakenSnap.figures,
        marginCallLevel: { value: '70', receivedAt: NOW - 2_000, exchangeTime: null, source: 'rest' },
        liquidationLevel: { value: '35', receivedAt: NOW - 2_000, exchangeTime: null, source: 'rest' },
      },
    });
    expect(row(view(krakenForm(), live, { settings: funded }), 'long', 'marginLevel')!.text).toMatch(
      / — margin call at 70 %, liquidation at 35 %$/,
    );
  });

  const NAMES: Record<VenueId, [RegExp, RegExp]> = {
    'kraken-margin': [/^Margin level$/, / % — margin call at 80 %, liquidation at 40 %$/],
    'binance-usdm': [/^Margin ratio$/, / % — liquidated at 100 %$/],
    // Isolated BTCUSDT: the pair's liquidation level (tier 1), no margin-call level known for it.
    'binance-margin': [/^Margin level$/, /^\d[\d.,]* \(ratio\) — liquidated at 1\.05$/],
    'bybit-linear': [/^Maintenance margin rate \(MMR\)$/, / % — liquidated at 100 %$/],
    'okx-swap': [/^Margin ratio$/, /^\d[\d,]*(\.\d+)? % — liquidated at 100 %$/],
    hyperliquid: [/^Margin ratio$/, / % — liquidated at 100 %$/],
  };
  it.each([...VENUES])('popup, %s: the same name, threshold and definition as the overlay', (venue) => {
    const level = popupLines(venue).find((l) => l.key === 'marginLevel')!;
    const [name, text] = NAMES[venue];
    expect(level.label).toMatch(name);
    expect(level.text).toMatch(text);
    expect(level.hint?.length).toBeGreaterThan(20);
  });

  it('Hyperliquid says "Cross margin ratio" in cross margin, as its page does', () => {
    const hl = SAMPLE_ORDERS.find((o) => o.form.venue === 'hyperliquid')!;
    const v = view(hl.form, hl.snapshot, { settings: hl.settings });
    expect(row(v, v.columns[0]!.side, 'marginLevel')!.label).toBe('Cross margin ratio');
  });
});

describe('definitions of the beginner’s words on both surfaces (same keys)', () => {
  it('liquidation, margin call, maintenance and initial margin, break-even: the same text on the overlay and the popup', () => {
    const overlay = view(krakenForm(), krakenSnap, { settings: funded });
    const popup = popupLines('kraken-margin');
    for (const key of ['liquidationPrice', 'marginCallPrice', 'maintenanceMargin', 'initialMargin', 'breakEvenPrice']) {
      const hint = row(overlay, 'long', key)!.hint;
      expect(hint, key).toMatch(/\w+ .*\./);
      expect(popup.find((l) => l.key === key)!.hint, key).toBe(hint);
    }
  });
});

describe('carry: paid or received, every time', () => {
  it('a positive carry is "paid" (it used to read as a bare amount)', () => {
    const carry = row(view(krakenForm(), krakenSnap, { settings: funded }), 'long', 'carry.total')!;
    expect(carry.text).toMatch(/^\d[\d,]*\.\d{2} USD \(paid\)$/);
  });
});

describe('spot margin: borrowed amount, rates, Kraken’s opening fee and rollover apart', () => {
  it('Kraken: opening fee + rollover = the margin fees total, nothing counted twice; borrowed = the position cost', () => {
    const v = view(krakenForm(), krakenSnap, { settings: funded });
    const total = row(v, 'long', 'carry.total')!;
    const opening = row(v, 'long', 'carry.opening')!;
    const rollover = row(v, 'long', 'carry.rollover')!;
    expect(opening.label).toBe('Margin opening fee');
    expect(rollover.label).toBe('Rollover over 24 h (6 × 4 h)');
    expect(new Dec(opening.value).plus(rollover.value).equals(total.value)).toBe(true);
    expect(new Dec(opening.value).greaterThan(0)).toBe(true);
    // The trading fee to open is a separate figure and not in the margin fees.
    expect(row(v, 'long', 'fees.open')!.label).toBe('Fee to open');
    const borrowed = row(v, 'long', 'borrowed')!;
    expect(borrowed.value).toBe('6500'); // 0.1 × 65,000: Kraken lends the whole cost
    expect(borrowed.text).toBe('6,500.00 USD');
    expect(row(v, 'long', 'marginFeeRates')!.text).toBe('opening 0.025 %, rollover 0.02 % every 4 h');
  });

  it('Binance margin: the amount borrowed and the hourly interest rate used', () => {
    const lines = popupLines('binance-margin');
    const borrowed = lines.find((l) => l.key === 'borrowed')!;
    // 10× isolated long of 0.1 BTC: collateral a tenth, the rest borrowed in USDT.
    expect(borrowed.text).toMatch(/^\d[\d,]*\.\d{2} USDT$/);
    const rate = lines.find((l) => l.key === 'borrowRate')!;
    expect(rate.value).toBe('0.00001');
    expect(rate.text).toBe('0.001 % per hour (0.024 % per day)');
  });
});

describe('only where a venue has it; the price it is at', () => {
  it('no margin-call row on perpetual venues (overlay and popup); spot margin keeps it', () => {
    const v = view(bybit.form, bybit.snapshot, { settings: bybit.settings });
    expect(row(v, 'long', 'marginCallPrice')).toBeUndefined();
    for (const venue of ['binance-usdm', 'bybit-linear', 'okx-swap', 'hyperliquid'] as const)
      expect(
        popupLines(venue).some((l) => l.key === 'marginCallPrice'),
        venue,
      ).toBe(false);
    expect(popupLines('kraken-margin').some((l) => l.key === 'marginCallPrice')).toBe(true);
    expect(row(view(krakenForm(), krakenSnap, { settings: funded }), 'long', 'marginCallPrice')).toBeDefined();
  });

  it('spot venues say "last price", perpetuals "mark"', () => {
    expect(view(krakenForm(), krakenSnap, { settings: funded }).markLine.text).toBe('last price 65,000 USD');
    expect(view(bybit.form, bybit.snapshot, { settings: bybit.settings }).markLine.text).toMatch(/^mark /);
    expect(view(krakenForm(), null, { settings: funded }).markLine.text).toBe('no live last price');
  });
});
