// What the trader can point at on this venue's page when the built-in selectors miss (../teach.ts).
import type { TeachStep } from '../teach';

export const TEACH: readonly TeachStep[] = [
  { prompt: 'price', keys: ['price'], element: 'field' },
  { prompt: 'size', keys: ['size'], element: 'field' },
];
