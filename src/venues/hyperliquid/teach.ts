// What the trader can point at on Hyperliquid when the built-in selectors miss (../teach.ts).
// Keys from selectors.ts. The unit menu is looked up next to the size input. The one submit button
// ("Place Order") follows the Buy/Sell toggle, so it has no side to be taught with: not offered.
import type { TeachStep } from '../teach';

export const TEACH: readonly TeachStep[] = [
  { prompt: 'price', keys: ['price'], element: 'field' },
  { prompt: 'size', keys: ['size'], element: 'field' },
  { prompt: 'sizeUnit', keys: ['sizeUnit'], element: 'control' },
  { prompt: 'leverage', keys: ['leverage'], element: 'control' },
  { prompt: 'marginMode', keys: ['marginMode'], element: 'control' },
  { prompt: 'takeProfit', keys: ['takeProfit'], element: 'field' },
  { prompt: 'stopLoss', keys: ['stopLoss'], element: 'field' },
];
