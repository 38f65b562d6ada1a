// The plug-in contract of one venue in the mock exchange. Each venue's public API lives in its
// own module under e2e/mock/venues/<venue>.ts exporting `mockApi`; server.ts loads every module
// in that folder, so a new venue adds a file here and touches nothing shared.
import type { WebSocket } from 'ws';
import type { MarketBook, MockVenue } from './markets';
import type { StreamOptions, StreamSession } from './stream-session';

export interface JsonAnswer {
  status: number;
  /** An object is sent as JSON; a string is sent as is (byte-exact fixtures, broken JSON). */
  body: unknown;
}

export interface MockRequest {
  url: URL;
  method: string;
  /** Request body as text ('' for GET). */
  body: string;
}

/** One listed symbol: its canonical name (as the venue's REST API spells it), other spellings, default price. */
export interface MockSymbol {
  symbol: string;
  aliases?: readonly string[];
  price: string;
}

export interface MockPageRoute {
  host: string;
  path: RegExp;
  /** File name under e2e/fixtures/pages. */
  file: string;
  /**
   * Another generation or state of the same page at the same real URL (issue 13: `binance-usdm.gen2-*.html`):
   * served when the request's `?fixture=` query names it. Routes without it answer requests without the query.
   */
  fixture?: string;
}

export interface MockVenueApi {
  venue: MockVenue;
  /** The trade pages this venue serves from the fixtures, at their real URLs. */
  pages: readonly MockPageRoute[];
  /** Hosts answering REST (may be the page host too: OKX serves /api/v5 from www.okx.com). */
  restHosts: readonly string[];
  wsHosts: readonly string[];
  symbols: readonly MockSymbol[];
  /**
   * Endpoint name for logs and fault injection ("bybit.tickers", "bybit.ws"), or null when
   * host + path is not this venue's API (pages on a shared host must answer null).
   */
  endpoint(host: string, pathname: string): string | null;
  rest(request: MockRequest, book: MarketBook): JsonAnswer;
  /** The venue's own error body for an injected 429 / 500. */
  errorBody(status: number): string;
  acceptsWsPath(host: string, pathname: string): boolean;
  openStream(socket: WebSocket, url: URL, book: MarketBook, options: StreamOptions): StreamSession;
}
