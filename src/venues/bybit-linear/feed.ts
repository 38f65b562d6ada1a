// Bybit USDT perpetuals: public market data for the background's feed runner. Symbols are the
// API's own ("BTCUSDT", from /trade/usdt/BTCUSDT). Risk limits are public on v5, so the tier
// table comes live from /v5/market/risk-limit (cached by the runner like every figure); the
// bundled facts.json is the fallback when it cannot be fetched.
import type { VenueFeed } from '../feed-types';
import { parseInstrumentsInfo, parseStreamMessage, parseTickers, streamSymbol } from './feed-schema';
import { parseRiskLimit } from './risk-limit';

const linear = (symbol: string) => ({ category: 'linear', symbol });

/**
 * One request per symbol, its req_id the symbol: Bybit refuses a request whole if one topic is
 * unknown, and echoes req_id in its answer, so a refusal names the one market it concerns.
 */
function topicRequests(op: 'subscribe' | 'unsubscribe', symbols: readonly string[]): string[] {
  return symbols.map((symbol) => JSON.stringify({ op, req_id: symbol, args: [`tickers.${symbol}`] }));
}

export const feed: VenueFeed = {
  venue: 'bybit-linear',
  symbolPattern: /^[A-Z0-9]{2,20}USDT$/,
  quoteAsset: () => 'USDT',
  endpoints: {
    mark: { base: 'https://api.bybit.com/v5/market/tickers', query: linear },
    facts: { base: 'https://api.bybit.com/v5/market/risk-limit', query: linear },
    stream: { base: 'wss://stream.bybit.com/v5/public/linear' },
  },
  parseMark: parseTickers,
  parseFacts: parseRiskLimit,
  moreFacts: [
    {
      name: 'instruments',
      endpoint: { base: 'https://api.bybit.com/v5/market/instruments-info', query: linear },
      parse: parseInstrumentsInfo,
    },
  ],
  subscribe: (symbols) => topicRequests('subscribe', symbols),
  unsubscribe: (symbols) => topicRequests('unsubscribe', symbols),
  streamSymbol,
  parseStream: parseStreamMessage,
  // Bybit drops a public connection that sends nothing for a while; it recommends a ping every 20 s.
  heartbeat: { everyMs: 20_000, message: JSON.stringify({ op: 'ping' }) },
};
