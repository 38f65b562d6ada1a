// What each page generation's form reading gives the Binance margin reader (reader.ts): the form's
// root, its number scope, the order the trader is entering and how to re-read its typed values.
// Gen 1: two forms side by side (two-forms.ts); gen 2: one form behind a Buy / Sell tab switch
// (tabbed-form.ts). Everything else (account, borrow, order type, balances) is read the same way.
import type { Side } from '../../core/types';
import type { NumberScope } from '../dom/numbers';
import type { DecimalString } from '../types';

/** The order's typed values: side (gen 1 may say 'both'), limit price (null for market) and base amount. */
export interface OrderValues {
  side: Side | 'both';
  price: DecimalString | null;
  amount: DecimalString;
}

export interface OrderPart {
  root: Element | null;
  numbers: NumberScope;
  /** null: the order could not be read (its missing keys are recorded). */
  values: OrderValues | null;
  /** The inputs typing changes, and how to read the order from them again (null: no longer readable). */
  typed: { inputs: Array<Element | null>; again: () => OrderValues | null } | null;
}
