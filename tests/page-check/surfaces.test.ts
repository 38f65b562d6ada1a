// What the cross-check does on each surface: the overlay's quiet "matches" line beside the figures;
// a disagreement makes the reading doubtful — the overlay shows no figures of ours, only both
// numbers of each disagreeing figure; the toolbar badge shows a grey "?" with both numbers; the
// guard holds no click on the doubtful figures (as with a refused form). The page's Cost is worked
// out here from Binance's FAQ (initial margin + open loss), never taken from the code under test.
import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, computeBadge } from '../../src/background/badge/compute';
import { Dec } from '../../src/core/decimal';
import { guardCodes } from '../../src/content/guard';
import { buildView } from '../../src/ui/overlay/view-model';
import { quoteSides } from '../../src/venues/quote-sides';
import type { OrderForm } from '../../src/venues/types';
import { binanceForm, marketOf, NOW, ok, settings, snapshot, wireQuotes } from '../content/fixtures';

const MARK = '65010.2';
/** Binance's Cost per button for the form at MARK: price × qty / leverage + qty × the adverse mark gap. */
function faqCost(form: OrderForm, side: 'long' | 'short'): string {
  const price = new Dec(form.price!);
  const qty = new Dec(form.size.value);
  const gap = side === 'long' ? price.minus(MARK) : new Dec(MARK).minus(price);
  return price
    .times(qty)
    .div(form.leverage)
    .plus(qty.times(Dec.max(0, gap)))
    .toFixed(2);
}
const withCosts = (form: OrderForm, long: string, short: string): OrderForm => ({
  ...form,
  pageEstimates: [
    { kind: 'cost', side: 'long', value: new Dec(long).toFixed(), decimals: 2 },
    { kind: 'cost', side: 'short', value: new Dec(short).toFixed(), decimals: 2 },
  ],
});
const view = (form: OrderForm) =>
  buildView({
    reading: ok(form),
    quotes: wireQuotes(form, snapshot(MARK), settings()),
    market: marketOf(snapshot(MARK)),
    settings: settings(),
    guard: null,
    now: NOW,
    pending: false,
    locale: 'en',
  });

describe('the overlay', () => {
  const form = binanceForm();
  const agreeing = withCosts(form, faqCost(form, 'long'), faqCost(form, 'short'));

  it("agreeing page: the figures, and the quiet line naming the exchange's figure", () => {
    const v = view(agreeing);
    expect(v.state).toBe('ok');
    expect(v.columns.map((c) => c.side)).toEqual(['long', 'short']);
    expect(v.pageCheck?.verdict).toBe('matches');
    expect(v.pageCheck?.text).toBe("Matches the exchange's estimate (Cost)");
    // Without page figures there is no line at all.
    expect(view(form).pageCheck).toBeNull();
    expect(view(form).columns).toEqual(v.columns);
  });

  it('disagreeing page: doubtful, both numbers of the disagreeing figure, no figures of ours', () => {
    const edited = new Dec(faqCost(form, 'short')).times(2).toFixed(2); // twice ours: as a size read at half
    const v = view(withCosts(form, faqCost(form, 'long'), edited));
    expect(v.state).toBe('doubtful');
    expect(v.risk).toBe('warn');
    expect(v.columns).toEqual([]);
    expect(v.announcement).toBe('');
    expect(v.message).toContain("exchange's own estimate differs");
    expect(v.pageCheck?.verdict).toBe('differs');
    expect(v.pageCheck?.rows).toHaveLength(1);
    const row = v.pageCheck!.rows[0]!;
    expect(row).toMatchObject({ side: 'short', kind: 'cost', page: edited, agrees: false });
    expect(row.ours).toBe(new Dec(faqCost(form, 'short')).toFixed()); // FAQ figure, unrounded here
    const shown = (s: string) => `${new Dec(s).toNumber().toLocaleString('en', { minimumFractionDigits: 2 })} USDT`;
    expect(row.text).toBe(
      `Cost (Short / Sell): exchange shows ${shown(edited)}, we compute ${shown(faqCost(form, 'short'))}`,
    );
    // The order line says what was read, without our notional (one of the figures in doubt).
    expect(v.orderLine).not.toContain('6,500');
    expect(view(agreeing).orderLine).toContain('6,500');
  });
});

describe('the guard and the badge', () => {
  // 100×: liquidation about 1 % away, inside the 5 % limit: the guard would hold.
  const risky = binanceForm({ leverage: '100' });
  const costs = [faqCost(risky, 'long'), faqCost(risky, 'short')] as const;

  it('an agreeing page keeps the guard reasons and the badge figure', () => {
    const form = withCosts(risky, ...costs);
    expect(guardCodes(wireQuotes(form, snapshot(MARK), settings()), null)).toContain('LIQUIDATION_NEAR');
    const badge = computeBadge(form, quoteSides(form, snapshot(MARK), settings(), NOW), null, settings(), 'USDT');
    expect(badge.text).toMatch(/%$/);
  });

  it('a disagreeing page: no guard reasons from the doubtful figures; a grey "?" badge with both numbers', () => {
    const form = withCosts(risky, new Dec(costs[0]).times(10).toFixed(2), costs[1]);
    expect(guardCodes(wireQuotes(form, snapshot(MARK), settings()), null)).toEqual([]);
    const badge = computeBadge(form, quoteSides(form, snapshot(MARK), settings(), NOW), null, settings(), 'USDT');
    expect(badge.text).toBe('?');
    expect(badge.color).toBe(BADGE_COLORS.unknown);
    expect(badge.title).toContain(
      `cost long: exchange shows ${new Dec(costs[0]).times(10).toFixed(2)} USDT, we compute ${costs[0]} USDT`,
    );
    expect(badge.title).not.toMatch(/liquidation \d/);
  });
});
