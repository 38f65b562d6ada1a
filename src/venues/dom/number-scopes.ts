// The scopes numbers are read in (see numbers.ts): which texts of the page decide the number
// format of a form, a table or an account panel.
import { NumberScope, type PageNumberFormat } from './numbers';
import { inputValue, textAtMost } from './query';
import { textOf } from './text';

/** A panel bigger than this is a page region, not a panel: its own row is the scope then. */
const MAX_PANEL_CHARS = 2_000;

/** The order form: everything it shows and every value typed into it. */
export function formNumbers(root: Element | null, format: PageNumberFormat = 'dot'): NumberScope {
  return new NumberScope(() => {
    if (root === null) return [];
    const values = [...root.querySelectorAll('input')].map((input) => inputValue(input) ?? '');
    return [textOf(root), ...values];
  }, format);
}

/** A figure row of an account panel ("Wallet Balance 10,000.00 USDT"): the panel around it. */
export function panelNumbers(row: Element, format: PageNumberFormat = 'dot'): NumberScope {
  return new NumberScope(() => {
    const panel = row.parentElement;
    return [textOf(panel !== null && textAtMost(panel, MAX_PANEL_CHARS) ? panel : row)];
  }, format);
}
