// Binance spot margin: public market data for the background's feed runner. Symbols are the
// spot API's own ("BTCUSDT"). The price is the pair's last trade (see feed-schema.ts: Binance
// evaluates margin levels with a price index that has no keyless endpoint). Borrow rates come
// from the site's public rate tables (rates.ts), shared by every pair; margin-call and
// liquidation levels have no keyless endpoint: they come from facts.json.
import type { VenueFeed } from '../feed-types';
import { parseExchangeInfo, parseMiniTickerStream, parseTickerPrice, streamSymbol } from './feed-schema';
import { crossRates, isolatedRates } from './rates';

/** Binance sets borrow rates every hour; the tables are fetched twice an hour for all pairs. */
export const RATES_REFRESH_MS = 30 * 60_000;
/** Each table: a few hundred assets or pairs × about ten VIP levels. */
const RATES_MAX_CHARS = 4_000_000;

/** Quote assets of Binance margin pairs we recognise, longest first so FDUSD wins over USD-like tails. */
const QUOTES = ['FDUSD', 'USDT', 'USDC', 'BTC', 'ETH', 'BNB', 'EUR'] as const;

function quoteOf(symbol: string): string | null {
  return QUOTES.find((quote) => symbol.endsWith(quote) && symbol.length - quote.length >= 2) ?? null;
}

function splitPair(symbol: string): { base: string; quote: string } | null {
  const quote = quoteOf(symbol);
  return quote === null ? null : { base: symbol.slice(0, -quote.length), quote };
}

/** Binance's live (un)subscribing: {"method":"SUBSCRIBE","params":["btcusdt@miniTicker"],"id":1}. */
function streamRequest(method: 'SUBSCRIBE' | 'UNSUBSCRIBE', symbols: readonly string[], id: number): string {
  return JSON.stringify({ method, params: symbols.map((symbol) => `${symbol.toLowerCase()}@miniTicker`), id });
}

export const feed: VenueFeed = {
  venue: 'binance-margin',
  symbolPattern: /^[A-Z0-9]{2,20}(?:FDUSD|USDT|USDC|BTC|ETH|BNB|EUR)$/,
  quoteAsset: quoteOf,
  endpoints: {
    mark: { base: 'https://api.binance.com/api/v3/ticker/price', query: (symbol) => ({ symbol }) },
    facts: { base: 'https://api.binance.com/api/v3/exchangeInfo', query: (symbol) => ({ symbol }) },
    // One raw-payload connection; pairs are added and removed with SUBSCRIBE / UNSUBSCRIBE.
    stream: { base: 'wss://stream.binance.com/ws' },
  },
  parseMark: parseTickerPrice,
  parseFacts: parseExchangeInfo,
  moreFacts: [
    {
      name: 'rates-cross',
      endpoint: {
        base: 'https://www.binance.com/bapi/margin/v1/friendly/margin/vip/spec/list-all',
        maxBodyChars: RATES_MAX_CHARS,
      },
      parse: (body, symbol) => crossRates(body, symbol, splitPair),
      shared: { refreshMs: RATES_REFRESH_MS },
    },
    {
      name: 'rates-isolated',
      endpoint: {
        base: 'https://www.binance.com/bapi/margin/v1/friendly/isolated-margin/pair/vip-level',
        maxBodyChars: RATES_MAX_CHARS,
      },
      parse: isolatedRates,
      shared: { refreshMs: RATES_REFRESH_MS },
    },
  ],
  // Binance pings at the WebSocket protocol level: no heartbeat of ours.
  subscribe: (symbols, id) => [streamRequest('SUBSCRIBE', symbols, id)],
  unsubscribe: (symbols, id) => [streamRequest('UNSUBSCRIBE', symbols, id)],
  streamSymbol,
  parseStream: parseMiniTickerStream,
};
