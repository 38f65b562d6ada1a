// Every endpoint the extension contacts, for PRIVACY.md and the store's host-permission answers:
// the list itself is API_ALLOWLIST (the fetch and socket wrappers refuse anything else), the
// venue, method and what the request carries come from the venues' feed.ts specs, and only the
// sentence saying why is written here. An allowlisted endpoint without a sentence, or a feed
// endpoint off the allowlist, stops the generator, so the document cannot fall behind.
import type { VenueId } from '../../src/core/types';
import type { EndpointSpec, VenueFeed } from '../../src/venues/feed-types';

/** Why each allowlisted endpoint is contacted (keyed by the API_ALLOWLIST entry). */
export const ENDPOINT_PURPOSES: Readonly<Record<string, string>> = {
  'https://api.kraken.com/0/public/Ticker':
    'last trade price of the pair (the current price Kraken margin is quoted at)',
  'https://api.kraken.com/0/public/AssetPairs':
    'margin-call and liquidation levels, maximum leverage, price tick and quantity step of the pair',
  'wss://ws.kraken.com/v2': 'live ticker of the pairs whose trade page is open',
  'https://fapi.binance.com/fapi/v1/premiumIndex': 'mark price and funding rate of the symbol',
  'https://fapi.binance.com/fapi/v1/fundingInfo': 'funding interval of the symbols',
  'https://fapi.binance.com/fapi/v1/exchangeInfo': 'price tick and quantity step of every USDⓈ-M symbol (once a day)',
  'wss://fstream.binance.com/ws': 'live mark price and funding of the symbols whose trade page is open',
  'https://www.binance.com/bapi/futures/v1/friendly/future/common/brackets':
    'leverage brackets (maintenance tiers) of every USDⓈ-M symbol, from the site’s keyless web API (every 4 h)',
  'https://api.bybit.com/v5/market/tickers': 'mark and last price, funding rate and next funding time',
  'https://api.bybit.com/v5/market/risk-limit': 'risk-limit tiers (maintenance margin rate and deduction)',
  'https://api.bybit.com/v5/market/instruments-info':
    'funding interval, maximum leverage, price tick and quantity step',
  'wss://stream.bybit.com/v5/public/linear': 'live tickers of the symbols whose trade page is open',
  'https://www.okx.com/api/v5/public/mark-price': 'mark price of the swap',
  'https://www.okx.com/api/v5/public/instruments': 'contract value, maximum leverage, price tick and lot step',
  'https://www.okx.com/api/v5/public/funding-rate': 'funding rate, next funding time and interval',
  'https://www.okx.com/api/v5/public/position-tiers': 'position tiers (maintenance margin rate per size)',
  'wss://ws.okx.com:8443/ws/v5/public': 'live mark price and funding rate of the swaps whose trade page is open',
  'https://api.hyperliquid.xyz/info': 'mark price, hourly funding, maximum leverage and margin tables (info API)',
  'wss://api.hyperliquid.xyz/ws': 'live mark price and funding of the coins whose trade page is open',
  'https://www.binance.com/bapi/margin/v1/friendly/margin/vip/spec/list-all':
    'cross-margin borrow rates of every asset, from the site’s keyless web API (every 30 min)',
  'https://www.binance.com/bapi/margin/v1/friendly/isolated-margin/pair/vip-level':
    'isolated-margin borrow rates of every pair, from the site’s keyless web API (every 30 min)',
  'https://api.binance.com/api/v3/ticker/price': 'last trade price of the pair',
  'https://api.binance.com/api/v3/exchangeInfo': 'pair status, margin permission, price tick and quantity step',
  'wss://stream.binance.com/ws': 'live price of the pairs whose trade page is open',
};

export interface HostUse {
  venue: VenueId;
  /** 'GET', 'POST' or 'WebSocket'. */
  method: string;
  /** What the request carries besides the URL: query parameter names, a POST body, or the subscribe messages. */
  sends: string;
}

export interface HostEntry {
  endpoint: string;
  purpose: string;
  uses: HostUse[];
}

function specsOf(feed: VenueFeed): EndpointSpec[] {
  return [
    feed.endpoints.mark,
    feed.endpoints.facts,
    feed.endpoints.stream,
    ...(feed.moreFacts ?? []).map((s) => s.endpoint),
  ];
}

function useOf(feed: VenueFeed, spec: EndpointSpec, example: string): HostUse {
  const stream = spec.base.startsWith('wss:');
  if (stream)
    return {
      venue: feed.venue,
      method: 'WebSocket',
      sends: 'subscribe / unsubscribe messages naming the market symbols',
    };
  if (spec.postBody !== undefined)
    return { venue: feed.venue, method: 'POST', sends: `body ${JSON.stringify(spec.postBody(example))}` };
  const keys = Object.keys(spec.query?.(example) ?? {});
  return { venue: feed.venue, method: 'GET', sends: keys.length === 0 ? 'nothing' : `query ${keys.join(', ')}` };
}

/**
 * One entry per allowlisted endpoint, with every feed that uses it. Throws on an allowlist entry
 * without a purpose or a feed endpoint that is not allowlisted (then the extension would refuse it).
 */
export function hostEntries(
  allowlist: readonly string[],
  feeds: readonly VenueFeed[],
  exampleSymbol: (venue: VenueId) => string,
): HostEntry[] {
  const entries = new Map<string, HostEntry>();
  for (const endpoint of allowlist) {
    const purpose = ENDPOINT_PURPOSES[endpoint];
    if (purpose === undefined)
      throw new Error(`API_ALLOWLIST entry ${endpoint} has no purpose in scripts/privacy/hosts.ts`);
    entries.set(endpoint, { endpoint, purpose, uses: [] });
  }
  for (const stale of Object.keys(ENDPOINT_PURPOSES))
    if (!entries.has(stale))
      throw new Error(`scripts/privacy/hosts.ts describes ${stale}, which is not on API_ALLOWLIST`);
  for (const feed of feeds) {
    for (const spec of specsOf(feed)) {
      const entry = entries.get(spec.base);
      if (entry === undefined) throw new Error(`${feed.venue} feed endpoint ${spec.base} is not on API_ALLOWLIST`);
      const use = useOf(feed, spec, exampleSymbol(feed.venue));
      if (!entry.uses.some((u) => JSON.stringify(u) === JSON.stringify(use))) entry.uses.push(use);
    }
  }
  return [...entries.values()];
}

/** The hosts (origin with port where one is named) of the allowlist, in first-seen order. */
export function allowlistOrigins(allowlist: readonly string[]): string[] {
  return [...new Set(allowlist.map((entry) => new URL(entry).origin))];
}
