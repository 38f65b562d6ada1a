// What the trader can point at on Binance spot margin when the built-in selectors miss (../teach.ts).
// Keys from selectors.ts. Not offered: the Buy/Sell buttons and the side tabs. Generation 2 has one
// submit button that follows the Buy/Sell tab, so a button taught as "Buy" would be the Sell button
// on the other tab; generation 1's two forms each need their own button, read as a pair. Leverage
// is the account tab's badge (Cross 3x), not a control of its own.
import type { TeachStep } from '../teach';

export const TEACH: readonly TeachStep[] = [
  { prompt: 'price', keys: ['price'], element: 'field' },
  { prompt: 'size', keys: ['amount'], element: 'field' },
  { prompt: 'sizeUnit', keys: ['amountUnit'], element: 'control' },
];
