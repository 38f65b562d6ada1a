// OrderForm.intent (issue 13): only Binance USDⓈ-M's reader may say it (hedge mode's Open / Close tab),
// the background accepts it from that venue only, and a closing order's badge says "no new risk".
import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, computeBadge } from '../../src/background/badge/compute';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { checkOrderForm } from '../../src/venues/form-schema';
import { binanceForm, krakenForm } from '../content/fixtures';

describe('OrderForm.intent', () => {
  it('binance-usdm may carry open or close; nothing else is accepted', () => {
    expect(checkOrderForm(binanceForm({ intent: 'open' })).ok).toBe(true);
    expect(checkOrderForm(binanceForm({ intent: 'close' })).ok).toBe(true);
    expect(checkOrderForm(binanceForm()).ok).toBe(true);
    expect(checkOrderForm({ ...binanceForm(), intent: 'reduce' })).toMatchObject({ ok: false, path: 'intent' });
  });

  it('another venue never sends an intent (its form has no such tab)', () => {
    expect(checkOrderForm(krakenForm({ intent: 'close' }))).toMatchObject({ ok: false, path: 'intent' });
  });

  it("a closing order's badge: no new risk, whatever is quoted", () => {
    const view = computeBadge(binanceForm({ intent: 'close' }), [], null, DEFAULT_SETTINGS, 'USDT');
    expect(view).toEqual({
      text: '–',
      color: BADGE_COLORS.ok,
      title: 'Margin Preflight — BTCUSDT: closing order, no new risk',
    });
  });
});
