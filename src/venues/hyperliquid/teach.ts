// What the trader can point at on Hyperliquid when the built-in selectors miss (../teach.ts).
// Keys from selectors.ts. The unit menu is looked up next to the size input. The one submit button
// ("Place Order") follows the Buy/Sell toggle, so it has no side to be taught with: not offered.
import { PERP_FIELD_STEPS, type TeachStep } from '../teach';

export const TEACH: readonly TeachStep[] = PERP_FIELD_STEPS;
