// The compact line's margin is money and keeps its currency (a number without its unit misleads);
// it shows the same text as the full figure list.
import { describe, expect, it } from 'vitest';
import { compactLine } from '../../src/ui/overlay/compact';
import type { SideColumn } from '../../src/ui/overlay/view-types';

const column = (figures: Record<string, [string, string]>): SideColumn => ({
  side: 'long',
  risk: 'ok',
  figures: Object.entries(figures).map(([key, [value, text]]) => ({ key, label: key, value, text })),
  warnings: [],
  assumptions: [],
  chart: null,
  position: null,
});

describe('compact line', () => {
  it('liquidation at the tick with the signed move, margin with its currency, break-even at the tick', () => {
    const line = compactLine(
      column({
        liquidationPrice: ['58850.52', '58,850.5 USDT'],
        liquidationDistance: ['0.0947', '9.47 %'],
        initialMargin: ['650', '650.00 USDT'],
        breakEvenPrice: ['65068.31', '65,068.3 USDT'],
      }),
      { locale: 'en', priceDecimals: 1 },
    );
    expect(line.liq).toBe('Liq 58,850.5 · −9.5 %');
    expect(line.secondary).toBe('Margin 650.00 USDT · Break-even 65,068.3');
  });
});
