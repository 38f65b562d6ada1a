// Names the overlay shows for venues and currencies. Every money figure carries its unit:
// a number without one can be misread by a factor of the exchange rate.
import type { VenueId } from '../../core/types';
import { FIXED_QUOTE, VENUE_LABEL } from '../../venues/labels';

/** The short venue names, from each venue's about.json "label". */
export { VENUE_LABEL };

// Longest first, so "BTCUSDT" ends in USDT, not USD. Kraken's legacy pairs end in Z + fiat.
const QUOTE_SUFFIXES = [
  'FDUSD',
  'USDT',
  'USDC',
  'BUSD',
  'ZUSD',
  'ZEUR',
  'ZGBP',
  'ZCAD',
  'ZJPY',
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'JPY',
  'CHF',
  'AUD',
  'XBT',
  'BTC',
  'ETH',
];

/** The quote currency of a venue symbol ("BTCUSDT" → "USDT", "XBTUSD" → "USD"); a generic label when unknown. */
export function quoteCurrency(venue: VenueId, symbol: string): string {
  const fixed = FIXED_QUOTE[venue];
  if (fixed !== null) return fixed;
  const upper = symbol
    .toUpperCase()
    .replace(/[-_/:]/g, '')
    .replace(/SWAP$/, '');
  const suffix = QUOTE_SUFFIXES.find((s) => upper.length > s.length && upper.endsWith(s));
  if (suffix === undefined) return 'quote ccy';
  return suffix.length === 4 && suffix.startsWith('Z') ? suffix.slice(1) : suffix;
}

/** The base asset of a venue symbol ("BTCUSDT" → "BTC", "BTC-USDT-SWAP" → "BTC", a bare coin (Hyperliquid) as it is): sizes carry it. */
export function baseAsset(venue: VenueId, symbol: string): string {
  const upper = symbol.toUpperCase();
  if (FIXED_QUOTE[venue] !== null) return upper;
  const split = upper.split(/[-/_:]/)[0] ?? upper;
  if (split !== upper) return split;
  const quote = quoteCurrency(venue, symbol);
  return upper.endsWith(quote) && upper.length > quote.length ? upper.slice(0, -quote.length) : upper;
}
