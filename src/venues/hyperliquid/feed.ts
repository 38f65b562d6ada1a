// Hyperliquid perpetuals: public market data for the background's feed runner. Everything is
// one info endpoint, asked different questions by POST body; the symbol is the coin as the API
// spells it ("BTC", "kPEPE"), and it appears only in the WebSocket subscription (the info
// answers list every coin; the parsers pick ours).
import type { VenueFeed } from '../feed-types';
import { parseMeta, parseMetaAndAssetCtxs, parseStreamMessage, streamSymbol } from './feed-schema';
import { COIN } from './selectors';

const INFO = 'https://api.hyperliquid.xyz/info';

const coinRequest = (method: 'subscribe' | 'unsubscribe', coin: string): string =>
  JSON.stringify({ method, subscription: { type: 'activeAssetCtx', coin } });

export const feed: VenueFeed = {
  venue: 'hyperliquid',
  symbolPattern: COIN,
  // Perps are margined and settled in USDC.
  quoteAsset: () => 'USDC',
  endpoints: {
    mark: { base: INFO, postBody: () => ({ type: 'metaAndAssetCtxs' }) },
    facts: { base: INFO, postBody: () => ({ type: 'meta' }) },
    stream: { base: 'wss://api.hyperliquid.xyz/ws' },
  },
  parseMark: parseMetaAndAssetCtxs,
  parseFacts: parseMeta,
  // One subscription per coin: the protocol has no lists.
  subscribe: (coins) => coins.map((coin) => coinRequest('subscribe', coin)),
  unsubscribe: (coins) => coins.map((coin) => coinRequest('unsubscribe', coin)),
  streamSymbol,
  parseStream: parseStreamMessage,
  // The server closes a socket that has sent nothing for 60 s; the answer {"channel":"pong"} is ignored by parseStream.
  heartbeat: { everyMs: 50_000, message: JSON.stringify({ method: 'ping' }) },
};
