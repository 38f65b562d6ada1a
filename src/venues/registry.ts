// The one line per venue: engine venue id → its folder under src/venues/. A venue folder
// holds reader.ts (content side), feed.ts (background side), selectors.ts, facts.json and
// fixtures; readers.ts and feeds.ts pick them up from here, so nothing else names a venue.
import type { VenueId } from '../core/types';

export const VENUE_FOLDERS: Partial<Record<VenueId, string>> = {
  'kraken-margin': 'kraken',
  'binance-usdm': 'binance-usdm',
  'bybit-linear': 'bybit',
  'okx-swap': 'okx',
  hyperliquid: 'hyperliquid',
  'binance-margin': 'binance-margin',
};
