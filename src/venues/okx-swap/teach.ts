// What the trader can point at on OKX perpetual swaps when the built-in selectors miss (../teach.ts).
// Keys from selectors.ts. The unit picker is looked up inside the size field. The form has one
// button per side (Buy/Long, Sell/Short), taught with its side for the guard.
import { PER_SIDE_BUTTON_STEPS, PERP_FIELD_STEPS, type TeachStep } from '../teach';

export const TEACH: readonly TeachStep[] = [...PERP_FIELD_STEPS, ...PER_SIDE_BUTTON_STEPS];
