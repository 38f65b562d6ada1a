// What the trader can point at on Kraken Pro when the built-in selectors miss (../teach.ts).
import type { TeachStep } from '../teach';

export const TEACH: readonly TeachStep[] = [
  { prompt: 'price', keys: ['price'], element: 'field' },
  // One size field at a time (gen 1) or Quantity and Total (gen 2): the element does not say its unit.
  { prompt: 'size', keys: ['sizeBase', 'sizeQuote'], ask: 'unit', element: 'field', covers: ['size'] },
];
