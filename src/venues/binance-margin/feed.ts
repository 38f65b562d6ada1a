// Binance spot margin: public market data for the background's feed runner. Symbols are the
// spot API's own ("BTCUSDT"). The price is the pair's last trade (see feed-schema.ts: Binance
// evaluates margin levels with a price index that has no keyless endpoint). Interest rates and
// margin-call / liquidation levels have no keyless endpoint either: they come from facts.json.
import type { VenueFeed } from '../feed-types';
import { parseExchangeInfo, parseMiniTickerStream, parseTickerPrice } from './feed-schema';

/** Quote assets of Binance margin pairs we recognise, longest first so FDUSD wins over USD-like tails. */
const QUOTES = ['FDUSD', 'USDT', 'USDC', 'BTC', 'ETH', 'BNB', 'EUR'] as const;

export const feed: VenueFeed = {
  venue: 'binance-margin',
  symbolPattern: /^[A-Z0-9]{2,20}(?:FDUSD|USDT|USDC|BTC|ETH|BNB|EUR)$/,
  quoteAsset: (symbol) => QUOTES.find((quote) => symbol.endsWith(quote) && symbol.length - quote.length >= 2) ?? null,
  endpoints: {
    mark: { base: 'https://api.binance.com/api/v3/ticker/price', query: (symbol) => ({ symbol }) },
    facts: { base: 'https://api.binance.com/api/v3/exchangeInfo', query: (symbol) => ({ symbol }) },
    stream: { base: 'wss://stream.binance.com/ws/', pathSuffix: (symbol) => `${symbol.toLowerCase()}@miniTicker` },
  },
  parseMark: parseTickerPrice,
  parseFacts: parseExchangeInfo,
  // The stream name in the URL is the subscription; Binance pings at the WebSocket protocol level.
  subscribeMessage: () => null,
  parseStream: parseMiniTickerStream,
};
