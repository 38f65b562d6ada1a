// Hyperliquid in the mock exchange: the perps trade page, the public info API and the WebSocket,
// as documented (Hyperliquid docs "Info endpoint › Perpetuals", "Websocket › Subscriptions" and
// "Websocket › Heartbeats"):
//   POST https://api.hyperliquid.xyz/info  {"type":"meta"}             → { universe, marginTables }
//                                          {"type":"metaAndAssetCtxs"} → [meta, assetCtxs]
//                                          anything else               → 422 (unknown type / bad JSON)
//   wss://api.hyperliquid.xyz/ws  {"method":"subscribe","subscription":{"type":"activeAssetCtx","coin":"BTC"}}
//     → {"channel":"subscriptionResponse",…}, then {"channel":"activeAssetCtx","data":{"coin","ctx"}}
//       about once a second and at once on a price change; {"method":"ping"} → {"channel":"pong"};
//       a bad request → {"channel":"error","data":"…"}; a socket quiet for 60 s is closed.
// Prices come from the MarketBook: markPx is the book price, oraclePx a hair off it (the feed
// must take markPx), funding the book's funding rate (hourly on Hyperliquid).
import type { WebSocket } from 'ws';
import { Dec } from '../../../src/core/decimal';
import type { MarketBook } from '../markets';
import { sendText, type StreamOptions, type StreamSession } from '../stream-session';
import type { JsonAnswer, MockRequest, MockSymbol, MockVenueApi } from '../venue-api';

export const HYPERLIQUID_PAGE_HOST = 'app.hyperliquid.xyz';
export const HYPERLIQUID_API_HOST = 'api.hyperliquid.xyz';

interface Listing {
  name: string;
  szDecimals: number;
  maxLeverage: number;
  marginTableId: number;
  onlyIsolated?: boolean;
  isDelisted?: boolean;
}

/** The listed perps, in universe order (asset contexts follow the same order). */
const UNIVERSE: readonly Listing[] = [
  { name: 'BTC', szDecimals: 5, maxLeverage: 40, marginTableId: 56 },
  { name: 'ETH', szDecimals: 4, maxLeverage: 25, marginTableId: 55 },
  { name: 'LOOM', szDecimals: 1, maxLeverage: 3, marginTableId: 3, onlyIsolated: true, isDelisted: true },
  { name: 'SOL', szDecimals: 2, maxLeverage: 20, marginTableId: 54 },
];

/** Margin tables as the docs' margin tiers give them (mainnet, as of the facts.json date). */
const MARGIN_TABLES: ReadonlyArray<
  [number, { description: string; marginTiers: Array<{ lowerBound: string; maxLeverage: number }> }]
> = [
  [
    54,
    {
      description: 'tiered 20x',
      marginTiers: [
        { lowerBound: '0.0', maxLeverage: 20 },
        { lowerBound: '70000000.0', maxLeverage: 10 },
      ],
    },
  ],
  [
    55,
    {
      description: 'tiered 25x',
      marginTiers: [
        { lowerBound: '0.0', maxLeverage: 25 },
        { lowerBound: '100000000.0', maxLeverage: 15 },
      ],
    },
  ],
  [
    56,
    {
      description: 'tiered 40x',
      marginTiers: [
        { lowerBound: '0.0', maxLeverage: 40 },
        { lowerBound: '150000000.0', maxLeverage: 20 },
      ],
    },
  ],
];

/** The tradable coins with their default marks; LOOM is delisted and has no live price. */
export const HYPERLIQUID_SYMBOLS: readonly MockSymbol[] = [
  { symbol: 'BTC', price: '65010' },
  { symbol: 'ETH', price: '3501.3' },
  { symbol: 'SOL', price: '148.2' },
];
const DELISTED_PRICE = '0.051';

/** Coins are case-sensitive on Hyperliquid ("kPEPE"); the book is not, so look up exactly. */
const isListed = (coin: unknown): coin is string =>
  typeof coin === 'string' && HYPERLIQUID_SYMBOLS.some((s) => s.symbol === coin);

function meta(): unknown {
  return { universe: UNIVERSE, marginTables: MARGIN_TABLES };
}

/** One asset context; markPx from the book, oraclePx 0.01 % below it, funding the book's. */
function assetCtx(coin: string, book: MarketBook): Record<string, unknown> {
  const listed = isListed(coin);
  const quote = listed ? book.get('hyperliquid', coin) : null;
  const mark = quote?.price ?? DELISTED_PRICE;
  const oracle = new Dec(mark).times('0.9999').toFixed();
  return {
    funding: quote?.fundingRate ?? '0.0',
    openInterest: listed ? '31245.67808' : '0.0',
    prevDayPx: mark,
    dayNtlVlm: listed ? '2131415926.5' : '0.0',
    premium: listed ? '0.0001' : null,
    oraclePx: oracle,
    markPx: mark,
    midPx: listed ? mark : null,
    impactPxs: listed ? [mark, mark] : null,
    dayBaseVlm: listed ? '32871.44521' : '0.0',
  };
}

function info(request: MockRequest, book: MarketBook): JsonAnswer {
  if (request.method !== 'POST') return { status: 405, body: 'Method Not Allowed' };
  let query: any;
  try {
    query = JSON.parse(request.body);
  } catch {
    return { status: 400, body: 'Failed to deserialize the JSON body into the target type' };
  }
  switch (query?.type) {
    case 'meta':
      return { status: 200, body: meta() };
    case 'metaAndAssetCtxs':
      return { status: 200, body: [meta(), UNIVERSE.map((l) => assetCtx(l.name, book))] };
    default:
      return { status: 422, body: 'Failed to deserialize the JSON body into the target type: unknown variant' };
  }
}

export function hyperliquidEndpoint(host: string, pathname: string): string | null {
  if (host !== HYPERLIQUID_API_HOST) return null;
  if (pathname === '/info') return 'hyperliquid.info';
  if (pathname === '/ws') return 'hyperliquid.ws';
  // The trading endpoint exists on the real host; the extension must never call it.
  if (pathname === '/exchange') return 'hyperliquid.exchange';
  return 'hyperliquid.other';
}

const EVERY_MS = 1_000;
const IDLE_CLOSE_MS = 60_000;

/** One /ws connection: activeAssetCtx subscriptions and the ping/pong heartbeat. */
export class HyperliquidStream implements StreamSession {
  readonly venue = 'hyperliquid' as const;
  private coins = new Map<string, number>(); // coin → last sent
  private lastClientMessage = Date.now();

  constructor(
    readonly socket: WebSocket,
    private book: MarketBook,
    private options: StreamOptions,
  ) {
    socket.on('message', (data) => this.onMessage(String(data)));
  }

  subscribedSymbols(): string[] {
    return [...this.coins.keys()];
  }

  private error(text: string): void {
    sendText(this.socket, JSON.stringify({ channel: 'error', data: text }));
  }

  private onMessage(text: string): void {
    this.lastClientMessage = Date.now();
    let msg: any;
    try {
      msg = JSON.parse(text);
    } catch {
      return this.error(`Error parsing JSON into valid websocket request: ${text.slice(0, 40)}`);
    }
    if (msg?.method === 'ping') return sendText(this.socket, JSON.stringify({ channel: 'pong' }));
    const sub = msg?.subscription;
    if ((msg?.method !== 'subscribe' && msg?.method !== 'unsubscribe') || sub?.type !== 'activeAssetCtx') {
      return this.error(`Error parsing JSON into valid websocket request: ${text.slice(0, 40)}`);
    }
    if (!isListed(sub.coin)) return this.error(`Invalid subscription ${JSON.stringify(sub).slice(0, 60)}`);
    if (msg.method === 'unsubscribe' && !this.coins.has(sub.coin))
      return this.error(`Already unsubscribed: ${JSON.stringify(sub).slice(0, 60)}`);
    sendText(
      this.socket,
      JSON.stringify({
        channel: 'subscriptionResponse',
        data: { method: msg.method, subscription: { type: 'activeAssetCtx', coin: sub.coin } },
      }),
    );
    if (msg.method === 'unsubscribe') {
      this.coins.delete(sub.coin);
      return;
    }
    this.coins.set(sub.coin, 0);
    this.send(sub.coin, Date.now());
  }

  private send(coin: string, now: number): void {
    this.coins.set(coin, now);
    if (!this.options.streaming()) return;
    if (this.options.garbage) return sendText(this.socket, '{"channel":"activeAssetCtx","data":{"coin":');
    sendText(
      this.socket,
      JSON.stringify({ channel: 'activeAssetCtx', data: { coin, ctx: assetCtx(coin, this.book) } }),
    );
  }

  tick(now: number): void {
    if (now - this.lastClientMessage > IDLE_CLOSE_MS) {
      this.socket.close(1000, 'idle');
      return;
    }
    for (const [coin, last] of this.coins) if (now - last >= EVERY_MS) this.send(coin, now);
  }

  /** A new mark goes out at once, as Hyperliquid pushes a context on every change. */
  priceChanged(symbol: string): void {
    if (this.coins.has(symbol)) this.send(symbol, Date.now());
  }
}

export const mockApi: MockVenueApi = {
  venue: 'hyperliquid',
  // https://app.hyperliquid.xyz/trade/BTC (and bare /trade, which shows the last coin)
  pages: [{ host: HYPERLIQUID_PAGE_HOST, path: /^\/trade(?:\/[^/]+)?\/?$/, file: 'hyperliquid.html' }],
  restHosts: [HYPERLIQUID_API_HOST],
  wsHosts: [HYPERLIQUID_API_HOST],
  symbols: HYPERLIQUID_SYMBOLS,
  endpoint: hyperliquidEndpoint,
  rest: (request, book) =>
    request.url.pathname === '/info' ? info(request, book) : { status: 404, body: 'Not Found' },
  errorBody: (status) => (status === 429 ? 'Too Many Requests' : 'Internal Server Error'),
  acceptsWsPath: (host, pathname) => host === HYPERLIQUID_API_HOST && pathname === '/ws',
  openStream: (socket, _url, book, options) => new HyperliquidStream(socket, book, options),
};
