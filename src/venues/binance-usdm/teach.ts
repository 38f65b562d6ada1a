// What the trader can point at on Binance USDⓈ-M futures when the built-in selectors miss (../teach.ts).
// Keys from selectors.ts. The form has one button per side (Buy/Long, Sell/Short): each is taught
// with its side, so the guard knows a renamed button. The Open/Close tabs are not offered: a tab
// taught wrongly would quote a closing order as an opening one.
import { PER_SIDE_BUTTON_STEPS, PERP_FIELD_STEPS, type TeachStep } from '../teach';

export const TEACH: readonly TeachStep[] = [...PERP_FIELD_STEPS, ...PER_SIDE_BUTTON_STEPS];
