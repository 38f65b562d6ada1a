// The one thing the popup does until the calculator arrives (issue 5): store the account
// balance cross margin needs for a liquidation price. Pure, so it is tested without a browser.
import { parseDecimalText } from '../../core/decimal';
import type { VenueId } from '../../core/types';
import { parseSettings, type Settings } from '../../settings/settings';
import { VENUE_ABOUT } from '../../venues/about';

/** Every venue we read (about.json "balance"), with the currency its cross balance is counted in (used when the page does not show it). */
export const BALANCE_VENUES: ReadonlyArray<{ venue: VenueId; label: string; currency: string }> = VENUE_ABOUT.map(
  ({ venue, balance }) => ({ venue, ...balance }),
);

/** New settings with the balance set (or cleared for empty text), or a message for the user. */
export function withBalance(current: unknown, venue: VenueId, text: string): Settings | { error: string } {
  const settings = parseSettings(current);
  const trimmed = text.trim().replace(/,/g, '');
  const balances = { ...settings.accountBalance };
  if (trimmed === '') {
    delete balances[venue];
    return { ...settings, accountBalance: balances };
  }
  const value = parseDecimalText(trimmed);
  if (value === undefined || !value.greaterThan(0)) return { error: 'Enter a positive number, e.g. 12500.50' };
  balances[venue] = value.toFixed();
  return { ...settings, accountBalance: balances };
}
