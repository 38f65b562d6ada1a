// Short number texts for the toolbar badge and its tooltip. Decimal strings in, display text
// out; rounding here is for reading only, and rounds distances *down* so the badge never
// shows more room to liquidation than the engine computed.
import { Dec } from '../../core/decimal';

function group(text: string): string {
  const [whole = '', fraction] = text.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? sign + digits : `${sign}${digits}.${fraction}`;
}

/** 6 significant digits, thousands grouped: "19,700", "65,000.1", "0.123457". */
export function formatPrice(value: string): string {
  return group(new Dec(value).toSignificantDigits(6).toFixed());
}

/** Money in the quote currency: cents above 1, three significant digits below. */
export function formatMoney(value: string): string {
  const amount = new Dec(value);
  return group(
    (amount.abs().greaterThanOrEqualTo(1) ? amount.toDecimalPlaces(2) : amount.toSignificantDigits(3)).toFixed(),
  );
}

/** A fraction as a percentage for the tooltip: "1.5 %", rounded down to 0.1. */
export function formatPercent(fraction: string): string {
  return `${new Dec(fraction).times(100).toDecimalPlaces(1, Dec.ROUND_DOWN).toFixed()} %`;
}

/** A fraction for the 4-character badge: "4.2%" below 10 %, "12%" up to 999 %, then "999+". */
export function formatBadgePercent(fraction: string): string {
  const percent = new Dec(fraction).times(100);
  if (percent.lessThan(10)) return `${percent.toDecimalPlaces(1, Dec.ROUND_DOWN).toFixed(1)}%`;
  if (percent.lessThan(1000)) return `${percent.toDecimalPlaces(0, Dec.ROUND_DOWN).toFixed()}%`;
  return '999+';
}

/**
 * The badge text when the figures rest on a stale mark price (a market order priced at the last
 * mark the feed gave, now too old). "OLD", not "STALE": only about four characters fit in the
 * badge (chrome.action.setBadgeText; formatBadgePercent keeps to four), so "STALE" would be
 * clipped or shrunk. The tooltip says which mark and how old.
 */
export const STALE_BADGE_TEXT = 'OLD';

/** A margin level in the venue's unit: "250 %" (percent) or "1.1" (ratio). */
export function formatLevel(value: string, unit: 'percent' | 'ratio'): string {
  const level = group(new Dec(value).toDecimalPlaces(unit === 'percent' ? 1 : 3, Dec.ROUND_DOWN).toFixed());
  return unit === 'percent' ? `${level} %` : level;
}

/** "3 s", "4 min", "2 h". */
export function formatAge(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1_000);
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7_200) return `${Math.floor(seconds / 60)} min`;
  return `${Math.floor(seconds / 3_600)} h`;
}
