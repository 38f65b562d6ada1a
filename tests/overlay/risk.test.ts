// Graded risk (issue 12): amber inside the trader's limit, red only under half of it — not one
// red DANGER for 4.6 % and 0.5 % alike. Exact decimal comparisons.
import { describe, expect, it } from 'vitest';
import { distanceRisk } from '../../src/ui/overlay/risk';
import { binanceForm, settings, snapshot, wireQuotes } from '../content/fixtures';
import { buildView } from '../../src/ui/overlay/view-model';
import { marketOf, NOW, ok } from '../content/fixtures';

describe('distanceRisk', () => {
  it('with a 5 % limit: 4.6 % is amber, 0.5 % is red, 5 % and beyond is fine', () => {
    expect(distanceRisk('0.046', '0.05')).toBe('warn');
    expect(distanceRisk('0.005', '0.05')).toBe('danger');
    expect(distanceRisk('0.025', '0.05')).toBe('warn'); // exactly half: not under it
    expect(distanceRisk('0.0249999', '0.05')).toBe('danger');
    expect(distanceRisk('0.05', '0.05')).toBe('ok');
    expect(distanceRisk('0.08', '0.05')).toBe('ok'); // within twice the limit is no longer a caution
  });
  it('unknown distance or limit: no grade', () => {
    expect(distanceRisk(null, '0.05')).toBeNull();
    expect(distanceRisk('0.1', 'x')).toBeNull();
  });
});

describe('the overlay grades the column, the verdict and the warning alike', () => {
  // 10× isolated long: liquidation roughly 9–10 % below entry.
  const view = (limit: string) => {
    const form = binanceForm({ side: 'long' });
    const snap = snapshot('65000');
    const s = settings({ minLiquidationDistance: limit });
    return buildView({
      reading: ok(form),
      quotes: wireQuotes(form, snap, s),
      market: marketOf(snap),
      settings: s,
      now: NOW,
      pending: false,
      guard: { codes: ['LIQUIDATION_NEAR'], side: 'long', via: 'click' },
    });
  };
  it('inside the limit but over half of it: CAUTION, amber, the warning a caution', () => {
    const v = view('0.15');
    expect(v.risk).toBe('warn');
    expect(v.columns[0]!.risk).toBe('warn');
    expect(v.columns[0]!.warnings.find((w) => w.code === 'LIQUIDATION_NEAR')?.severity).toBe('warn');
    expect(v.guard?.codes).toEqual(['LIQUIDATION_NEAR']); // the guard still holds: it is inside the limit
  });
  it('under half the limit: DANGER', () => {
    const v = view('0.2');
    expect(v.risk).toBe('danger');
    expect(v.columns[0]!.warnings.find((w) => w.code === 'LIQUIDATION_NEAR')?.severity).toBe('danger');
  });
  it('beyond the limit: OK', () => {
    expect(view('0.06').risk).toBe('ok');
  });
});
