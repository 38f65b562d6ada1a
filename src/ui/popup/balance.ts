// The one thing the popup does until the calculator arrives (issue 5): store the account
// balance cross margin needs for a liquidation price. Pure, so it is tested without a browser.
import { parseDecimalText } from '../../core/decimal';
import type { VenueId } from '../../core/types';
import { parseSettings, type Settings } from '../../settings/settings';

/** Every venue we read, with the currency its cross balance is counted in (used when the page does not show it). */
export const BALANCE_VENUES: ReadonlyArray<{ venue: VenueId; label: string; currency: string }> = [
  { venue: 'kraken-margin', label: 'Kraken Pro (margin trade balance)', currency: 'USD' },
  { venue: 'binance-usdm', label: 'Binance futures (cross wallet balance)', currency: 'USDT' },
  { venue: 'bybit-linear', label: 'Bybit (unified account USDT wallet balance)', currency: 'USDT' },
  { venue: 'okx-swap', label: 'OKX (trading account cash balance)', currency: 'USDT' },
  { venue: 'hyperliquid', label: 'Hyperliquid (perps account balance)', currency: 'USDC' },
  { venue: 'binance-margin', label: 'Binance margin (cross account total assets, no loans)', currency: 'USDT' },
];

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
