// What the trader can point at on OKX perpetual swaps when the built-in selectors miss (../teach.ts).
// Keys from selectors.ts. The unit picker is looked up inside the size field. The form has one
// button per side (Buy/Long, Sell/Short), taught with its side for the guard.
import type { TeachStep } from '../teach';

export const TEACH: readonly TeachStep[] = [
  { prompt: 'price', keys: ['price'], element: 'field' },
  { prompt: 'size', keys: ['size'], element: 'field' },
  { prompt: 'sizeUnit', keys: ['sizeUnit'], element: 'control' },
  { prompt: 'leverage', keys: ['leverage'], element: 'control' },
  { prompt: 'marginMode', keys: ['marginMode'], element: 'control' },
  { prompt: 'takeProfit', keys: ['takeProfit'], element: 'field' },
  { prompt: 'stopLoss', keys: ['stopLoss'], element: 'field' },
  { prompt: 'buy', keys: ['buy'], element: 'control', side: 'long' },
  { prompt: 'sell', keys: ['sell'], element: 'control', side: 'short' },
];
