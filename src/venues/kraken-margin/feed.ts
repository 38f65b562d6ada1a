// Kraken Pro spot margin: public market data for the background's feed runner.
// The content side's symbol is Kraken's WebSocket v2 form, "BTC/USD" (from /app/trade/btc-usd);
// REST wants the legacy pair name ("XBTUSD"), see feed-schema.ts.
import type { VenueFeed } from '../feed-types';
import { parseAssetPairs, parseStreamMessage, parseTicker, restPair, streamSymbol } from './feed-schema';

/** WS v2 takes a list of symbols per request: {"method":"subscribe","params":{"channel":"ticker","symbol":[…]}}. */
function tickerRequest(method: 'subscribe' | 'unsubscribe', symbols: readonly string[], id: number): string {
  return JSON.stringify({ method, params: { channel: 'ticker', symbol: [...symbols] }, req_id: id });
}

export const feed: VenueFeed = {
  venue: 'kraken-margin',
  symbolPattern: /^[A-Z0-9]{2,10}\/[A-Z0-9]{2,10}$/,
  quoteAsset: (symbol) => symbol.split('/')[1] ?? null,
  endpoints: {
    mark: { base: 'https://api.kraken.com/0/public/Ticker', query: (symbol) => ({ pair: restPair(symbol) }) },
    facts: { base: 'https://api.kraken.com/0/public/AssetPairs', query: (symbol) => ({ pair: restPair(symbol) }) },
    stream: { base: 'wss://ws.kraken.com/v2' },
  },
  parseMark: parseTicker,
  parseFacts: parseAssetPairs,
  subscribe: (symbols, id) => [tickerRequest('subscribe', symbols, id)],
  unsubscribe: (symbols, id) => [tickerRequest('unsubscribe', symbols, id)],
  streamSymbol,
  parseStream: parseStreamMessage,
};
