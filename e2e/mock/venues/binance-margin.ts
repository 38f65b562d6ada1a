// Binance spot public API in the mock exchange, as documented (only what the margin feed uses,
// plus the errors it can meet): REST https://api.binance.com/api/v3/{ticker/price,exchangeInfo,
// ping,time} and the market streams on wss://stream.binance.com (/ws/<stream>,
// /stream?streams=a/b, and SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS requests). It also serves
// the spot/margin trade page at https://www.binance.com/{locale}/trade/{BASE}_{QUOTE}, and the
// site's two borrow-rate tables (cross, isolated) under https://www.binance.com/bapi/margin/.
import { readFileSync } from 'node:fs';
import type { WebSocket } from 'ws';
import type { MarketBook } from '../markets';
import { sendText, type StreamOptions, type StreamSession } from '../stream-session';
import type { JsonAnswer, MockSymbol, MockVenueApi } from '../venue-api';

export const SPOT_REST_HOST = 'api.binance.com';
export const SPOT_WS_HOST = 'stream.binance.com';
const SITE_HOST = 'www.binance.com';

/**
 * The rate tables as saved in the venue's fixtures (illustrative rates, unlike the bundled
 * example ones, so a quote priced with the live table shows), sent byte for byte.
 */
const RATE_TABLES: Readonly<Record<string, { name: string; text: string }>> = {
  '/bapi/margin/v1/friendly/margin/vip/spec/list-all': { name: 'ratesCross', text: fixtureText('rates-cross.json') },
  '/bapi/margin/v1/friendly/isolated-margin/pair/vip-level': {
    name: 'ratesIsolated',
    text: fixtureText('rates-isolated.json'),
  },
};

function fixtureText(file: string): string {
  return readFileSync(new URL(`../../../src/venues/binance-margin/fixtures/api/${file}`, import.meta.url), 'utf8');
}

interface SpotSymbol extends MockSymbol {
  base: string;
  quote: string;
  /** Binance lists pairs that are not open to margin; the feed must refuse them. */
  margin: boolean;
  /** LOT_SIZE stepSize as Binance lists it for the real pair (eight decimals). */
  stepSize: string;
}

/** Default prices differ from the futures mock's on purpose: a quote fed by the wrong API shows. */
export const SPOT_SYMBOLS: readonly SpotSymbol[] = [
  { symbol: 'BTCUSDT', base: 'BTC', quote: 'USDT', price: '64950.25', margin: true, stepSize: '0.00001000' },
  { symbol: 'ETHUSDT', base: 'ETH', quote: 'USDT', price: '3198.4', margin: true, stepSize: '0.00010000' },
];

const find = (name: string | null): SpotSymbol | undefined => SPOT_SYMBOLS.find((s) => s.symbol === name);

/** Binance spot prints every price with 8 decimals ("64950.25000000"). */
function eightDecimals(price: string): string {
  const [int, frac = ''] = price.split('.');
  return `${int}.${frac.padEnd(8, '0').slice(0, 8)}`;
}

function endpoint(host: string, pathname: string): string | null {
  // Every other path on the site host is a page or another venue's API.
  if (host === SITE_HOST)
    return RATE_TABLES[pathname] === undefined ? null : `binance-margin.${RATE_TABLES[pathname]!.name}`;
  if (host === SPOT_REST_HOST) {
    const m = /^\/api\/v3\/(ticker\/price|exchangeInfo|ping|time)$/.exec(pathname);
    return m ? `binance-margin.${m[1] === 'ticker/price' ? 'tickerPrice' : m[1]}` : 'binance-margin.other';
  }
  if (host === SPOT_WS_HOST) return 'binance-margin.ws';
  return null;
}

function errorBody(status: number): string {
  return JSON.stringify(
    status === 429
      ? {
          code: -1003,
          msg: 'Too many requests; current limit of IP is 6000 requests per minute. Please use WebSocket Streams for live updates to avoid polling the API.',
        }
      : { code: -1001, msg: 'Internal error; unable to process your request. Please try again.' },
  );
}

const INVALID_SYMBOL: JsonAnswer = { status: 400, body: { code: -1121, msg: 'Invalid symbol.' } };

function tickerPrice(s: SpotSymbol, book: MarketBook): string {
  return `{"symbol":${JSON.stringify(s.symbol)},"price":${JSON.stringify(eightDecimals(book.get('binance-margin', s.symbol).price))}}`;
}

function symbolInfo(s: SpotSymbol) {
  return {
    symbol: s.symbol,
    status: 'TRADING',
    baseAsset: s.base,
    baseAssetPrecision: 8,
    quoteAsset: s.quote,
    quotePrecision: 8,
    quoteAssetPrecision: 8,
    baseCommissionPrecision: 8,
    quoteCommissionPrecision: 8,
    orderTypes: ['LIMIT', 'LIMIT_MAKER', 'MARKET', 'STOP_LOSS', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT', 'TAKE_PROFIT_LIMIT'],
    icebergAllowed: true,
    ocoAllowed: true,
    otoAllowed: true,
    quoteOrderQtyMarketAllowed: true,
    allowTrailingStop: true,
    cancelReplaceAllowed: true,
    amendAllowed: true,
    isSpotTradingAllowed: true,
    isMarginTradingAllowed: s.margin,
    filters: [
      { filterType: 'PRICE_FILTER', minPrice: '0.01000000', maxPrice: '1000000.00000000', tickSize: '0.01000000' },
      { filterType: 'LOT_SIZE', minQty: s.stepSize, maxQty: '9000.00000000', stepSize: s.stepSize },
    ],
    permissions: [],
    permissionSets: [s.margin ? ['SPOT', 'MARGIN'] : ['SPOT']],
    defaultSelfTradePreventionMode: 'EXPIRE_MAKER',
    allowedSelfTradePreventionModes: ['EXPIRE_TAKER', 'EXPIRE_MAKER', 'EXPIRE_BOTH'],
  };
}

function exchangeInfo(symbols: readonly SpotSymbol[], now: number): JsonAnswer {
  return {
    status: 200,
    body: {
      timezone: 'UTC',
      serverTime: now,
      rateLimits: [{ rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 6000 }],
      exchangeFilters: [],
      symbols: symbols.map(symbolInfo),
    },
  };
}

function rest(url: URL, book: MarketBook): JsonAnswer {
  const now = Date.now();
  if (url.hostname === SITE_HOST) {
    const table = RATE_TABLES[url.pathname];
    return table === undefined
      ? { status: 404, body: { code: '000002', message: 'not found', success: false } }
      : { status: 200, body: table.text };
  }
  // Binance symbols are case-sensitive on REST: "btcusdt" is an invalid symbol.
  const named = url.searchParams.get('symbol');
  const s = find(named);
  switch (url.pathname) {
    case '/api/v3/ping':
      return { status: 200, body: {} };
    case '/api/v3/time':
      return { status: 200, body: { serverTime: now } };
    case '/api/v3/ticker/price':
      if (named === null) return { status: 200, body: `[${SPOT_SYMBOLS.map((x) => tickerPrice(x, book)).join(',')}]` };
      return s ? { status: 200, body: tickerPrice(s, book) } : INVALID_SYMBOL;
    case '/api/v3/exchangeInfo':
      if (named === null) return exchangeInfo(SPOT_SYMBOLS, now);
      return s ? exchangeInfo([s], now) : INVALID_SYMBOL;
    default:
      return { status: 404, body: { code: -1000, msg: `Path ${url.pathname} is not an endpoint` } };
  }
}

interface Subscription {
  stream: string; // "btcusdt@miniTicker"
  symbol: string; // "BTCUSDT"
  lastSent: number;
}

const MINI_TICKER = /^([a-z0-9]+)@miniTicker$/;
/** miniTicker: "Update Speed: 1000ms". */
const EVERY_MS = 1000;

/** One stream.binance.com connection; `combined` wraps payloads as {"stream":..,"data":..} (/stream?streams=). */
class SpotStream implements StreamSession {
  readonly venue = 'binance-margin' as const;
  private subscriptions = new Map<string, Subscription>();
  private readonly combined: boolean;

  constructor(
    readonly socket: WebSocket,
    url: URL,
    private book: MarketBook,
    private options: StreamOptions,
  ) {
    this.combined = url.pathname === '/stream';
    const fromPath = this.combined
      ? (url.searchParams.get('streams') ?? '').split('/')
      : [url.pathname.replace(/^\/ws\/?/, '')];
    for (const stream of fromPath.filter(Boolean)) this.subscribe(stream);
    socket.on('message', (data) => this.onMessage(String(data)));
  }

  subscribedSymbols(): string[] {
    return [...new Set([...this.subscriptions.values()].map((s) => s.symbol))];
  }

  private subscribe(stream: string): void {
    const m = MINI_TICKER.exec(stream);
    // Stream names are lower case; like the real server, the mock accepts unknown streams silently and never sends on them.
    const symbol = m ? find(m[1]!.toUpperCase()) : undefined;
    if (m && symbol) this.subscriptions.set(stream, { stream, symbol: symbol.symbol, lastSent: 0 });
  }

  private onMessage(text: string): void {
    let msg: any;
    try {
      msg = JSON.parse(text);
    } catch {
      sendText(
        this.socket,
        JSON.stringify({ error: { code: 3, msg: 'Invalid JSON: expected value at line 1 column 1' } }),
      );
      return;
    }
    const params: unknown[] = Array.isArray(msg?.params) ? msg.params : [];
    switch (msg?.method) {
      case 'SUBSCRIBE':
        for (const p of params) if (typeof p === 'string') this.subscribe(p);
        sendText(this.socket, JSON.stringify({ result: null, id: msg.id }));
        return;
      case 'UNSUBSCRIBE':
        for (const p of params) if (typeof p === 'string') this.subscriptions.delete(p);
        sendText(this.socket, JSON.stringify({ result: null, id: msg.id }));
        return;
      case 'LIST_SUBSCRIPTIONS':
        sendText(this.socket, JSON.stringify({ result: [...this.subscriptions.keys()], id: msg.id }));
        return;
      default:
        sendText(
          this.socket,
          JSON.stringify({
            error: { code: 2, msg: `Invalid request: unknown variant \`${String(msg?.method)}\`` },
            id: msg?.id ?? null,
          }),
        );
    }
  }

  private send(sub: Subscription, now: number): void {
    sub.lastSent = now;
    if (!this.options.streaming()) return;
    if (this.options.garbage) {
      sendText(this.socket, '{"e":"24hrMiniTicker","E":');
      return;
    }
    const q = this.book.get('binance-margin', sub.symbol);
    const price = JSON.stringify(eightDecimals(q.price));
    const data = `{"e":"24hrMiniTicker","E":${q.exchangeTime ?? now},"s":${JSON.stringify(sub.symbol)},"c":${price},"o":${price},"h":${price},"l":${price},"v":"1000.00000000","q":"65000000.00000000"}`;
    sendText(this.socket, this.combined ? `{"stream":${JSON.stringify(sub.stream)},"data":${data}}` : data);
  }

  tick(now: number): void {
    for (const sub of this.subscriptions.values()) if (now - sub.lastSent >= EVERY_MS) this.send(sub, now);
  }

  /** Binance streams on their own clock: a price change waits for the next beat. */
  priceChanged(): void {}
}

export const mockApi: MockVenueApi = {
  venue: 'binance-margin',
  // https://www.binance.com/en/trade/BTC_USDT?type=cross (any locale segment, or none; the query does not route)
  // Generation 2 (issue 13: one form behind a Buy / Sell tab switch) at the same URLs, picked by ?fixture=gen2,
  // and its page translated into Chinese (?fixture=gen2-zh-CN, binance-margin.gen2-zh-CN.html).
  pages: ['', 'gen2', 'gen2-zh-CN'].map((fixture) => ({
    host: 'www.binance.com',
    path: /^(?:\/[A-Za-z-]{2,8})?\/trade\/[A-Za-z0-9]+_[A-Za-z0-9]+\/?$/,
    file: fixture === '' ? 'binance-margin.html' : `binance-margin.${fixture}.html`,
    ...(fixture === '' ? {} : { fixture }),
  })),
  restHosts: [SPOT_REST_HOST, SITE_HOST],
  wsHosts: [SPOT_WS_HOST],
  symbols: SPOT_SYMBOLS,
  endpoint,
  rest: ({ url }, book) => rest(url, book),
  errorBody,
  acceptsWsPath: (host, pathname) =>
    host === SPOT_WS_HOST && (pathname === '/ws' || pathname.startsWith('/ws/') || pathname === '/stream'),
  openStream: (socket, url, book, options) => new SpotStream(socket, url, book, options),
};
