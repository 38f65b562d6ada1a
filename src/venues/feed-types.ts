// The contract of a venue's feed.ts: which public endpoints it reads and how it validates
// what they return. A feed is pure data + parsers: it never fetches, times or retries
// (src/background does that, with one allowlisted fetch wrapper), so every parser can be
// tested against saved responses in the venue's fixtures/api/ folder.
import type { VenueId } from '../core/types';
import type { DecimalString, MarketFigureKey, TierTable } from './types';

/** 'mark': fast figures polled every few seconds; 'facts': slow ones (funding interval, levels); 'stream': WebSocket. */
export type RestKind = 'mark' | 'facts';
/** An extra slow REST source is addressed as "facts:<name>" (e.g. "facts:tiers"). */
export type ExtraFactsKind = `facts:${string}`;
export type EndpointKind = RestKind | 'stream' | ExtraFactsKind;

/** A further slow REST source beside `facts` (OKX needs four endpoints): polled like facts, on its own retry channel. */
export interface FactSource {
  /** Short lowercase name, unique in the feed: the channel is "facts:<name>". */
  name: string;
  endpoint: EndpointSpec;
  parse(body: unknown, symbol: string): ParseResult;
  /**
   * The endpoint answers the same for every symbol (Binance's bracket table of all symbols):
   * fetched at most once per refreshMs for all markets of the venue, shared between their
   * runners, and each market's figures from it dated by when that answer arrived.
   */
  shared?: { refreshMs: number };
}

/**
 * Where an endpoint lives. `base` is a fixed literal (origin + path, no query); the symbol may
 * only add query parameters or one path segment. The URL itself is built in exactly one place,
 * src/background/net/allowlist.ts, which also checks it against the allowlist.
 */
export interface EndpointSpec {
  base: string;
  query?: (symbol: string) => Readonly<Record<string, string>>;
  pathSuffix?: (symbol: string) => string;
  /**
   * A JSON body makes the request a POST with content-type application/json (Hyperliquid's
   * info API takes {"type":"metaAndAssetCtxs"}). Built from fixed literals and the checked symbol.
   */
  postBody?: (symbol: string) => Readonly<Record<string, unknown>>;
  /** A larger body cap than the default (MAX_BODY_CHARS) for a table of all symbols. */
  maxBodyChars?: number;
}

export interface FigureUpdate {
  value: DecimalString;
  /** The exchange's own timestamp for the value, when the message carries one (epoch ms). */
  exchangeTime: number | null;
}

export type FigureUpdates = Partial<Record<MarketFigureKey, FigureUpdate>>;

/** A REST body either yields figures (and maybe a tier table) or is rejected with a short reason (no payload echo). */
export type ParseResult = { ok: true; figures: FigureUpdates; tiers?: TierTable } | { ok: false; reason: string };

export type StreamEvent =
  | { kind: 'figures'; figures: FigureUpdates; tiers?: TierTable }
  /** Heartbeats, status and subscription acknowledgements: not data, not an error. */
  | { kind: 'ignore' }
  /** The exchange refused the subscription: reconnecting (with backoff) is the only remedy. */
  | { kind: 'refused'; reason: string }
  | { kind: 'malformed'; reason: string };

export interface VenueFeed {
  venue: VenueId;
  /** OrderForm.symbol as the content side sends it; checked before any URL is built. */
  symbolPattern: RegExp;
  /** Currency margin and fees are counted in, for display ("400 USDT"); null if unknown. */
  quoteAsset(symbol: string): string | null;
  endpoints: Readonly<Record<EndpointKind, EndpointSpec>>;
  parseMark(body: unknown, symbol: string): ParseResult;
  parseFacts(body: unknown, symbol: string): ParseResult;
  /** More slow REST sources (tiers, instruments, funding), each with its own channel "facts:<name>". */
  moreFacts?: readonly FactSource[];
  /**
   * One socket per venue carries every watched symbol (src/background/feed/venue-stream.ts).
   * The messages that add these symbols to an open socket, in the venue's own protocol; `id` is
   * a per-socket request number for venues that want one (Binance "id", Kraken/Bybit "req_id").
   */
  subscribe(symbols: readonly string[], id: number): string[];
  /** The messages that stop these symbols on an open socket (a symbol no longer watched). */
  unsubscribe(symbols: readonly string[], id: number): string[];
  /**
   * The market a stream message is about (a data message, or a refusal that names its symbol),
   * or null for what concerns the whole socket (acknowledgements, pongs, unattributed errors).
   * Routing only: the message is still validated by parseStream for that symbol.
   */
  streamSymbol(message: unknown): string | null;
  parseStream(message: unknown, symbol: string): StreamEvent;
  /** Application-level ping some venues require to keep a quiet socket open (Bybit 20 s, OKX "ping" < 30 s, Hyperliquid < 60 s). */
  heartbeat?: {
    everyMs: number;
    message: string;
    /** A non-JSON answer to the ping (OKX "pong"), dropped unparsed. */ reply?: string;
  };
}
