// Binance USDⓈ-M futures: public market data for the background's feed runner.
// Symbols are the API's own ("BTCUSDT"); only perpetuals (quarterly "BTCUSDT_250926" are
// not matched, they have no funding).
// Neither premiumIndex, fundingInfo nor the mark-price stream carries the price or quantity step;
// /fapi/v1/exchangeInfo does, for every symbol at once (megabytes): a shared source read once a
// day for all markets (exchange-info.ts). Until it has answered, prices show at their own precision.
import type { VenueFeed } from '../feed-types';
import { parseBrackets } from './brackets';
import { parseExchangeInfo } from './exchange-info';
import { parseFundingInfo, parseMarkPriceStream, parsePremiumIndex, streamSymbol } from './feed-schema';

/** Binance changes brackets by announcement, rarely; the table of all symbols is about a megabyte. */
export const BRACKETS_REFRESH_MS = 4 * 3_600_000;
/** The whole table: a few hundred symbols × about ten brackets, ~200 characters each. */
const BRACKETS_MAX_CHARS = 6_000_000;

/** Steps change on announcement only; the answer lists every symbol (a few hundred, ~2 kB each). */
export const EXCHANGE_INFO_REFRESH_MS = 24 * 3_600_000;
const EXCHANGE_INFO_MAX_CHARS = 6_000_000;

const QUOTES = ['USDT', 'USDC'] as const;

/** Binance's live (un)subscribing: {"method":"SUBSCRIBE","params":["btcusdt@markPrice@1s"],"id":1}. */
function streamRequest(method: 'SUBSCRIBE' | 'UNSUBSCRIBE', symbols: readonly string[], id: number): string {
  return JSON.stringify({ method, params: symbols.map((symbol) => `${symbol.toLowerCase()}@markPrice@1s`), id });
}

export const feed: VenueFeed = {
  venue: 'binance-usdm',
  symbolPattern: /^[A-Z0-9]{1,20}(?:USDT|USDC)$/,
  quoteAsset: (symbol) => QUOTES.find((quote) => symbol.endsWith(quote)) ?? null,
  endpoints: {
    mark: { base: 'https://fapi.binance.com/fapi/v1/premiumIndex', query: (symbol) => ({ symbol }) },
    facts: { base: 'https://fapi.binance.com/fapi/v1/fundingInfo' },
    // One raw-payload connection; markets are added and removed with SUBSCRIBE / UNSUBSCRIBE.
    stream: { base: 'wss://fstream.binance.com/ws' },
  },
  parseMark: parsePremiumIndex,
  parseFacts: parseFundingInfo,
  // Every symbol's brackets from the site's own keyless web API (the signed leverageBracket
  // needs a key): one answer for all markets, shared and refreshed every few hours.
  moreFacts: [
    {
      name: 'brackets',
      endpoint: {
        base: 'https://www.binance.com/bapi/futures/v1/friendly/future/common/brackets',
        maxBodyChars: BRACKETS_MAX_CHARS,
      },
      parse: parseBrackets,
      shared: { refreshMs: BRACKETS_REFRESH_MS },
    },
    {
      name: 'steps',
      endpoint: { base: 'https://fapi.binance.com/fapi/v1/exchangeInfo', maxBodyChars: EXCHANGE_INFO_MAX_CHARS },
      parse: parseExchangeInfo,
      shared: { refreshMs: EXCHANGE_INFO_REFRESH_MS },
    },
  ],
  subscribe: (symbols, id) => [streamRequest('SUBSCRIBE', symbols, id)],
  unsubscribe: (symbols, id) => [streamRequest('UNSUBSCRIBE', symbols, id)],
  streamSymbol,
  parseStream: parseMarkPriceStream,
};
