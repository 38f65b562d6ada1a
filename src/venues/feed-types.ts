// The contract of a venue's feed.ts: which public endpoints it reads and how it validates
// what they return. A feed is pure data + parsers: it never fetches, times or retries
// (src/background does that, with one allowlisted fetch wrapper), so every parser can be
// tested against saved responses in the venue's fixtures/api/ folder.
import type { VenueId } from '../core/types';
import type { DecimalString, MarketFigureKey } from './types';

/** 'mark': fast figures polled every few seconds; 'facts': slow ones (funding interval, levels); 'stream': WebSocket. */
export type RestKind = 'mark' | 'facts';
export type EndpointKind = RestKind | 'stream';

/**
 * Where an endpoint lives. `base` is a fixed literal (origin + path, no query); the symbol may
 * only add query parameters or one path segment. The URL itself is built in exactly one place,
 * src/background/net/allowlist.ts, which also checks it against the allowlist.
 */
export interface EndpointSpec {
  base: string;
  query?: (symbol: string) => Readonly<Record<string, string>>;
  pathSuffix?: (symbol: string) => string;
}

export interface FigureUpdate {
  value: DecimalString;
  /** The exchange's own timestamp for the value, when the message carries one (epoch ms). */
  exchangeTime: number | null;
}

export type FigureUpdates = Partial<Record<MarketFigureKey, FigureUpdate>>;

/** A REST body either yields figures or is rejected with a short reason (no payload echo). */
export type ParseResult = { ok: true; figures: FigureUpdates } | { ok: false; reason: string };

export type StreamEvent =
  | { kind: 'figures'; figures: FigureUpdates }
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
  /** Text to send once the socket is open; null when the URL alone subscribes. */
  subscribeMessage(symbol: string): string | null;
  parseStream(message: unknown, symbol: string): StreamEvent;
}
