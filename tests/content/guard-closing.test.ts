// @vitest-environment happy-dom
// A closing order (Binance USDⓈ-M hedge mode's Close tab, OrderForm.intent 'close') reduces a
// position: the guard never holds its click, whatever an opening of the same size would be held
// for, and the background never quotes it as a new position.
import { describe, expect, it } from 'vitest';
import { SubmitGuard, closesPosition, localGuardCodes } from '../../src/content/guard';
import { FormLink } from '../../src/content/form-link';
import { linkGuard } from '../../src/content/guard-link';
import { quoteSides } from '../../src/venues/quote-sides';
import type { OrderForm } from '../../src/venues/types';
import { binanceForm, NOW, settings, snapshot } from './fixtures';

function decideOn(form: OrderForm, s = settings({ maxLeverage: '3' })): { verdict: string; guard: SubmitGuard } {
  const guard = new SubmitGuard();
  const link = new FormLink('binance-usdm', () => undefined);
  const controller = new AbortController();
  const decide = linkGuard({
    guard,
    link,
    readOrder: () => ({ status: 'ok', form, matched: {} }),
    settings: () => s,
    now: () => NOW,
    signal: controller.signal,
    readAgain: () => undefined,
    changed: () => undefined,
  }).decide;
  const verdict = decide('long', 'click');
  controller.abort();
  return { verdict, guard };
}

describe('the guard and a closing order', () => {
  it('an opening above the personal maximum leverage is held; the same order on the Close tab passes', () => {
    const opening = binanceForm({ leverage: '20', intent: 'open' });
    const closing = binanceForm({ leverage: '20', intent: 'close' });
    expect(localGuardCodes(opening, settings({ maxLeverage: '3' }))).toEqual(['LEVERAGE_ABOVE_PERSONAL_MAX']);
    expect(localGuardCodes(closing, settings({ maxLeverage: '3' }))).toEqual([]);
    expect(closesPosition(closing)).toBe(true);
    expect(closesPosition(opening)).toBe(false);
    expect(closesPosition(binanceForm())).toBe(false);

    expect(decideOn(opening).verdict).toBe('hold');
    const { verdict, guard } = decideOn(closing);
    expect(verdict).toBe('pass');
    expect(guard.notice).toBeNull();
    // Not even held as "not checked yet": a closing order's quote is never waited for.
    expect(decideOn(closing, settings()).verdict).toBe('pass');
  });

  it('the background quotes no side of a closing order (no liquidation figure, no new position)', () => {
    const snap = snapshot('65010.2');
    expect(quoteSides(binanceForm({ intent: 'close' }), snap, settings(), NOW)).toEqual([]);
    expect(quoteSides(binanceForm({ intent: 'open' }), snap, settings(), NOW).map((q) => q.side)).toEqual([
      'long',
      'short',
    ]);
  });
});
