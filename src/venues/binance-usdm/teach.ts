// What the trader can point at on Binance USDⓈ-M futures when the built-in selectors miss (../teach.ts).
// Keys from selectors.ts. The form has one button per side (Buy/Long, Sell/Short): each is taught
// with its side, so the guard knows a renamed button. The Open/Close tabs are not offered: a tab
// taught wrongly would quote a closing order as an opening one.
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
