// OKX USDT perpetual swaps: public market data for the background's feed runner. The content
// side's symbol is OKX's instId ("BTC-USDT-SWAP", from /trade-swap/btc-usdt-swap). Four public
// REST endpoints (mark price; instrument: contract value and max leverage; funding; position
// tiers in contracts) and the public WebSocket's mark-price and funding-rate channels.
import type { VenueFeed } from '../feed-types';
import {
  instrumentParts,
  parseFundingRate,
  parseInstruments,
  parseMarkPrice,
  parsePositionTiers,
  parseStreamMessage,
  streamSymbol,
} from './feed-schema';

const API = 'https://www.okx.com/api/v5/public';

/** Each instrument's mark-price and funding-rate channels, in one op request. */
function channelRequest(op: 'subscribe' | 'unsubscribe', symbols: readonly string[]): string {
  const args = symbols.flatMap((instId) => [
    { channel: 'mark-price', instId },
    { channel: 'funding-rate', instId },
  ]);
  return JSON.stringify({ op, args });
}

export const feed: VenueFeed = {
  venue: 'okx-swap',
  symbolPattern: /^[A-Z0-9]{1,20}-USDT-SWAP$/,
  quoteAsset: (symbol) => instrumentParts(symbol).quote || null,
  endpoints: {
    mark: { base: `${API}/mark-price`, query: (symbol) => ({ instType: 'SWAP', instId: symbol }) },
    facts: { base: `${API}/instruments`, query: (symbol) => ({ instType: 'SWAP', instId: symbol }) },
    stream: { base: 'wss://ws.okx.com:8443/ws/v5/public' },
  },
  parseMark: parseMarkPrice,
  parseFacts: parseInstruments,
  moreFacts: [
    {
      name: 'funding',
      endpoint: { base: `${API}/funding-rate`, query: (symbol) => ({ instId: symbol }) },
      parse: parseFundingRate,
    },
    {
      name: 'tiers',
      // Tiers are per instrument family. Only the cross table is read; isolated orders are quoted
      // with it too (OKX publishes one per tdMode; that they agree for swaps is not verified).
      endpoint: {
        base: `${API}/position-tiers`,
        query: (symbol) => ({ instType: 'SWAP', tdMode: 'cross', instFamily: instrumentParts(symbol).family }),
      },
      parse: parsePositionTiers,
    },
  ],
  subscribe: (symbols) => [channelRequest('subscribe', symbols)],
  unsubscribe: (symbols) => [channelRequest('unsubscribe', symbols)],
  streamSymbol,
  parseStream: parseStreamMessage,
  // OKX closes a public socket after 30 s without traffic; "ping" is answered with the text "pong".
  heartbeat: { everyMs: 20_000, message: 'ping', reply: 'pong' },
};
