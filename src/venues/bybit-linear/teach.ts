// What the trader can point at on Bybit USDT perpetuals when the built-in selectors miss (../teach.ts).
// Keys from selectors.ts. The size row's label (Qty / Value) is read from inside the row the size
// field is in, so teaching the size field finds it again; it has no step of its own. The form has
// one button per side (Buy/Long, Sell/Short), taught with its side for the guard.
import { PER_SIDE_BUTTON_STEPS, PERP_FIELD_STEPS, type TeachStep } from '../teach';

export const TEACH: readonly TeachStep[] = [...PERP_FIELD_STEPS, ...PER_SIDE_BUTTON_STEPS];
