// The only place request URLs are made: (venue, kind, symbol) → URL, from the venue feed's
// fixed endpoint literals and a symbol that passed the feed's pattern. Messages carry ids,
// never URLs (reference B.3 rule 3), and the fetch and socket wrappers refuse anything that
// is not on API_ALLOWLIST, so no code path can turn the background into a fetch proxy.
// Pure (no feed registry import), so Node-side tests can build the same requests for one feed;
// src/background/net/endpoints.ts binds it to the registry.
import type { VenueId } from '../../core/types';
import type { EndpointKind, EndpointSpec, VenueFeed } from '../../venues/feed-types';

/**
 * Every endpoint the extension may contact, as origin + path. An entry ending in "/" allows
 * one extra path segment of stream-name characters (none does today: Binance's markets are
 * subscribed by message on one socket); any other entry must match exactly. Reviewed by hand: keep in step with host_permissions.
 */
export const API_ALLOWLIST: readonly string[] = [
  'https://api.kraken.com/0/public/Ticker',
  'https://api.kraken.com/0/public/AssetPairs',
  'wss://ws.kraken.com/v2',
  'https://fapi.binance.com/fapi/v1/premiumIndex',
  'https://fapi.binance.com/fapi/v1/fundingInfo',
  // Every symbol's price and quantity steps (no symbol parameter): the shared daily 'steps' source.
  'https://fapi.binance.com/fapi/v1/exchangeInfo',
  'wss://fstream.binance.com/ws',
  // The site's own public web API (www.binance.com is also the trade page's origin): this one
  // path only, the bracket table of every USDⓈ-M symbol, which the fapi offers only signed.
  'https://www.binance.com/bapi/futures/v1/friendly/future/common/brackets',
  'https://api.bybit.com/v5/market/tickers',
  'https://api.bybit.com/v5/market/risk-limit',
  'https://api.bybit.com/v5/market/instruments-info',
  'wss://stream.bybit.com/v5/public/linear',
  'https://www.okx.com/api/v5/public/mark-price',
  'https://www.okx.com/api/v5/public/instruments',
  'https://www.okx.com/api/v5/public/funding-rate',
  'https://www.okx.com/api/v5/public/position-tiers',
  'wss://ws.okx.com:8443/ws/v5/public',
  'https://api.hyperliquid.xyz/info',
  'wss://api.hyperliquid.xyz/ws',
  // The same web API's two borrow-rate tables (cross, isolated) the spot-margin feed reads.
  'https://www.binance.com/bapi/margin/v1/friendly/margin/vip/spec/list-all',
  'https://www.binance.com/bapi/margin/v1/friendly/isolated-margin/pair/vip-level',
  'https://api.binance.com/api/v3/ticker/price',
  'https://api.binance.com/api/v3/exchangeInfo',
  'wss://stream.binance.com/ws',
];

const PATH_SEGMENT = /^[A-Za-z0-9@._-]{1,80}$/;
const MAX_QUERY_LENGTH = 200;

declare const allowed: unique symbol;
/** A URL that passed isAllowedUrl; only endpointUrl hands these out. */
export type AllowedUrl = URL & { readonly [allowed]: true };

export function isAllowedUrl(url: URL): url is AllowedUrl {
  if (url.protocol !== 'https:' && url.protocol !== 'wss:') return false;
  // A port is only accepted where an entry names it (OKX streams on :8443): origin includes it.
  if (url.username !== '' || url.password !== '' || url.hash !== '' || url.search.length > MAX_QUERY_LENGTH)
    return false;
  const at = url.origin + url.pathname;
  return API_ALLOWLIST.some((entry) =>
    entry.endsWith('/') ? at.startsWith(entry) && PATH_SEGMENT.test(at.slice(entry.length)) : at === entry,
  );
}

/** The endpoint spec of one channel: 'mark' | 'facts' | 'stream' or an extra "facts:<name>". */
export function endpointSpec(feed: VenueFeed, kind: EndpointKind): EndpointSpec | undefined {
  if (kind === 'mark' || kind === 'facts' || kind === 'stream') return feed.endpoints[kind];
  const name = kind.slice('facts:'.length);
  return feed.moreFacts?.find((source) => source.name === name)?.endpoint;
}

/** A request: the allowlisted URL and, for a POST endpoint, its JSON body text. */
export interface EndpointRequest {
  url: AllowedUrl;
  jsonBody: string | undefined;
}

/** URL and body for one endpoint, or null (see endpointUrl). */
export function endpointRequest(
  venue: VenueId,
  kind: EndpointKind,
  symbol: string,
  lookup: (venue: VenueId) => VenueFeed | undefined,
): EndpointRequest | null {
  const url = endpointUrl(venue, kind, symbol, lookup);
  const spec = url === null ? undefined : endpointSpec(lookup(venue)!, kind);
  if (url === null || spec === undefined) return null;
  return { url, jsonBody: spec.postBody === undefined ? undefined : JSON.stringify(spec.postBody(symbol)) };
}

/** The URL for one endpoint of a venue's feed, or null (no feed, symbol not valid for it, or not allowlisted). */
export function endpointUrl(
  venue: VenueId,
  kind: EndpointKind,
  symbol: string,
  lookup: (venue: VenueId) => VenueFeed | undefined,
): AllowedUrl | null {
  const feed = lookup(venue);
  if (feed === undefined || !feed.symbolPattern.test(symbol)) return null;
  const spec = endpointSpec(feed, kind);
  if (spec === undefined) return null;
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
