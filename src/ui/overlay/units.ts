// Names the overlay shows for venues and currencies. Every money figure carries its unit:
// a number without one can be misread by a factor of the exchange rate.
import type { VenueId } from '../../core/types';

export const VENUE_LABEL: Record<VenueId, string> = {
  'kraken-margin': 'Kraken margin',
  // Not "USDⓈ-M": the Ⓢ is missing from many system fonts.
  'binance-usdm': 'Binance futures',
  'binance-margin': 'Binance margin',
  'bybit-linear': 'Bybit linear',
  'okx-swap': 'OKX swap',
  hyperliquid: 'Hyperliquid',
};

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
  if (venue === 'hyperliquid') return 'USDC';
  const upper = symbol
    .toUpperCase()
    .replace(/[-_/:]/g, '')
    .replace(/SWAP$/, '');
  const suffix = QUOTE_SUFFIXES.find((s) => upper.length > s.length && upper.endsWith(s));
  if (suffix === undefined) return 'quote ccy';
  return suffix.length === 4 && suffix.startsWith('Z') ? suffix.slice(1) : suffix;
}

/** The base asset of a venue symbol ("BTCUSDT" → "BTC", "BTC-USDT-SWAP" → "BTC", Hyperliquid's coin as it is): sizes carry it. */
export function baseAsset(venue: VenueId, symbol: string): string {
  const upper = symbol.toUpperCase();
  if (venue === 'hyperliquid') return upper;
  const split = upper.split(/[-/_:]/)[0] ?? upper;
  if (split !== upper) return split;
  const quote = quoteCurrency(venue, symbol);
  return upper.endsWith(quote) && upper.length > quote.length ? upper.slice(0, -quote.length) : upper;
}
