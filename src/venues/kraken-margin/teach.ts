// What the trader can point at on Kraken Pro when the built-in selectors miss (../teach.ts).
// Keys from selectors.ts. Not offered: the leverage (generation 1 shows its choices as several
// radios, the checked one is the leverage: one pointed element cannot stand for them), the margin
// switch (on/off, not a margin mode) and the one submit button, whose side follows the Buy/Sell toggle.
import type { TeachStep } from '../teach';

export const TEACH: readonly TeachStep[] = [
  { prompt: 'price', keys: ['price'], element: 'field' },
  // One size field at a time (gen 1) or Quantity and Total (gen 2): the element does not say its unit.
  { prompt: 'size', keys: ['sizeBase', 'sizeQuote'], ask: 'unit', element: 'field', covers: ['size'] },
];
