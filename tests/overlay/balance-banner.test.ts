// Issue 12 #4: the cross balance in use is always shown — its figure and where it came from (the
// page, or the toolbar popup and where to edit it) — and a different figure on the page is said.
import { describe, expect, it } from 'vitest';
import { buildView, type OverlayModel } from '../../src/ui/overlay/view-model';
import type { MarketSnapshot, OrderForm } from '../../src/venues/types';
import { binanceForm, marketOf, NOW, ok, settings, snapshot, wireQuotes } from '../content/fixtures';

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
    locale: 'en',
    ...over,
  });
}
const banner = (v: ReturnType<typeof view>, kind: string) => v.banners.find((b) => b.kind === kind);
const popup5000 = settings({ accountBalance: { 'binance-usdm': '5000' } });
const cross = (over: Partial<OrderForm> = {}) => binanceForm({ marginMode: 'cross', side: 'long', ...over });

describe('the cross balance in use, with its figure and source', () => {
  it('typed in the popup while the page shows 10,000 available: both figures, as a warning', () => {
    const v = view(cross({ availableBalance: '10000.00' }), snapshot('65000'), { settings: popup5000 });
    expect(v.state).toBe('ok');
    expect(banner(v, 'balance-source')).toEqual({
      kind: 'balance-source',
      severity: 'warn',
      text:
        'Cross: wallet 5,000.00 USDT, as you entered it in the toolbar popup (edit it there); ' +
        'other open positions not included — the page shows 10,000.00 USDT available',
    });
  });

  it('typed in the popup and the page shows the same figure: no second figure, no warning', () => {
    const v = view(cross({ availableBalance: '5000.00' }), snapshot('65000'), { settings: popup5000 });
    expect(banner(v, 'balance-source')).toMatchObject({
      severity: 'info',
      text: 'Cross: wallet 5,000.00 USDT, as you entered it in the toolbar popup (edit it there); other open positions not included',
    });
  });

  it("the page's wallet wins, and its figure is shown", () => {
    const v = view(
      cross({ availableBalance: '7000', account: { walletBalance: '8000', positions: null } }),
      snapshot('65000'),
      {
        settings: popup5000,
      },
    );
    expect(banner(v, 'balance-source')).toMatchObject({
      severity: 'info',
      text: 'Cross: wallet 8,000.00 USDT, read from the page',
    });
  });

  it('with the positions the page lists', () => {
    const positions = [
      {
        symbol: 'ETHUSDT',
        side: 'short' as const,
        quantity: '2',
        entryPrice: '3000',
        markPrice: '3050',
        maintenanceMargin: '30.5',
      },
      {
        symbol: 'SOLUSDT',
        side: 'long' as const,
        quantity: '10',
        entryPrice: '150',
        markPrice: '151',
        maintenanceMargin: '7.5',
      },
    ];
    const v = view(cross({ account: { walletBalance: '12345.678', positions } }), snapshot('65000'));
    expect(banner(v, 'balance-source')!.text).toBe(
      'Cross: wallet 12,345.68 USDT and 2 open positions, read from the page',
    );
  });

  it('no balance at all: asks for one and says what the page shows available', () => {
    const v = view(cross({ availableBalance: '10000' }), snapshot('65000'));
    expect(banner(v, 'balance')!.text).toBe(
      'Enter your account balance in the toolbar popup for a liquidation price (the page shows 10,000.00 USDT available)',
    );
    expect(banner(v, 'balance-source')).toBeUndefined();
  });

  it('isolated needs no balance: nothing is said', () => {
    const v = view(binanceForm({ availableBalance: '10000' }), snapshot('65000'), { settings: popup5000 });
    expect(banner(v, 'balance-source')).toBeUndefined();
    expect(banner(v, 'balance')).toBeUndefined();
  });
});
