// The only place request URLs are made: (venue, kind, symbol) → URL, from the venue feed's
// fixed endpoint literals and a symbol that passed the feed's pattern. Messages carry ids,
// never URLs (reference B.3 rule 3), and the fetch and socket wrappers refuse anything that
// is not on API_ALLOWLIST, so no code path can turn the background into a fetch proxy.
import type { VenueId } from '../../core/types';
import type { EndpointKind, VenueFeed } from '../../venues/feed-types';
import { feedFor } from '../../venues/feeds';

/**
 * Every endpoint the extension may contact, as origin + path. An entry ending in "/" allows
 * one extra path segment of stream-name characters (Binance puts the stream name in the path);
 * any other entry must match exactly. Reviewed by hand: keep in step with host_permissions.
 */
export const API_ALLOWLIST: readonly string[] = [
  'https://api.kraken.com/0/public/Ticker',
  'https://api.kraken.com/0/public/AssetPairs',
  'wss://ws.kraken.com/v2',
  'https://fapi.binance.com/fapi/v1/premiumIndex',
  'https://fapi.binance.com/fapi/v1/fundingInfo',
  'wss://fstream.binance.com/ws/',
];

const PATH_SEGMENT = /^[A-Za-z0-9@._-]{1,80}$/;
const MAX_QUERY_LENGTH = 200;

declare const allowed: unique symbol;
/** A URL that passed isAllowedUrl; only endpointUrl hands these out. */
export type AllowedUrl = URL & { readonly [allowed]: true };

export function isAllowedUrl(url: URL): url is AllowedUrl {
  if (url.protocol !== 'https:' && url.protocol !== 'wss:') return false;
  if (url.username !== '' || url.password !== '' || url.port !== '' || url.hash !== '' || url.search.length > MAX_QUERY_LENGTH) return false;
  const at = url.origin + url.pathname;
  return API_ALLOWLIST.some((entry) => (entry.endsWith('/') ? at.startsWith(entry) && PATH_SEGMENT.test(at.slice(entry.length)) : at === entry));
}

/** The URL for one endpoint of a venue's feed, or null (no feed, symbol not valid for it, or not allowlisted). */
export function endpointUrl(venue: VenueId, kind: EndpointKind, symbol: string, lookup: (venue: VenueId) => VenueFeed | undefined = feedFor): AllowedUrl | null {
  const feed = lookup(venue);
  if (feed === undefined || !feed.symbolPattern.test(symbol)) return null;
  const spec = feed.endpoints[kind];
  let text = spec.base;
  if (spec.pathSuffix !== undefined) {
    const segment = spec.pathSuffix(symbol);
    if (!PATH_SEGMENT.test(segment)) return null;
    text += segment;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  for (const [key, value] of Object.entries(spec.query?.(symbol) ?? {})) url.searchParams.set(key, value);
  return isAllowedUrl(url) ? url : null;
}
