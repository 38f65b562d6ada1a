// Binance USDⓈ-M futures public API as documented: REST https://fapi.binance.com/fapi/v1/
// {premiumIndex,fundingInfo,exchangeInfo,time} and the market streams on wss://fstream.binance.com
// (/ws/<stream>, /stream?streams=a/b, and SUBSCRIBE/UNSUBSCRIBE/LIST_SUBSCRIPTIONS requests);
// and the site's bracket table at https://www.binance.com/bapi/futures/v1/friendly/future/common/brackets.
import { readFileSync } from 'node:fs';
import type { WebSocket } from 'ws';
import type { JsonAnswer } from './kraken-margin-api';
import { BINANCE_SYMBOLS, findBinanceSymbol, type MarketBook } from './markets';
import { sendText, type StreamOptions, type StreamSession } from './stream-session';

export const BINANCE_REST_HOST = 'fapi.binance.com';
export const BINANCE_WS_HOST = 'fstream.binance.com';
/** The site's own web API (bapi) lives on the page host; only this path of it is the feed's. */
export const BINANCE_SITE_HOST = 'www.binance.com';
export const BRACKETS_PATH = '/bapi/futures/v1/friendly/future/common/brackets';

/**
 * The bracket table of every symbol: the saved answer in the venue's fixtures (BTCUSDT's figures
 * are the bundled ones; ETHUSDT, XRPUSDT and ADAUSDT are illustrative, XRP and ADA sharing one
 * table as many real symbols do). Sent byte for byte, as Binance would.
 */
const BRACKETS_TEXT = readFileSync(
  new URL('../../src/venues/binance-usdm/fixtures/api/brackets.json', import.meta.url),
  'utf8',
);

/**
 * Every symbol's filters (price and quantity steps): the saved answer in the venue's fixtures, with
 * BTCUSDT's and ETHUSDT's real steps (0.1 / 0.001, 0.01 / 0.001). Sent byte for byte.
 */
const EXCHANGE_INFO_TEXT = readFileSync(
  new URL('../../src/venues/binance-usdm/fixtures/api/exchange-info.json', import.meta.url),
  'utf8',
);

export function binanceEndpoint(host: string, path: string): string | null {
  // Every other path on the site host is a page (or not served), never the API.
  if (host === BINANCE_SITE_HOST) return path === BRACKETS_PATH ? 'binance-usdm.brackets' : null;
  if (host === BINANCE_REST_HOST) {
    const m = /^\/fapi\/v1\/(premiumIndex|fundingInfo|exchangeInfo|time)$/.exec(path);
    return m ? `binance-usdm.${m[1]}` : 'binance-usdm.other';
  }
  if (host === BINANCE_WS_HOST) return 'binance-usdm.ws';
  return null;
}

export function binanceErrorBody(status: number): string {
  return JSON.stringify(
    status === 429
      ? {
          code: -1003,
          msg: 'Too many requests; current limit of IP is 2400 requests per minute. Please use WebSocket Streams for live updates to avoid polling the API.',
        }
      : { code: -1001, msg: 'Internal error; unable to process your request. Please try again.' },
  );
}

function premiumIndex(symbol: string, book: MarketBook, now: number): string {
  const q = book.get('binance-usdm', symbol);
  const s = JSON.stringify;
  return (
    `{"symbol":${s(symbol)},"markPrice":${s(q.price)},"indexPrice":${s(q.price)},"estimatedSettlePrice":${s(q.price)},` +
    `"lastFundingRate":${s(q.fundingRate)},"interestRate":"0.00010000","nextFundingTime":${q.nextFundingTime},"time":${q.exchangeTime ?? now}}`
  );
}

export function binanceRest(url: URL, book: MarketBook): JsonAnswer {
  const now = Date.now();
  if (url.hostname === BINANCE_SITE_HOST) {
    return url.pathname === BRACKETS_PATH
      ? { status: 200, body: BRACKETS_TEXT }
      : { status: 404, body: { code: '000002', message: 'not found', success: false } };
  }
  switch (url.pathname) {
    case '/fapi/v1/time':
      return { status: 200, body: { serverTime: now } };
    case '/fapi/v1/premiumIndex': {
      const symbol = url.searchParams.get('symbol');
      if (symbol === null)
        return { status: 200, body: `[${BINANCE_SYMBOLS.map((s) => premiumIndex(s.symbol, book, now)).join(',')}]` };
      const found = findBinanceSymbol(symbol);
      // Binance symbols are case-sensitive on REST: "btcusdt" is an invalid symbol.
      if (!found || found.symbol !== symbol) return { status: 400, body: { code: -1121, msg: 'Invalid symbol.' } };
      return { status: 200, body: premiumIndex(found.symbol, book, now) };
    }
    case '/fapi/v1/exchangeInfo':
      return { status: 200, body: EXCHANGE_INFO_TEXT };
    case '/fapi/v1/fundingInfo':
      return {
        status: 200,
        body: BINANCE_SYMBOLS.map((s) => ({
          symbol: s.symbol,
          adjustedFundingRateCap: '0.02000000',
          adjustedFundingRateFloor: '-0.02000000',
          fundingIntervalHours: s.fundingIntervalHours,
          disclaimer: false,
        })),
      };
    default:
      return { status: 404, body: { code: -5000, msg: `Path ${url.pathname}, Method GET is invalid` } };
  }
}

interface Subscription {
  stream: string; // "btcusdt@markPrice@1s"
  symbol: string; // "BTCUSDT"
  everyMs: number;
  lastSent: number;
}

const MARK_STREAM = /^([a-z0-9]+)@markPrice(@1s)?$/;

/** One fstream connection; `combined` wraps payloads as {"stream":..,"data":..} (/stream?streams=). */
export class BinanceStream implements StreamSession {
  readonly venue = 'binance-usdm' as const;
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

  /** True for the WS paths Binance serves; anything else is refused at upgrade. */
  static acceptsPath(path: string): boolean {
    return path === '/ws' || path.startsWith('/ws/') || path === '/stream';
  }

  subscribedSymbols(): string[] {
    return [...new Set([...this.subscriptions.values()].map((s) => s.symbol))];
  }

  private subscribe(stream: string): boolean {
    const m = MARK_STREAM.exec(stream);
    const symbol = m ? findBinanceSymbol(m[1]!) : undefined;
    // Real fstream accepts unknown streams silently and never sends on them; so does the mock.
    if (!m || !symbol) return false;
    this.subscriptions.set(stream, { stream, symbol: symbol.symbol, everyMs: m[2] ? 1000 : 3000, lastSent: 0 });
    return true;
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
      sendText(this.socket, '{"e":"markPriceUpdate","E":');
      return;
    }
    const q = this.book.get('binance-usdm', sub.symbol);
    const s = JSON.stringify;
    const data = `{"e":"markPriceUpdate","E":${q.exchangeTime ?? now},"s":${s(sub.symbol)},"p":${s(q.price)},"ap":${s(q.price)},"i":${s(q.price)},"P":${s(q.price)},"r":${s(q.fundingRate)},"T":${q.nextFundingTime}}`;
    sendText(this.socket, this.combined ? `{"stream":${s(sub.stream)},"data":${data}}` : data);
  }

  tick(now: number): void {
    for (const sub of this.subscriptions.values()) if (now - sub.lastSent >= sub.everyMs) this.send(sub, now);
  }

  /** Binance streams on their own clock (1 s / 3 s); a price change waits for the next beat. */
  priceChanged(): void {}
}
